package dev.trustbucket.examples.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The review database's schema, as numbered migrations applied in order.
 *
 * <p>Table {@code schema_version} has one row per applied migration. Opening a database applies
 * the migrations it lacks, each in its own transaction together with its {@code schema_version}
 * row, so a crash leaves the database at a whole version. A database whose version is higher than
 * {@link #LATEST} was written by a newer tool and is refused before anything is written.
 *
 * <ol>
 *   <li>v1: {@code person}, {@code relationship} (employee, manager, start, policy name) and
 *       {@code event}: the six {@link dev.trustbucket.io.EventRecord} columns, the relationship,
 *       and {@code seq}, the insertion order, which is the order events are replayed in.
 *   <li>v2: {@code import_batch}, one row per import or recorded event (source, time, count),
 *       and {@code event.batch_id} pointing at it: where each event came from.
 * </ol>
 */
public final class Schema {
  /** One step of the schema. */
  record Migration(int version, String description, List<String> statements) {}

  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "people, relationships and events",
              List.of(
                  "CREATE TABLE person ("
                      + " id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200))",
                  "CREATE TABLE relationship ("
                      + " id INTEGER PRIMARY KEY,"
                      + " employee TEXT NOT NULL REFERENCES person(id),"
                      + " manager TEXT NOT NULL REFERENCES person(id),"
                      + " started_at TEXT NOT NULL,"
                      + " policy TEXT NOT NULL,"
                      + " UNIQUE (employee, manager))",
                  "CREATE TABLE event ("
                      + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " relationship_id INTEGER NOT NULL REFERENCES relationship(id),"
                      + " time TEXT NOT NULL,"
                      + " behaviour TEXT NOT NULL,"
                      + " weight REAL NOT NULL,"
                      + " disclosure TEXT NOT NULL,"
                      + " delay TEXT NOT NULL,"
                      + " note TEXT NOT NULL)",
                  "CREATE INDEX event_by_relationship ON event (relationship_id, seq)")),
          new Migration(
              2,
              "import batches: where each event came from",
              List.of(
                  "CREATE TABLE import_batch ("
                      + " id INTEGER PRIMARY KEY,"
                      + " source TEXT NOT NULL,"
                      + " imported_at TEXT NOT NULL,"
                      + " events INTEGER NOT NULL)",
                  "ALTER TABLE event ADD COLUMN batch_id INTEGER REFERENCES import_batch(id)")));

  /** The newest schema version this code knows. */
  public static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

  private Schema() {}

  /**
   * Returns the version of an open database: 0 for an empty file.
   *
   * @param c the connection
   * @param name the file name, for messages
   * @return the version
   * @throws IncompatibleDatabaseException when the file has tables but no {@code schema_version}
   * @throws SQLException when the database cannot be read
   */
  static int version(Connection c, String name) throws SQLException, IncompatibleDatabaseException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      boolean any = false;
      boolean versioned = false;
      while (r.next()) {
        any = true;
        versioned |= r.getString(1).equals("schema_version");
      }
      if (!versioned) {
        if (any) {
          throw new IncompatibleDatabaseException(
              name + " is not a Trust Bucket review database: it has tables but no schema_version table", null);
        }
        return 0;
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      r.next();
      return r.getInt(1);
    }
  }

  /**
   * Brings an open database up to {@link #LATEST}, or refuses a newer one.
   *
   * @param c the connection, in auto-commit mode
   * @param name the file name, for messages
   * @param clock the time recorded for each migration applied
   * @param target the version to stop at ({@link #LATEST} except in tests of the migrations)
   * @return the version the database had before
   * @throws IncompatibleDatabaseException when the database is newer than this code or is not a
   *     review database; it is left untouched
   * @throws SQLException when a migration fails; the failed migration is rolled back
   */
  static int migrate(Connection c, String name, Clock clock, int target)
      throws SQLException, IncompatibleDatabaseException {
    int found = version(c, name);
    if (found > LATEST) {
      throw new IncompatibleDatabaseException(
          name + " has schema version " + found + ", but this version of the review tool knows versions up to "
              + LATEST + "; use a newer review tool (the database was not changed)", null);
    }
    if (found == 0) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY,"
                + " description TEXT NOT NULL,"
                + " applied_at TEXT NOT NULL)");
      }
    }
    for (Migration m : MIGRATIONS) {
      if (m.version() <= found || m.version() > target) {
        continue;
      }
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          for (String sql : m.statements()) {
            s.executeUpdate(sql);
          }
        }
        try (PreparedStatement p =
            c.prepareStatement("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, m.version());
          p.setString(2, m.description());
          p.setString(3, clock.instant().toString());
          p.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
    return found;
  }
}
