package dev.trustbucket.examples.review;

import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.explain.Contribution;
import dev.trustbucket.explain.Reason;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.history.TimelinePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link TeamReport} as one self-contained HTML page: inline CSS, an inline SVG chart per
 * person, no scripts and no external resources. The page is also well-formed XML (XHTML
 * syntax), and every piece of stored text (ids, notes, policy names) goes through {@link
 * Escape#html}. Its size does not grow with the length of a history: a chart has at most {@link
 * PersonReport#MAX_CHART_POINTS} + 1 points, {@link PersonReport#MAX_BREACHES} breach marks and 60
 * axis ticks, and each person lists at most {@link PersonReport#REASONS} reasons and open scars.
 */
public final class HtmlReport {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int RIGHT = 100;
  private static final int TOP = 10;
  private static final int BOTTOM = 26;

  private static final String[] BAND_COLOURS = {"#fbe3e1", "#fdf1d3", "#e2f1df", "#dcebfa"};

  private static final String CSS =
      "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:60em;"
          + "color:#222;padding:0 1em}"
          + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}"
          + "table{border-collapse:collapse}th,td{padding:.3em .8em;text-align:left;border-bottom:1px solid #eee}"
          + "td.num{text-align:right;font-variant-numeric:tabular-nums}"
          + ".up{color:#1a7f37}.down{color:#c62828}.flat{color:#777}"
          + ".tier{font-weight:600;font-size:.85em;letter-spacing:.03em}"
          + "svg{display:block;margin:.5em 0;max-width:100%;height:auto}"
          + ".meta{color:#666;font-size:.9em}ul{margin:.2em 0 .8em}"
          + "footer{margin-top:3em;color:#888;font-size:.8em}";

  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param report the report
   * @return the page
   */
  public static String render(TeamReport report) {
    StringBuilder s = new StringBuilder(16_384);
    String title = "Team trust review as of " + TeamReport.date(report.asOf());
    s.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"UTF-8\"/>\n<title>").append(esc(title)).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>").append(esc(title)).append("</h1>\n");
    if (report.people().isEmpty()) {
      s.append("<p>No relationships to report yet: import events first.</p>\n");
    } else {
      summary(s, report);
      // One time axis for the whole team, so the charts compare: from the earliest start to asOf.
      Instant from = report.people().stream().map(p -> p.ledger().start()).min(Instant::compareTo).orElseThrow();
      int i = 0;
      for (PersonReport p : report.people()) {
        person(s, p, ++i, from);
      }
    }
    for (var r : report.notStarted()) {
      s.append("<p class=\"meta\">").append(esc(r.toString())).append(": starts after ")
          .append(esc(TeamReport.date(report.asOf()))).append(", not reported.</p>\n");
    }
    s.append("<footer>Made with Trust Bucket. Levels follow from the recorded events and the policy; "
        + "a level is evidence for a conversation, not a verdict.</footer>\n</body>\n</html>\n");
    return s.toString();
  }

  private static void summary(StringBuilder s, TeamReport report) {
    s.append("<table>\n<thead><tr><th>Employee</th><th>Manager</th><th>Level</th><th>Tier</th>"
        + "<th>30 days</th><th>Confidence</th><th>Next tier</th></tr></thead>\n<tbody>\n");
    int i = 0;
    for (PersonReport p : report.people()) {
      i++;
      s.append("<tr><td><a href=\"#p").append(i).append("\">").append(esc(p.relationship().employee()))
          .append("</a></td><td>").append(esc(p.relationship().manager())).append("</td>")
          .append("<td class=\"num\">").append(Percent.compact(p.level(), 1)).append("</td>")
          .append("<td class=\"tier\">").append(esc(Terms.format(p.tier()))).append("</td>")
          .append("<td class=\"").append(trendClass(p)).append("\">").append(p.trendArrow()).append(' ')
          .append(esc(TextReport.points(p.trend()))).append("</td>")
          .append("<td>").append(esc(Terms.format(p.confidence()))).append("</td>")
          .append("<td>").append(esc(TextReport.nextTierShort(p))).append("</td></tr>\n");
    }
    s.append("</tbody>\n</table>\n");
  }

  private static String trendClass(PersonReport p) {
    String a = p.trendArrow();
    return a.equals("\u2191") ? "up" : a.equals("\u2193") ? "down" : "flat";
  }

  private static void person(StringBuilder s, PersonReport p, int index, Instant from) {
    s.append("<section id=\"p").append(index).append("\">\n<h2>").append(esc(p.relationship().toString()))
        .append("</h2>\n<p class=\"meta\">Policy ").append(esc(p.ledger().policy().name()))
        .append(", since ").append(esc(TeamReport.date(p.ledger().start()))).append(", ")
        .append(p.events()).append(p.events() == 1 ? " event" : " events").append(".</p>\n");
    s.append("<p>Level <strong>").append(Percent.compact(p.level(), 1)).append("</strong>, tier <strong>")
        .append(esc(Terms.format(p.tier()))).append("</strong>, backed by ").append(esc(Terms.format(p.confidence())))
        .append(". Trend <span class=\"").append(trendClass(p)).append("\">").append(p.trendArrow()).append(' ')
        .append(esc(TextReport.points(p.trend()))).append("</span> since ")
        .append(esc(TeamReport.date(p.trendFrom()))).append(".</p>\n");
    chart(s, p, from);
    reasons(s, "Raised most by", p.reasonsUp());
    reasons(s, "Lowered most by", p.reasonsDown());
    List<Contribution> scars = p.openScars();
    if (!scars.isEmpty()) {
      s.append("<p>Open scars keep the ceiling at ").append(Percent.compact(p.state().ceiling(), 1))
          .append(scars.size() > PersonReport.REASONS ? "; the deepest " + PersonReport.REASONS + " of " + scars.size() : "")
          .append(":</p>\n<ul>\n");
      for (Contribution c : scars.subList(0, Math.min(PersonReport.REASONS, scars.size()))) {
        s.append("<li>").append(esc(TextReport.EXPLAIN.formatScar(c))).append("</li>\n");
      }
      s.append("</ul>\n");
    }
    s.append("<p>Next tier: ").append(esc(TextReport.nextTier(p))).append("</p>\n</section>\n");
  }

  private static void reasons(StringBuilder s, String title, List<Reason> list) {
    if (list.isEmpty()) {
      return;
    }
    s.append("<p>").append(title).append(":</p>\n<ul>\n");
    for (Reason r : list) {
      s.append("<li>").append(esc(TextReport.EXPLAIN.format(r))).append("</li>\n");
    }
    s.append("</ul>\n");
  }

  /** The level over time from {@code from} to the report's instant, on the tier bands, with breaches marked. */
  private static void chart(StringBuilder s, PersonReport p, Instant from) {
    List<TimelinePoint> points = p.timeline();
    AutonomyLadder ladder = p.ledger().policy().ladder();
    long t0 = from.getEpochSecond();
    long t1 = Math.max(p.asOf().getEpochSecond(), t0 + 1);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    String label = "Level of " + p.relationship() + " from " + TeamReport.date(p.ledger().start()) + " to "
        + TeamReport.date(p.asOf()) + ", now " + Percent.compact(p.level(), 1) + " (" + Terms.format(p.tier()) + ")";
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\">\n<title>")
        .append(esc(label)).append("</title>\n");
    // Tier bands, from the policy's ladder.
    AutonomyTier[] tiers = AutonomyTier.values();
    for (int i = 0; i < tiers.length; i++) {
      double lo = ladder.threshold(tiers[i]);
      double hi = i + 1 < tiers.length ? ladder.threshold(tiers[i + 1]) : 1.0;
      double yTop = y(hi, plotH);
      double yBottom = y(lo, plotH);
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>"
              + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#555\">%s</text>\n",
          LEFT, yTop, plotW, yBottom - yTop, BAND_COLOURS[i],
          LEFT + plotW + 6, (yTop + yBottom) / 2 + 3, esc(Terms.format(tiers[i]))));
    }
    // Axes: 0, baseline, 100 %, and month (or year) ticks.
    for (double level : new double[] {0.0, p.ledger().policy().baseline(), 1.0}) {
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-width=\"0.5\"%s/>"
              + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">%s</text>\n",
          LEFT, y(level, plotH), LEFT + plotW, y(level, plotH),
          level > 0 && level < 1 ? " stroke-dasharray=\"4 3\"" : "", LEFT - 4, y(level, plotH) + 3, Percent.compact(level)));
    }
    ticks(s, t0, t1, plotW, plotH);
    // The level, sampled weekly.
    StringBuilder line = new StringBuilder();
    for (TimelinePoint pt : points) {
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(pt.time(), t0, t1, plotW), y(pt.level(), plotH)));
    }
    s.append("<polyline fill=\"none\" stroke=\"#1f4e99\" stroke-width=\"2\" points=\"")
        .append(line.toString().strip()).append("\"/>\n");
    // Breaches, where they left the level.
    for (LedgerStep b : p.breaches()) {
      var e = b.event();
      String tip = Terms.format(e.behaviour()) + (e.note().isEmpty() ? "" : " (" + e.note() + ")") + " on "
          + TeamReport.date(e.time()) + ": " + Percent.compact(b.levelBefore(), 1) + " \u2192 "
          + Percent.compact(b.levelAfter(), 1);
      s.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#c62828\" stroke=\"#fff\" stroke-width=\"1.5\">",
          x(e.time(), t0, t1, plotW), y(b.levelAfter(), plotH)))
          .append("<title>").append(esc(tip)).append("</title></circle>\n");
    }
    s.append("</svg>\n");
    if (!p.breaches().isEmpty()) {
      s.append("<p class=\"meta\">Red dots mark ")
          .append(p.breachCount() > p.breaches().size() ? "the last " + p.breaches().size() + " of " + p.breachCount() + " breaches" : "breaches")
          .append(" (hover for details).</p>\n");
    }
  }

  private static void ticks(StringBuilder s, long t0, long t1, double plotW, double plotH) {
    LocalDate from = LocalDate.ofEpochDay(Math.floorDiv(t0, 86_400L));
    LocalDate to = LocalDate.ofEpochDay(Math.floorDiv(t1, 86_400L));
    boolean yearly = from.plusMonths(18).isBefore(to);
    LocalDate d = yearly ? LocalDate.of(from.getYear() + 1, 1, 1) : from.withDayOfMonth(1).plusMonths(1);
    int guard = 0;
    while (!d.isAfter(to) && guard++ < 60) {
      Instant at = d.atStartOfDay(ZoneOffset.UTC).toInstant();
      double x = x(at, t0, t1, plotW);
      String text = yearly || d.getMonthValue() == 1
          ? Integer.toString(d.getYear())
          : d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" stroke-width=\"0.5\"/>"
              + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#555\" text-anchor=\"middle\">%s</text>\n",
          x, TOP + plotH, x, TOP + plotH + 4, x, TOP + plotH + 15, text));
      d = yearly ? d.plusYears(1) : d.plusMonths(1);
    }
  }

  private static double x(Instant t, long t0, long t1, double plotW) {
    double f = (double) (t.getEpochSecond() - t0) / (t1 - t0);
    return LEFT + Math.max(0, Math.min(1, f)) * plotW;
  }

  private static double y(double level, double plotH) {
    return TOP + (1 - level) * plotH;
  }

  private static String esc(String text) {
    return Escape.html(text);
  }
}
