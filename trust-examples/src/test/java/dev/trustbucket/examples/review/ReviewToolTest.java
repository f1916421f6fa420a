package dev.trustbucket.examples.review;

import static dev.trustbucket.examples.review.ReviewTestSupport.CLOCK;
import static dev.trustbucket.examples.review.ReviewTestSupport.HEADER;
import static dev.trustbucket.examples.review.ReviewTestSupport.sample;
import static dev.trustbucket.examples.review.ReviewTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.examples.format.Percent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewToolTest {
  @TempDir Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    return run(CLOCK, args);
  }

  private int run(Clock clock, String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = ReviewTool.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), clock);
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  private String db() {
    return dir.resolve("team.db").toString();
  }

  @Test
  void importThenReportAsOfADate() throws Exception {
    assertThat(run("import", "--db", db(), sample(dir).toString())).isZero();
    assertThat(out).startsWith("Imported 263 events for 4 relationships (4 new) from sample-team.csv into ");
    assertThat(run("report", "--db", db(), "--as-of", "2025-12-31")).isZero();
    assertThat(out).startsWith("Team trust review as of 31 December 2025 (4 relationships)")
        .contains("ana ").contains("autonomous");
    assertThat(err).isEmpty();
  }

  @Test
  void reportUsesTheInjectedClockForNow() throws Exception {
    run("import", "--db", db(), sample(dir).toString());
    assertThat(run("report", "--db", db())).isZero();
    assertThat(out).startsWith("Team trust review as of 15 January 2026");
  }

  @Test
  void reportWritesHtmlWhenAsked() throws Exception {
    run("import", "--db", db(), sample(dir).toString());
    Path html = dir.resolve("out/report.html");
    assertThat(run("report", "--db", db(), "--as-of=2025-12-31T12:00:00Z", "--html", html.toString())).isZero();
    assertThat(out).contains("HTML report: " + html.toAbsolutePath().normalize());
    ReportTest.parse(Files.readString(html));
  }

  @Test
  void aBadFileExitsWithOneAndNamesTheLine() throws Exception {
    Path bad = write(dir, "bad.csv", HEADER
        + "zoe,maria,2025-03-03T10:00:00Z,small-win,,,,\n"
        + "zoe,maria,2025-03-04T10:00:00Z,small-win,lots,,,\n");
    assertThat(run("import", "--db", db(), bad.toString())).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).isEqualTo("error: bad.csv, line 3, field weight: weight must be a decimal number in [0, 100]"
        + " such as 1.5 but was \"lots\"; nothing was imported" + System.lineSeparator());
    assertThat(out).isEmpty();
  }

  @Test
  void recordAddsOneEventAndShowsTheLevel() throws Exception {
    assertThat(run("record", "--db", db(), "--employee", "zoe", "--manager", "maria",
        "--time", "2025-03-03T10:00:00Z", "--behaviour", "missed-deadline", "--disclosure", "self-reported",
        "--note", "told me on Monday")).isZero();
    java.time.Instant at = java.time.Instant.parse("2025-03-03T10:00:00Z");
    var expected = dev.trustbucket.TrustBucket.of(dev.trustbucket.TrustPolicy.defaults(), at)
        .plus(dev.trustbucket.TrustEvent.of(dev.trustbucket.behaviour.Behaviours.MISSED_DEADLINE, at)
            .withDisclosure(dev.trustbucket.Disclosure.selfReported()));
    assertThat(out).isEqualTo("Recorded missed-deadline for zoe \u2192 maria at 2025-03-03T10:00:00Z;"
        + " level now " + Percent.compact(expected.level(), 1) + " (" + dev.trustbucket.examples.format.Terms.format(expected.tier()) + ")."
        + System.lineSeparator());
    assertThat(run("record", "--db", db(), "--employee", "zoe", "--manager", "maria",
        "--time", "2025-03-01T10:00:00Z", "--behaviour", "small-win")).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).contains("record, field time").contains("already in the database").contains("nothing was recorded");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    assertThat(run()).isEqualTo(ReviewTool.USAGE);
    assertThat(err).startsWith("error: Missing command: import, record, report, demo or help");
    assertThat(run("frobnicate")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("Unmatched argument at index 0: 'frobnicate'").contains("Run 'ReviewTool help'");
    assertThat(run("import", "x.csv")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("Missing required option: '--db=FILE|URL'");
    assertThat(run("import", "--db", db())).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("Missing required parameter: 'EVENTS.csv'");
    assertThat(run("report", "--db", db(), "--colour", "blue")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("Unknown options: '--colour', 'blue'");
    assertThat(run("report", "--db")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("Missing required parameter for option '--db'");
    assertThat(run("report", "--db", db(), "--as-of", "last tuesday")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("--as-of must be a date");
    assertThat(run("record", "--db", db(), "--employee", "zoe")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("Missing required options").contains("'--manager=ID'");
    assertThat(run("report", "--db", "a.db", "--db", "b.db")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("should be specified only once");
    assertThat(Files.list(dir)).isEmpty(); // nothing was created
    assertThat(run("help")).isZero();
    assertThat(out).contains("Usage: ReviewTool").contains("import").contains("record").contains("report");
    assertThat(run("help", "record")).isZero();
    assertThat(out).contains("--behaviour=ID").contains("Drains: missed-deadline");
  }

  @Test
  void databaseProblemsExitWithOne() throws Exception {
    assertThat(run("report", "--db", dir.resolve("missing.db").toString())).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).contains("no database at");
    Path csv = sample(dir);
    assertThat(run("report", "--db", csv.toString())).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).contains("not an SQLite database");
  }

  @Test
  void demoImportsTheSamplePrintsTheReportAndWritesTheHtml() throws Exception {
    Path demo = dir.resolve("demo");
    // Whatever the clock says, the demo reports on the end of 2025, so its output never changes.
    assertThat(run(Clock.systemUTC(), "demo", "--dir", demo.toString())).isZero();
    String first = out;
    assertThat(first)
        .startsWith("Imported 263 events for 4 relationships (4 new) from sample-team.csv into ")
        .contains("Team trust review as of 31 December 2025 (4 relationships)")
        .contains("HTML report: " + demo.resolve("team-report.html").toAbsolutePath().normalize());
    ReportTest.parse(Files.readString(demo.resolve("team-report.html")));
    assertThat(run("demo", "--dir", demo.toString())).isZero(); // a fresh database every time
    assertThat(out).isEqualTo(first);
  }
}
