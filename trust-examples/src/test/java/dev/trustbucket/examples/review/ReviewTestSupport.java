package dev.trustbucket.examples.review;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared fixtures: a fixed clock, the sample file, and snapshots of a database's tables. */
final class ReviewTestSupport {
  static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String HEADER = String.join(",", EventRow.COLUMNS) + "\n";

  private ReviewTestSupport() {}

  static Path sample(Path dir) throws Exception {
    Path p = dir.resolve("sample-team.csv");
    try (InputStream in = ReviewTestSupport.class.getResourceAsStream("/review/sample-team.csv")) {
      Files.copy(in, p);
    }
    return p;
  }

  private static Path sampleTemplate;

  /**
   * {@code dir/team.db} holding the sample team as imported at {@link #NOW}: a copy of one file
   * made once per test run, so that tests which need the sample do not each import it again.
   */
  static synchronized ReviewDatabase sampleDatabase(Path dir) throws Exception {
    if (sampleTemplate == null) {
      Path t = Files.createTempDirectory("review-sample");
      ReviewDatabase.open(t.resolve("team.db"), CLOCK).importCsv(sample(t), "default");
      sampleTemplate = t.resolve("team.db");
      sampleTemplate.toFile().deleteOnExit();
      t.resolve("sample-team.csv").toFile().delete();
      t.toFile().deleteOnExit();
    }
    Path copy = dir.resolve("team.db");
    Files.copy(sampleTemplate, copy);
    return ReviewDatabase.open(copy, CLOCK);
  }

  static Path write(Path dir, String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, UTF_8);
    return p;
  }

  /** The store's tables, in the order a snapshot lists them. */
  static final List<String> TABLES = List.of("trust_schema_version", "trust_policy", "trust_relationship", "trust_event");

  /** Every row of every table of the store, as text: equal snapshots mean an unchanged database. */
  static Map<String, List<String>> snapshot(ReviewDatabase db) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String table : TABLES) {
      out.put(table, query(db, "SELECT * FROM " + table + " ORDER BY 1, 2"));
    }
    return out;
  }

  /** The rows of a query, each as its columns joined by {@code |}. */
  static List<String> query(ReviewDatabase db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData m = r.getMetaData();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          row.append(r.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** Runs one statement with parameters, as a hand edit would. */
  static int update(ReviewDatabase db, String sql, Object... params) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        p.setObject(i + 1, params[i]);
      }
      return p.executeUpdate();
    }
  }

  static long count(ReviewDatabase db, String table) throws SQLException {
    return Long.parseLong(query(db, "SELECT count(*) FROM " + table).get(0).replace("|", ""));
  }

  /**
   * The ledgers the CSV describes, built in memory with the library alone: no database involved.
   * A relationship starts at its first event, under the default policy.
   */
  static Map<Relationship, TrustLedger> inMemory(Path csv) throws Exception {
    Map<Relationship, TrustLedger> out = new LinkedHashMap<>();
    TrustPolicy policy = TrustPolicy.defaults();
    try (CsvReader r = new CsvReader(Files.newInputStream(csv))) {
      r.nextRecord(); // header
      List<String> fields;
      while ((fields = r.nextRecord()) != null) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue;
        }
        EventRow row = EventRow.of(fields);
        var event = row.toEvent(policy.catalogue());
        out.compute(row.relationship(), (rel, ledger) ->
            (ledger == null ? TrustLedger.of(policy, event.time()) : ledger).plus(event));
      }
    }
    return out;
  }
}
