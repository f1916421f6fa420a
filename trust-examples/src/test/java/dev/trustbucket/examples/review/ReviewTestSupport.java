package dev.trustbucket.examples.review;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  static Path write(Path dir, String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text, UTF_8);
    return p;
  }

  /** Every row of every table, as text: equal snapshots mean an unchanged database. */
  static Map<String, List<String>> snapshot(ReviewDatabase db) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String table : List.of("schema_version", "person", "relationship", "event", "import_batch")) {
      List<String> rows = new ArrayList<>();
      try (Statement s = db.connection().createStatement();
          ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
        ResultSetMetaData m = r.getMetaData();
        while (r.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= m.getColumnCount(); i++) {
            row.append(r.getString(i)).append('|');
          }
          rows.add(row.toString());
        }
      }
      out.put(table, rows);
    }
    return out;
  }

  static long count(ReviewDatabase db, String table) throws SQLException {
    try (Statement s = db.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
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
            (ledger == null ? TrustLedger.start(policy, event.time()) : ledger).append(event));
      }
    }
    return out;
  }
}
