package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import java.util.Locale;
import java.util.Optional;

/**
 * Two timelines side by side: the same scenario under two policies, or two variants of a
 * scenario (the mistake hidden or self-reported) under one. Prints a week-by-week table, one
 * terminal chart with both lines, and what differs.
 *
 * @param first the first series, drawn with {@code '*'} and a solid line
 * @param second the second series, drawn with {@code 'o'} and a dashed line
 */
public record Comparison(SvgChart.Series first, SvgChart.Series second) {

  /** Checks for nulls. */
  public Comparison {
    requireNonNull(first, "first");
    requireNonNull(second, "second");
  }

  /**
   * Returns the chart's title.
   *
   * @return e.g. {@code "Hiding a mistake vs Owning it"}
   */
  public String title() {
    return first.label() + " vs " + second.label();
  }

  /**
   * Returns the comparison as text: the two series, a week-by-week table, a chart with both
   * lines and a summary of each.
   *
   * @return the report, lines separated by {@code '\n'}
   */
  public String report() {
    Timeline a = first.timeline();
    Timeline b = second.timeline();
    StringBuilder out = new StringBuilder();
    String title = "TRUST BUCKET: " + first.label() + " (A) vs " + second.label() + " (B)";
    out.append(title).append('\n').append("=".repeat(Math.min(title.length(), 100))).append("\n\n");
    describe(out, '*', "A", first);
    describe(out, 'o', "B", second);
    if (!a.scenario().start().equals(b.scenario().start())) {
      out.append("The two start on different days; each column is a week counted from its own start.\n");
    }
    out.append('\n');

    out.append(String.format(Locale.ROOT, "%4s  %-10s  %7s  %-12s  %7s  %-12s  %6s\n",
        "Week", "Week of", "A", "A tier", "B", "B tier", "B - A"));
    out.append(String.format(Locale.ROOT, "%4s  %-10s  %7s  %-12s  %7s  %-12s  %6s\n",
        "----", "----------", "-------", "------------", "-------", "------------", "------")
        );
    int weeks = Math.max(a.weeks().size(), b.weeks().size());
    for (int i = 0; i < weeks; i++) {
      Timeline.Week wa = i < a.weeks().size() ? a.weeks().get(i) : null;
      Timeline.Week wb = i < b.weeks().size() ? b.weeks().get(i) : null;
      String row = String.format(Locale.ROOT, "%4d  %-10s  %7s  %-12s  %7s  %-12s  %6s",
          i + 1,
          (wa != null ? wa : wb).start(),
          wa == null ? "" : Percent.of(wa.level()),
          wa == null ? "" : Terms.format(wa.tier()),
          wb == null ? "" : Percent.of(wb.level()),
          wb == null ? "" : Terms.format(wb.tier()),
          wa == null || wb == null ? "" : Percent.signedPoints(wb.level() - wa.level()));
      out.append(row.stripTrailing()).append('\n');
    }
    out.append('\n').append("The level at the end of each week\n\n");
    out.append(TerminalChart.standard().renderComparison(a, b));
    out.append("      *: A   o: B   @: both   .....: tiers of policy \"").append(a.policy().name())
        .append("\"   x: drain   +: drops only\n\n");

    out.append("What differs\n------------\n");
    summary(out, "A", a);
    summary(out, "B", b);
    double gap = b.last().level() - a.last().level();
    out.append("At the end B is ").append(Percent.points(Math.abs(gap))).append(" points ")
        .append(gap >= 0 ? "above" : "below").append(" A.\n");
    return out.toString();
  }

  private static void describe(StringBuilder out, char glyph, String name, SvgChart.Series s) {
    Timeline t = s.timeline();
    out.append(String.format(Locale.ROOT, "%s (%c): %s\n    %s\n    policy \"%s\", %d events, %d weeks from %s\n",
        name, glyph, s.label(), t.scenario().description(), t.policy().name(), t.scenario().steps().size(),
        t.weeks().size(), t.weeks().get(0).start()));
  }

  private static void summary(StringBuilder out, String name, Timeline t) {
    Timeline.Week low = t.lowest();
    Timeline.Week last = t.last();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%s: from %s to a lowest %s (%s, week %d), ended at %s, %s",
        name, Percent.of(t.initial().level()), Percent.of(low.level()), Terms.format(low.tier()), low.number(),
        Percent.of(last.level()), Terms.format(last.tier())));
    if (last.bucket().scar() > 0) {
      line.append(", scar ").append(Percent.points(last.bucket().scar())).append(" points");
    }
    Optional<Timeline.Week> below = t.firstWeekBelow(AutonomyTier.TRUSTED, 0);
    if (below.isPresent()) {
      Optional<Timeline.Week> back = t.firstWeekAtOrAbove(AutonomyTier.TRUSTED, low.number());
      String trusted = Terms.format(AutonomyTier.TRUSTED);
      line.append(back.map(w -> String.format(Locale.ROOT, "; back to %s in week %d", trusted, w.number()))
          .orElse("; not back to " + trusted));
    }
    out.append(line).append(".\n");
  }
}
