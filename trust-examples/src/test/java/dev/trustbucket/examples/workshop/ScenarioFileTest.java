package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {
  private static final String HEAD = "title: Test\nstart: 2025-01-06\n";

  // ---- what a good file gives ----

  @Test
  void readsHeadersEventsOptionsAndRepeats() {
    ScenarioFile f = ScenarioFile.parse("good.txt", """
        # A comment
        title: Hiding a mistake   # a trailing comment
        description: "One line, with a # inside quotes"
        policy: strict
        start: 2025-01-06
        level: 0.8
        end: 2025-03-03

        2025-01-13  delivered-on-commitment
        2025-02-03  low-quality-delivery  weight=1.5  discovered=9d  note="critical \\"bug\\" in C:\\\\export"
        2025-02-10  owned-mistake-early   note="told the manager the same day"   # comment
        2025-02-10  missed-deadline  self-reported  weight=0.5
        every 1w from 2025-02-11 to 2025-02-25  regular-check-in
        """);

    Scenario s = f.scenario();
    assertThat(f.policy()).isEqualTo(TrustPolicy.strict());
    assertThat(s.name()).isEqualTo("Hiding a mistake");
    assertThat(s.description()).isEqualTo("One line, with a # inside quotes");
    assertThat(s.start()).isEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
    assertThat(s.end()).isEqualTo(Instant.parse("2025-03-03T00:00:00Z"));
    assertThat(s.startingLevel()).isEqualTo(0.8);
    assertThat(s.steps()).hasSize(7);
    assertThat(f.stepLines()).containsExactly(9, 10, 11, 12, 13, 13, 13);

    Scenario.Step first = s.steps().get(0);
    assertThat(first.event()).isEqualTo(
        TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-13T12:00:00Z")));
    assertThat(first.narration()).isEqualTo("Delivered on a commitment");

    TrustEvent bug = s.steps().get(1).event();
    assertThat(bug.weight()).isEqualTo(1.5);
    assertThat(bug.disclosure()).isEqualTo(Disclosure.discovered(Duration.ofDays(9)));
    assertThat(bug.note()).isEqualTo("critical \"bug\" in C:\\export");
    assertThat(s.steps().get(1).narration()).isEqualTo(bug.note());
    assertThat(s.steps().get(3).event().disclosure()).isEqualTo(Disclosure.selfReported());
    assertThat(s.steps().subList(4, 7)).extracting(st -> st.event().time()).containsExactly(
        Instant.parse("2025-02-11T12:00:00Z"), Instant.parse("2025-02-18T12:00:00Z"),
        Instant.parse("2025-02-25T12:00:00Z"));
  }

  @Test
  void defaultsTitleLevelEndAndTimeOfDay() {
    ScenarioFile f = ScenarioFile.parse("dir/my-story.txt", "start: 2025-01-06T09:00Z\n2025-01-20 small-win\n");
    Scenario s = f.scenario();
    assertThat(s.name()).isEqualTo("my-story");
    assertThat(s.description()).isEqualTo("Scenario file my-story.txt");
    assertThat(f.policy()).isEqualTo(TrustPolicy.defaults());
    assertThat(s.startingLevel()).isEqualTo(0.5);
    assertThat(s.steps().get(0).event().time()).isEqualTo(Instant.parse("2025-01-20T12:00:00Z"));
    // The last event is in week 3; four more weeks follow it.
    assertThat(s.weeks()).isEqualTo(3 + ScenarioFile.TAIL_WEEKS);

    ScenarioFile empty = ScenarioFile.parse("empty.txt", "start: 2025-01-06\n");
    assertThat(empty.scenario().steps()).isEmpty();
    assertThat(empty.scenario().weeks()).isEqualTo(ScenarioFile.EMPTY_WEEKS);

    ScenarioFile late = ScenarioFile.parse("late.txt", "start: 2025-01-06\ntime: 17:30\n2025-01-07 small-win\n"
        + "2025-01-08T08:15:30Z small-win\n");
    assertThat(late.scenario().steps()).extracting(st -> st.event().time()).containsExactly(
        Instant.parse("2025-01-07T17:30:00Z"), Instant.parse("2025-01-08T08:15:30Z"));
  }

  @Test
  void eventsAtTheSameInstantKeepTheirFileOrderAndRepeatsMergeInTime() {
    ScenarioFile f = ScenarioFile.parse("order.txt", HEAD + """
        every 7d from 2025-01-07 to 2025-01-21  regular-check-in
        2025-01-14  missed-deadline
        2025-01-14  owned-mistake-early
        """);
    assertThat(f.scenario().steps()).extracting(st -> st.event().behaviour().id()).containsExactly(
        "regular-check-in", "regular-check-in", "missed-deadline", "owned-mistake-early", "regular-check-in");
    assertThat(f.stepLines()).containsExactly(3, 3, 4, 5, 3);
  }

  @Test
  void acceptsCrLfABomAndTabs() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] text = "start: 2025-01-06\r\n2025-01-07\tsmall-win\tnote=\"tabbed\"\r\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(bom);
    bytes.writeBytes(text);
    ScenarioFile f = ScenarioFile.parse("crlf.txt", bytes.toByteArray());
    assertThat(f.scenario().steps()).hasSize(1);
    assertThat(f.scenario().steps().get(0).narration()).isEqualTo("tabbed");
  }

  @Test
  void runsUnderItsOwnPolicyOrAnother() {
    ScenarioFile f = ScenarioFile.parse("p.txt", "policy: symmetric\n" + HEAD + "2025-01-07 missed-deadline\n");
    assertThat(f.run().policy()).isEqualTo(TrustPolicy.symmetric());
    assertThat(f.run(TrustPolicy.strict()).policy()).isEqualTo(TrustPolicy.strict());
    assertThat(f.run().last().level()).isGreaterThan(f.run(TrustPolicy.strict()).last().level());
  }

  // ---- every kind of bad file: file name, line number, what is wrong ----

  @Test
  void unknownHeaderKey() {
    rejects("title: x\nstrat: 2025-01-06\n", 2, "unknown header \"strat\"", "did you mean \"start\"?");
  }

  @Test
  void duplicateHeader() {
    rejects(HEAD + "title: again\n", 3, "duplicate header \"title:\"", "line 1");
  }

  @Test
  void headerAfterTheFirstEvent() {
    rejects(HEAD + "2025-01-07 small-win\nlevel: 0.5\n", 4, "must come before the first event (line 3)");
  }

  @Test
  void missingStart() {
    rejects("title: x\n\n2025-01-07 small-win\n", 3, "missing header \"start:\"");
    rejects("", 1, "missing header \"start:\"");
  }

  @Test
  void badDates() {
    rejects(HEAD + "2025-02-30 small-win\n", 3, "bad date \"2025-02-30\"", "no such day");
    rejects(HEAD + "2025-1-7 small-win\n", 3, "bad date \"2025-1-7\"", "YYYY-MM-DD");
    rejects("start: next monday\n", 1, "bad date \"next monday\"");
    rejects("start: 2025-01-06T25:00Z\n", 1, "bad date", "no such day or time");
    rejects(HEAD + "every 7d from 2025-01-07 to 2025-13-01 small-win\n", 3, "bad date \"2025-13-01\"");
    rejects("start: 2025-01-06\ntime: 5pm\n", 2, "time must be a time of day HH:MM");
  }

  @Test
  void unknownBehaviourListsTheCloseOnes() {
    ScenarioFormatException e = rejects(HEAD + "2025-01-07 missed-dedline\n", 3, "unknown behaviour \"missed-dedline\"");
    assertThat(e.problem()).contains("did you mean \"missed-deadline\"");
    ScenarioFormatException far = rejects(HEAD + "2025-01-07 teleported\n", 3, "unknown behaviour \"teleported\"");
    assertThat(far.problem()).contains("the behaviours are delivered-on-commitment,");
    rejects(HEAD + "2025-01-07 Small-Win\n", 3, "unknown behaviour \"Small-Win\"", "\"small-win\"");
    rejects(HEAD + "2025-01-07\n", 3, "expected a behaviour after the date");
    rejects(HEAD + "2025-01-07 weight=2\n", 3, "expected a behaviour id but found \"weight=2\"");
    rejects(HEAD + "2025-01-07 small-win delivered-early\n", 3, "one behaviour per line");
  }

  @Test
  void badWeights() {
    rejects(HEAD + "2025-01-07 small-win weight=NaN\n", 3, "weight must be a number", "\"NaN\"");
    rejects(HEAD + "2025-01-07 small-win weight=-1\n", 3, "weight must be a number", "\"-1\"");
    rejects(HEAD + "2025-01-07 small-win weight=1e3\n", 3, "weight must be a number", "\"1e3\"");
    rejects(HEAD + "2025-01-07 small-win weight=Infinity\n", 3, "weight must be a number");
    rejects(HEAD + "2025-01-07 small-win weight=0x10\n", 3, "weight must be a number");
    rejects(HEAD + "2025-01-07 small-win weight=1.5d\n", 3, "weight must be a number");
    rejects(HEAD + "2025-01-07 small-win weight=\n", 3, "needs a value");
    // Huge: the range is trust-core's, and its message comes wrapped with the line.
    ScenarioFormatException huge = rejects(HEAD + "2025-01-07 small-win weight=1000\n", 3, "weight", "1000");
    assertThat(huge.problem()).startsWith("invalid event: weight must be a finite number in [0.0, 100.0]");
    rejects(HEAD + "2025-01-07 small-win weight=99999999999999999999\n", 3, "weight must be a finite number");
    rejects(HEAD + "2025-01-07 small-win weight=123456789012345678901\n", 3, "weight must be a number");
  }

  @Test
  void badOptions() {
    rejects(HEAD + "2025-01-07 small-win wieght=2\n", 3, "unknown option \"wieght=2\"", "did you mean \"weight\"?");
    rejects(HEAD + "2025-01-07 small-win weight=1 weight=2\n", 3, "option \"weight\" is given twice");
    rejects(HEAD + "2025-01-07 missed-deadline self-reported discovered=2d\n", 3, "either self-reported or discovered");
    rejects(HEAD + "2025-01-07 missed-deadline self-reported=yes\n", 3, "self-reported takes no value");
    rejects(HEAD + "2025-01-07 small-win self-reported\n", 3, "self-reported applies to drains only", "small-win");
    rejects(HEAD + "2025-01-07 small-win discovered=3d\n", 3, "discovered applies to drains only");
    rejects(HEAD + "2025-01-07 missed-deadline discovered=3\n", 3, "discovery delay must be a number of days or weeks");
    rejects(HEAD + "2025-01-07 missed-deadline discovered=9999999d\n", 3, "discovery delay must be between 0 and 36525");
    rejects(HEAD + "2025-01-07 small-win note=\"\"\n", 3, "the note is empty");
    rejects(HEAD + "2025-01-07 small-win note=\"" + "x".repeat(501) + "\"\n", 3, "at most 500 characters");
  }

  @Test
  void quotes() {
    rejects(HEAD + "2025-01-07 small-win note=\"no end\n", 3, "unterminated quote");
    rejects(HEAD + "2025-01-07 small-win note=\"ends in a backslash\\\n", 3, "unterminated quote");
    rejects(HEAD + "2025-01-07 small-win note=\"a \\n b\"\n", 3, "unknown escape \"\\n\"");
    rejects(HEAD + "2025-01-07 small-win \"note\"=x\n", 3, "a quote may only open a value");
    rejects(HEAD + "2025-01-07 small-win note=\"a\"b\n", 3, "expected a blank after the closing quote");
    rejects("title: \"unterminated\nstart: 2025-01-06\n", 1, "unterminated quote");
    rejects("title: \"closed\" trailing\nstart: 2025-01-06\n", 1, "unexpected text after the closing quote");
  }

  @Test
  void eventsOutOfOrderOrOutsideTheStory() {
    rejects(HEAD + "2025-02-01 small-win\n2025-01-20 small-win\n", 4, "events out of order",
        "2025-01-20T12:00:00Z comes before 2025-02-01T12:00:00Z (line 3)");
    rejects(HEAD + "2025-02-01 small-win\nevery 7d from 2025-01-20 to 2025-03-01 small-win\n", 4, "events out of order");
    rejects(HEAD + "2025-01-01 small-win\n", 3, "is before the start");
    rejects(HEAD + "end: 2025-02-03\n2025-02-03 small-win\n", 4, "not before the end");
    rejects(HEAD + "end: 2025-02-03\nevery 7d from 2025-01-07 to 2025-03-01 small-win\n", 4, "the repeat runs to",
        "not before the end");
    rejects(HEAD + "end: 2025-01-06\n", 3, "the end 2025-01-06 must be after the start 2025-01-06");
    rejects(HEAD + "end: 2040-01-06\n", 3, "weeks long; the limit is 520 weeks");
    rejects(HEAD + "2045-01-07 small-win\n", 3, "more than 520 weeks after the start");
  }

  @Test
  void badRepeats() {
    rejects(HEAD + "every 7d from 2025-01-07 small-win\n", 3, "incomplete repeat");
    rejects(HEAD + "every 7d since 2025-01-07 until 2025-02-07 small-win\n", 3, "expected \"from\" and \"to\"");
    rejects(HEAD + "every 0d from 2025-01-07 to 2025-02-07 small-win\n", 3, "period must be between 1 and 3650 days");
    rejects(HEAD + "every week from 2025-01-07 to 2025-02-07 small-win\n", 3, "period must be a number of days or weeks");
    rejects(HEAD + "every 7d from 2025-02-07 to 2025-01-07 small-win\n", 3, "is before its first date");
    String daily = "every 1d from 2020-01-06 to 2029-12-23 small-win\n";
    rejects("start: 2020-01-06\nend: 2029-12-24\n" + daily.repeat(6), 8, "more than 20000 events");
  }

  @Test
  void badHeaderValues() {
    rejects("policy: lenient\nstart: 2025-01-06\n", 1, "unknown policy \"lenient\"", "default, symmetric, strict, forgiving");
    rejects("start: 2025-01-06\nlevel: 1.5\n", 2, "level must be a number from 0 to 1");
    rejects("start: 2025-01-06\nlevel: -0.1\n", 2, "level must be a number from 0 to 1");
    rejects("title:\nstart: 2025-01-06\n", 1, "header \"title:\" has no value");
    rejects("title: \"  \"\nstart: 2025-01-06\n", 1, "header \"title:\" has no value");
    rejects("title: " + "t".repeat(101) + "\nstart: 2025-01-06\n", 1, "title must be at most 100 characters");
    rejects("what is this\n", 1, "expected a header (\"key: value\"), an event");
  }

  @Test
  void binaryJunk() {
    rejects("start: 2025-01-06\n2025-01-07 small\u0000win\n", 2, "control character U+0000");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("start: 2025-01-06\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 'x', '\n', (byte) 0xc3, '\n'});
    ScenarioFormatException e = rejectsBytes(bytes.toByteArray(), 2, "is not UTF-8 text");
    assertThat(e.problems()).extracting(ScenarioFormatException.Problem::line).containsExactly(2, 3);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    rejectsBytes(png, 1, "is not UTF-8 text");
  }

  @Test
  void enormousLinesAndFiles() {
    rejects(HEAD + "# " + "x".repeat(10_000) + "\n", 3, "the line is 10,002 characters long; the limit is 10,000");
    byte[] big = new byte[ScenarioFile.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) '#');
    assertThatThrownBy(() -> ScenarioFile.parse("big.txt", big))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessage("big.txt: the file is 1,048,577 bytes; the limit is 1,048,576 bytes (1 MiB)");
  }

  @Test
  void listsEveryProblemSortedByLineAndStopsAtTwenty() {
    StringBuilder text = new StringBuilder("title: x\ntitle: y\n");
    for (int i = 0; i < 30; i++) {
      text.append("2025-01-07 nope\n");
    }
    ScenarioFormatException e = assertThrows(text.toString());
    assertThat(e.problems()).hasSize(ScenarioFormatException.MAX_PROBLEMS);
    assertThat(e.omitted()).isEqualTo(12);
    assertThat(e.problems()).extracting(ScenarioFormatException.Problem::line).isSorted();
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage().lines()).first().asString().startsWith("bad.txt:2: duplicate header");
    assertThat(e.getMessage()).endsWith("bad.txt: ... and 12 more problems");
  }

  @Test
  void aBehaviourThePolicyDoesNotKnowIsReportedWithItsLine() {
    Behaviour custom = Behaviour.drop("paired-on-incident", Behaviours.SMALL_WIN.dimension(), 1.0, "Paired");
    TrustPolicy ours = TrustPolicy.builder().from(TrustPolicy.defaults()).name("ours")
        .catalogue(BehaviourCatalogue.of(List.of(custom))).build();
    ScenarioFile f = ScenarioFile.parse("p.txt", HEAD + "2025-01-07 small-win\n"
        + "every 7d from 2025-01-08 to 2025-02-08 regular-check-in\n");
    // The runner's own error would say nothing about lines; the file names them.
    assertThatThrownBy(() -> ScenarioRunner.of(ours).run(f.scenario())).isInstanceOf(InvalidTrustInputException.class);
    assertThatThrownBy(() -> f.run(ours))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessage("p.txt:3: behaviour \"small-win\" is not in the catalogue of policy \"ours\"\n"
            + "p.txt:4: behaviour \"regular-check-in\" is not in the catalogue of policy \"ours\"");
  }

  @Test
  void readsFilesAndNamesTheOnesItCannotRead(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.txt");
    Files.writeString(good, HEAD + "2025-01-07 small-win\n");
    assertThat(ScenarioFile.read(good).source()).isEqualTo(good.toString());

    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> ScenarioFile.read(missing))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> ScenarioFile.read(dir))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageContaining("is a directory");
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, HEAD + "2025-01-07 smal-win\n");
    assertThatThrownBy(() -> ScenarioFile.read(bad))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageStartingWith(bad + ":3: unknown behaviour \"smal-win\"");
  }

  @Test
  void formatWritesWhatParseReadsBack() {
    Scenario s = ScenarioFile.parse("x.txt", """
        title: "Quotes \\" and # signs"
        description: d
        start: 2025-01-06T09:30:15Z
        level: 0.123456789
        2025-01-07 missed-deadline weight=0.3333 discovered=2w note="a \\\\ b"
        2025-01-08 small-win
        2025-01-08 missed-deadline self-reported
        """).scenario();
    String text = ScenarioFile.format(s, TrustPolicy.forgiving());
    ScenarioFile back = ScenarioFile.parse("back.txt", text);
    assertThat(back.scenario()).isEqualTo(s);
    assertThat(back.policy()).isEqualTo(TrustPolicy.forgiving());
    assertThat(text).contains("2025-01-07T12:00:00Z missed-deadline weight=0.3333 discovered=14d note=\"a \\\\ b\"");
  }

  // ---- hostile text and special files ----

  @Test
  void textFollowsTheTextRuleOnItsLine() {
    rejects(HEAD + "2025-01-07 small-win note=\"ok\u202Eevil\"\n", 3, "column 30 holds U+202E, which no text may hold");
    rejects(HEAD + "# a comment \u2066 that reorders the lines below\n", 3, "U+2066");
    rejects(HEAD + "2025-01-07 small-win note=\"a\u009Bb\"\n", 3, "the control character U+009B");
    rejects(HEAD + "2025-01-07 small-win note=\"x\uFFFF\"\n", 3, "U+FFFF");
    rejects(HEAD + "2025-01-07 small-win note=\"tab\there\"\n", 3,
        "the note must not contain U+0009 (a control character)");
    rejects("title: a\tb\nstart: 2025-01-06\n", 1, "the title must not contain U+0009");
    rejects("description: a\tb\nstart: 2025-01-06\n", 1, "the description must not contain U+0009");
    // A lone surrogate in a String would be written as '?' by getBytes: it is refused on its line.
    rejects(HEAD + "# fine\n2025-01-07 small-win note=\"x\uD800\"\n", 4, "U+D800, a lone surrogate");
    rejects(HEAD + "2025-01-07 small-win note=\"x\uDC00\"\n", 3, "U+DC00, a lone surrogate");
    assertThat(ScenarioFile.parse("ok.txt", HEAD + "2025-01-07 small-win note=\"\uD83D\uDE00 \u05E9\u200F\"\n")
        .scenario().steps().get(0).event().note()).isEqualTo("\uD83D\uDE00 \u05E9\u200F");
  }

  @Test
  void specialFilesAreRefusedBeforeAnythingIsRead() {
    for (String device : List.of("/dev/zero", "/dev/null", "/dev/urandom")) {
      Path path = Path.of(device);
      org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(path), device + " exists");
      assertThatThrownBy(() -> ScenarioFile.read(path))
          .isInstanceOf(ScenarioFormatException.class)
          .hasMessage(device + ": is not a regular file (a device, a pipe or a socket);"
              + " save the scenario to a file and give its path");
    }
  }

  @Test
  void theSizeLimitCountsBytesAsTheyAreRead() throws Exception {
    // A stream that never ends, like /dev/zero: reading stops one byte past the limit.
    java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
    java.io.InputStream endless = new java.io.InputStream() {
      @Override
      public int read() {
        served.incrementAndGet();
        return '#';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) '#');
        served.addAndGet(len);
        return len;
      }
    };
    assertThatThrownBy(() -> ScenarioFile.readAtMost("endless", endless))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessage("endless: the file is larger than the limit of 1,048,576 bytes (1 MiB); reading stopped there");
    assertThat(served.get()).isLessThanOrEqualTo(ScenarioFile.MAX_FILE_BYTES + 1L + 8192);
    byte[] exact = new byte[ScenarioFile.MAX_FILE_BYTES];
    assertThat(ScenarioFile.readAtMost("exact", new java.io.ByteArrayInputStream(exact))).hasSize(exact.length);
  }

  @Test
  void aRegularFileThatUnderstatesItsSizeIsStillBounded() {
    // Files under /proc say they are 0 bytes long: the limit counts what is read, not what they say.
    Path status = Path.of("/proc/self/status");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(status), "/proc/self/status");
    assertThatThrownBy(() -> ScenarioFile.read(status))
        .isInstanceOf(ScenarioFormatException.class)
        .hasMessageStartingWith("/proc/self/status:1: ");
  }

  // ---- helpers ----

  private static ScenarioFormatException rejects(String text, int line, String... fragments) {
    return check(assertThrows(text), line, fragments);
  }

  private static ScenarioFormatException rejectsBytes(byte[] bytes, int line, String... fragments) {
    ScenarioFormatException e = null;
    try {
      ScenarioFile.parse("bad.txt", bytes);
    } catch (ScenarioFormatException caught) {
      e = caught;
    }
    assertThat(e).as("a ScenarioFormatException").isNotNull();
    return check(e, line, fragments);
  }

  private static ScenarioFormatException assertThrows(String text) {
    ScenarioFormatException e = null;
    try {
      ScenarioFile.parse("bad.txt", text);
    } catch (ScenarioFormatException caught) {
      e = caught;
    }
    assertThat(e).as("a ScenarioFormatException for:\n%s", text).isNotNull();
    return e;
  }

  private static ScenarioFormatException check(ScenarioFormatException e, int line, String... fragments) {
    AbstractThrowableAssert<?, ?> a = assertThat(e).hasMessageContaining("bad.txt:" + line + ": ");
    assertThat(e.file()).isEqualTo("bad.txt");
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
    for (String f : fragments) {
      a.hasMessageContaining(f);
      assertThat(e.problem()).as(e.getMessage()).contains(f);
    }
    return e;
  }
}
