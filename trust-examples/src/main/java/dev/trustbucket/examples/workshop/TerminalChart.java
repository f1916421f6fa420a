package dev.trustbucket.examples.workshop;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as a plain-ASCII chart of the level over time, for a terminal or a
 * slide: one column per week, one row per band of {@code 100 / height} percent.
 *
 * <pre>
 * 100% +------------------------------------------------------
 *      |***
 *  80% |...*...............................................  autonomous 80%
 *      |    *
 *  ...
 *   0% |
 *      +------------------------------------------------------
 *      |+++x xx                    (x: a week with a drain, +: drops only)
 *       Sep    Oct    Nov    Dec    Jan ...
 *       2024                        2025
 * </pre>
 *
 * <p>Row {@code r} (counted from 0 at the bottom) holds the levels in {@code [r/height, (r+1)/height)};
 * the top row also holds a full bucket. Each tier threshold of the policy's ladder is a dotted line
 * in the row that holds the threshold, so a week drawn on or above the line has reached the
 * level that earns the tier (the tier itself may differ a little, because of hysteresis and the
 * minimum stay). The output depends only on the timeline: no colours, no terminal queries.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TerminalChart {
  /** The default number of rows for the level: 5 percentage points each. */
  public static final int DEFAULT_HEIGHT = 20;

  /** The width of the y-axis labels, including the axis itself. */
  public static final int MARGIN = 6;

  private static final char POINT = '*';
  private static final char SECOND_POINT = 'o';
  private static final char BOTH = '@';
  private static final char DOT = '.';
  // Spelled out rather than taken from a locale, so the chart is the same on every machine.
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private final int height;

  private TerminalChart(int height) {
    InvalidTrustInputException.check(
        height >= 2 && height <= 200, "height", "height must be between 2 and 200 but was %s", height);
    this.height = height;
  }

  /**
   * Returns a chart with {@link #DEFAULT_HEIGHT} rows.
   *
   * @return the chart
   */
  public static TerminalChart standard() {
    return new TerminalChart(DEFAULT_HEIGHT);
  }

  /**
   * Returns a chart with {@code height} rows for the level.
   *
   * @param height the number of rows, 2 to 200
   * @return the chart
   * @throws InvalidTrustInputException when {@code height} is out of range
   */
  public static TerminalChart withHeight(int height) {
    return new TerminalChart(height);
  }

  /**
   * Returns the number of rows used for the level.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * Draws the chart.
   *
   * @param timeline what to draw
   * @return the chart's lines joined by {@code '\n'}, ending with a line break
   */
  public String render(Timeline timeline) {
    StringBuilder out = new StringBuilder();
    for (String line : lines(timeline)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /**
   * Draws the chart as lines, without trailing spaces: a top line at 100 %, {@link #height()}
   * rows for the level, the time axis, a strip marking the weeks with events, the month labels
   * and the year labels.
   *
   * @param timeline what to draw
   * @return {@code height() + 5} lines
   */
  public List<String> lines(Timeline timeline) {
    return lines(List.of(timeline), new char[] {POINT});
  }

  /**
   * Draws two timelines on one chart, for a comparison: the first with {@code '*'}, the second
   * with {@code 'o'}, and {@code '@'} where both fall in the same cell. Column {@code c} is week
   * {@code c + 1} of each timeline; the month and year labels and the tier thresholds are those of
   * the first. Below the axis each timeline has its own strip of event marks, headed by its glyph.
   *
   * @param first drawn with {@code '*'}
   * @param second drawn with {@code 'o'}
   * @return {@code height() + 6} lines
   */
  public List<String> compareLines(Timeline first, Timeline second) {
    return lines(List.of(first, second), new char[] {POINT, SECOND_POINT});
  }

  /**
   * Draws two timelines on one chart; see {@link #compareLines}.
   *
   * @param first drawn with {@code '*'}
   * @param second drawn with {@code 'o'}
   * @return the chart's lines joined by {@code '\n'}, ending with a line break
   */
  public String renderComparison(Timeline first, Timeline second) {
    StringBuilder out = new StringBuilder();
    for (String line : compareLines(first, second)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private List<String> lines(List<Timeline> series, char[] glyphs) {
    Timeline timeline = series.get(0);
    List<Timeline.Week> weeks = timeline.weeks();
    int width = series.stream().mapToInt(t -> t.weeks().size()).max().orElseThrow();
    AutonomyLadder ladder = timeline.policy().ladder();

    char[][] grid = new char[height][width];
    String[] rightLabels = new String[height];
    for (char[] row : grid) {
      Arrays.fill(row, ' ');
    }
    for (AutonomyTier tier : new AutonomyTier[] {AutonomyTier.SUPERVISED, AutonomyTier.TRUSTED, AutonomyTier.AUTONOMOUS}) {
      double threshold = ladder.threshold(tier);
      int row = rowOf(threshold);
      Arrays.fill(grid[row], DOT);
      String label = Terms.format(tier) + " " + percent(threshold);
      rightLabels[row] = rightLabels[row] == null ? label : rightLabels[row] + ", " + label;
    }
    for (int s = 0; s < series.size(); s++) {
      List<Timeline.Week> ws = series.get(s).weeks();
      for (int c = 0; c < ws.size(); c++) {
        int row = rowOf(ws.get(c).level());
        char here = grid[row][c];
        grid[row][c] = here == POINT && glyphs[s] == SECOND_POINT ? BOTH : glyphs[s];
      }
    }

    List<String> lines = new ArrayList<>(height + 4 + series.size());
    lines.add(pad("100%", MARGIN - 1) + "+" + "-".repeat(width));
    int labelEvery = Math.max(1, height / 5);
    for (int r = height - 1; r >= 0; r--) {
      String label = r % labelEvery == 0 ? percent((double) r / height) : "";
      StringBuilder line = new StringBuilder(pad(label, MARGIN - 1)).append('|').append(grid[r]);
      if (rightLabels[r] != null) {
        line.append("  ").append(rightLabels[r]);
      }
      lines.add(stripTrailing(line));
    }
    lines.add(" ".repeat(MARGIN - 1) + "+" + "-".repeat(width));

    for (int s = 0; s < series.size(); s++) {
      String head = series.size() == 1 ? "" : String.valueOf(glyphs[s]);
      StringBuilder strip = new StringBuilder(pad(head, MARGIN - 1)).append('|');
      for (Timeline.Week w : series.get(s).weeks()) {
        strip.append(w.hasDrain() ? 'x' : w.steps().isEmpty() ? ' ' : '+');
      }
      lines.add(stripTrailing(strip));
    }

    char[] months = blank(MARGIN + width + 4);
    char[] years = blank(MARGIN + width + 4);
    int free = 0;
    int lastYear = Integer.MIN_VALUE;
    LocalDate previous = null;
    for (int c = 0; c < width; c++) {
      LocalDate d = c < weeks.size()
          ? weeks.get(c).start()
          : weeks.get(weeks.size() - 1).start().plusWeeks(c - weeks.size() + 1L);
      boolean newMonth = previous == null || d.getMonth() != previous.getMonth();
      previous = d;
      int at = MARGIN + c;
      if (newMonth && at >= free) {
        String name = MONTHS[d.getMonthValue() - 1];
        put(months, at, name);
        free = at + name.length() + 1;
        if (d.getYear() != lastYear) {
          put(years, at, Integer.toString(d.getYear()));
          lastYear = d.getYear();
        }
      }
    }
    lines.add(stripTrailing(new StringBuilder().append(months)));
    lines.add(stripTrailing(new StringBuilder().append(years)));
    return lines;
  }

  /** The row that holds a level: {@code floor(level * height)}, with a full bucket in the top row. */
  int rowOf(double level) {
    return Math.min(height - 1, Math.max(0, (int) Math.floor(level * height)));
  }

  private static String percent(double level) {
    return Percent.compact(level);
  }

  private static String pad(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  private static char[] blank(int n) {
    char[] c = new char[n];
    Arrays.fill(c, ' ');
    return c;
  }

  private static void put(char[] line, int at, String text) {
    for (int i = 0; i < text.length() && at + i < line.length; i++) {
      line[at + i] = text.charAt(i);
    }
  }

  private static String stripTrailing(CharSequence s) {
    return s.toString().stripTrailing();
  }
}
