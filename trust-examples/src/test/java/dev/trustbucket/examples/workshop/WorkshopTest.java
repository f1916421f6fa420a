package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WorkshopTest {

  @Test
  void storyPrintsTheWholeStoryTheSameWayEveryTime() {
    String first = story();
    String second = story();

    assertThat(first).isEqualTo(second);
    assertThat(first)
        .startsWith("TRUST BUCKET: \"The essay's story\", week by week\n")
        .contains("Policy \"default\":")
        .contains("Start 2024-09-02: 90.0 % autonomous")
        .contains("  52  2025-08-25")
        .contains("autonomous 80%")
        .contains("What the bucket shows")
        .contains("Lowest point: 23.0 %, micromanaged, at the end of week 10 (week of 2024-11-04).")
        .contains("  Lost in buckets: 5 drains in weeks 6 to 10 took it from 89.2 % to 23.0 %, 66.2 points in 5 weeks.")
        .contains("Back to trusted in week 29 (week of 2025-03-17)")
        .contains("Not back to autonomous by the end of the story.")
        .contains("Ended at 71.8 %, trusted, in week 52 (week of 2025-08-25).");
    assertThat(first.chars()).allMatch(c -> c == '\n' || (c >= 32 && c < 127));
    assertThat(first.lines()).noneMatch(l -> l.endsWith(" "));
  }

  @Test
  void tableHasOneRowPerWeek() {
    Timeline t = ScenarioRunner.of(TrustPolicy.defaults()).run(EssayStory.scenario());
    String table = Workshop.table(t);
    long rows = table.lines().filter(l -> l.matches("^ {0,3}\\d{1,4}  \\d{4}-\\d{2}-\\d{2} .*")).count();
    assertThat(rows).isEqualTo(t.weeks().size());
    assertThat(table).contains("   6  2024-10-07   70.1 %  trusted        -18.7  Missed a deadline: ");
  }

  @Test
  void describesEveryPresetWithoutFloatNoise() {
    for (TrustPolicy p : new TrustPolicy[] {
        TrustPolicy.defaults(), TrustPolicy.symmetric(), TrustPolicy.strict(), TrustPolicy.forgiving()}) {
      String d = Workshop.describe(p);
      assertThat(d).startsWith("Policy \"" + p.name() + "\":").doesNotContain("0000");
    }
    assertThat(Workshop.describe(TrustPolicy.defaults()))
        .contains("an ordinary drop fills 7 % of the room left, an ordinary drain empties 21 %");
  }

  private static String story() {
    StringWriter out = new StringWriter();
    CommandLine cl = Workshop.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("story", "--no-svg")).isZero();
    return out.toString();
  }
}
