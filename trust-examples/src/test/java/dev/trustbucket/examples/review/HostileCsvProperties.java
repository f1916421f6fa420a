package dev.trustbucket.examples.review;

import static dev.trustbucket.examples.review.ReviewTestSupport.CLOCK;
import static dev.trustbucket.examples.review.ReviewTestSupport.NOW;
import static dev.trustbucket.examples.review.ReviewTestSupport.sample;
import static dev.trustbucket.examples.review.ReviewTestSupport.query;
import static dev.trustbucket.examples.review.ReviewTestSupport.snapshot;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile CSV files imported into a real SQLite review database (kept by trust-jdbc). Each try
 * generates a valid file of a few rows (checked against the library in memory), then damages it in
 * every way listed in {@link Harm}, one way per import: reordered columns, a wrong header, wrong
 * column counts, binary junk, text that is not UTF-8, control characters, enormous lines, bad
 * quotes, huge numbers, NaN, unknown behaviours, dates out of order, before the stored history, in
 * the future or outside the library's range, bad disclosures, delays and people, notes too long,
 * an unknown policy, an empty file; special files instead of a file ({@code /dev/zero}, {@code
 * /dev/urandom}, a pipe with no writer, a folder); names and notes holding C1 controls, bidi
 * overrides and isolates, line separators and non-characters ({@link #REFUSED}); and a valid file
 * whose import is hit by an {@link Error} ({@link OutOfMemoryError}, {@link StackOverflowError},
 * {@link AssertionError}) at one of its statements.
 *
 * <p>Every import must fail with the tool's own {@link RejectedInputException} naming the file,
 * the damaged line and the field (or, for the injected errors, with that error), and must write
 * nothing: the database, opened once for the whole class in a temporary folder and seeded with the
 * sample team, keeps exactly its rows, and sequence counters, from the first try to the last.
 * jqwik has no {@code @TempDir}; the folder is created before the container and deleted after it.
 *
 * <p>A second property builds histories from year -290000 to 290000 and checks that the text and
 * HTML reports stay of ordinary size whatever the span.
 */
@Label("Hostile input · CSV imports into the review database")
class HostileCsvProperties {
  private static final int ENORMOUS = 1 << 20;
  private static final Instant BASE = Instant.parse("2025-12-20T09:00:00Z");
  private static final List<Relationship> RELATIONSHIPS = List.of(
      Relationship.of("ana", "maria"), Relationship.of("ben", "maria"), Relationship.of("chloe", "maria"),
      Relationship.of("dev", "maria"), Relationship.of("zoe", "maria"), Relationship.of("yan", "omar"));

  private static Path dir;
  private static ReviewDatabase db;
  private static Map<Relationship, TrustLedger> stored;
  private static Map<String, List<String>> before;
  private static int files;

  @BeforeContainer
  static void openDatabase() throws Exception {
    dir = Files.createTempDirectory("hostile-csv");
    db = ReviewDatabase.open(dir.resolve("team.db"), CLOCK);
    db.importCsv(sample(dir), "default");
    stored = db.ledgers();
    assertThat(stored.keySet()).containsAll(RELATIONSHIPS.subList(0, 4));
    before = everything();
    fifo = dir.resolve("events.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
  }

  @AfterContainer
  static void closeDatabase() throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
        Files.delete(p);
      }
    }
  }

  /** Every row of every table of the store, and SQLite's AUTOINCREMENT counters. */
  static Map<String, List<String>> everything() throws SQLException {
    Map<String, List<String>> all = new LinkedHashMap<>(snapshot(db));
    all.put("sqlite_sequence", query(db, "SELECT name, seq FROM sqlite_sequence ORDER BY name"));
    return all;
  }

  /** The row counts of the tables an import writes, and the highest event seq, in one query. */
  static List<String> counts() throws SQLException {
    return query(db, "SELECT (SELECT count(*) FROM trust_relationship), (SELECT count(*) FROM trust_event),"
        + " (SELECT max(seq) FROM trust_event), (SELECT sum(row_version) FROM trust_relationship)");
  }

  // ---------------------------------------------------------------- valid files

  /** One row before it is laid in time: which relationship, how long after its previous row, what. */
  record RowSpec(int relationship, long gapMinutes, Behaviour behaviour, String weight, int disclosure,
      long delayDays, String note) {}

  @Provide
  Arbitrary<List<RowSpec>> files() {
    return Combinators.combine(
            Arbitraries.integers().between(0, RELATIONSHIPS.size() - 1),
            Arbitraries.longs().between(0, 360),
            Arbitraries.of(Behaviours.all()),
            Arbitraries.of("", "", "1", "0.5", "2.25", "100", "0", "1e0", "-0.0", "+3"),
            Arbitraries.integers().between(0, 3),
            Arbitraries.longs().between(0, 400),
            Arbitraries.of("", "", "fine", "with, a comma", "say \"hi\"", "  padded  ", "é日本語😀", "\u200Fשלום\u200F"))
        .as(RowSpec::new)
        .list()
        .ofMinSize(2)
        .ofMaxSize(10);
  }

  /** Lays the specs in time: each relationship's rows 0 to 6 hours apart from {@link #BASE}, after the sample. */
  static List<List<String>> rows(List<RowSpec> specs) {
    Map<Relationship, Instant> clock = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    for (RowSpec s : specs) {
      Relationship rel = RELATIONSHIPS.get(s.relationship());
      Instant t = clock.getOrDefault(rel, BASE).plus(Duration.ofMinutes(s.gapMinutes()));
      clock.put(rel, t);
      String disclosure = "";
      String delay = "";
      if (!s.behaviour().isDrop()) {
        switch (s.disclosure()) {
          case 1:
            disclosure = "not-recorded";
            delay = "PT0S";
            break;
          case 2:
            disclosure = "self-reported";
            break;
          case 3:
            disclosure = "discovered";
            delay = "P" + s.delayDays() + "D";
            break;
          default:
            break;
        }
      }
      rows.add(new ArrayList<>(List.of(rel.employee(), rel.manager(), t.toString(), s.behaviour().id(), s.weight(),
          disclosure, delay, s.note())));
    }
    return rows;
  }

  /** Checks that rows are valid by the library alone, as the review tool would read them. */
  static void assertValid(List<List<String>> rows) {
    Map<Relationship, TrustLedger> ledgers = new LinkedHashMap<>(stored);
    TrustPolicy policy = TrustPolicy.defaults();
    for (List<String> fields : rows) {
      EventRow row = EventRow.of(fields);
      TrustEvent event = row.toEvent(policy.catalogue());
      assertThat(event.time()).isBefore(NOW);
      ledgers.compute(row.relationship(),
          (rel, l) -> (l == null ? TrustLedger.of(policy, event.time()) : l).plus(event));
    }
  }

  static String quote(String field) {
    boolean plain = !field.contains(",") && !field.contains("\"") && field.strip().equals(field);
    return plain ? field : "\"" + field.replace("\"", "\"\"") + "\"";
  }

  static String render(List<String> fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields) {
      out.add(quote(f));
    }
    return String.join(",", out);
  }

  static String header() {
    return String.join(",", EventRow.COLUMNS);
  }

  // ---------------------------------------------------------------- damage

  /** How a file is damaged. */
  enum Harm {
    EMPTY_FILE, WRONG_HEADER, REORDERED_COLUMNS, WRONG_COLUMN_COUNT, BINARY_JUNK, NOT_UTF8, CONTROL_CHARACTER,
    CR_LINE_ENDINGS, ENORMOUS_LINE, BAD_QUOTES, HUGE_NUMBER, NOT_A_NUMBER, UNKNOWN_BEHAVIOUR, DATES_OUT_OF_ORDER,
    BEFORE_STORED_HISTORY, IN_THE_FUTURE, OUTSIDE_LIBRARY_RANGE, BAD_DATE, BAD_DISCLOSURE, BAD_DELAY, BAD_PEOPLE,
    NOTE_TOO_LONG, UNKNOWN_POLICY, SPECIAL_FILE, HOSTILE_TEXT, ERROR_MID_IMPORT
  }

  /** Code points the text rule refuses that survive UTF-8 and CSV, so that only the rule can stop them. */
  static final String[] REFUSED = {
    "\u0080", "\u0085", "\u009b", "\u009f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029",
    "\ufdd0", "\ufffe", "\uffff", new String(Character.toChars(0x1FFFF)), new String(Character.toChars(0x10FFFF)),
  };

  /** Devices, a pipe with no writer (opening it would block), a folder, and a file that is neither. */
  static List<Path> specialFiles() {
    return List.of(Path.of("/dev/zero"), Path.of("/dev/null"), Path.of("/dev/urandom"), fifo, dir);
  }

  private static Path fifo;

  /**
   * A damaged file and what importing it must report.
   *
   * @param bytes the file
   * @param policy the policy name given to the import
   * @param line the line the rejection must name (0 for the whole file)
   * @param fields the fields it may name
   * @param what the damage, for failure messages
   */
  record Damage(byte[] bytes, String policy, int line, Set<String> fields, String what, Path special, int failAt) {
    Damage(byte[] bytes, String policy, int line, Set<String> fields, String what) {
      this(bytes, policy, line, fields, what, null, 0);
    }
  }

  @SafeVarargs
  static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  static Damage text(List<String> lines, int line, Set<String> fields, String what) {
    return new Damage((String.join("\n", lines) + "\n").getBytes(UTF_8), "default", line, fields, what);
  }

  /** The file's lines with row {@code k} (0-based) replaced by {@code fields}. */
  static List<String> with(List<List<String>> rows, int k, List<String> fields) {
    List<String> lines = new ArrayList<>();
    lines.add(header());
    for (int i = 0; i < rows.size(); i++) {
      lines.add(render(i == k ? fields : rows.get(i)));
    }
    return lines;
  }

  /** Row {@code k} with one column set. */
  static Damage column(List<List<String>> rows, int k, String column, String value, String... blamed) {
    List<String> fields = new ArrayList<>(rows.get(k));
    fields.set(EventRow.COLUMNS.indexOf(column), value);
    return text(with(rows, k, fields), k + 2, Set.of(blamed.length == 0 ? new String[] {column} : blamed),
        column + "=" + shorten(value) + " on line " + (k + 2));
  }

  static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  static Damage damage(List<List<String>> rows, Harm harm, Random r) {
    int k = r.nextInt(rows.size());
    int line = k + 2;
    List<String> row = new ArrayList<>(rows.get(k));
    switch (harm) {
      case EMPTY_FILE:
        return new Damage(new byte[0], "default", 0, Set.of("file"), "empty");
      case WRONG_HEADER: {
        String h = pick(r, header().toUpperCase(java.util.Locale.ROOT), header().replace(',', ';'),
            header() + ",extra", header().substring(0, header().lastIndexOf(',')), header().replace("note", "notes"),
            "", "\uFEFF\uFEFF" + header(), header().replace("time", "when"), "employee,employee,time,behaviour,weight,disclosure,delay,note");
        List<String> lines = with(rows, -1, null);
        lines.set(0, h);
        return text(lines, 1, Set.of("line"), "header " + shorten(h));
      }
      case REORDERED_COLUMNS: {
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
        while (order.equals(List.of(0, 1, 2, 3, 4, 5, 6, 7))) {
          Collections.shuffle(order, r);
        }
        List<String> lines = new ArrayList<>();
        lines.add(render(order.stream().map(EventRow.COLUMNS::get).collect(java.util.stream.Collectors.toList())));
        for (List<String> f : rows) {
          lines.add(render(order.stream().map(f::get).collect(java.util.stream.Collectors.toList())));
        }
        return text(lines, 1, Set.of("line"), "columns " + order);
      }
      case WRONG_COLUMN_COUNT: {
        if (r.nextBoolean()) {
          row.remove(r.nextInt(row.size()));
        } else {
          for (int extra = 1 + r.nextInt(3); extra > 0; extra--) {
            row.add(r.nextInt(row.size() + 1), pick(r, "", "x", "1"));
          }
        }
        return text(with(rows, k, row), line, Set.of("line"), row.size() + " fields on line " + line);
      }
      case BINARY_JUNK:
      case NOT_UTF8:
      case CONTROL_CHARACTER:
      case ENORMOUS_LINE: {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> lines = with(rows, -1, null);
        byte[] bad;
        String what;
        if (harm == Harm.BINARY_JUNK) {
          bad = new byte[1 + r.nextInt(300)];
          r.nextBytes(bad);
          for (int i = 0; i < bad.length; i++) {
            bad[i] = bad[i] == '\n' ? 0 : bad[i];
          }
          bad[0] = (byte) (0x80 + r.nextInt(0x80)); // never blank, never the header
          what = "junk line " + line;
        } else if (harm == Harm.NOT_UTF8) {
          byte[] broken = pick(r, new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED,
              (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE9}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80});
          String l = lines.get(k + 1);
          int at = r.nextInt(l.length() + 1);
          out.writeBytes(l.substring(0, at).getBytes(UTF_8));
          out.writeBytes(broken);
          out.writeBytes(l.substring(at).getBytes(UTF_8));
          bad = out.toByteArray();
          out.reset();
          what = "broken UTF-8 on line " + line;
        } else if (harm == Harm.CONTROL_CHARACTER) {
          String l = lines.get(k + 1);
          int at = r.nextInt(l.length()); // not at the very end, where a CR is a line terminator
          bad = (l.substring(0, at) + pick(r, "\u0000", "\u0007", "\u001b", "\u007f", "\r", "\u000b") + l.substring(at))
              .getBytes(UTF_8);
          what = "control character on line " + line;
        } else {
          bad = (r.nextBoolean() ? "x".repeat(ENORMOUS) : render(rows.get(k)) + "n".repeat(ENORMOUS)).getBytes(UTF_8);
          what = "1 MB line " + line;
        }
        boolean insert = harm == Harm.BINARY_JUNK || harm == Harm.ENORMOUS_LINE && r.nextBoolean();
        for (int i = 0; i < lines.size(); i++) {
          if (i == k + 1) {
            out.writeBytes(bad);
            out.write('\n');
            if (!insert) {
              continue;
            }
          }
          out.writeBytes(lines.get(i).getBytes(UTF_8));
          out.write('\n');
        }
        Set<String> fields = harm == Harm.BINARY_JUNK ? junkFields() : Set.of("line");
        return new Damage(out.toByteArray(), "default", line, fields, what);
      }
      case CR_LINE_ENDINGS:
        return new Damage((String.join("\r", with(rows, -1, null)) + "\r").getBytes(UTF_8), "default", 1,
            Set.of("line"), "CR line endings");
      case BAD_QUOTES: {
        int f = r.nextInt(8);
        String value = row.get(f).isEmpty() ? "x" : row.get(f).replace("\"", "");
        String bad = pick(r, "\"" + value, value.substring(0, 1) + "\"" + value.substring(1), "\"" + value + "\"x",
            "\"" + value + "\" \"");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          cells.add(i == f ? bad : quote(row.get(i)));
        }
        List<String> lines = with(rows, -1, null);
        lines.set(k + 1, String.join(",", cells));
        return text(lines, line, Set.of("line"), "quote " + shorten(bad) + " in " + EventRow.COLUMNS.get(f));
      }
      case HUGE_NUMBER:
        return column(rows, k, "weight", pick(r, "1e309", "-1e309", "9".repeat(400), "1e99999", "101",
            "123456789012345678901234567890", "1" + "0".repeat(5_000)));
      case NOT_A_NUMBER:
        return column(rows, k, "weight", pick(r, "NaN", "Infinity", "-Infinity", "nan", "0x1p3", "1,5", "1.5.2",
            "\u0661", "1d", "--1", "e5", "one"));
      case UNKNOWN_BEHAVIOUR:
        return column(rows, k, "behaviour", pick(r, "stole-lunch", "MISSED-DEADLINE", "missed deadline",
            "missed-deadline-", "", "\u00e9", "x".repeat(5_000)));
      case DATES_OUT_OF_ORDER: {
        if (k == 0) {
          k = 1;
          line = 3;
          row = new ArrayList<>(rows.get(1));
        }
        int p = r.nextInt(k);
        Instant earlier = Instant.parse(rows.get(p).get(2)).minusSeconds(1 + r.nextInt(86_400 * 30));
        row.set(0, rows.get(p).get(0));
        row.set(1, rows.get(p).get(1));
        row.set(2, earlier.toString());
        return text(with(rows, k, row), line, Set.of("time"), "line " + line + " before line " + (p + 2));
      }
      case BEFORE_STORED_HISTORY: {
        Relationship rel = RELATIONSHIPS.get(r.nextInt(4));
        TrustLedger l = stored.get(rel);
        Instant last = l.event(l.size() - 1).time();
        row.set(0, rel.employee());
        row.set(1, rel.manager());
        row.set(2, last.minusSeconds(1 + r.nextInt(86_400 * 300)).toString());
        return text(with(rows, k, row), line, Set.of("time"), "before the history of " + rel + " on line " + line);
      }
      case IN_THE_FUTURE:
        return column(rows, k, "time", NOW.plusNanos(1_000).plusSeconds(r.nextInt(1_000_000_000)).toString());
      case OUTSIDE_LIBRARY_RANGE: {
        // As the first row of a new relationship (which starts its ledger) or of an existing one.
        if (r.nextBoolean()) {
          row.set(0, "newcomer-" + k);
        }
        row.set(2, pick(r, "-300000-01-01T00:00:00Z", "-290001-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z",
            "+300000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"));
        return text(with(rows, k, row), line, Set.of("time"), "time " + row.get(2) + " for " + row.get(0) + " on line " + line);
      }
      case BAD_DATE:
        return column(rows, k, "time", pick(r, "2025-02-30T10:00:00Z", "yesterday", "2025-12-21", "2025-12-21T10:00:00",
            "2025-12-21 10:00:00Z", "", "2025-12-21T25:00:00Z", "1e309", "NaN", "2025-12-21T10:00:00+25:00"));
      case BAD_DISCLOSURE: {
        if (r.nextBoolean()) {
          row.set(3, "hid-problem");
          row.set(5, pick(r, "hidden", "DISCOVERED", "self reported", "yes", "1"));
          row.set(6, "");
        } else {
          row.set(3, pick(r, "small-win", "delivered-on-commitment"));
          row.set(5, pick(r, "self-reported", "discovered"));
          row.set(6, row.get(5).equals("discovered") ? "P3D" : "");
        }
        return text(with(rows, k, row), line, Set.of("disclosure"), "disclosure " + row.get(5) + " for " + row.get(3));
      }
      case BAD_DELAY: {
        row.set(3, "hid-problem");
        if (r.nextBoolean()) {
          row.set(5, "discovered");
          row.set(6, pick(r, "9 days", "PT99999999999999999999H", "P40000D", "-P1D", "P1Y", "P3", "NaN"));
        } else {
          row.set(5, pick(r, "self-reported", "not-recorded", ""));
          row.set(6, pick(r, "P3D", "PT1S", "-PT1S"));
        }
        return text(with(rows, k, row), line, Set.of("delay"), "delay " + row.get(6) + " when " + row.get(5));
      }
      case BAD_PEOPLE: {
        int who = r.nextInt(5);
        String field = who == 1 || who == 2 ? "manager" : "employee";
        if (who == 0) {
          row.set(0, "");
        } else if (who == 1) {
          row.set(1, "");
        } else if (who == 2) {
          row.set(1, row.get(0));
        } else if (who == 3) {
          row.set(0, "p".repeat(201));
        } else {
          row.set(0, "ana\tmaria");
        }
        return text(with(rows, k, row), line, Set.of(field), field + " " + shorten(row.get(who == 1 || who == 2 ? 1 : 0)));
      }
      case NOTE_TOO_LONG:
        // At most ~8,000 characters once quotes are doubled: longer lines are refused as lines.
        return column(rows, k, "note", pick(r, "n", "é", "\t", "\"").repeat(TrustEvent.MAX_NOTE_LENGTH + 1 + r.nextInt(3_000)));
      case SPECIAL_FILE: {
        Path special = pick(r, specialFiles().toArray(new Path[0]));
        return new Damage(new byte[0], "default", 0, Set.of("file"), "special file " + special, special, 0);
      }
      case HOSTILE_TEXT: {
        String column = pick(r, "employee", "manager", "note");
        String bad = pick(r, REFUSED);
        String value = row.get(EventRow.COLUMNS.indexOf(column));
        value = value.isEmpty() ? "x" : value;
        int at = r.nextInt(value.length() + 1);
        return column(rows, k, column, value.substring(0, at) + bad + value.substring(at));
      }
      case ERROR_MID_IMPORT: {
        // A valid file; the fault strikes at one of the first statements of the import, all of which
        // it makes whatever the rows: reading each relationship's state, then writing it.
        int relationships = (int) rows.stream().map(f -> f.get(0) + "," + f.get(1)).distinct().count();
        return new Damage((String.join("\n", with(rows, -1, null)) + "\n").getBytes(UTF_8), "default", 0, Set.of(),
            "an Error", null, 1 + r.nextInt(relationships + 3));
      }
      case UNKNOWN_POLICY: {
        String policy = pick(r, "lenient", "", "Default", "default ", "x".repeat(10_000));
        return new Damage((String.join("\n", with(rows, -1, null)) + "\n").getBytes(UTF_8), policy, 0, Set.of("policy"),
            "policy " + shorten(policy));
      }
      default:
        throw new AssertionError(harm);
    }
  }

  static Set<String> junkFields() {
    Set<String> any = new HashSet<>(EventRow.COLUMNS);
    any.add("line");
    return any;
  }

  // ---------------------------------------------------------------- the property

  @Property(tries = 12)
  @Label("every damaged file is rejected whole with its line and field, and the database keeps every row and counter")
  void hostileFilesAreRejectedWhole(@ForAll("files") List<RowSpec> specs, @ForAll long seed) throws Exception {
    List<List<String>> rows = rows(specs);
    assertValid(rows);
    Random r = new Random(seed);
    List<String> counts = counts();
    for (Harm harm : Harm.values()) {
      Damage d = damage(rows, harm, r);
      String name = "hostile-" + (++files) + ".csv";
      Path csv = d.special() != null ? d.special() : dir.resolve(name);
      if (d.special() == null) {
        Files.write(csv, d.bytes());
      }
      name = csv.getFileName().toString();
      Statistics.label("harm").collect(harm);
      String what = harm + " (" + d.what() + ")";

      Throwable thrown;
      if (d.failAt() > 0) {
        FaultyDataSource faulty = new FaultyDataSource(ReviewDatabase.dataSource(dir.resolve("team.db").toString()),
            () -> pick(r, new OutOfMemoryError("injected"), new StackOverflowError(), new AssertionError("injected")));
        ReviewDatabase writer = ReviewDatabase.open(faulty, "team.db", CLOCK, true);
        faulty.failAtNext(d.failAt());
        thrown = catchThrowable(() -> writer.importCsv(csv, d.policy()));
        assertThat(thrown).as("%s at statement %s", what, d.failAt()).isInstanceOf(Error.class);
        assertThat(counts()).as("row counts after %s", what).isEqualTo(counts);
        Files.delete(csv);
        continue;
      }
      thrown = catchThrowable(() -> db.importCsv(csv, d.policy()));
      if (!(thrown instanceof RejectedInputException)) {
        throw new AssertionError(what + ": " + (thrown == null ? "was imported" : "leaked " + thrown), thrown);
      }
      RejectedInputException e = (RejectedInputException) thrown;
      assertThat(e.source()).isEqualTo(name);
      assertThat(e.line()).as("line of %s: %s", what, e.getMessage()).isEqualTo(d.line());
      assertThat(d.fields()).as("field of %s: %s", what, e.getMessage()).contains(e.field());
      assertThat(e.getMessage())
          .as("message of %s", what)
          .startsWith(d.line() > 0 ? name + ", line " + d.line() : name + (e.field().equals("file") ? ": " : ", field "))
          .endsWith("; nothing was imported")
          .hasSizeLessThanOrEqualTo(2_000);
      assertThat(counts()).as("row counts after %s", what).isEqualTo(counts);
      if (d.special() == null) {
        Files.delete(csv);
      }
    }
    assertThat(everything()).isEqualTo(before);
    Statistics.label("harm").coverage(checker -> {
      for (Harm h : Harm.values()) {
        checker.check(h).count(n -> n > 0);
      }
    });
  }

  @Property(tries = 6)
  @Label("the generated files are valid: the same rows import cleanly into a scratch database")
  void generatedFilesImportCleanly(@ForAll("files") List<RowSpec> specs) throws Exception {
    Path scratch = Files.createTempDirectory(dir, "scratch");
    Path csv = scratch.resolve("valid.csv");
    List<String> lines = with(rows(specs), -1, null);
    Files.writeString(csv, String.join("\n", lines) + "\n", UTF_8);
    {
      ReviewDatabase fresh = ReviewTestSupport.sampleDatabase(scratch);
      ImportResult result = fresh.importCsv(csv, "default");
      assertThat(result.events()).isEqualTo(specs.size());
    }
  }

  // ---------------------------------------------------------------- huge spans

  @Provide
  Arbitrary<Long> yearsAnywhere() {
    return Arbitraries.longs().between(-290_000L, 290_000L).edgeCases(c -> c.add(-290_000L, 290_000L, 1L, 0L, -1L));
  }

  @Property(tries = 25)
  @Label("a report's size does not grow with the span of a history, from year -290000 to 290000")
  void reportsStayOfOrdinarySizeWhateverTheSpan(@ForAll("yearsAnywhere") long startYear,
      @ForAll("yearsAnywhere") long asOfYear, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 6) int events,
      @ForAll long seed) throws Exception {
    Random r = new Random(seed);
    Instant min = Instant.parse("-290000-01-01T00:00:00Z");
    Instant max = Instant.parse("+290000-12-31T23:59:59Z");
    Instant start = clamp(java.time.LocalDate.of((int) startYear, 1 + r.nextInt(12), 1 + r.nextInt(28))
        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), min, max);
    Instant asOf = clamp(java.time.LocalDate.of((int) asOfYear, 12, 31).atStartOfDay(java.time.ZoneOffset.UTC)
        .toInstant(), min, max);
    if (asOf.isBefore(start)) {
      Instant t = asOf;
      asOf = start;
      start = t;
    }
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), start);
    long span = Duration.between(start, asOf).getSeconds();
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      offsets.add(span == 0 ? 0 : Math.floorMod(r.nextLong(), span + 1));
    }
    Collections.sort(offsets);
    for (long o : offsets) {
      Behaviour b = pick(r, Behaviours.all().toArray(new Behaviour[0]));
      ledger = ledger.plus(TrustEvent.of(b, start.plusSeconds(o)).withNote("n"));
    }
    Statistics.label("span").collect(span > 100L * 365 * 86_400 ? "over a century" : "up to a century");
    TeamReport report;
    try {
      report = TeamReport.of(Map.of(Relationship.of("ana", "maria"), ledger), asOf);
    } catch (dev.trustbucket.InvalidTrustInputException | ArithmeticException e) {
      // The library refused to compute it: ReviewTool reports this as a clear error, exit 1.
      Statistics.label("outcome").collect("refused by the library");
      return;
    }
    Statistics.label("outcome").collect("reported");
    String text = TextReport.render(report);
    String html = HtmlReport.render(report);
    assertThat(text.length()).as(text).isLessThan(8_000);
    assertThat(html.length()).isLessThan(64_000);
    assertThat(report.people().get(0).timeline()).hasSizeLessThanOrEqualTo(PersonReport.MAX_CHART_POINTS + 1);
    ReportTest.parse(html);
  }

  private static Instant clamp(Instant t, Instant min, Instant max) {
    return t.isBefore(min) ? min : t.isAfter(max) ? max : t;
  }
}
