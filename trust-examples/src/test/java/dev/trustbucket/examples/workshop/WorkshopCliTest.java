package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the program's subcommands as a user would, through picocli, and checks exit codes and output. */
class WorkshopCliTest {
  @TempDir Path dir;

  private static final String GOOD = """
      title: Two weeks
      description: A win and a miss.
      start: 2025-01-06
      end: 2025-01-20
      2025-01-07  small-win  note="first win"
      2025-01-14  missed-deadline  self-reported
      """;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Workshop.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  // ---- story ----

  @Test
  void storyPrintsTheReportAndWritesTheChartWhereAsked() throws Exception {
    Path svg = dir.resolve("charts/story.svg");
    Result r = run("story", "--svg", svg.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("TRUST BUCKET: \"The essay's story\", week by week")
        .contains("What the bucket shows")
        .endsWith("\nSVG chart written to " + svg.toAbsolutePath().normalize() + System.lineSeparator());
    SvgChartTest.parse(Files.readString(svg));
  }

  @Test
  void storyWritesToTheOutputDirectoryByDefault() {
    String old = System.getProperty(Workshop.OUTPUT_PROPERTY);
    System.setProperty(Workshop.OUTPUT_PROPERTY, dir.resolve("out").toString());
    try {
      Result r = run("story");
      assertThat(r.code()).isZero();
      Path expected = dir.resolve("out/story.svg").toAbsolutePath().normalize();
      assertThat(expected).exists();
      assertThat(r.out()).contains("SVG chart written to " + expected);
      assertThat(run("story", "--policy", "symmetric").out()).contains("story-symmetric.svg")
          .contains("Policy \"symmetric\":");
    } finally {
      if (old == null) {
        System.clearProperty(Workshop.OUTPUT_PROPERTY);
      } else {
        System.setProperty(Workshop.OUTPUT_PROPERTY, old);
      }
    }
  }

  // ---- run ----

  @Test
  void runPlaysAScenarioFile() throws Exception {
    Path file = write("two-weeks.txt", GOOD);
    Path svg = dir.resolve("two.svg");
    Result r = run("run", file.toString(), "--svg", svg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("TRUST BUCKET: \"Two weeks\", week by week")
        .contains("   1  2025-01-06 ").contains("Small win: first win")
        .contains("   2  2025-01-13 ").contains("Missed a deadline: Missed a deadline")
        .contains("SVG chart written to " + svg.toAbsolutePath().normalize());
    assertThat(SvgChartTest.parse(Files.readString(svg)).getDocumentElement().getLocalName()).isEqualTo("svg");

    Result strict = run("run", file.toString(), "--policy", "strict", "--no-svg");
    assertThat(strict.code()).isZero();
    assertThat(strict.out()).contains("Policy \"strict\":").doesNotContain("SVG chart");
  }

  @Test
  void runRejectsABadFileWithItsNameAndLineAndDrawsNothing() throws Exception {
    Path file = write("bad.txt", GOOD + "2025-01-15  misssed-deadline\n2025-01-01 small-win\n");
    Path svg = dir.resolve("bad.svg");
    Result r = run("run", file.toString(), "--svg", svg.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(svg).doesNotExist();
    assertThat(r.err().lines()).containsExactly(
        "error: " + file + ":7: unknown behaviour \"misssed-deadline\"; did you mean \"missed-deadline\"?",
        "error: " + file + ":8: events out of order: 2025-01-01T12:00:00Z comes before 2025-01-14T12:00:00Z"
            + " (line 6); keep event lines in time order");
  }

  @Test
  void runReportsAMissingFileAndUsageErrors() {
    Result missing = run("run", dir.resolve("nope.txt").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("error: " + dir.resolve("nope.txt") + ": no such file" + System.lineSeparator());

    Result noFile = run("run");
    assertThat(noFile.code()).isEqualTo(2);
    assertThat(noFile.err()).contains("Missing required parameter: 'FILE'").contains("Usage: workshop run");

    Result badPolicy = run("run", "x.txt", "--policy", "lenient");
    assertThat(badPolicy.code()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("unknown policy 'lenient'; the policies are default, symmetric, strict, forgiving");
  }

  // ---- compare ----

  @Test
  void compareOneScenarioUnderTwoPolicies() throws Exception {
    Path file = write("two-weeks.txt", GOOD);
    Path svg = dir.resolve("cmp.svg");
    Result r = run("compare", file.toString(), "--policy", "default", "--policy", "symmetric", "--svg", svg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("TRUST BUCKET: policy \"default\" (A) vs policy \"symmetric\" (B)")
        .contains("A (*): policy \"default\"").contains("B (o): policy \"symmetric\"")
        .contains("Week  Week of           A  A tier              B  B tier         B - A")
        .contains("*: A   o: B   @: both")
        .contains("What differs");
    assertThat(SvgChartTest.byClass(SvgChartTest.parse(Files.readString(svg)), "polyline", "level-line")).hasSize(2);
  }

  @Test
  void compareTwoScenarioFiles() throws Exception {
    Path a = write("a.txt", GOOD);
    Path b = write("b.txt", GOOD.replace("title: Two weeks", "title: Owned").replace("self-reported", "discovered=9d"));
    Result r = run("compare", a.toString(), b.toString(), "--no-svg");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("TRUST BUCKET: Two weeks (A) vs Owned (B)");
    assertThat(r.out()).contains("At the end B is").contains("below A.");
    // The same title twice: the file names tell them apart.
    Result same = run("compare", a.toString(), a.toString(), "--policy", "strict", "--no-svg");
    assertThat(same.code()).isZero();
    assertThat(same.out()).startsWith("TRUST BUCKET: " + a + " (A) vs " + a + " (B)").contains("policy \"strict\"");
  }

  @Test
  void compareUsageErrorsAndBadFiles() throws Exception {
    Path a = write("a.txt", GOOD);
    Path bad = write("bad.txt", "start: 2025-01-06\n2025-01-07 small-win weight=lots\n");
    assertThat(run("compare", a.toString()).code()).isEqualTo(2);
    assertThat(run("compare", a.toString(), "--policy", "strict").err()).contains("with one file, give two policies");
    assertThat(run("compare", a.toString(), a.toString(), "--policy", "strict", "--policy", "default").err())
        .contains("with two files, give at most one --policy");
    assertThat(run("compare", a.toString(), a.toString(), a.toString()).code()).isEqualTo(2);

    Path svg = dir.resolve("never.svg");
    Result r = run("compare", a.toString(), bad.toString(), "--svg", svg.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(svg).doesNotExist();
    assertThat(r.err()).startsWith("error: " + bad + ":2: weight must be a number, such as 1.5, but was \"lots\"");
  }

  // ---- lists, help, no subcommand ----

  @Test
  void behavioursListsTheCatalogue() {
    Result r = run("behaviours");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().filter(l -> l.matches("^[a-z-]+ +(drop|drain) +.*"))).hasSize(BehaviourCatalogue.defaults().size());
    assertThat(r.out()).contains("delivered-on-commitment           drop   ability             1  Delivered on a commitment")
        .contains("regular-check-in                  drop   communication    0.25  Regular 1:1 check-in")
        .contains("hid-problem                       drain  integrity           1  Hid a problem or mistake");
    assertThat(run("behaviors").out()).isEqualTo(r.out());
  }

  @Test
  void policiesListsThePresetsWithTheirKeyNumbers() {
    Result r = run("policies");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst().orElseThrow())
        .matches("setting +default +symmetric +strict +forgiving");
    assertThat(r.out()).contains("drain / drop at the baseline            3           1           5           2.25")
        .contains("autonomous from                         80 %        80 %        85 %")
        .doesNotContain("0000");
  }

  @Test
  void helpAndMissingSubcommand() {
    Result help = run("help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("story").contains("run").contains("compare").contains("behaviours")
        .contains("policies").contains("docs");
    assertThat(run("run", "--help").out()).contains("Usage: workshop run");
    Result none = run();
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("Missing subcommand");
    assertThat(run("bogus").code()).isEqualTo(2);
  }

  @Test
  void docsWritesOneChartPerScenarioAndComparison() throws Exception {
    Path scenarios = dir.resolve("scenarios");
    Files.createDirectories(scenarios);
    for (WorkshopCommands.DocComparison c : WorkshopCommands.DOC_COMPARISONS) {
      for (String f : new String[] {c.fileA(), c.fileB()}) {
        if (f != null) {
          Files.writeString(scenarios.resolve(f), GOOD);
        }
      }
    }
    Path out = dir.resolve("images");
    Result r = run("docs", "--scenarios", scenarios.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.count()).isEqualTo(5 + WorkshopCommands.DOC_COMPARISONS.size());
    }
    assertThat(r.out()).contains("wrote " + out.toString().replace('\\', '/') + "/compare-hidden-vs-self-reported.svg");

    Result missing = run("docs", "--scenarios", dir.resolve("none").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("run this from the repository root");
  }
}
