package dev.trustbucket.examples.review;

import dev.trustbucket.examples.format.Clip;
import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.jdbc.EventSubmission;
import dev.trustbucket.jdbc.PolicyMismatchException;
import dev.trustbucket.jdbc.Recorded;
import dev.trustbucket.jdbc.StoreOptions;
import dev.trustbucket.jdbc.StoredEvent;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.TrustStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A team's trust history, kept by trust-jdbc's {@link TrustStore}: in an SQLite file by default,
 * or in PostgreSQL when the database is given as a {@code jdbc:postgresql:} URL.
 *
 * <p>Everything about storage is the library's: the schema ({@link TrustSchema}), one transaction
 * per import with a rollback on any failure, event ids that make a repeated import record nothing
 * twice, checksummed rows, and the ledgers read back. What this class adds is what a review tool
 * needs on top: it reads CSV, says which line and field is wrong, refuses events in the future,
 * and keeps each relationship under the policy it was started with (one {@link TrustStore} per
 * policy).
 *
 * <p>Time comes from the injected {@link Clock} only. Not thread-safe; the stores it holds are.
 */
public final class ReviewDatabase {
  /** The source name of events written by {@link #record}. */
  public static final String RECORD_SOURCE = "record";

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private final DataSource dataSource;
  private final String name;
  private final Clock clock;
  /** The stores of the policies the database holds, by policy name. */
  private final Map<String, TrustStore> stores = new LinkedHashMap<>();

  private ReviewDatabase(DataSource dataSource, String name, Clock clock) {
    this.dataSource = dataSource;
    this.name = name;
    this.clock = clock;
  }

  /**
   * Opens a database for writing: creates the SQLite file (and its folder) or the schema when
   * missing, and registers the four preset policies.
   *
   * @param db an SQLite file, or a {@code jdbc:postgresql://host/database?user=...} URL
   * @param clock the source of "now"
   * @return the open database
   * @throws IncompatibleDatabaseException when it holds a newer schema, or is a file that is not
   *     SQLite or holds other tables; it is left untouched
   * @throws ReviewException when it cannot be reached
   */
  public static ReviewDatabase open(String db, Clock clock) throws ReviewException {
    requireNonNull(db, "db");
    if (!isUrl(db)) {
      Path parent = Path.of(db).toAbsolutePath().getParent();
      try {
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw new ReviewException("cannot create the folder for " + db + ": " + e.getMessage(), e);
      }
    }
    return open(dataSource(db), db, clock, true);
  }

  /**
   * Opens an SQLite file for writing; see {@link #open(String, Clock)}.
   *
   * @param file the database file, created when missing
   * @param clock the source of "now"
   * @return the open database
   * @throws ReviewException when the file cannot be used
   */
  public static ReviewDatabase open(Path file, Clock clock) throws ReviewException {
    return open(file.toString(), clock);
  }

  /**
   * Opens a database that must hold a trust store already, e.g. for a report; writes nothing.
   *
   * @param db an SQLite file, or a {@code jdbc:postgresql:} URL
   * @param clock the source of "now"
   * @return the open database
   * @throws ReviewException when there is no such database or it cannot be used
   */
  public static ReviewDatabase openExisting(String db, Clock clock) throws ReviewException {
    requireNonNull(db, "db");
    if (!isUrl(db) && !Files.isRegularFile(Path.of(db))) {
      throw new ReviewException("no database at " + db + "; create one with the import or record command");
    }
    return open(dataSource(db), db, clock, false);
  }

  private static boolean isUrl(String db) {
    return db.startsWith("jdbc:");
  }

  /**
   * The data source of a database: a {@code jdbc:postgresql:} URL, or an SQLite file with foreign
   * keys on, a five-second busy timeout, and write transactions that take the lock when they begin.
   */
  static DataSource dataSource(String db) throws ReviewException {
    if (db.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      try {
        pg.setURL(db);
      } catch (IllegalArgumentException e) {
        throw new ReviewException("--db is not a PostgreSQL URL the driver understands: " + e.getMessage(), e);
      }
      return pg;
    }
    if (isUrl(db)) {
      throw new ReviewException("--db must be an SQLite file or a jdbc:postgresql: URL but was "
          + Clip.visible(db, 80));
    }
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + Path.of(db).toAbsolutePath());
    return ds;
  }

  /** Opens a data source; tests pass ones that inject faults or run PostgreSQL. */
  static ReviewDatabase open(DataSource ds, String name, Clock clock, boolean forWriting) throws ReviewException {
    requireNonNull(clock, "clock");
    ReviewDatabase d = new ReviewDatabase(ds, name, clock);
    try {
      Optional<Integer> version = TrustSchema.version(ds);
      if (version.isEmpty()) {
        if (!forWriting) {
          throw new ReviewException(name + " holds no trust history yet; create it with the import or record command");
        }
        d.refuseForeignSqliteFile();
        TrustSchema.migrate(ds);
      }
      for (String key : d.registeredPolicies()) {
        d.store(Policies.byName(key));
      }
      if (forWriting) {
        for (TrustPolicy p : TrustPolicy.presets()) {
          d.store(p); // registers the presets now, so that a rejected import writes nothing at all
        }
      }
      return d;
    } catch (TrustStoreException e) {
      throw d.storage(e);
    } catch (InvalidTrustInputException e) {
      throw new IncompatibleDatabaseException(name + " keeps relationships under a policy this tool does not know: "
          + e.getMessage(), e);
    }
  }

  /** A file with tables of its own but no trust store is someone else's: refused, not written to. */
  private void refuseForeignSqliteFile() throws ReviewException {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getMetaData().getDatabaseProductName().equals("SQLite")) {
        return; // a server database the application shares: the store's tables go next to its own
      }
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet r = md.getTables(null, null, "%", new String[] {"TABLE"})) {
        if (r.next()) {
          throw new IncompatibleDatabaseException(name + " is not a Trust Bucket database: it has tables (such as "
              + r.getString("TABLE_NAME") + ") but no trust_schema_version; it was not changed", null);
        }
      }
    } catch (SQLException e) {
      throw storage(e);
    }
  }

  /** The policies the database holds relationships under, from the store's {@code trust_policy} table. */
  private List<String> registeredPolicies() throws ReviewException {
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT name FROM trust_policy ORDER BY policy_id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        keys.add(r.getString(1));
      }
      return keys;
    } catch (SQLException e) {
      throw storage(e);
    }
  }

  private TrustStore store(TrustPolicy policy) {
    return stores.computeIfAbsent(policy.name(),
        k -> TrustStore.open(dataSource, policy, StoreOptions.builder().clock(clock).build()));
  }

  /**
   * Imports a CSV file: all of it, or nothing. See {@link #importCsv(InputStream, String,
   * String)}. A device such as {@code /dev/zero}, a pipe or a folder is refused before it is opened.
   *
   * @param csv the file
   * @param policyName the policy of relationships this import creates: a preset's name
   * @return what was written
   * @throws RejectedInputException when the file is missing, not a regular file, or not valid;
   *     nothing was written
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
   * defaults of empty fields and {@link CsvReader} for quoting and limits). Rows of one
   * relationship must be in time order and not before its last stored event; rows of different
   * relationships may be interleaved. A relationship seen for the first time starts at its first
   * event under {@code policyName}; one the database holds already must be kept under that policy.
   *
   * <p>Each row is recorded with an id made of its content (and how many identical rows came
   * before it in the file), so importing the same file again records nothing twice: the rows
   * count as {@linkplain ImportResult#duplicates() duplicates}.
   *
   * @param in the CSV bytes (UTF-8); not closed
   * @param source the name used in messages, e.g. the file name
   * @param policyName the policy for relationships this import creates
   * @return what was written
   * @throws RejectedInputException when the input is not valid; nothing was written
   * @throws ReviewException when the database fails
   */
  public ImportResult importCsv(InputStream in, String source, String policyName) throws ReviewException {
    requireNonNull(source, "source");
    TrustPolicy policy = policy(source, policyName);
    return write(source, readCsv(in, source), policy, Optional.empty());
  }

  /**
   * Records one event, validated exactly like an imported row.
   *
   * @param row the event's fields
   * @param policyName the policy if this creates the relationship
   * @param id the caller's id of this event: a retried {@code record} with the same id is recorded
   *     once; empty to record it every time
   * @return what was written
   * @throws RejectedInputException when the event is invalid; nothing was written
   * @throws ReviewException when the database fails
   */
  public ImportResult record(EventRow row, String policyName, Optional<String> id) throws ReviewException {
    requireNonNull(row, "row");
    TrustPolicy policy = policy(RECORD_SOURCE, policyName);
    return write(RECORD_SOURCE, List.of(new NumberedRow(0, row)), policy, id);
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

  /** Phase one: the text must be well-formed CSV with the right header; nothing is read from the database. */
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
                + Clip.visible(String.join(",", header), 80), null);
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
                  + ") but found " + fields.size() + "; empty optional fields still need their commas", null);
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

  /** A relationship the rows write to: its state so far (stored, then each row's event applied). */
  private static final class Pending {
    final boolean isNew;
    TrustBucket state; // null for a new relationship until its first event
    int lastLine; // the line of the last row applied; 0 while the state is the stored one
    final List<EventSubmission> submissions = new ArrayList<>();
    Map<String, TrustEvent> storedIds; // read once, when a row is earlier than the stored history

    Pending(Optional<TrustBucket> stored) {
      this.isNew = stored.isEmpty();
      this.state = stored.orElse(null);
    }

    /** The stored events that have ids, by id: the whole history, read only when a row needs it. */
    Map<String, TrustEvent> storedIds(TrustStore store, Relationship relationship) {
      if (storedIds == null) {
        storedIds = new HashMap<>();
        for (StoredEvent e : store.events(relationship)) {
          e.id().ifPresent(id -> storedIds.put(id, e.event()));
        }
      }
      return storedIds;
    }
  }

  /**
   * Phase two: every row checked against the library and the stored state, with its line; then one
   * {@link TrustStore#importAll} writes them all in one transaction, or none.
   */
  private ImportResult write(String source, List<NumberedRow> rows, TrustPolicy policy, Optional<String> recordId)
      throws ReviewException {
    if (rows.isEmpty()) {
      return new ImportResult(source, 0, 0, List.of(), 0);
    }
    TrustStore store = store(policy);
    Instant now = clock.instant();
    Map<Relationship, Pending> pending = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (NumberedRow nr : rows) {
      Relationship relationship = relationship(source, nr);
      Pending p = pending.get(relationship);
      if (p == null) {
        p = new Pending(stored(source, nr, store, relationship));
        pending.put(relationship, p);
      }
      Optional<String> id = recordId.isPresent() ? recordId : Optional.of(rowId(nr.row(), seen));
      try {
        id.ifPresent(text -> TextRule.checkNonBlank("id", text, EventSubmission.MAX_ID_LENGTH));
      } catch (InvalidTrustInputException e) {
        throw new RejectedInputException(source, nr.line(), "id", e.getMessage(), e);
      }
      TrustEvent event;
      try {
        event = check(source, nr, now, relationship, p, policy, id, store);
      } catch (TrustStoreException e) {
        throw storage(e);
      }
      p.submissions.add(new EventSubmission(id, event));
    }
    Map<Relationship, List<EventSubmission>> batches = new LinkedHashMap<>();
    pending.forEach((r, p) -> batches.put(r, p.submissions));
    Map<Relationship, Recorded> done;
    try {
      done = store.importAll(batches);
    } catch (InvalidTrustInputException e) {
      // Every row was checked above: only another writer, between the check and the write, gets here.
      throw new RejectedInputException(source, 0, e.field(), e.getMessage(), e);
    } catch (TrustStoreException e) {
      throw storage(e);
    }
    int recorded = 0;
    int duplicates = 0;
    int created = 0;
    for (Recorded r : done.values()) {
      recorded += r.recorded();
      duplicates += r.duplicates();
      created += pending.get(r.relationship()).isNew ? 1 : 0;
    }
    return new ImportResult(source, recorded, duplicates, new ArrayList<>(pending.keySet()), created);
  }

  private static Relationship relationship(String source, NumberedRow nr) throws RejectedInputException {
    try {
      return nr.row().relationship();
    } catch (InvalidTrustInputException e) {
      throw new RejectedInputException(source, nr.line(), e.field(), e.getMessage(), e);
    }
  }

  /** The name of the preset whose fingerprint the store reports, or the fingerprint's short form. */
  private static String presetName(String fingerprint) {
    return TrustPolicy.presets().stream()
        .filter(p -> p.fingerprint().equals(fingerprint))
        .map(TrustPolicy::name)
        .findFirst()
        .orElse(fingerprint.substring(0, Math.min(12, fingerprint.length())));
  }

  /** The relationship's stored state, read from one row; empty when it is new. */
  private Optional<TrustBucket> stored(String source, NumberedRow nr, TrustStore store, Relationship relationship)
      throws ReviewException {
    try {
      return store.state(relationship);
    } catch (PolicyMismatchException e) {
      throw new RejectedInputException(source, nr.line(), "policy", relationship + " is kept under the policy "
          + presetName(e.storedPolicy()) + ", not " + presetName(e.storePolicy()) + "; one import writes under one"
          + " policy: import its rows with --policy " + presetName(e.storedPolicy()), e);
    } catch (TrustStoreException e) {
      throw storage(e);
    }
  }

  /**
   * Checks one row against the library and the state so far, and applies it. A row the database
   * holds already (same id, same event) is a duplicate: the store will skip it, so it is not
   * applied and its time is not checked.
   */
  private TrustEvent check(String source, NumberedRow nr, Instant now, Relationship relationship, Pending p,
      TrustPolicy policy, Optional<String> id, TrustStore store) throws ReviewException {
    int line = nr.line();
    try {
      TrustEvent event = nr.row().toEvent(policy.catalogue());
      if (event.time().isAfter(now)) {
        throw new RejectedInputException(source, line, "time", "time " + event.time() + " is in the future (now is "
            + now + "); record events after they happen", null);
      }
      if (p.state != null && event.time().isBefore(p.state.time()) && id.isPresent() && !p.isNew
          && event.equals(p.storedIds(store, relationship).get(id.get()))) {
        return event; // recorded before: a repeated import or a retried record
      }
      if (p.state != null && event.time().isBefore(p.state.time())) {
        throw new RejectedInputException(source, line, "time", "time " + event.time() + " is before the previous"
            + " event of " + relationship + " at " + p.state.time()
            + (p.lastLine > 0 ? " (line " + p.lastLine + "); rows of one relationship must be in time order"
                : " (already in the database); events can only be added after it"), null);
      }
      // The library has the last word: a new relationship starts at its first event, which must be in range.
      TrustBucket before = p.state == null ? TrustBucket.of(policy, event.time()) : p.state;
      p.state = before.plus(event);
      p.lastLine = line;
      return event;
    } catch (InvalidTrustInputException e) {
      throw new RejectedInputException(source, line, e.field(), e.getMessage(), e);
    }
  }

  /**
   * An id for an imported row: a digest of its fields, and how many identical rows the file had
   * before it. The same file imported twice gives the same ids; two identical rows get two.
   */
  private static String rowId(EventRow row, Map<String, Integer> seen) {
    String digest = Hashing.sha256()
        .hashString(String.join("\u0000", row.employee(), row.manager(), row.time(), row.behaviour(), row.weight(),
            row.disclosure(), row.delay(), row.note()), StandardCharsets.UTF_8)
        .toString();
    int k = seen.merge(digest, 1, Integer::sum);
    return "csv:" + digest + ":" + k;
  }

  /**
   * Every relationship's history, read and checked by the stores (checksums, sequence, replay),
   * ordered by employee then manager.
   *
   * @return the ledgers
   * @throws ReviewException when the database fails or holds a damaged row; the message names the
   *     relationship and the row
   */
  public Map<Relationship, TrustLedger> ledgers() throws ReviewException {
    Map<Relationship, TrustLedger> all = new java.util.TreeMap<>(
        java.util.Comparator.comparing(Relationship::employee).thenComparing(Relationship::manager));
    try {
      for (TrustStore store : stores.values()) {
        for (Relationship r : store.relationships()) {
          all.put(r, store.ledger(r));
        }
      }
    } catch (TrustStoreException e) {
      throw storage(e);
    } catch (InvalidTrustInputException e) {
      throw new ReviewException(name + " holds a row the library refuses (" + e.getMessage()
          + "); was the database edited by hand?", e);
    }
    return new LinkedHashMap<>(all);
  }

  /**
   * Counts the stored events.
   *
   * @return the number of events of every relationship
   * @throws ReviewException when the database fails
   */
  public long eventCount() throws ReviewException {
    long n = 0;
    for (TrustLedger l : ledgers().values()) {
      n += l.size();
    }
    return n;
  }

  /**
   * The data source, for tests that look at the tables.
   *
   * @return the database
   */
  DataSource dataSource() {
    return dataSource;
  }

  private ReviewException storage(SQLException e) {
    if (e.getErrorCode() == SQLITE_NOTADB || e.getErrorCode() == SQLITE_CORRUPT) {
      return new IncompatibleDatabaseException(name + " is not an SQLite database (or it is damaged)", e);
    }
    return new ReviewException("database error in " + name + ": " + e.getMessage(), e);
  }

  private ReviewException storage(TrustStoreException e) {
    Throwable cause = e.getCause();
    if (cause instanceof SQLException
        && (((SQLException) cause).getErrorCode() == SQLITE_NOTADB || ((SQLException) cause).getErrorCode() == SQLITE_CORRUPT)) {
      return new IncompatibleDatabaseException(name + " is not an SQLite database (or it is damaged)", e);
    }
    if (e instanceof dev.trustbucket.jdbc.SchemaVersionException) {
      return new IncompatibleDatabaseException(name + ": " + e.getMessage(), e);
    }
    return new ReviewException(name + ": " + e.getMessage(), e);
  }
}
