package dev.trustbucket.examples.review;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.io.EventRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A team's trust history in an embedded SQLite database, through plain JDBC.
 *
 * <p>The database holds rows, not states: every event as an {@link EventRecord} (six text and
 * number columns) under its relationship, in insertion order. {@link #ledgers()} rebuilds each
 * relationship's {@link TrustLedger} by replaying the rows through the library, so the levels
 * always follow from the events and the policy, and a newer library explains old data.
 *
 * <p>Writing goes through the library too. {@link #importCsv} and {@link #record} turn every row
 * into a {@link TrustEvent}, append it to the relationship's ledger (rebuilt from the stored rows),
 * and only then insert it, all inside one transaction: one bad row rejects the whole import with a
 * {@link RejectedInputException} and nothing is written.
 *
 * <p>Time comes from the injected {@link Clock} only: it stamps imports and migrations and bounds
 * event times (an event in the future is rejected). One instance owns one connection and is not
 * thread-safe; SQLite serialises writers across processes.
 */
public final class ReviewDatabase implements AutoCloseable {
  /** The source name of events written by {@link #record}. */
  public static final String RECORD_SOURCE = "record";

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private final Connection connection;
  private final String name;
  private final Clock clock;
  private final int versionFound;

  private ReviewDatabase(Connection connection, String name, Clock clock, int versionFound) {
    this.connection = connection;
    this.name = name;
    this.clock = clock;
    this.versionFound = versionFound;
  }

  /**
   * Opens a database, creating the file (and its folder) when missing, and brings its schema up
   * to date.
   *
   * @param file the database file
   * @param clock the source of "now"
   * @return the open database
   * @throws IncompatibleDatabaseException when the file is newer than this code, not a review
   *     database, or not SQLite at all; it is left untouched
   * @throws ReviewException when the file cannot be opened
   */
  public static ReviewDatabase open(Path file, Clock clock) throws ReviewException {
    requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new ReviewException("cannot create the folder for " + file + ": " + e.getMessage(), e);
    }
    return connect(file, clock, Schema.LATEST);
  }

  /**
   * Opens a database that must exist already, e.g. for a report.
   *
   * @param file the database file
   * @param clock the source of "now"
   * @return the open database
   * @throws ReviewException when the file does not exist or cannot be used
   */
  public static ReviewDatabase openExisting(Path file, Clock clock) throws ReviewException {
    requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new ReviewException("no database at " + file + "; create one with the import or record command");
    }
    return connect(file, clock, Schema.LATEST);
  }

  /** Opens and migrates up to {@code target}; package-private so tests can build old versions. */
  static ReviewDatabase connect(Path file, Clock clock, int target) throws ReviewException {
    return connect(dataSource(file), file.toString(), clock, target);
  }

  /**
   * The SQLite data source of a file: foreign keys on, a five-second busy timeout, and write
   * transactions that take the lock when they begin, so that the history an import is checked
   * against cannot change before it commits.
   */
  static DataSource dataSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  /** Opens a connection of {@code ds} and migrates up to {@code target}; tests pass data sources that inject faults. */
  static ReviewDatabase connect(DataSource ds, String name, Clock clock, int target) throws ReviewException {
    requireNonNull(clock, "clock");
    Connection c = null;
    try {
      c = ds.getConnection();
      int found = Schema.migrate(c, name, clock, target);
      return new ReviewDatabase(c, name, clock, found);
    } catch (SQLException e) {
      closeQuietly(c);
      if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT) {
        throw new IncompatibleDatabaseException(name + " is not an SQLite database (or it is damaged)", e);
      }
      throw new ReviewException("cannot open " + name + ": " + e.getMessage(), e);
    } catch (IncompatibleDatabaseException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing; the first error is the one to report
      }
    }
  }

  /**
   * The schema version the file had when it was opened (0 for a new file).
   *
   * @return the version before migration
   */
  public int versionFound() {
    return versionFound;
  }

  /**
   * The schema version of the database now.
   *
   * @return the version
   * @throws ReviewException when the database cannot be read
   */
  public int schemaVersion() throws ReviewException {
    try {
      return Schema.version(connection, name);
    } catch (SQLException e) {
      throw storage(e);
    }
  }

  /**
   * Imports a CSV file: all of it, or nothing. See {@link #importCsv(InputStream, String,
   * String)}.
   *
   * @param csv the file
   * @param policyName the policy for relationships this import creates, e.g. {@code default}
   * @return what was written
   * @throws RejectedInputException when the file cannot be read or a row is invalid; nothing was
   *     written
   * @throws ReviewException when the database fails
   */
  public ImportResult importCsv(Path csv, String policyName) throws ReviewException {
    String source = csv.getFileName() == null ? csv.toString() : csv.getFileName().toString();
    if (!Files.isRegularFile(csv)) {
      // A device (/dev/zero), a pipe (which blocks until a writer comes) or a folder: refused before it is opened.
      throw new RejectedInputException(source, 0, "file", Files.exists(csv)
          ? csv + " is not a regular file (a device, a pipe or a folder); import reads only files"
          : "no such file: " + csv, null);
    }
    try (InputStream in = Files.newInputStream(csv)) {
      return importCsv(in, source, policyName);
    } catch (NoSuchFileException e) {
      throw new RejectedInputException(source, 0, "file", "no such file: " + csv, e);
    } catch (IOException e) {
      throw new RejectedInputException(source, 0, "file", "cannot read " + csv + ": " + e.getMessage(), e);
    }
  }

  /**
   * Imports CSV text: all of it, or nothing.
   *
   * <p>The first line must be the header {@code employee,manager,time,behaviour,weight,disclosure,delay,note}
   * and every other non-blank line a row of exactly eight fields (see {@link EventRow} for the
   * defaults of empty fields and {@link CsvReader} for quoting). Rows of one relationship must be
   * in time order and not before its last stored event; rows of different relationships may be
   * interleaved. A relationship seen for the first time starts at its first event, under {@code
   * policyName}. A header with no rows imports nothing.
   *
   * @param in the CSV bytes (UTF-8); not closed
   * @param source the name used in messages and stored with the batch, e.g. the file name
   * @param policyName the policy for relationships this import creates
   * @return what was written
   * @throws RejectedInputException when the input is not valid; nothing was written
   * @throws ReviewException when the database fails
   */
  public ImportResult importCsv(InputStream in, String source, String policyName) throws ReviewException {
    requireNonNull(source, "source");
    TrustPolicy policy = policy(source, policyName);
    List<NumberedRow> rows = readCsv(in, source);
    return write(source, rows, policy);
  }

  /**
   * Records one event, validated exactly like an imported row.
   *
   * @param row the event's fields
   * @param policyName the policy if this creates the relationship
   * @return what was written
   * @throws RejectedInputException when the event is invalid; nothing was written
   * @throws ReviewException when the database fails
   */
  public ImportResult record(EventRow row, String policyName) throws ReviewException {
    requireNonNull(row, "row");
    TrustPolicy policy = policy(RECORD_SOURCE, policyName);
    return write(RECORD_SOURCE, List.of(new NumberedRow(0, row)), policy);
  }

  private static TrustPolicy policy(String source, String policyName) throws RejectedInputException {
    try {
      return Policies.byName(requireNonNull(policyName, "policyName"));
    } catch (InvalidTrustInputException e) {
      throw new RejectedInputException(source, 0, "policy", e.getMessage(), e);
    }
  }

  /** A row and the line it came from (0 when it did not come from a file). */
  private record NumberedRow(int line, EventRow row) {}

  /** Phase one, outside any transaction: the text must be well-formed CSV with the right header. */
  private static List<NumberedRow> readCsv(InputStream in, String source) throws RejectedInputException {
    List<NumberedRow> rows = new ArrayList<>();
    CsvReader reader = new CsvReader(in);
    try {
      List<String> header = reader.nextRecord();
      if (header == null) {
        throw new RejectedInputException(source, 0, "file",
            "file is empty; the first line must be the header " + String.join(",", EventRow.COLUMNS), null);
      }
      if (!header.equals(EventRow.COLUMNS)) {
        throw new RejectedInputException(source, 1, "line",
            "header must be " + String.join(",", EventRow.COLUMNS) + " but was "
                + EventRow.clip(String.join(",", header)), null);
      }
      List<String> fields;
      while ((fields = reader.nextRecord()) != null) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue; // a blank line
        }
        int n = reader.lineNumber();
        if (fields.size() != EventRow.COLUMNS.size()) {
          throw new RejectedInputException(source, n, "line",
              "expected " + EventRow.COLUMNS.size() + " fields (" + String.join(",", EventRow.COLUMNS)
                  + ") but found " + fields.size()
                  + "; empty optional fields still need their commas", null);
        }
        rows.add(new NumberedRow(n, EventRow.of(fields)));
      }
      return rows;
    } catch (CsvReader.CsvFormatException e) {
      throw new RejectedInputException(source, e.line(), "line", e.getMessage(), e);
    } catch (IOException e) {
      throw new RejectedInputException(source, reader.lineNumber(), "file",
          "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** A relationship an import writes to: what is stored, and the ledger with the new events. */
  private static final class Pending {
    final Relationship relationship;
    final TrustPolicy policy;
    Long id; // null until inserted, for a new relationship
    TrustLedger ledger; // null for a new relationship until its first event
    int lastLine; // the line of the last event appended; 0 when it is a stored one
    final int stored; // how many events of the ledger are already in the database

    Pending(Relationship relationship, TrustPolicy policy, Long id, TrustLedger ledger) {
      this.relationship = relationship;
      this.policy = policy;
      this.id = id;
      this.ledger = ledger;
      this.stored = ledger == null ? 0 : ledger.size();
    }
  }

  /** Phase two, in one transaction: check every row against the library and the stored history, then insert. */
  private ImportResult write(String source, List<NumberedRow> rows, TrustPolicy policyForNew)
      throws ReviewException {
    if (rows.isEmpty()) {
      return new ImportResult(source, 0, List.of(), 0);
    }
    try {
      connection.setAutoCommit(false); // BEGIN IMMEDIATE: see connect()
    } catch (SQLException e) {
      throw storage(e);
    }
    try {
      Instant now = clock.instant();
      Map<Relationship, Pending> pending = new LinkedHashMap<>();
      List<Pending> order = new ArrayList<>(rows.size());
      for (NumberedRow nr : rows) {
        order.add(check(source, nr, now, pending, policyForNew));
      }
      int created = insert(source, now, pending, order);
      connection.commit();
      connection.setAutoCommit(true);
      return new ImportResult(source, rows.size(), new ArrayList<>(pending.keySet()), created);
    } catch (SQLException e) {
      rollback(e);
      throw storage(e);
    } catch (Throwable t) {
      // Any Throwable, an OutOfMemoryError or a StackOverflowError too, ends in a rollback: restoring
      // auto-commit (or closing) with the transaction still open would commit the half that was written.
      rollback(t);
      throw t;
    }
  }

  /**
   * Ends a failed transaction: rolls back, then restores auto-commit. When the rollback itself
   * fails, the connection is closed unrestored (closing in manual-commit mode rolls back), and the
   * rollback's failure is kept as a suppressed exception of the first.
   */
  private void rollback(Throwable first) {
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (Throwable rollbackFailed) {
      first.addSuppressed(rollbackFailed);
      try {
        connection.close();
      } catch (Throwable closeFailed) {
        first.addSuppressed(closeFailed);
      }
    }
  }

  private Pending check(String source, NumberedRow nr, Instant now, Map<Relationship, Pending> pending,
      TrustPolicy policyForNew) throws ReviewException, SQLException {
    EventRow row = nr.row();
    int line = nr.line();
    Relationship relationship;
    TrustEvent event;
    Pending p;
    try {
      relationship = row.relationship();
      p = pending.get(relationship);
      if (p == null) {
        p = load(relationship, policyForNew);
        pending.put(relationship, p);
      }
      event = row.toEvent(p.policy.catalogue());
    } catch (InvalidTrustInputException e) {
      throw new RejectedInputException(source, line, e.field(), e.getMessage(), e);
    }
    if (event.time().isAfter(now)) {
      throw new RejectedInputException(source, line, "time",
          "time " + event.time() + " is in the future (now is " + now + "); record events after they happen", null);
    }
    if (p.ledger != null && !p.ledger.isEmpty()) {
      Instant last = p.ledger.event(p.ledger.size() - 1).time();
      if (event.time().isBefore(last)) {
        throw new RejectedInputException(source, line, "time",
            "time " + event.time() + " is before the previous event of " + relationship + " at " + last
                + (p.lastLine > 0 ? " (line " + p.lastLine + "); rows of one relationship must be in time order"
                    : " (already in the database); events can only be added after it"), null);
      }
    }
    try {
      if (p.ledger == null) {
        // A new relationship starts at its first event, which must be in the library's range.
        p.ledger = TrustLedger.start(p.policy, event.time());
      }
      p.ledger = p.ledger.append(event);
    } catch (InvalidTrustInputException e) {
      throw new RejectedInputException(source, line, e.field(), e.getMessage(), e);
    }
    p.lastLine = line;
    return p;
  }

  private Pending load(Relationship relationship, TrustPolicy policyForNew) throws ReviewException, SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT id, started_at, policy FROM relationship WHERE employee = ? AND manager = ?")) {
      s.setString(1, relationship.employee());
      s.setString(2, relationship.manager());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return new Pending(relationship, policyForNew, null, null);
        }
        long id = r.getLong(1);
        TrustLedger ledger = emptyLedger(relationship, r.getString(2), r.getString(3));
        ledger = replay(ledger, relationship, "WHERE relationship_id = " + id);
        return new Pending(relationship, ledger.policy(), id, ledger);
      }
    }
  }

  private int insert(String source, Instant now, Map<Relationship, Pending> pending, List<Pending> order)
      throws SQLException {
    long batch;
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO import_batch (source, imported_at, events) VALUES (?, ?, ?)")) {
      s.setString(1, source);
      s.setString(2, now.toString());
      s.setInt(3, order.size());
      s.executeUpdate();
      batch = lastRowId();
    }
    int created = 0;
    try (PreparedStatement person = connection.prepareStatement("INSERT OR IGNORE INTO person (id) VALUES (?)");
        PreparedStatement rel = connection.prepareStatement(
            "INSERT INTO relationship (employee, manager, started_at, policy) VALUES (?, ?, ?, ?)")) {
      for (Pending p : pending.values()) {
        if (p.id != null) {
          continue;
        }
        for (String id : List.of(p.relationship.employee(), p.relationship.manager())) {
          person.setString(1, id);
          person.executeUpdate();
        }
        rel.setString(1, p.relationship.employee());
        rel.setString(2, p.relationship.manager());
        rel.setString(3, p.ledger.start().toString());
        rel.setString(4, p.policy.name());
        rel.executeUpdate();
        p.id = lastRowId();
        created++;
      }
    }
    // Events go in the order of the rows, so seq replays each relationship in time order. Each is
    // written as the ledger holds it (time at microsecond precision), so a reload is bit-identical.
    Map<Pending, Integer> next = new LinkedHashMap<>();
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO event (relationship_id, time, behaviour, weight, disclosure, delay, note, batch_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Pending p : order) {
        int i = next.merge(p, p.stored + 1, (a, b) -> a + 1) - 1;
        EventRecord r = EventRecord.of(p.ledger.event(i));
        s.setLong(1, p.id);
        s.setString(2, r.time());
        s.setString(3, r.behaviour());
        s.setDouble(4, r.weight());
        s.setString(5, r.disclosure());
        s.setString(6, r.delay());
        s.setString(7, r.note());
        s.setLong(8, batch);
        s.addBatch();
      }
      s.executeBatch();
    }
    return created;
  }

  private long lastRowId() throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT last_insert_rowid()")) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * Rebuilds every relationship's ledger from the stored rows, ordered by employee then manager.
   *
   * @return the ledgers
   * @throws ReviewException when the database fails or holds a row the library rejects (e.g. it
   *     was edited by hand); the message names the event's {@code seq}
   */
  public Map<Relationship, TrustLedger> ledgers() throws ReviewException {
    Map<Relationship, TrustLedger> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT id, employee, manager, started_at, policy FROM relationship ORDER BY employee, manager")) {
      List<Object[]> found = new ArrayList<>();
      while (r.next()) {
        found.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)});
      }
      for (Object[] f : found) {
        Relationship rel = relationshipOf((String) f[1], (String) f[2]);
        TrustLedger ledger = emptyLedger(rel, (String) f[3], (String) f[4]);
        out.put(rel, replay(ledger, rel, "WHERE relationship_id = " + f[0]));
      }
      return out;
    } catch (SQLException e) {
      throw storage(e);
    }
  }

  private Relationship relationshipOf(String employee, String manager) throws ReviewException {
    try {
      return Relationship.of(employee, manager);
    } catch (InvalidTrustInputException e) {
      throw damaged("relationship " + employee + " / " + manager, e.getMessage(), e);
    }
  }

  private TrustLedger emptyLedger(Relationship rel, String startedAt, String policyName) throws ReviewException {
    try {
      return TrustLedger.start(Policies.byName(policyName), Instant.parse(startedAt));
    } catch (InvalidTrustInputException | DateTimeParseException e) {
      throw damaged("relationship " + rel, e.getMessage(), e);
    }
  }

  /** Appends the stored events, in insertion order, through the library's checks. */
  private TrustLedger replay(TrustLedger ledger, Relationship rel, String where)
      throws ReviewException, SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT seq, time, behaviour, weight, disclosure, delay, note FROM event " + where + " ORDER BY seq")) {
      while (r.next()) {
        long seq = r.getLong(1);
        try {
          EventRecord record = new EventRecord(
              r.getString(2), r.getString(3), r.getDouble(4), r.getString(5), r.getString(6), r.getString(7));
          ledger = ledger.append(record.toEvent(ledger.policy().catalogue()));
        } catch (InvalidTrustInputException | NullPointerException e) {
          throw damaged("event seq " + seq + " of " + rel, e.getMessage(), e);
        }
      }
      return ledger;
    }
  }

  private ReviewException damaged(String what, String problem, Throwable cause) {
    return new ReviewException(name + ": " + what + " cannot be read (" + problem
        + "); was the database edited by hand?", cause);
  }

  /**
   * Counts the stored events.
   *
   * @return the number of rows in {@code event}
   * @throws ReviewException when the database fails
   */
  public long eventCount() throws ReviewException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM event")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw storage(e);
    }
  }

  /**
   * The connection, for tests and tools that want to look at the tables.
   *
   * @return the open connection, owned by this object
   */
  Connection connection() {
    return connection;
  }

  private ReviewException storage(SQLException e) {
    return new ReviewException("database error in " + name + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws ReviewException {
    try {
      connection.close();
    } catch (SQLException e) {
      throw storage(e);
    }
  }
}
