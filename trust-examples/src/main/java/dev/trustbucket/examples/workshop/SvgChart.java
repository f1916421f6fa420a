package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.examples.format.Clip;
import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws one or two {@link Timeline}s as an SVG picture, for slides and documentation: the level
 * over time on a 0–100 % axis with month ticks, the autonomy tiers of the policy's ladder as
 * shaded bands, every event as a mark (a bluish-green dot for a drop, a vermillion triangle for a
 * drain), every breach labelled, and the ceiling that open scars leave as a dotted line. The
 * colours are the Okabe-Ito palette, which colour-blind readers tell apart.
 *
 * <p>The SVG is written by hand, without a library. It is deterministic: the same timelines give
 * the same bytes on every machine (no dates of drawing, no locale-dependent numbers), so charts
 * kept in the repository can be regenerated and compared. All text is escaped for XML.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SvgChart {
  /** The picture's width in pixels. */
  public static final int WIDTH = 960;

  /** The picture's height in pixels. */
  public static final int HEIGHT = 560;

  private static final double LEFT = 64;
  private static final double RIGHT = WIDTH - 190;
  private static final double TOP = 78;
  private static final double BOTTOM = 430;

  // The Okabe-Ito palette, which people with the common kinds of colour blindness tell apart:
  // blue and reddish purple for the two lines, bluish green for drops, vermillion for drains. The
  // marks differ in shape too (a dot, a triangle), and the second line is dashed.
  private static final String[] COLOURS = {"#0072B2", "#CC79A7"};
  private static final String[] DASHES = {"", " stroke-dasharray=\"7 4\""};
  private static final String DROP_COLOUR = "#009E73";
  private static final String DRAIN_COLOUR = "#D55E00";
  /** A scar's ceiling below this is drawn; above it the line would sit on the top of the chart. */
  private static final double CEILING_SHOWN_BELOW = 0.995;
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  /**
   * One line of the chart.
   *
   * @param label what the legend calls it, e.g. a policy's or a scenario's name
   * @param timeline the played scenario
   */
  public record Series(String label, Timeline timeline) {
    /** Checks for nulls. */
    public Series {
      requireNonNull(label, "label");
      requireNonNull(timeline, "timeline");
    }
  }

  private SvgChart() {}

  /**
   * Draws one timeline, titled with its scenario's name and description.
   *
   * @param timeline what to draw
   * @return the SVG document
   */
  public static String render(Timeline timeline) {
    return render(
        timeline.scenario().name(),
        timeline.scenario().description(),
        List.of(new Series("Policy \"" + timeline.policy().name() + "\"", timeline)));
  }

  /**
   * Draws one or two timelines on one chart. The tier bands are those of the first series'
   * policy; a second policy's thresholds, where they differ, are dashed lines.
   *
   * @param title the chart's title
   * @param subtitle one line under the title
   * @param series one or two lines to draw
   * @return the SVG document, UTF-8 text
   * @throws IllegalArgumentException when there are no series or more than two
   */
  public static String render(String title, String subtitle, List<Series> series) {
    requireNonNull(title, "title");
    requireNonNull(subtitle, "subtitle");
    if (series.isEmpty() || series.size() > 2) {
      throw new IllegalArgumentException("a chart has one or two series but got " + series.size());
    }
    return new Drawing(title, subtitle, List.copyOf(series), Integer.MAX_VALUE).draw();
  }

  /**
   * Draws one or two timelines up to a week, on the axis of the whole story: the workshop page
   * draws the chart week by week this way while the story plays. A vertical line marks the end
   * of the week shown.
   *
   * @param title the chart's title
   * @param subtitle one line under the title
   * @param series one or two lines to draw
   * @param shownWeeks how many weeks to draw, at least 1; a series with fewer is drawn whole
   * @return the SVG document, UTF-8 text
   * @throws IllegalArgumentException when there are no series or more than two, or {@code
   *     shownWeeks} is below 1
   */
  public static String render(String title, String subtitle, List<Series> series, int shownWeeks) {
    requireNonNull(title, "title");
    requireNonNull(subtitle, "subtitle");
    if (series.isEmpty() || series.size() > 2) {
      throw new IllegalArgumentException("a chart has one or two series but got " + series.size());
    }
    if (shownWeeks < 1) {
      throw new IllegalArgumentException("shownWeeks must be at least 1 but was " + shownWeeks);
    }
    return new Drawing(title, subtitle, List.copyOf(series), shownWeeks).draw();
  }

  /**
   * Escapes text for XML character data and attribute values. Characters that XML 1.0 does not
   * allow are replaced with U+FFFD.
   *
   * @param text any text
   * @return the escaped text
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (Character.isHighSurrogate(c) && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1)));
          if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            allowed = true;
          }
          out.append(allowed ? c : '\uFFFD');
      }
    }
    return out.toString();
  }

  private static final class Drawing {
    private final String title;
    private final String subtitle;
    private final List<Series> series;
    private final long t0;
    private final long t1;
    /** The end of the last week drawn, when the chart stops before the end of the story. */
    private final Instant cursor;
    private final StringBuilder out = new StringBuilder(32_768);
    private final List<double[]> labelBoxes = new ArrayList<>();

    Drawing(String title, String subtitle, List<Series> series, int shownWeeks) {
      this.title = title;
      this.subtitle = subtitle;
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      List<Series> shown = new ArrayList<>();
      Instant lastShown = null;
      boolean cut = false;
      for (Series s : series) {
        Timeline t = s.timeline();
        from = Math.min(from, t.scenario().start().getEpochSecond());
        to = Math.max(to, t.last().end().getEpochSecond());
        if (t.weeks().size() > shownWeeks) {
          cut = true;
          t = new Timeline(t.scenario(), t.policy(), t.initial(), t.weeks().subList(0, shownWeeks));
        }
        if (lastShown == null || t.last().end().isAfter(lastShown)) {
          lastShown = t.last().end();
        }
        shown.add(new Series(s.label(), t));
      }
      this.series = shown;
      this.t0 = from;
      this.t1 = Math.max(to, from + 1);
      this.cursor = cut ? lastShown : null;
    }

    String draw() {
      out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
          .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
          .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\""
              + " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
      out.append("  <title id=\"chart-title\">").append(escape(title)).append("</title>\n");
      out.append("  <desc id=\"chart-desc\">").append(escape(description())).append("</desc>\n");
      out.append("  <rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"")
          .append(HEIGHT).append("\" fill=\"#ffffff\"/>\n");
      text(LEFT, 30, "title", "font-size=\"18\" font-weight=\"bold\" fill=\"#222222\"", shorten(title, 90));
      text(LEFT, 52, "subtitle", "font-size=\"12\" fill=\"#555555\"", shorten(subtitle, 140));
      bands();
      grid();
      months();
      for (int i = 0; i < series.size(); i++) {
        ceiling(i);
      }
      for (int i = 0; i < series.size(); i++) {
        line(i);
      }
      if (cursor != null) {
        double x = x(cursor.getEpochSecond());
        out.append("  <line class=\"cursor\" x1=\"").append(f(x)).append("\" y1=\"").append(f(TOP))
            .append("\" x2=\"").append(f(x)).append("\" y2=\"").append(f(BOTTOM))
            .append("\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"1 3\"/>\n");
      }
      List<List<Timeline.StepResult>> breaches = new ArrayList<>();
      for (int i = 0; i < series.size(); i++) {
        breaches.add(marks(i));
      }
      for (int i = 0; i < series.size(); i++) {
        if (!breaches.get(i).isEmpty()) {
          out.append("  <g class=\"breach-labels series-").append(i + 1).append("\">\n");
          for (Timeline.StepResult r : breaches.get(i)) {
            breachLabel(i, r);
          }
          out.append("  </g>\n");
        }
      }
      out.append("  <rect class=\"frame\" x=\"").append(f(LEFT)).append("\" y=\"").append(f(TOP))
          .append("\" width=\"").append(f(RIGHT - LEFT)).append("\" height=\"").append(f(BOTTOM - TOP))
          .append("\" fill=\"none\" stroke=\"#888888\"/>\n");
      legend();
      out.append("</svg>\n");
      return out.toString();
    }

    private String description() {
      StringBuilder d = new StringBuilder("The level of the trust bucket over time, from 0 to 100 %");
      for (Series s : series) {
        Timeline t = s.timeline();
        d.append(String.format(Locale.ROOT, "; %s: starts at %s, lowest %s in week %d, ends at %s (%s)",
            s.label(), Percent.of(t.initial().level()), Percent.of(t.lowest().level()), t.lowest().number(),
            Percent.of(t.last().level()), Terms.format(t.last().tier())));
      }
      return d.append('.').toString();
    }

    private void bands() {
      AutonomyLadder ladder = series.get(0).timeline().policy().ladder();
      AutonomyTier[] tiers = AutonomyTier.values();
      String[] fills = {"#fbe4e1", "#fdf2d9", "#e6f2e2", "#ddeaf7"};
      out.append("  <g class=\"bands\">\n");
      for (int i = 0; i < tiers.length; i++) {
        double low = ladder.threshold(tiers[i]);
        double high = i + 1 < tiers.length ? ladder.threshold(tiers[i + 1]) : 1.0;
        String name = Terms.format(tiers[i]);
        out.append("    <rect class=\"band band-").append(tiers[i].name().toLowerCase(Locale.ROOT)).append("\" x=\"")
            .append(f(LEFT)).append("\" y=\"").append(f(y(high))).append("\" width=\"").append(f(RIGHT - LEFT))
            .append("\" height=\"").append(f(y(low) - y(high))).append("\" fill=\"").append(fills[i])
            .append("\"/>\n");
        String label = i == 0
            ? String.format(Locale.ROOT, "%s (below %s)", name, pct(high))
            : String.format(Locale.ROOT, "%s (%s+)", name, pct(low));
        text(RIGHT + 8, (y(low) + y(high)) / 2 + 4, "band-label", "fill=\"#555555\"", label);
      }
      out.append("  </g>\n");
      if (series.size() == 2) {
        AutonomyLadder other = series.get(1).timeline().policy().ladder();
        for (AutonomyTier tier : new AutonomyTier[] {AutonomyTier.SUPERVISED, AutonomyTier.TRUSTED, AutonomyTier.AUTONOMOUS}) {
          double th = other.threshold(tier);
          if (th != ladder.threshold(tier)) {
            out.append("  <line class=\"other-threshold\" x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(y(th)))
                .append("\" x2=\"").append(f(RIGHT)).append("\" y2=\"").append(f(y(th))).append("\" stroke=\"")
                .append(COLOURS[1]).append("\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>\n");
            text(RIGHT + 8, y(th) + 4, "band-label", "fill=\"" + COLOURS[1] + "\"",
                String.format(Locale.ROOT, "%s %s: %s", series.get(1).timeline().policy().name(), Terms.format(tier), pct(th)));
          }
        }
      }
    }

    private void grid() {
      out.append("  <g class=\"y-axis\">\n");
      for (int p = 0; p <= 100; p += 10) {
        double y = y(p / 100.0);
        if (p > 0 && p < 100) {
          out.append("    <line x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(y)).append("\" x2=\"")
              .append(f(RIGHT)).append("\" y2=\"").append(f(y)).append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n");
        }
        if (p % 20 == 0) {
          out.append("    <text x=\"").append(f(LEFT - 8)).append("\" y=\"").append(f(y + 4))
              .append("\" text-anchor=\"end\" fill=\"#444444\">").append(p).append(" %</text>\n");
        }
      }
      out.append("  </g>\n");
    }

    private void months() {
      LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(t0, 86_400L)).withDayOfMonth(1).plusMonths(1);
      LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(t1, 86_400L));
      long monthCount = Math.max(1, (last.getYear() - first.getYear()) * 12L + last.getMonthValue() - first.getMonthValue() + 1);
      double perMonth = (RIGHT - LEFT) / Math.max(1.0, (t1 - t0) / (86_400.0 * 30.44));
      int step = 1;
      for (int s : new int[] {1, 2, 3, 6, 12, 24, 60}) {
        step = s;
        if (s * perMonth >= 34) {
          break;
        }
      }
      out.append("  <g class=\"x-axis\">\n");
      // The first day, labelled in full; month labels too close to it are left out.
      LocalDate day0 = LocalDate.ofEpochDay(Math.floorDiv(t0, 86_400L));
      out.append("    <text x=\"").append(f(LEFT)).append("\" y=\"").append(f(BOTTOM + 19))
          .append("\" text-anchor=\"middle\" fill=\"#444444\">").append(MONTHS[day0.getMonthValue() - 1]).append(' ')
          .append(day0.getDayOfMonth()).append("</text>\n");
      out.append("    <text x=\"").append(f(LEFT)).append("\" y=\"").append(f(BOTTOM + 33))
          .append("\" text-anchor=\"middle\" fill=\"#444444\" font-weight=\"bold\">").append(day0.getYear())
          .append("</text>\n");
      int lastYear = day0.getYear();
      for (long m = 0; m < monthCount; m++) {
        LocalDate d = first.plusMonths(m);
        double x = x(d.atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        if (x < LEFT || x > RIGHT) {
          continue;
        }
        boolean labelled = (d.getMonthValue() - 1) % step == 0 && x >= LEFT + 40;
        out.append("    <line x1=\"").append(f(x)).append("\" y1=\"").append(f(BOTTOM)).append("\" x2=\"")
            .append(f(x)).append("\" y2=\"").append(f(BOTTOM + (labelled ? 6 : 3)))
            .append("\" stroke=\"#666666\"/>\n");
        if (labelled) {
          out.append("    <text x=\"").append(f(x)).append("\" y=\"").append(f(BOTTOM + 19))
              .append("\" text-anchor=\"middle\" fill=\"#444444\">").append(MONTHS[d.getMonthValue() - 1])
              .append("</text>\n");
          if (d.getYear() != lastYear) {
            out.append("    <text x=\"").append(f(x)).append("\" y=\"").append(f(BOTTOM + 33))
                .append("\" text-anchor=\"middle\" fill=\"#444444\" font-weight=\"bold\">").append(d.getYear())
                .append("</text>\n");
            lastYear = d.getYear();
          }
        }
      }
      out.append("  </g>\n");
    }

    private void line(int i) {
      Timeline t = series.get(i).timeline();
      StringBuilder points = new StringBuilder();
      point(points, t.scenario().start(), t.initial().level());
      for (Timeline.Week w : t.weeks()) {
        for (Timeline.StepResult r : w.steps()) {
          Instant at = r.step().event().time();
          point(points, at, r.levelBefore());
          point(points, at, r.after().level());
        }
        point(points, w.end(), w.level());
      }
      out.append("  <polyline class=\"level-line series-").append(i + 1).append("\" fill=\"none\" stroke=\"")
          .append(COLOURS[i]).append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\"").append(DASHES[i])
          .append(" points=\"").append(points.toString().strip()).append("\"/>\n");
    }

    /**
     * Draws the ceiling that open scars leave, week by week, as a dotted line in the series'
     * colour; nothing when the bucket never had a scar worth showing.
     */
    private void ceiling(int i) {
      Timeline t = series.get(i).timeline();
      double lowest = t.initial().ceiling();
      for (Timeline.Week w : t.weeks()) {
        lowest = Math.min(lowest, w.bucket().ceiling());
      }
      if (lowest >= CEILING_SHOWN_BELOW) {
        return;
      }
      StringBuilder points = new StringBuilder();
      point(points, t.scenario().start(), t.initial().ceiling());
      for (Timeline.Week w : t.weeks()) {
        for (Timeline.StepResult r : w.steps()) {
          point(points, r.step().event().time(), r.after().ceiling());
        }
        point(points, w.end(), w.bucket().ceiling());
      }
      out.append("  <polyline class=\"ceiling series-").append(i + 1).append("\" fill=\"none\" stroke=\"")
          .append(COLOURS[i]).append("\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\" points=\"")
          .append(points.toString().strip()).append("\"><title>")
          .append(escape("Ceiling left by open scars (" + series.get(i).label() + "): lowest "
              + Percent.of(lowest)))
          .append("</title></polyline>\n");
    }

    private void point(StringBuilder points, Instant at, double level) {
      points.append(f(x(at.getEpochSecond()))).append(',').append(f(y(level))).append(' ');
    }

    /** Draws the event marks of a series, keeps labels off them, and returns its breaches. */
    private List<Timeline.StepResult> marks(int i) {
      Timeline t = series.get(i).timeline();
      out.append("  <g class=\"events series-").append(i + 1).append("\">\n");
      List<Timeline.StepResult> breaches = new ArrayList<>();
      for (Timeline.Week w : t.weeks()) {
        for (Timeline.StepResult r : w.steps()) {
          TrustEvent e = r.step().event();
          double x = x(e.time().getEpochSecond());
          double y = y(r.after().level());
          String tip = "<title>" + escape(e.time().atOffset(ZoneOffset.UTC).toLocalDate() + ": "
              + Terms.format(e.behaviour()) + " - " + r.step().narration()) + "</title>";
          labelBoxes.add(new double[] {x - 6.5, y - 6.5, x + 6.5, y + 6.5});
          if (e.isDrop()) {
            out.append("    <circle class=\"drop\" cx=\"").append(f(x)).append("\" cy=\"").append(f(y))
                .append("\" r=\"3\" fill=\"").append(DROP_COLOUR).append("\">").append(tip).append("</circle>\n");
          } else {
            boolean breach = t.policy().isBreach(e);
            double s = breach ? 6.5 : 5;
            out.append("    <path class=\"").append(breach ? "drain breach" : "drain").append("\" d=\"M")
                .append(f(x - s)).append(',').append(f(y - s * 0.8)).append(" L").append(f(x + s)).append(',')
                .append(f(y - s * 0.8)).append(" L").append(f(x)).append(',').append(f(y + s * 0.9))
                .append(" Z\" fill=\"").append(DRAIN_COLOUR).append('"')
                .append(breach ? " stroke=\"#3b0a0a\" stroke-width=\"1.5\"" : "").append('>').append(tip)
                .append("</path>\n");
            if (breach) {
              breaches.add(r);
            }
          }
        }
      }
      out.append("  </g>\n");
      return breaches;
    }

    private void breachLabel(int i, Timeline.StepResult r) {
      TrustEvent e = r.step().event();
      String text = "Breach: " + Terms.format(e.behaviour());
      Disclosure d = e.disclosure();
      if (d.isDiscovered()) {
        text += ", " + Terms.format(d);
      }
      text = shorten(text, 64);
      double x = x(e.time().getEpochSecond()) + 7;
      double width = text.length() * 6.2;
      if (x + width > RIGHT) {
        x = Math.max(LEFT + 2, RIGHT - width);
      }
      // Below the mark where there is room, else above it: the first place free of other labels.
      List<Double> candidates = new ArrayList<>();
      for (double c = y(r.after().level()) + 18; c <= BOTTOM - 4; c += 14) {
        candidates.add(c);
      }
      for (double c = y(r.after().level()) - 10; c >= TOP + 12; c -= 14) {
        candidates.add(c);
      }
      double y = candidates.isEmpty() ? BOTTOM - 4 : candidates.get(0);
      for (double c : candidates) {
        if (free(x, c, width)) {
          y = c;
          break;
        }
      }
      labelBoxes.add(new double[] {x, y - 11, x + width, y + 3});
      text(x, y, "breach-label", "font-size=\"11\" fill=\"" + (i == 0 ? "#7f1d1d" : "#8a3b00")
          + "\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"", text);
    }

    private boolean free(double x, double y, double width) {
      for (double[] b : labelBoxes) {
        if (x < b[2] && x + width > b[0] && y - 11 < b[3] && y + 3 > b[1]) {
          return false;
        }
      }
      return true;
    }

    private void legend() {
      double y = BOTTOM + 58;
      out.append("  <g class=\"legend\">\n");
      double x = LEFT;
      for (int i = 0; i < series.size(); i++) {
        out.append("    <line x1=\"").append(f(x)).append("\" y1=\"").append(f(y - 4)).append("\" x2=\"")
            .append(f(x + 28)).append("\" y2=\"").append(f(y - 4)).append("\" stroke=\"").append(COLOURS[i])
            .append("\" stroke-width=\"2.5\"").append(DASHES[i]).append("/>\n");
        String label = shorten(series.get(i).label(), series.size() == 1 ? 80 : 60);
        text(x + 34, y, "legend-series", "fill=\"#222222\"", label);
        y += 18;
      }
      out.append("    <circle cx=\"").append(f(x + 14)).append("\" cy=\"").append(f(y - 4))
          .append("\" r=\"3\" fill=\"").append(DROP_COLOUR).append("\"/>\n");
      text(x + 34, y, "legend-item", "fill=\"#222222\"", "drop (adds to the bucket)");
      double x2 = x + 220;
      out.append("    <path d=\"M").append(f(x2 + 9)).append(',').append(f(y - 8)).append(" L").append(f(x2 + 19))
          .append(',').append(f(y - 8)).append(" L").append(f(x2 + 14)).append(',').append(f(y + 0.5))
          .append(" Z\" fill=\"").append(DRAIN_COLOUR).append("\"/>\n");
      text(x2 + 34, y, "legend-item", "fill=\"#222222\"", "drain (empties it)");
      double x3 = x + 420;
      out.append("    <path d=\"M").append(f(x3 + 7.5)).append(',').append(f(y - 9)).append(" L")
          .append(f(x3 + 20.5)).append(',').append(f(y - 9)).append(" L").append(f(x3 + 14)).append(',')
          .append(f(y + 1.5)).append(" Z\" fill=\"").append(DRAIN_COLOUR)
          .append("\" stroke=\"#3b0a0a\" stroke-width=\"1.5\"/>\n");
      text(x3 + 34, y, "legend-item", "fill=\"#222222\"", "breach (labelled): it may leave a scar");
      y += 18;
      out.append("    <line x1=\"").append(f(x)).append("\" y1=\"").append(f(y - 4)).append("\" x2=\"")
          .append(f(x + 28)).append("\" y2=\"").append(f(y - 4)).append("\" stroke=\"#444444\" stroke-width=\"1.5\""
              + " stroke-dasharray=\"2 3\"/>\n");
      text(x + 34, y, "legend-item", "fill=\"#222222\"", "ceiling left by open scars (where there is one)");
      out.append("  </g>\n");
    }

    private void text(double x, double y, String cls, String attributes, String content) {
      out.append("  <text class=\"").append(cls).append("\" x=\"").append(f(x)).append("\" y=\"").append(f(y))
          .append("\" ").append(attributes).append('>').append(escape(content)).append("</text>\n");
    }

    private double x(long epochSecond) {
      return LEFT + (RIGHT - LEFT) * (epochSecond - t0) / (double) (t1 - t0);
    }

    private static double y(double level) {
      return BOTTOM - (BOTTOM - TOP) * level;
    }
  }

  private static String pct(double level) {
    return Percent.of(level, 0);
  }

  /** A coordinate with one decimal, the same on every machine. */
  private static String f(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    if (s.equals("-0.0")) {
      s = "0.0";
    }
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static String shorten(String text, int max) {
    return Clip.to(text, max);
  }
}
