package dev.trustbucket.examples.review;

import static dev.trustbucket.examples.review.ReviewTestSupport.CLOCK;
import static dev.trustbucket.examples.review.ReviewTestSupport.HEADER;
import static dev.trustbucket.examples.review.ReviewTestSupport.NOW;
import static dev.trustbucket.examples.review.ReviewTestSupport.count;
import static dev.trustbucket.examples.review.ReviewTestSupport.query;
import static dev.trustbucket.examples.review.ReviewTestSupport.update;
import static dev.trustbucket.examples.review.ReviewTestSupport.inMemory;
import static dev.trustbucket.examples.review.ReviewTestSupport.sample;
import static dev.trustbucket.examples.review.ReviewTestSupport.sampleDatabase;
import static dev.trustbucket.examples.review.ReviewTestSupport.snapshot;
import static dev.trustbucket.examples.review.ReviewTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import dev.trustbucket.jdbc.TrustSchema;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewDatabaseTest {
  @TempDir Path dir;

  private static final Relationship ANA = Relationship.of("ana", "maria");
  private static final String GOOD_BEFORE = "zoe,maria,2025-03-03T10:00:00Z,delivered-on-commitment,,,,first\n";
  private static final String GOOD_AFTER = "zoe,maria,2025-03-10T10:00:00Z,small-win,,,,after\n";

  private ReviewDatabase open() throws ReviewException {
    return ReviewDatabase.open(dir.resolve("team.db"), CLOCK);
  }

  // ---- schema: the store's ----

  @Test
  void aNewDatabaseGetsTheStoresSchemaAndThePresetPolicies() throws Exception {
    ReviewDatabase db = open();
    assertThat(TrustSchema.version(db.dataSource())).contains(TrustSchema.VERSION);
    assertThat(query(db, "SELECT name FROM trust_policy ORDER BY name"))
        .containsExactly("default|", "forgiving|", "strict|", "symmetric|");
    // The store keys each policy by its fingerprint and keeps its written form once.
    assertThat(query(db, "SELECT policy_key FROM trust_policy WHERE name = 'default'"))
        .containsExactly(TrustPolicy.defaults().fingerprint() + "|");
    assertThat(db.eventCount()).isZero();
    var before = snapshot(db);
    assertThat(snapshot(open())).isEqualTo(before); // opening again changes nothing
  }

  @Test
  void aDatabaseFromANewerStoreIsRefusedAndLeftUntouched() throws Exception {
    Path file = dir.resolve("team.db");
    ReviewDatabase db = open();
    db.importCsv(sample(dir), "default");
    update(db, "INSERT INTO trust_schema_version VALUES (7, 'from the future')");
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(this::open)
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("schema version 7")
        .hasMessageContaining("nothing was changed");
    assertThatThrownBy(() -> ReviewDatabase.openExisting(file.toString(), CLOCK))
        .isInstanceOf(IncompatibleDatabaseException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void refusesFilesThatAreNotTrustBucketDatabases() throws Exception {
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE invoices (id INTEGER)");
    }
    byte[] before = Files.readAllBytes(other);
    assertThatThrownBy(() -> ReviewDatabase.open(other, CLOCK))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("is not a Trust Bucket database").hasMessageContaining("invoices");
    assertThat(Files.readAllBytes(other)).isEqualTo(before);

    Path text = write(dir, "notes.txt", "this is not a database, just some text that is long enough to matter\n".repeat(20));
    assertThatThrownBy(() -> ReviewDatabase.open(text, CLOCK))
        .isInstanceOf(IncompatibleDatabaseException.class)
        .hasMessageContaining("not an SQLite database");
    assertThat(Files.readString(text)).startsWith("this is not a database");

    assertThatThrownBy(() -> ReviewDatabase.openExisting(dir.resolve("missing.db").toString(), CLOCK))
        .isInstanceOf(ReviewException.class)
        .hasMessageContaining("no database at");
    assertThat(dir.resolve("missing.db")).doesNotExist();
    Path empty = dir.resolve("empty.db");
    Files.createFile(empty);
    assertThatThrownBy(() -> ReviewDatabase.openExisting(empty.toString(), CLOCK))
        .isInstanceOf(ReviewException.class)
        .hasMessageContaining("holds no trust history yet");
  }

  // ---- import ----

  @Test
  void importsTheSampleAndRebuildsTheSameLedgersAsTheLibraryInMemory() throws Exception {
    Path csv = sample(dir);
    Map<Relationship, TrustLedger> expected = inMemory(csv);
    {
      ReviewDatabase db = open();
      ImportResult r = db.importCsv(csv, "default");
      assertThat(r.events()).isEqualTo(263);
      assertThat(r.newRelationships()).isEqualTo(4);
      assertThat(db.eventCount()).isEqualTo(263);
      assertThat(count(db, "trust_relationship")).isEqualTo(4);
      assertThat(db.ledgers()).isEqualTo(expected);
    }
    // Reopen: the rows alone give back the same ledgers, bit for bit.
    {
      ReviewDatabase db = open();
      Map<Relationship, TrustLedger> reloaded = db.ledgers();
      assertThat(reloaded.keySet()).containsExactly(
          ANA, Relationship.of("ben", "maria"), Relationship.of("chloe", "maria"), Relationship.of("dev", "maria"));
      reloaded.forEach((rel, ledger) -> {
        assertThat(ledger).isEqualTo(expected.get(rel));
        assertThat(ledger.state()).isEqualTo(expected.get(rel).state());
        assertThat(ledger.replay()).isEqualTo(ledger.state());
      });
      assertThat(reloaded.get(ANA).state().tier()).isEqualTo(AutonomyTier.AUTONOMOUS);
    }
  }

  @Test
  void quotedNotesSurviveTheRoundTrip() throws Exception {
    String note = "Late, but \"fine\" — and <b>bold</b>";
    Path csv = write(dir, "q.csv", HEADER
        + "zoe,maria,2025-03-03T10:00:00Z,missed-deadline,2,self-reported,,\"Late, but \"\"fine\"\" — and <b>bold</b>\"\n");
    {
      ReviewDatabase db = open();
      db.importCsv(csv, "default");
      var e = db.ledgers().get(Relationship.of("zoe", "maria")).event(0);
      assertThat(e.note()).isEqualTo(note);
      assertThat(e.weight()).isEqualTo(2.0);
      assertThat(e.disclosure().kind()).isEqualTo(dev.trustbucket.Disclosure.Kind.SELF_REPORTED);
    }
  }

  @Test
  void aSignedZeroWeightSurvivesSqliteWhichDropsTheSign() throws Exception {
    Path csv = write(dir, "z.csv", HEADER + "zoe,maria,2025-03-03T10:00:00Z,small-win,-0.0,,,\n");
    {
      ReviewDatabase db = open();
      db.importCsv(csv, "default");
      assertThat(db.ledgers()).isEqualTo(inMemory(csv));
    }
  }

  @Test
  void emptyOptionalColumnsTakeTheDefaults() throws Exception {
    Path csv = write(dir, "d.csv", HEADER + "zoe,maria,2025-03-03T10:00:00Z,regular-check-in,,,,\n");
    {
      ReviewDatabase db = open();
      db.importCsv(csv, "default");
      assertThat(query(db, "SELECT occurred_at, behaviour, weight, disclosure, disclosure_delay, note FROM trust_event"))
          .containsExactly("2025-03-03T10:00:00Z|regular-check-in|0.25|not-recorded|PT0S||");
    }
  }

  @Test
  void aHeaderWithNoRowsImportsNothing() throws Exception {
    {
      ReviewDatabase db = open();
      ImportResult r = db.importCsv(write(dir, "h.csv", HEADER + "\n\n"), "default");
      assertThat(r.events()).isZero();
      assertThat(db.eventCount()).isZero();
      assertThat(count(db, "trust_relationship")).isZero();
    }
  }

  static Stream<Arguments> badFiles() {
    String h = HEADER;
    String before = GOOD_BEFORE;
    String after = GOOD_AFTER;
    return Stream.of(
        Arguments.of("empty file", "", 0, "file", "file is empty"),
        Arguments.of("wrong header", "who,when,what\n" + before, 1, "line", "header must be employee,manager"),
        Arguments.of("header in another order",
            "manager,employee,time,behaviour,weight,disclosure,delay,note\n", 1, "line", "header must be"),
        Arguments.of("too few fields", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win\n" + after,
            3, "line", "expected 8 fields"),
        Arguments.of("too many fields", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,a,b\n" + after,
            3, "line", "found 9"),
        Arguments.of("unknown behaviour", h + before + "zoe,maria,2025-03-04T10:00:00Z,stole-lunch,,,,\n" + after,
            3, "behaviour", "\"stole-lunch\""),
        Arguments.of("NaN weight", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,NaN,,,\n" + after,
            3, "weight", "\"NaN\""),
        Arguments.of("infinite weight", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,1e400,,,\n" + after,
            3, "weight", "\"1e400\""),
        Arguments.of("negative weight", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,-1,,,\n" + after,
            3, "weight", "\"-1\""),
        Arguments.of("weight above 100", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,100.5,,,\n" + after,
            3, "weight", "\"100.5\""),
        Arguments.of("hex weight", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,0x1p3,,,\n" + after,
            3, "weight", "decimal number"),
        Arguments.of("impossible date", h + before + "zoe,maria,2025-02-30T10:00:00Z,small-win,,,,\n" + after,
            3, "time", "ISO-8601 instant"),
        Arguments.of("words for a date", h + before + "zoe,maria,yesterday,small-win,,,,\n" + after,
            3, "time", "\"yesterday\""),
        Arguments.of("date without time", h + before + "zoe,maria,2025-03-04,small-win,,,,\n" + after,
            3, "time", "ISO-8601 instant"),
        Arguments.of("missing time", h + before + "zoe,maria,,small-win,,,,\n" + after,
            3, "time", "was empty"),
        Arguments.of("event in the future", h + before + "zoe,maria,2027-01-01T00:00:00Z,small-win,,,,\n",
            3, "time", "in the future"),
        Arguments.of("far beyond the library's range",
            h + before + "zoe,maria,+300000-01-01T00:00:00Z,small-win,,,,\n", 3, "time", "future"),
        Arguments.of("unknown disclosure",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,missed-deadline,,hidden,,\n" + after,
            3, "disclosure", "\"hidden\""),
        Arguments.of("drop with a disclosure",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,discovered,P3D,\n" + after,
            3, "disclosure", "drains only"),
        Arguments.of("delay in words",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,hid-problem,,discovered,9 days,\n" + after,
            3, "delay", "\"9 days\""),
        Arguments.of("delay overflowing",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,hid-problem,,discovered,PT99999999999999999999H,\n" + after,
            3, "delay", "ISO-8601 duration"),
        Arguments.of("delay over a century",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,hid-problem,,discovered,P40000D,\n" + after,
            3, "delay", "between zero"),
        Arguments.of("delay without discovery",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,missed-deadline,,self-reported,P9D,\n" + after,
            3, "delay", "PT0S unless discovered"),
        Arguments.of("note too long",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,," + "n".repeat(1_001) + "\n" + after,
            3, "note", "at most 1000"),
        Arguments.of("quote left open", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,\"open\n" + after,
            3, "line", "odd number of quotes"),
        Arguments.of("stray quote", h + before + "zoe,ma\"ria,2025-03-04T10:00:00Z,small-win,,,,\n" + after,
            3, "line", "odd number of quotes"),
        Arguments.of("text after a closing quote",
            h + before + "zoe,\"ma\"ria,2025-03-04T10:00:00Z,small-win,,,,\n" + after, 3, "line", "quotes are misplaced"),
        Arguments.of("blank employee", h + before + ",maria,2025-03-04T10:00:00Z,small-win,,,,\n" + after,
            3, "employee", "must not be blank"),
        Arguments.of("ESC in a note", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,\"a\u001b]0;x\"\n",
            3, "line", "U+001B"),
        Arguments.of("C1 control in a name", h + before + "zo\u009be,maria,2025-03-04T10:00:00Z,small-win,,,,\n",
            3, "employee", "U+009B (a control character)"),
        Arguments.of("right-to-left override in a note",
            h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,invoice\u202Efdp.exe\n",
            3, "note", "U+202E"),
        Arguments.of("non-character in a name", h + before + "zoe\uFFFF,maria,2025-03-04T10:00:00Z,small-win,,,,\n",
            3, "employee", "U+FFFF (a non-character)"),
        Arguments.of("tab inside a note", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,a\tb\n",
            3, "note", "U+0009"),
        Arguments.of("own manager", h + before + "maria,maria,2025-03-04T10:00:00Z,small-win,,,,\n" + after,
            3, "manager", "differ"),
        Arguments.of("rows out of order", h + before + "zoe,maria,2025-03-01T10:00:00Z,small-win,,,,\n" + after,
            3, "time", "(line 2); rows of one relationship must be in time order"),
        Arguments.of("before the stored history", h + "ana,maria,2025-06-01T10:00:00Z,small-win,,,,\n",
            2, "time", "already in the database"),
        Arguments.of("very long line", h + before + "zoe,maria," + "x".repeat(20_000) + "\n" + after,
            3, "line", "longer than 10000"),
        Arguments.of("control character", h + before + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,a\u0007b\n",
            3, "line", "U+0007"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadRowRejectsTheWholeImportAndChangesNothing(
      String name, String text, int line, String field, String fragment) throws Exception {
    Path csv = write(dir, "bad.csv", text);
    {
      ReviewDatabase db = sampleDatabase(dir);
      var before = snapshot(db);
      long events = db.eventCount();
      assertThatThrownBy(() -> db.importCsv(csv, "default"))
          .isInstanceOfSatisfying(RejectedInputException.class, e -> {
            assertThat(e.source()).isEqualTo("bad.csv");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage())
                .startsWith(line > 0 ? "bad.csv, line " + line + (field.equals("line") ? ": " : ", field " + field + ": ")
                    : "bad.csv: ")
                .contains(fragment)
                .endsWith("; nothing was imported");
          });
      assertThat(db.eventCount()).isEqualTo(events);
      assertThat(snapshot(db)).isEqualTo(before);
    }
  }

  @Test
  void binaryJunkIsRejectedCleanly() throws Exception {
    byte[] junk = new byte[100_000];
    new java.util.Random(7).nextBytes(junk);
    Path csv = dir.resolve("junk.csv");
    Files.write(csv, junk);
    {
      ReviewDatabase db = open();
      assertThatThrownBy(() -> db.importCsv(csv, "default"))
          .isInstanceOf(RejectedInputException.class)
          .hasMessageStartingWith("junk.csv")
          .hasMessageEndingWith("nothing was imported");
      assertThat(db.eventCount()).isZero();
      assertThat(count(db, "trust_relationship")).isZero();
    }
    Path pdfLike = dir.resolve("report.csv");
    Files.write(pdfLike, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    {
      ReviewDatabase db = open();
      assertThatThrownBy(() -> db.importCsv(pdfLike, "default"))
          .isInstanceOf(RejectedInputException.class)
          .hasMessageContaining("line 1");
    }
  }

  @Test
  void aMissingFileIsRejected() throws Exception {
    {
      ReviewDatabase db = open();
      assertThatThrownBy(() -> db.importCsv(dir.resolve("nope.csv"), "default"))
          .isInstanceOf(RejectedInputException.class)
          .hasMessageContaining("no such file");
    }
  }

  @Test
  void rowsOfDifferentRelationshipsMayInterleaveAndShareInstants() throws Exception {
    Path csv = write(dir, "i.csv", HEADER
        + "zoe,maria,2025-03-03T10:00:00Z,small-win,,,,\n"
        + "yan,maria,2025-03-01T10:00:00Z,small-win,,,,\n"
        + "zoe,maria,2025-03-03T10:00:00Z,proactive-update,,,,same instant\n"
        + "yan,maria,2025-03-02T10:00:00Z,missed-deadline,,,,\n");
    {
      ReviewDatabase db = open();
      assertThat(db.importCsv(csv, "default").events()).isEqualTo(4);
      var ledgers = db.ledgers();
      assertThat(ledgers.get(Relationship.of("zoe", "maria")).size()).isEqualTo(2);
      assertThat(ledgers.get(Relationship.of("yan", "maria")).start()).isEqualTo("2025-03-01T10:00:00Z");
    }
  }

  @Test
  void importsAppendAfterTheStoredHistory() throws Exception {
    {
      ReviewDatabase db = sampleDatabase(dir);
      double before = db.ledgers().get(ANA).state().level();
      ImportResult r = db.importCsv(write(dir, "more.csv", HEADER
          + "ana,maria,2026-01-05T10:00:00Z,missed-deadline,,,,first miss in a year\n"), "default");
      assertThat(r.newRelationships()).isZero();
      assertThat(db.eventCount()).isEqualTo(264);
      assertThat(db.ledgers().get(ANA).state().level()).isLessThan(before);
    }
  }

  @Test
  void aRelationshipKeepsItsPolicyAndAnImportWritesUnderOne() throws Exception {
    {
      ReviewDatabase db = open();
      db.importCsv(write(dir, "a.csv", HEADER + "zoe,maria,2025-03-03T10:00:00Z,small-win,,,,\n"), "strict");
      var before = snapshot(db);
      assertThatThrownBy(() -> db.importCsv(write(dir, "b.csv", HEADER + "yan,maria,2025-03-04T10:00:00Z,small-win,,,,\n"
              + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,\n"), "forgiving"))
          .isInstanceOfSatisfying(RejectedInputException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("policy");
            assertThat(e.getMessage()).contains("zoe \u2192 maria is kept under the policy strict")
                .contains("--policy strict");
          });
      assertThat(snapshot(db)).isEqualTo(before);
      db.importCsv(write(dir, "c.csv", HEADER + "zoe,maria,2025-03-04T10:00:00Z,small-win,,,,\n"), "strict");
      assertThat(db.ledgers().get(Relationship.of("zoe", "maria")).policy().name()).isEqualTo("strict");
      assertThat(db.ledgers().get(Relationship.of("zoe", "maria")).size()).isEqualTo(2);
      assertThatThrownBy(() -> db.importCsv(write(dir, "d.csv", HEADER), "lenient"))
          .isInstanceOf(RejectedInputException.class)
          .hasMessageContaining("policy must be one of [default, symmetric, strict, forgiving]");
    }
  }

  @Test
  void importingTheSameFileTwiceRecordsItsEventsOnce() throws Exception {
    {
      ReviewDatabase db = open();
      Path csv = write(dir, "twice.csv", HEADER
          + "zoe,maria,2025-03-03T10:00:00Z,small-win,,,,same\n"
          + "zoe,maria,2025-03-03T10:00:00Z,small-win,,,,same\n"); // two identical rows are two events
      assertThat(db.importCsv(csv, "default")).extracting(ImportResult::events, ImportResult::duplicates)
          .containsExactly(2, 0);
      var before = snapshot(db);
      assertThat(db.importCsv(csv, "default")).extracting(ImportResult::events, ImportResult::duplicates)
          .containsExactly(0, 2);
      assertThat(snapshot(db)).isEqualTo(before);
      assertThat(db.eventCount()).isEqualTo(2);
      // The file grew by a row: only that one is new.
      Files.writeString(csv, "zoe,maria,2025-03-04T10:00:00Z,missed-deadline,,,,later\n", StandardOpenOption.APPEND);
      assertThat(db.importCsv(csv, "default")).extracting(ImportResult::events, ImportResult::duplicates)
          .containsExactly(1, 2);
      // An old row that was never imported is still refused.
      Files.writeString(csv, "zoe,maria,2025-03-01T10:00:00Z,small-win,,,,never imported\n", StandardOpenOption.APPEND);
      assertThatThrownBy(() -> db.importCsv(csv, "default"))
          .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.line()).isEqualTo(5));
      assertThat(db.eventCount()).isEqualTo(3);
    }
  }

  @Test
  void aHandEditedRowIsReportedWhenTheLedgersAreRebuilt() throws Exception {
    {
      ReviewDatabase db = sampleDatabase(dir);
      update(db, "UPDATE trust_event SET weight = 3 WHERE seq = 5 AND relationship_id ="
          + " (SELECT relationship_id FROM trust_relationship WHERE employee = 'ana')");
      assertThatThrownBy(db::ledgers)
          .isInstanceOf(ReviewException.class)
          .hasMessageContaining("ana \u2192 maria")
          .hasMessageContaining("seq 5")
          .hasMessageContaining("checksum");
    }
  }

  // ---- record ----

  @Test
  void recordsOneEventWithTheSameChecks() throws Exception {
    {
      ReviewDatabase db = sampleDatabase(dir);
      java.time.Instant at = java.time.Instant.parse("2026-01-10T09:00:00Z");
      double before = db.ledgers().get(ANA).levelAt(at);
      db.record(new EventRow("ana", "maria", at.toString(), "raised-risk-early", "", "", "", "vendor delay"),
          "default", Optional.empty());
      assertThat(db.eventCount()).isEqualTo(264);
      TrustLedger ana = db.ledgers().get(ANA);
      assertThat(ana.levelAt(at)).isGreaterThan(before);
      assertThat(ana.event(ana.size() - 1).note()).isEqualTo("vendor delay");

      var snapshot = snapshot(db);
      assertThatThrownBy(() -> db.record(
              new EventRow("ana", "maria", "2026-01-11T09:00:00Z", "teleported", "", "", "", ""), "default",
              Optional.empty()))
          .isInstanceOf(RejectedInputException.class)
          .hasMessageStartingWith("record, field behaviour: behaviour must be one of")
          .hasMessageEndingWith("nothing was recorded");
      assertThatThrownBy(() -> db.record(
              new EventRow("ana", "maria", "2026-01-09T09:00:00Z", "small-win", "", "", "", ""), "default",
              Optional.empty()))
          .isInstanceOf(RejectedInputException.class)
          .hasMessageContaining("before the previous event of ana \u2192 maria at 2026-01-10T09:00:00Z")
          .hasMessageContaining("already in the database");
      assertThat(snapshot(db)).isEqualTo(snapshot);
    }
  }

  @Test
  void theStoreKeepsTheEventRecordColumnsAndARetriedRecordWithAnIdCountsOnce() throws Exception {
    {
      ReviewDatabase db = open();
      EventRow row = new EventRow("zoe", "maria", "2025-03-03T10:00:00.123456789Z", "hid-problem", "1.25",
          "discovered", "P9DT4H", "found in QA");
      assertThat(db.record(row, "default", Optional.of("req-42")).events()).isEqualTo(1);
      assertThat(db.record(row, "default", Optional.of("req-42")).duplicates()).isEqualTo(1);
      assertThat(query(db, "SELECT e.occurred_at, e.behaviour, e.weight, e.disclosure, e.disclosure_delay, e.note,"
              + " e.event_id, r.employee, r.manager, p.name FROM trust_event e"
              + " JOIN trust_relationship r ON r.relationship_id = e.relationship_id"
              + " JOIN trust_policy p ON p.policy_id = r.policy_id"))
          .containsExactly("2025-03-03T10:00:00.123456789Z|hid-problem|1.25|discovered|PT220H|found in QA|req-42|zoe|maria|default|");
      assertThatThrownBy(() -> db.record(row, "default", Optional.of("bad\u001bid")))
          .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.field()).isEqualTo("id"));
    }
  }
}
