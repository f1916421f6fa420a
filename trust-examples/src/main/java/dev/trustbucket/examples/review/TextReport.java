package dev.trustbucket.examples.review;

import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.text.ExplanationFormat;
import dev.trustbucket.text.ForecastFormat;
import dev.trustbucket.history.LedgerStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link TeamReport} as plain text: an aligned summary table, then each person's details.
 * Every stored value (ids, notes, policy names) goes through {@link Escape#terminal}, so that the
 * report cannot clear a screen, retitle a window or reorder its own text.
 */
public final class TextReport {
  private TextReport() {}

  /** Explanations with {@link PersonReport#REASONS} reasons each way, events of one behaviour grouped. */
  static final ExplanationFormat EXPLAIN = ExplanationFormat.of(Locale.ENGLISH).withReasons(PersonReport.REASONS);

  /** Forecasts and why a tier is out of reach. */
  static final ForecastFormat FORECAST = ForecastFormat.of(Locale.ENGLISH);

  /**
   * Renders the report.
   *
   * @param report the report
   * @return the text, lines ending in {@code \n}, safe to print on a terminal
   */
  public static String render(TeamReport report) {
    // Cells are escaped before they are measured, so the columns line up; the whole text once more
    // at the end, which changes nothing that was escaped and catches whatever else holds stored text.
    return Escape.terminalText(unescaped(report));
  }

  private static String unescaped(TeamReport report) {
    StringBuilder s = new StringBuilder();
    s.append("Team trust review as of ").append(TeamReport.date(report.asOf()))
        .append(" (").append(report.people().size())
        .append(report.people().size() == 1 ? " relationship)" : " relationships)").append('\n');
    if (report.people().isEmpty()) {
      s.append("\nNo relationships to report yet: import events first.\n");
    } else {
      s.append('\n');
      table(s, report);
      for (PersonReport p : report.people()) {
        s.append('\n');
        details(s, p);
      }
    }
    for (Relationship r : report.notStarted()) {
      s.append("\n").append(r).append(": starts after ").append(TeamReport.date(report.asOf()))
          .append(", not reported\n");
    }
    return s.toString();
  }

  private static void table(StringBuilder s, TeamReport report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"EMPLOYEE", "MANAGER", "LEVEL", "TIER", "30 DAYS", "CONFIDENCE", "NEXT TIER"});
    for (PersonReport p : report.people()) {
      rows.add(new String[] {
        Escape.terminal(p.relationship().employee()),
        Escape.terminal(p.relationship().manager()),
        Percent.compact(p.level(), 1),
        Terms.format(p.tier()),
        p.trendArrow() + " " + points(p.trend()),
        Terms.format(p.confidence()),
        nextTierShort(p)
      });
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    boolean[] right = {false, false, true, false, false, false, false};
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        String pad = " ".repeat(width[i] - r[i].length());
        line.append(right[i] ? pad + r[i] : r[i] + (i == r.length - 1 ? "" : pad));
        if (i < r.length - 1) {
          line.append("  ");
        }
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static void details(StringBuilder s, PersonReport p) {
    s.append("== ").append(p.relationship()).append(" ==  (policy ").append(p.ledger().policy().name())
        .append(", since ").append(TeamReport.date(p.ledger().start())).append(", ")
        .append(p.events()).append(p.events() == 1 ? " event)" : " events)").append('\n');
    for (String line : EXPLAIN.format(p.explanation()).split("\\R")) {
      s.append("  ").append(line).append('\n');
    }
    s.append("  Trend: ").append(p.trendArrow()).append(' ').append(points(p.trend()))
        .append(" since ").append(TeamReport.date(p.trendFrom())).append(".\n");
    for (LedgerStep b : p.breaches()) {
      s.append("  Breach on ").append(TeamReport.date(b.event().time())).append(": ")
          .append(Terms.format(b.event().behaviour()))
          .append(b.event().note().isEmpty() ? "" : " (" + b.event().note() + ")")
          .append(String.format(Locale.ROOT, ", level %s \u2192 %s, tier %s \u2192 %s",
              Percent.compact(b.levelBefore(), 1), Percent.compact(b.levelAfter(), 1), Terms.format(b.tierBefore()),
              Terms.format(b.tierAfter())))
          .append(".\n");
    }
    if (p.breachCount() > p.breaches().size()) {
      int earlier = p.breachCount() - p.breaches().size();
      s.append("  (and ").append(earlier).append(earlier == 1 ? " earlier breach" : " earlier breaches")
          .append(", not listed)\n");
    }
    s.append("  Next tier: ").append(nextTier(p)).append('\n');
  }

  /**
   * The forecast in a short phrase for the table.
   *
   * @param p a person's report
   * @return e.g. {@code trusted in 9 wk}, {@code autonomous never} or {@code top tier}
   */
  static String nextTierShort(PersonReport p) {
    if (p.forecast().isEmpty()) {
      return "top tier";
    }
    RecoveryForecast f = p.forecast().get();
    return f.isReachable()
        ? Terms.format(f.targetTier().orElseThrow()) + " in " + f.drops() + " wk"
        : Terms.format(f.targetTier().orElseThrow()) + " never";
  }

  /**
   * The forecast in a sentence.
   *
   * @param p a person's report
   * @return the sentence, without a final full stop for "never"
   */
  static String nextTier(PersonReport p) {
    if (p.forecast().isEmpty()) {
      return "already in the top tier, " + Terms.format(p.tier()) + ".";
    }
    RecoveryForecast f = p.forecast().get();
    if (f.isReachable()) {
      return String.format(Locale.ROOT, "%s after %d %s on commitment, one a week, around %s.",
          Terms.format(f.targetTier().orElseThrow()), f.drops(), f.drops() == 1 ? "delivery" : "deliveries",
          TeamReport.date(f.reachedAt().orElseThrow()));
    }
    return Terms.format(f.targetTier().orElseThrow()) + " never at one delivery on commitment a week: "
        + FORECAST.formatOutOfReach(f).orElse("out of reach") + ".";
  }

  /** A trend in percentage points with its sign (an ASCII minus, as in the workshop) and unit. */
  static String points(double delta) {
    return Percent.signedPoints(delta) + " pts";
  }
}
