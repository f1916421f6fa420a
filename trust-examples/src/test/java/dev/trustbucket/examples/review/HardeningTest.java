package dev.trustbucket.examples.review;

import static dev.trustbucket.examples.review.ReviewTestSupport.CLOCK;
import static dev.trustbucket.examples.review.ReviewTestSupport.HEADER;
import static dev.trustbucket.examples.review.ReviewTestSupport.sample;
import static dev.trustbucket.examples.review.ReviewTestSupport.snapshot;
import static dev.trustbucket.examples.review.ReviewTestSupport.update;
import static dev.trustbucket.examples.review.ReviewTestSupport.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.examples.format.Clip;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.jdbc.TrustStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * The review tool's findings of the hardening issue, one test each: an import that failed with an
 * {@link Error} half-way, terminal and HTML injection, output that grew with a date span, a file
 * that never ends, and {@code --as-of} values that leaked exceptions.
 */
class HardeningTest {
  @TempDir Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = ReviewTool.run(args, new PrintStream(o, true, UTF_8), new PrintStream(e, true, UTF_8), CLOCK);
    out = o.toString(UTF_8);
    err = e.toString(UTF_8);
    return code;
  }

  private String db() {
    return dir.resolve("team.db").toString();
  }

  // ---- (a) a transaction ends in rollback on any Throwable ----

  static Stream<Arguments> errorsMidImport() {
    Supplier<Throwable> oom = () -> new OutOfMemoryError("injected: Java heap space");
    Supplier<Throwable> overflow = StackOverflowError::new;
    Supplier<Throwable> assertion = () -> new AssertionError("injected by a listener");
    // Where the fault strikes, as a share of the statement executions a clean import makes: the
    // last one (executeBatch), and points in between, after some rows were written.
    return Stream.of(
        Arguments.of("out of memory half-way", 0.5, oom),
        Arguments.of("out of memory at the last statement", 1.0, oom),
        Arguments.of("stack overflow three quarters in", 0.75, overflow),
        Arguments.of("an AssertionError near the end", 0.9, assertion));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorsMidImport")
  void anErrorInTheMiddleOfAnImportRollsEverythingBack(String name, double share, Supplier<Throwable> fault)
      throws Exception {
    Path file = dir.resolve("team.db");
    Path csv = sample(dir);
    ReviewDatabase d = ReviewDatabase.open(file, CLOCK);
    Map<String, List<String>> before = snapshot(d);
    int at = (int) Math.ceil(share * executionsOfACleanImport(csv));

    FaultyDataSource faulty = new FaultyDataSource(ReviewDatabase.dataSource(file.toString()), fault);
    ReviewDatabase e = ReviewDatabase.open(faulty, "team.db", CLOCK, true);
    faulty.failAtNext(at);
    Throwable thrown = catchThrowable(() -> e.importCsv(csv, "default"));
    assertThat(thrown).as("the injected fault").isInstanceOf(Error.class);
    assertThat(snapshot(d)).as("every table after %s", name).isEqualTo(before);
    // The file holds nothing of the failed import and takes the same import whole.
    assertThat(ReviewDatabase.open(file, CLOCK).importCsv(csv, "default").events()).isEqualTo(263);
  }

  private static int cleanImportExecutions;

  /** The statement executions of a clean import of the sample into a scratch database, counted once. */
  private int executionsOfACleanImport(Path csv) throws Exception {
    if (cleanImportExecutions == 0) {
      FaultyDataSource counting =
          new FaultyDataSource(ReviewDatabase.dataSource(dir.resolve("scratch.db").toString()), () -> null);
      ReviewDatabase scratch = ReviewDatabase.open(counting, "scratch.db", CLOCK, true);
      int opened = counting.executions();
      scratch.importCsv(csv, "default");
      cleanImportExecutions = counting.executions() - opened;
    }
    return cleanImportExecutions;
  }

  // ---- (b) one text rule on input; escaped output for terminals and HTML ----

  static Stream<Arguments> hostileText() {
    return Stream.of(
        Arguments.of("employee", "zoe\u001b]0;pwned\u0007", "U+001B"),
        Arguments.of("employee", "zoe\u001b[2J", "U+001B"),
        Arguments.of("manager", "maria\u0007", "U+0007"),
        Arguments.of("note", "fine\u009b2J", "U+009B"),
        Arguments.of("note", "invoice\u202Efdp.exe", "U+202E"),
        Arguments.of("note", "nothing\uFFFF", "U+FFFF"),
        Arguments.of("manager", "maria\uD800", "U+D800"),
        Arguments.of("note", "\uDC00lone", "U+DC00"),
        Arguments.of("note", "isolate\u2066", "U+2066"),
        Arguments.of("note", "two\u2028lines", "U+2028"));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("hostileText")
  void recordRefusesControlsBidiOverridesNonCharactersAndLoneSurrogates(String field, String text, String code)
      throws Exception {
    assertThat(run("record", "--db", db(), "--employee", "ana", "--manager", "maria",
        "--time", "2025-03-01T10:00:00Z", "--behaviour", "small-win")).isZero();
    String employee = field.equals("employee") ? text : "zoe";
    String manager = field.equals("manager") ? text : "maria";
    String note = field.equals("note") ? text : "";
    int code1 = run("record", "--db", db(), "--employee", employee, "--manager", manager,
        "--time", "2025-03-03T10:00:00Z", "--behaviour", "missed-deadline", "--note", note);
    assertThat(code1).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).startsWith("error: record, field " + field + ": " + field + " must not contain " + code)
        .endsWith("nothing was recorded" + System.lineSeparator());
    assertNoRawControls(err);
    assertThat(out).isEmpty();
    assertThat(ReviewDatabase.open(dir.resolve("team.db"), CLOCK).eventCount()).isEqualTo(1);
  }

  /** Text the rule refuses, as a hand edit of the database might leave it. */
  private static final String[][] STORED = {
    {"zoe\u001b]0;pwned\u0007", "maria"},
    {"yan\u202E", "omar\u0085"},
    {"ben", "maria\uFFFF\u009b"},
  };

  @ParameterizedTest(name = "{index}")
  @MethodSource("storedIndexes")
  void aHandEditedNameIsRefusedWithAMessageThatIsSafeToPrint(int k) throws Exception {
    ReviewDatabase d = ReviewDatabase.open(dir.resolve("team.db"), CLOCK);
    d.importCsv(write(dir, "a.csv", HEADER + "ben,maria,2025-03-03T10:00:00Z,hid-problem,,discovered,P3D,ok\n"),
        "default");
    update(d, "UPDATE trust_relationship SET employee = ?, manager = ?", STORED[k][0], STORED[k][1]);
    assertThat(run("report", "--db", db(), "--as-of", "2025-12-31", "--html", dir.resolve("r.html").toString()))
        .isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).startsWith("error: ").contains("\\u");
    assertNoRawControls(err);
    assertThat(out).isEmpty();
    assertThat(dir.resolve("r.html")).doesNotExist();
  }

  static Stream<Integer> storedIndexes() {
    return Stream.of(0, 1, 2);
  }

  @Test
  void theOneEscapingPlaceMakesAnyTextSafeForTerminalsAndWellFormedForXml() throws Exception {
    String hostile = "zoe\u001b]0;pwned\u0007 \u001b[2J U+FFFF \uFFFF \uFFFE C1 \u009b bidi \u202E\u2066 lone \uD800 \uDC00 "
        + "<script>&'\" \uD83D\uDE00 \u200F\u05E9\u200F";
    String t = Escape.terminal(hostile);
    assertNoRawControls(t);
    assertThat(t).contains("zoe\\u001B]0;pwned\\u0007").contains("\\u202E").contains("\\uD800")
        .contains("\uD83D\uDE00").contains("<script>");
    String h = Escape.html(hostile);
    assertNoRawControls(h);
    assertThat(h).contains("&lt;script&gt;&amp;&#39;&quot;").contains("\uD83D\uDE00").doesNotContain("<script");
    Document doc = ReportTest.parse("<p>" + h + "</p>"); // U+FFFF or a lone surrogate would not parse
    assertThat(doc.getDocumentElement().getTextContent()).contains("<script>&'\"").contains("zoe\uFFFD]0;pwned\uFFFD");
    assertThat(Escape.terminalText("a\tb\nc\u001b")).isEqualTo("a\tb\nc\\u001B");
  }

  /** No C0/C1 control (but the line breaks the layout uses), bidi control, non-character or lone surrogate. */
  static void assertNoRawControls(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        continue;
      }
      boolean surrogateOk = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (surrogateOk) {
        i++;
        continue;
      }
      assertThat(c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
              || c == 0xFFFF || c == 0xFFFE || c == 0x2028 || Character.isSurrogate(c))
          .as("raw U+%04X at %d in %s", (int) c, i, s.length() > 300 ? s.substring(Math.max(0, i - 100), Math.min(s.length(), i + 20)) : s)
          .isFalse();
    }
  }

  // ---- (c) outputs bounded whatever the input; sizes counted as read ----

  @Test
  void aTinyCsvDatedInTheYearMinus290000GivesAReportOfOrdinarySize() throws Exception {
    Path csv = write(dir, "ancient.csv", HEADER
        + "ana,maria,-290000-06-01T00:00:00Z,small-win,,,,\n"
        + "ana,maria,2025-06-01T00:00:00Z,missed-deadline,,,,\n");
    assertThat(Files.size(csv)).isLessThan(200);
    assertThat(run("import", "--db", db(), csv.toString())).isZero();
    Path html = dir.resolve("ancient.html");
    int code = run("report", "--db", db(), "--html", html.toString());
    assertThat(code).as(err).isZero();
    assertThat(out).contains("since 1 June -290000").hasSizeLessThan(5_000);
    String page = Files.readString(html, UTF_8);
    assertThat(page.length()).isLessThan(64_000);
    Matcher m = Pattern.compile("points=\"([^\"]*)\"").matcher(page);
    assertThat(m.find()).isTrue();
    assertThat(m.group(1).split(" ")).hasSizeLessThanOrEqualTo(PersonReport.MAX_CHART_POINTS + 1);
    ReportTest.parse(page);
  }

  @Test
  void chartSamplingKeepsAtMostTheCapWhateverTheSpan() {
    Instant start = Instant.parse("-290000-01-01T00:00:00Z");
    for (Instant asOf : List.of(start, start.plusSeconds(1), Instant.parse("2025-01-01T00:00:00Z"),
        Instant.parse("+290000-12-31T23:59:59Z"))) {
      Duration period = PersonReport.chartSampling(start, asOf).period().orElseThrow();
      assertThat(period).isGreaterThanOrEqualTo(Duration.ofDays(7));
      assertThat(Duration.between(start, asOf).getSeconds() / period.getSeconds())
          .isLessThanOrEqualTo(PersonReport.MAX_CHART_POINTS);
    }
    assertThat(PersonReport.chartSampling(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(3640))).period())
        .contains(Duration.ofDays(7)); // 520 weeks: weekly
  }

  @Test
  void devicesPipesAndFoldersAreRefusedBeforeAnythingIsRead() throws Exception {
    Path fifo = dir.resolve("events.fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor()).isZero();
    for (Path special : List.of(Path.of("/dev/zero"), fifo, dir, Path.of("/dev/null"))) {
      assertThat(run("import", "--db", db(), special.toString())).as(special.toString()).isEqualTo(ReviewTool.BAD_INPUT);
      assertThat(err).contains("is not a regular file").contains("nothing was imported");
    }
  }

  @Test
  void aHugeFileOfZerosIsRefusedAtItsFirstLineWithoutReadingIt() throws Exception {
    Path zeros = dir.resolve("zeros.csv");
    try (RandomAccessFile f = new RandomAccessFile(zeros.toFile(), "rw")) {
      f.setLength(4L << 20); // 4 MiB of zero bytes, no line break: the old reader read to its end
    }
    assertThat(run("import", "--db", db(), zeros.toString())).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).contains("zeros.csv, line 1: line is longer than 10000 characters");
  }

  // ---- (d) --as-of: usage errors, never exceptions ----

  @Test
  void asOfOutsideTheLibrarysRangeIsAUsageError() throws Exception {
    assertThat(run("import", "--db", db(), sample(dir).toString())).isZero();
    for (String asOf : List.of("+999999999-12-31", "+300000-12-25T00:00:00Z", "-300000-01-01", "-999999999-01-01",
        "+290001-01-01", "2025-02-30", "2025-12-31T25:00:00Z")) {
      assertThat(run("report", "--db", db(), "--as-of", asOf)).as(asOf + ": " + err).isEqualTo(ReviewTool.USAGE);
      assertThat(err).startsWith("error: Invalid value for option '--as-of'").contains("--as-of must be")
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(run("report", "--db", db(), "--as-of", "+999999999-12-31")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("in the years -290000 to 290000");
    assertThat(run("report", "--db", db(), "--as-of", "+290000-12-30")).as(err).isIn(ReviewTool.OK, ReviewTool.BAD_INPUT);
    assertThat(err).doesNotContain("\tat ");
  }

  @Test
  void messagesQuoteValuesInVisibleFormAndCutThemWhole() {
    assertThat(run("report", "--db", db(), "--as-of", "2025\u001b]0;x\u0007")).isEqualTo(ReviewTool.USAGE);
    assertThat(err).contains("'2025\\u001B]0;x\\u0007'");
    assertNoRawControls(err);
    String clipped = Clip.visible("\u001b".repeat(100), 80);
    assertThat(clipped).hasSizeLessThanOrEqualTo(80).endsWith("\\u001B...").startsWith("\\u001B");
    assertThat(Clip.visible("a".repeat(76) + "\uD83D\uDE00" + "b".repeat(10), 80)).isEqualTo("a".repeat(76) + "...");
  }

  @Test
  void theEndOfTheRangeIsStillAValidAsOf() throws Exception {
    assertThatThrownBy(() -> new ReviewTool.AsOf().convert("+290001-01-01"))
        .hasMessageContaining("--as-of must be an instant the library accepts");
    assertThat(new ReviewTool.AsOf().convert("+290000-12-31T23:59:59Z")).isEqualTo("+290000-12-31T23:59:59Z");
  }
}
