package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalChartTest {
  private final Timeline story = ScenarioRunner.of(TrustPolicy.defaults()).run(EssayStory.scenario());

  @Test
  void hasOneRowPerFivePointsAndOneColumnPerWeek() {
    List<String> lines = TerminalChart.standard().lines(story);

    assertThat(lines).hasSize(TerminalChart.DEFAULT_HEIGHT + 5);
    int width = story.weeks().size();
    String top = lines.get(0);
    String axis = lines.get(TerminalChart.DEFAULT_HEIGHT + 1);
    assertThat(top).isEqualTo(" 100%+" + "-".repeat(width));
    assertThat(axis).isEqualTo("     +" + "-".repeat(width));
    for (String row : lines.subList(1, TerminalChart.DEFAULT_HEIGHT + 1)) {
      assertThat(row.charAt(TerminalChart.MARGIN - 1)).isEqualTo('|');
      // Exactly one point per column across the level rows.
      assertThat(row.length()).isLessThanOrEqualTo(TerminalChart.MARGIN + width + 40);
    }
    for (int c = 0; c < width; c++) {
      int col = TerminalChart.MARGIN + c;
      long points = lines.subList(1, TerminalChart.DEFAULT_HEIGHT + 1).stream()
          .filter(r -> r.length() > col && r.charAt(col) == '*')
          .count();
      assertThat(points).as("column %s", c).isEqualTo(1);
    }
  }

  @Test
  void drawsEachWeekInTheRowOfItsLevel() {
    List<String> lines = TerminalChart.standard().lines(story);
    for (Timeline.Week w : story.weeks()) {
      int row = (int) Math.floor(w.level() * 20);
      String line = lines.get(TerminalChart.DEFAULT_HEIGHT - row);
      assertThat(line.charAt(TerminalChart.MARGIN + w.number() - 1)).as("week %s", w.number()).isEqualTo('*');
    }
  }

  @Test
  void drawsTheTierThresholdsAsLabelledDottedLines() {
    List<String> lines = TerminalChart.standard().lines(story);
    assertThat(lines.get(20 - 16)).startsWith("  80%|").contains("....").endsWith("autonomous 80%");
    assertThat(lines.get(20 - 12)).startsWith("  60%|").contains("....").endsWith("trusted 60%");
    assertThat(lines.get(20 - 7)).startsWith("     |").contains("....").endsWith("supervised 35%");
    assertThat(lines.get(20)).startsWith("   0%|");
  }

  @Test
  void marksEventsAndLabelsMonthsAndYears() {
    List<String> lines = TerminalChart.standard().lines(story);
    String strip = lines.get(22);
    String months = lines.get(23);
    String years = lines.get(24);
    // Weeks 6 to 10 hold the drains; week 2 is quiet.
    assertThat(strip.substring(TerminalChart.MARGIN)).startsWith("+ ++ xxxxx+");
    assertThat(months.substring(TerminalChart.MARGIN)).startsWith("Sep  Oct Nov Dec  Jan");
    assertThat(months).contains("Aug");
    assertThat(years.substring(TerminalChart.MARGIN)).startsWith("2024");
    // January 2025 is the week of 2025-01-06, the 19th column.
    assertThat(years.indexOf("2025")).isEqualTo(TerminalChart.MARGIN + 18);
    assertThat(months.indexOf("Jan")).isEqualTo(TerminalChart.MARGIN + 18);
  }

  @Test
  void isPlainAsciiWithoutTrailingSpaces() {
    String chart = TerminalChart.standard().render(story);
    assertThat(chart.chars()).allMatch(c -> c == '\n' || (c >= 32 && c < 127));
    assertThat(chart.lines()).noneMatch(l -> l.endsWith(" "));
    assertThat(chart).endsWith("\n");
  }

  @Test
  void honoursACustomHeight() {
    Instant start = Instant.parse("2025-01-06T09:00:00Z");
    Timeline full = ScenarioRunner.of(TrustPolicy.defaults()).run(
        Scenario.builder("full", "A full bucket.").startingAt(start, 1.0)
            .endingAt(start.plus(Duration.ofDays(7))).build());
    List<String> lines = TerminalChart.withHeight(10).lines(full);
    assertThat(lines).hasSize(15);
    // A full bucket decays a little in a week, but stays in the top row.
    assertThat(lines.get(1)).isEqualTo("     |*");
    assertThatThrownBy(() -> TerminalChart.withHeight(1)).isInstanceOf(InvalidTrustInputException.class);
  }

  @Test
  void comparesTwoTimelinesWithTwoGlyphsAndTwoStrips() {
    Timeline symmetric = ScenarioRunner.of(TrustPolicy.symmetric()).run(EssayStory.scenario());
    List<String> lines = TerminalChart.standard().compareLines(story, symmetric);
    assertThat(lines).hasSize(TerminalChart.DEFAULT_HEIGHT + 6);
    List<String> rows = lines.subList(1, TerminalChart.DEFAULT_HEIGHT + 1);
    TerminalChart chart = TerminalChart.standard();
    for (int c = 0; c < story.weeks().size(); c++) {
      int col = TerminalChart.MARGIN + c;
      int rowA = TerminalChart.DEFAULT_HEIGHT - 1 - chart.rowOf(story.weeks().get(c).level());
      int rowB = TerminalChart.DEFAULT_HEIGHT - 1 - chart.rowOf(symmetric.weeks().get(c).level());
      if (rowA == rowB) {
        assertThat(rows.get(rowA).charAt(col)).as("week %s", c + 1).isEqualTo('@');
      } else {
        assertThat(rows.get(rowA).charAt(col)).as("week %s", c + 1).isEqualTo('*');
        assertThat(rows.get(rowB).charAt(col)).as("week %s", c + 1).isEqualTo('o');
      }
    }
    // The first weeks, before any drain, are the same under both policies.
    assertThat(rows.get(TerminalChart.DEFAULT_HEIGHT - 1 - chart.rowOf(story.weeks().get(0).level()))
        .charAt(TerminalChart.MARGIN)).isEqualTo('@');
    assertThat(lines.get(TerminalChart.DEFAULT_HEIGHT + 2)).startsWith("    *|+ ++ xxxxx+");
    assertThat(lines.get(TerminalChart.DEFAULT_HEIGHT + 3)).startsWith("    o|+ ++ xxxxx+");
    assertThat(lines.get(TerminalChart.DEFAULT_HEIGHT + 4).substring(TerminalChart.MARGIN)).startsWith("Sep");
    // A single timeline still draws exactly as before.
    assertThat(TerminalChart.standard().lines(story)).hasSize(TerminalChart.DEFAULT_HEIGHT + 5);
  }
}
