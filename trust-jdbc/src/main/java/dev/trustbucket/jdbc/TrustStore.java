package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.account.TierChange;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.forecast.WhatIf;
import dev.trustbucket.io.EventRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The trust of many relationships, kept in a relational database that several application
 * servers share.
 *
 * <p>Open a store on the application's {@link DataSource} (pooled or not) with the {@link
 * TrustPolicy} its relationships are kept under:
 *
 * <pre>{@code
 * TrustSchema.migrate(dataSource);                       // or run the scripts with Flyway
 * TrustStore store = TrustStore.open(dataSource, TrustPolicy.defaults());
 * Relationship pair = Relationship.of("ana", "ben");
 * store.record(pair, EventSubmission.of("req-42",
 *     TrustEvent.of(Behaviours.DELIVERED, Instant.parse("2025-03-03T10:00:00Z"))));
 * double level = store.levelAt(pair, Instant.parse("2025-03-10T00:00:00Z"));
 * }</pre>
 *
 * <p><b>Writes</b> ({@link #record}, {@link #recordAll}, {@link #importAll}, {@link #start}) each
 * run in one transaction: all of it is recorded, or none of it. A relationship that does not
 * exist yet starts at its first event's time. Concurrent writers of the same relationship, on
 * any server, are serialised by the relationship's row: an {@linkplain WriteMode#OPTIMISTIC
 * optimistic} write retries when another committed first, a {@linkplain WriteMode#PESSIMISTIC
 * pessimistic} one locks the row and waits. Either way every accepted event is recorded exactly
 * once, and an event submitted again with its {@linkplain EventSubmission id} is not recorded
 * twice. Deadlocks, serialization failures and connections lost before the commit are retried
 * with backoff; a transaction ends in a rollback on any failure.
 *
 * <p><b>Reads</b> never load more history than they need: the state now, and the level and tier
 * at any instant, read one row (every event row keeps the bucket just after it); explanations
 * and what-ifs read the relationship's whole history. Every row read is checked against its
 * checksum; a damaged row is reported with {@link DamagedRowException} naming the relationship
 * and the row, and other relationships are not affected.
 *
 * <p>This class is thread-safe: share one store per data source and policy.
 */
public final class TrustStore {
  private static final int ID_LOOKUP_CHUNK = 100;
  private static final int CACHE_LIMIT = 100_000;

  private final DataSource dataSource;
  private final TrustPolicy policy;
  private final StoreOptions options;
  private final Dialect dialect;
  private final String policyKey;
  private final long policyId;
  /** How this store's rows write its policy in their state lines: once, in trust_policy. */
  private final StateLines lines;
  /**
   * Relationship rows as this store last committed or read them, so that an optimistic write of
   * one event can skip reading the row: its version guard catches a stale entry, which is then
   * dropped and the row read. A write that does read the row (a pessimistic one, a batch) skips
   * checking and parsing it when it is exactly the entry. Bounded: cleared when it grows past
   * {@link #CACHE_LIMIT} entries.
   */
  private final ConcurrentHashMap<Relationship, Known> known = new ConcurrentHashMap<>();

  private TrustStore(DataSource dataSource, TrustPolicy policy, StoreOptions options, Dialect dialect,
      String policyKey, long policyId) {
    this.dataSource = dataSource;
    this.policy = policy;
    this.options = options;
    this.dialect = dialect;
    this.policyKey = policyKey;
    this.policyId = policyId;
    this.lines = StateLines.of(policy);
  }

  /**
   * Opens a store with the {@linkplain StoreOptions#defaults() default options}.
   *
   * @param dataSource the database; the store borrows a connection per call and returns it
   * @param policy the rules the store's relationships are kept under
   * @return the store
   * @throws SchemaVersionException when the database holds no schema, or one of another version;
   *     nothing is changed
   * @throws TrustStoreException when the database cannot be reached
   */
  public static TrustStore open(DataSource dataSource, TrustPolicy policy) {
    return open(dataSource, policy, StoreOptions.defaults());
  }

  /**
   * Opens a store. Checks the schema version and registers the policy in the {@code
   * trust_policy} table, under its {@linkplain TrustPolicy#fingerprint() fingerprint} and with its
   * written form, if it is not there yet; a row written before codec format 3 under the policy's
   * name is taken over (see docs/persistence.md, "The stored policy").
   *
   * @param dataSource the database; the store borrows a connection per call and returns it
   * @param policy the rules the store's relationships are kept under
   * @param options write mode, retries, backoff, clock and observer
   * @return the store
   * @throws SchemaVersionException when the database holds no schema, or one of another version;
   *     nothing is changed
   * @throws TrustStoreException when the database cannot be reached
   * @throws dev.trustbucket.InvalidTrustInputException when the policy has no written form (a
   *     custom decay rule; the message names it)
   */
  public static TrustStore open(DataSource dataSource, TrustPolicy policy, StoreOptions options) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(policy, "policy");
    requireNonNull(options, "options");
    String key = policyKey(policy);
    try (Connection c = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(c);
      TrustSchema.check(c);
      Optional<Long> id = findPolicy(c, key);
      if (id.isEmpty()) {
        id = claimFormatTwoPolicy(c, key, policy);
      }
      if (id.isEmpty()) {
        id = registerPolicy(c, key, policy);
      }
      return new TrustStore(dataSource, policy, options, dialect, key, id.orElseThrow());
    } catch (SQLException e) {
      throw new TrustStoreException(null, "could not open the trust store: " + e.getMessage(), e);
    }
  }

  /**
   * The key a policy is registered under in the {@code trust_policy} table: its {@linkplain
   * TrustPolicy#fingerprint() fingerprint}, so that two policies share a key exactly when all
   * their settings are equal.
   */
  static String policyKey(TrustPolicy policy) {
    return policy.fingerprint();
  }

  /**
   * Takes over a policy row written before policies had a written form (key: the policy's name,
   * no written form), when its name means this policy as the codec reads format 2 rows: a preset's
   * name means version 1 of that preset, any other name the policy the store is opened with. The
   * row gets this policy's fingerprint and written form, so its relationships stay readable.
   */
  private static Optional<Long> claimFormatTwoPolicy(Connection c, String key, TrustPolicy policy)
      throws SQLException {
    Optional<TrustPolicy> preset = TrustPolicy.preset(policy.name());
    if (preset.isPresent() && !TrustPolicy.preset(policy.name() + "@1").equals(Optional.of(policy))) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE trust_policy SET policy_key = ?, written_form = ?"
        + " WHERE policy_key = ? AND written_form IS NULL")) {
      ps.setString(1, key);
      ps.setString(2, String.join("\n", policy.writtenForm()));
      ps.setString(3, policy.name());
      ps.executeUpdate();
    } catch (SQLException e) {
      // Another server claimed it or registered this policy first (autocommit: nothing to undo).
      if (SqlFailures.classify(e) != SqlFailures.Kind.CONFLICT) {
        throw e;
      }
    }
    return findPolicy(c, key);
  }

  private static Optional<Long> findPolicy(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT policy_id FROM trust_policy WHERE policy_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static Optional<Long> registerPolicy(Connection c, String key, TrustPolicy policy) throws SQLException {
    try {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO trust_policy (policy_key, name, written_form) VALUES (?, ?, ?)")) {
        ps.setString(1, key);
        ps.setString(2, policy.name());
        ps.setString(3, String.join("\n", policy.writtenForm()));
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      // Another server registered it first (autocommit: nothing else to undo).
      if (SqlFailures.classify(e) != SqlFailures.Kind.CONFLICT) {
        throw e;
      }
    }
    Optional<Long> id = findPolicy(c, key);
    if (id.isEmpty()) {
      throw new TrustStoreException(null, "policy \"" + key + "\" was registered but cannot be read back", null);
    }
    return id;
  }

  /**
   * The rules this store's relationships are kept under.
   *
   * @return the policy
   */
  public TrustPolicy policy() {
    return policy;
  }

  /**
   * The options this store writes with.
   *
   * @return the options
   */
  public StoreOptions options() {
    return options;
  }

  /**
   * The database this store runs on.
   *
   * @return the dialect found when the store was opened
   */
  public Dialect dialect() {
    return dialect;
  }

  // ---------------------------------------------------------------- writes

  /**
   * Records one event without an id: it is recorded every time it is submitted.
   *
   * @param relationship who trusts whom; started at the event's time if the store does not hold
   *     it yet
   * @param event the event, not earlier than the relationship's last one
   * @return what the write did
   * @throws InvalidTrustInputException when the event is out of time order or unknown to the
   *     policy; nothing is recorded
   * @throws TrustStoreException when the write cannot be committed; nothing is recorded (see the
   *     subclasses)
   */
  public Recorded record(Relationship relationship, TrustEvent event) {
    return record(relationship, EventSubmission.of(event));
  }

  /**
   * Records one event; with an id, at most once.
   *
   * @param relationship who trusts whom; started at the event's time if the store does not hold
   *     it yet
   * @param submission the event and its optional id
   * @return what the write did: {@link Recorded#duplicates()} is 1 when the id was already there
   * @throws InvalidTrustInputException when the event is out of time order or unknown to the
   *     policy; nothing is recorded
   * @throws EventIdConflictException when the id names another event
   * @throws TrustStoreException when the write cannot be committed; nothing is recorded
   */
  public Recorded record(Relationship relationship, EventSubmission submission) {
    requireNonNull(relationship, "relationship");
    requireNonNull(submission, "submission");
    return write(WriteReport.Operation.RECORD, List.of(new Batch(relationship, List.of(submission), null)))
        .get(0);
  }

  /**
   * Records a batch of events for one relationship in one transaction: all of them or none.
   * Events whose ids the relationship already holds are skipped as duplicates.
   *
   * @param relationship who trusts whom; started at the first event's time if new
   * @param submissions events in time order, each with an optional id
   * @return what the write did
   * @throws InvalidTrustInputException when any event is out of time order or unknown to the
   *     policy (the message says which, counting from 1); nothing is recorded
   * @throws EventIdConflictException when an id names another event
   * @throws TrustStoreException when the write cannot be committed; nothing is recorded
   */
  public Recorded recordAll(Relationship relationship, List<EventSubmission> submissions) {
    requireNonNull(relationship, "relationship");
    List<EventSubmission> list = List.copyOf(requireNonNull(submissions, "submissions"));
    return write(WriteReport.Operation.RECORD_ALL, List.of(new Batch(relationship, list, null))).get(0);
  }

  /**
   * Imports batches for many relationships in one transaction: every event of every batch, or
   * none. Relationships are written in one fixed order (by employee, then manager), so two
   * imports running at once cannot deadlock each other.
   *
   * @param batches each relationship's events in time order, with optional ids
   * @return what the import did to each relationship, in the order they were written
   * @throws InvalidTrustInputException when any event is invalid; nothing is recorded
   * @throws EventIdConflictException when an id names another event
   * @throws TrustStoreException when the import cannot be committed; nothing is recorded
   */
  public Map<Relationship, Recorded> importAll(Map<Relationship, List<EventSubmission>> batches) {
    requireNonNull(batches, "batches");
    List<Batch> list = new ArrayList<>();
    for (Map.Entry<Relationship, List<EventSubmission>> e : batches.entrySet()) {
      list.add(new Batch(requireNonNull(e.getKey(), "relationship"),
          List.copyOf(requireNonNull(e.getValue(), "submissions")), null));
    }
    list.sort(Comparator.comparing((Batch b) -> b.relationship.employee())
        .thenComparing(b -> b.relationship.manager()));
    List<Recorded> results = write(WriteReport.Operation.IMPORT, list);
    Map<Relationship, Recorded> out = new LinkedHashMap<>();
    for (Recorded r : results) {
      out.put(r.relationship(), r);
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Starts a relationship at the policy's baseline without recording an event, e.g. when a person
   * joins a team. Does nothing to a relationship the store already holds.
   *
   * @param relationship who trusts whom
   * @param start when the relationship started
   * @return the relationship's state: the baseline at {@code start}, or the stored state when it
   *     already existed ({@link Recorded#eventCount()} tells them apart)
   * @throws TrustStoreException when the write cannot be committed
   */
  public Recorded start(Relationship relationship, Instant start) {
    requireNonNull(relationship, "relationship");
    requireNonNull(start, "start");
    TrustBucket initial = TrustBucket.of(policy, start);
    return write(WriteReport.Operation.START, List.of(new Batch(relationship, List.of(), initial))).get(0);
  }

  /** One relationship's part of a write. */
  private static final class Batch {
    final Relationship relationship;
    final List<EventSubmission> submissions;
    /** The start of a relationship opened by {@link #start}; null to start at the first event. */
    final @Nullable TrustBucket initial;

    Batch(Relationship relationship, List<EventSubmission> submissions, @Nullable TrustBucket initial) {
      this.relationship = relationship;
      this.submissions = submissions;
      this.initial = initial;
    }

    boolean allHaveIds() {
      return submissions.stream().allMatch(s -> s.id().isPresent());
    }
  }

  /** What one relationship's part of a committed write did, with what observers need. */
  private static final class Outcome {
    final Relationship relationship;
    final TrustBucket before;
    final List<StoredEvent> recorded;
    final int duplicates;
    final int eventCount;
    /** The relationship's row as this write left it, for the cache once committed. */
    final Known row;

    Outcome(Relationship relationship, TrustBucket before, List<StoredEvent> recorded, int duplicates,
        int eventCount, Known row) {
      this.relationship = relationship;
      this.before = before;
      this.recorded = recorded;
      this.duplicates = duplicates;
      this.eventCount = eventCount;
      this.row = row;
    }

    TrustBucket after() {
      return recorded.isEmpty() ? before : recorded.get(recorded.size() - 1).stateAfter();
    }
  }

  /** A transaction that must be rolled back and may be tried again. */
  private static final class Retry extends Exception {
    private static final long serialVersionUID = 1L;

    Retry(String message, @Nullable Throwable cause) {
      super(message, cause, false, false);
    }
  }

  private List<Recorded> write(WriteReport.Operation operation, List<Batch> batches) {
    long t0 = System.nanoTime();
    int retries = 0;
    @Nullable Relationship single = batches.size() == 1 ? batches.get(0).relationship : null;
    try {
      while (true) {
        List<Outcome> outcomes;
        try {
          @Nullable Outcome fast = retries == 0 ? inOneStatement(batches) : null;
          outcomes = fast != null ? List.of(fast) : attempt(batches);
        } catch (RuntimeException | Error e) {
          forget(batches);
          throw e;
        } catch (Retry r) {
          forget(batches);
          if (retries >= options.maxRetries()) {
            throw new ConcurrentWriteException(single, retries + 1, r.getCause() == null ? r : r.getCause());
          }
          retries++;
          backoff(retries, single);
          continue;
        }
        if (known.size() > CACHE_LIMIT) {
          known.clear();
        }
        for (Outcome o : outcomes) {
          known.put(o.relationship, o.row);
        }
        List<Recorded> results = new ArrayList<>(outcomes.size());
        int recorded = 0;
        int duplicates = 0;
        for (Outcome o : outcomes) {
          results.add(new Recorded(o.relationship, o.after(), o.before.tier(), o.recorded.size(), o.duplicates,
              o.eventCount, retries));
          recorded += o.recorded.size();
          duplicates += o.duplicates;
        }
        if (options.observer() != StoreObserver.NONE) {
          for (Outcome o : outcomes) {
            notifyRecorded(o);
          }
          report(new WriteReport(operation, options.writeMode(), batches.size(), recorded, duplicates, retries,
              Duration.ofNanos(System.nanoTime() - t0), Optional.empty()));
        }
        return results;
      }
    } catch (RuntimeException | Error e) {
      if (options.observer() != StoreObserver.NONE) {
        report(new WriteReport(operation, options.writeMode(), batches.size(), 0, 0, retries,
            Duration.ofNanos(System.nanoTime() - t0), Optional.of(e)));
      }
      throw e;
    }
  }

  /** After a failed attempt the store's view of these rows may be wrong: read them next time. */
  private void forget(List<Batch> batches) {
    batches.forEach(b -> known.remove(b.relationship));
  }

  private void backoff(int retry, @Nullable Relationship single) {
    long initial = options.initialBackoff().toNanos();
    long cap = Math.min(options.maxBackoff().toNanos(), retry >= 31 ? Long.MAX_VALUE : initial << (retry - 1));
    if (cap <= 0) {
      return;
    }
    long nanos = ThreadLocalRandom.current().nextLong(cap + 1);
    try {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrustStoreException(single, "interrupted while waiting to retry a write; nothing was recorded", e);
    }
  }

  /**
   * On PostgreSQL, records one event on a relationship row this store knows (optimistic mode)
   * with the single statement of {@link #writeKnown}, in autocommit: the statement is its own
   * transaction, so the write takes one round trip, with no separate commit. The statement
   * updates the row under its version guard and inserts the event row, or changes nothing.
   *
   * <p>A connection that fails while the statement runs leaves its outcome unknown, as a commit
   * that fails does: an event with an id is then written again on the path that reads the row
   * (which finds the id if the statement did commit); one without an id is reported with {@link
   * CommitOutcomeUnknownException}.
   *
   * @return the outcome, or null when the write must take the transactional path (not eligible,
   *     the row moved on, the id is already there, or the connection failed before an event
   *     with an id was known to be written)
   */
  private @Nullable Outcome inOneStatement(List<Batch> batches) {
    if (dialect != Dialect.POSTGRESQL || options.writeMode() != WriteMode.OPTIMISTIC || batches.size() != 1
        || batches.get(0).submissions.size() != 1) {
      return null;
    }
    Relationship r = batches.get(0).relationship;
    EventSubmission s = batches.get(0).submissions.get(0);
    @Nullable Known cached = known.get(r);
    if (cached == null) {
      return null;
    }
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      return null; // nothing was sent: the transactional path gets a connection, or reports why not
    }
    @Nullable Outcome done = null;
    try {
      boolean autoCommit = c.getAutoCommit();
      if (!autoCommit) {
        c.setAutoCommit(true);
      }
      done = writeKnown(c, r, cached, s, options.clock().instant().toString()).orElse(null);
      if (done == null) {
        known.remove(r); // another writer moved the row on: read it
      }
      if (!autoCommit) {
        c.setAutoCommit(false);
      }
    } catch (SQLException e) {
      if (done != null) {
        return done; // committed; only restoring the connection's mode failed
      }
      known.remove(r);
      SqlFailures.Kind kind = SqlFailures.classify(e);
      if (kind == SqlFailures.Kind.CONNECTION && s.id().isEmpty()) {
        if (SqlFailures.backendEnded(e) && rowVersionIs(cached)) {
          return null; // the server ended the session, and the row never moved: not written, so retried
        }
        throw new CommitOutcomeUnknownException(r, e);
      }
      if (kind == SqlFailures.Kind.OTHER) {
        throw new TrustStoreException(r, "could not write relationship " + r + ": " + e.getMessage()
            + "; nothing was recorded", e);
      }
      return null; // a conflict (the id is there), a deadlock, or a lost connection with an id
    } finally {
      try {
        c.close();
      } catch (SQLException | RuntimeException e) {
        // The outcome is decided; a connection that cannot be closed is the pool's concern.
      }
    }
    return done;
  }

  /**
   * Whether a relationship's row, read on a new connection, still has the version this store
   * knows. After the server ended the session of a single-statement write, that write can no
   * longer commit, so an unchanged version proves it was not written.
   */
  private boolean rowVersionIs(Known row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT row_version FROM trust_relationship WHERE relationship_id = ?")) {
      ps.setLong(1, row.id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getLong(1) == row.version;
      }
    } catch (SQLException | RuntimeException e) {
      return false; // cannot tell
    }
  }

  /** One transaction: commits every batch, or rolls back and throws. */
  private List<Outcome> attempt(List<Batch> batches) throws Retry {
    @Nullable Relationship single = batches.size() == 1 ? batches.get(0).relationship : null;
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw failure(single, "could not get a connection", e);
    }
    try (Connection connection = c) {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      List<Outcome> outcomes = new ArrayList<>(batches.size());
      String now = options.clock().instant().toString();
      try {
        for (Batch b : batches) {
          outcomes.add(writeOne(connection, b, now));
        }
      } catch (SQLException e) {
        rollback(connection, e, autoCommit);
        throw failure(single, "could not write", e);
      } catch (Retry | RuntimeException | Error e) { // every Throwable writeOne can throw ends in a rollback
        rollback(connection, e, autoCommit);
        throw e;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        rollback(connection, e, autoCommit);
        if (SqlFailures.classify(e) == SqlFailures.Kind.CONNECTION
            && !batches.stream().allMatch(Batch::allHaveIds)) {
          throw new CommitOutcomeUnknownException(single, e);
        }
        throw failure(single, "could not commit", e);
      } catch (RuntimeException | Error e) {
        rollback(connection, e, autoCommit);
        throw e;
      }
      restoreAutoCommit(connection, autoCommit);
      return outcomes;
    } catch (SQLException e) {
      // getAutoCommit/setAutoCommit before any write, or closing the connection after the commit.
      throw failure(single, "connection failed", e);
    }
  }

  private static void rollback(Connection c, Throwable t, boolean autoCommit) {
    try {
      c.rollback();
    } catch (Throwable r) {
      t.addSuppressed(r);
    }
    try {
      if (autoCommit) {
        c.setAutoCommit(true);
      }
    } catch (Throwable r) {
      t.addSuppressed(r);
    }
  }

  private static void restoreAutoCommit(Connection c, boolean autoCommit) {
    try {
      if (autoCommit) {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      // The write is committed; a connection that cannot be reset is closed next anyway.
    }
  }

  /** A database failure: a retry for races, deadlocks and lost connections, else a store exception. */
  private static Retry failure(@Nullable Relationship r, String what, SQLException e) {
    SqlFailures.Kind kind = SqlFailures.classify(e);
    if (kind != SqlFailures.Kind.OTHER) {
      return new Retry(kind + ": " + e.getMessage(), e);
    }
    throw new TrustStoreException(r, what + (r == null ? "" : " relationship " + r) + ": " + e.getMessage()
        + "; nothing was recorded", e);
  }

  /** The relationship's row as read. */
  private static final class Row {
    final long id;
    final long version;
    final int eventCount;
    final String startState;
    final String state;
    final String checksum;
    final long policyId;

    Row(long id, long version, int eventCount, String startState, String state, String checksum, long policyId) {
      this.id = id;
      this.version = version;
      this.eventCount = eventCount;
      this.startState = startState;
      this.state = state;
      this.checksum = checksum;
      this.policyId = policyId;
    }
  }

  /** A relationship row this store has verified (or written), with its state read. */
  private static final class Known {
    final long id;
    final long version;
    final int eventCount;
    final String startState;
    final TrustBucket state;
    final String stateLine;
    final String checksum;

    Known(long id, long version, int eventCount, String startState, TrustBucket state, String stateLine,
        String checksum) {
      this.id = id;
      this.version = version;
      this.eventCount = eventCount;
      this.startState = startState;
      this.state = state;
      this.stateLine = stateLine;
      this.checksum = checksum;
    }

    /** Whether a row read from the database is this one, unchanged, under the store's policy. */
    boolean sameAs(Row row, long policyId) {
      return row.id == id && row.version == version && row.eventCount == eventCount && row.policyId == policyId
          && row.checksum.equals(checksum) && row.state.equals(stateLine) && row.startState.equals(startState);
    }
  }

  private static final String SELECT_ROW = "SELECT relationship_id, row_version, event_count, start_state, state,"
      + " checksum, policy_id FROM trust_relationship WHERE employee = ? AND manager = ?";

  private Optional<Row> selectRow(Connection c, Relationship r, boolean lock) throws SQLException {
    if (lock && dialect == Dialect.SQLITE) {
      // SQLite has no row locks: take the database's write lock with a write that changes nothing.
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE trust_relationship SET row_version = row_version WHERE employee = ? AND manager = ?")) {
        ps.setString(1, r.employee());
        ps.setString(2, r.manager());
        ps.executeUpdate();
      }
    }
    String sql = lock && dialect != Dialect.SQLITE ? SELECT_ROW + " FOR UPDATE" : SELECT_ROW;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.employee());
      ps.setString(2, r.manager());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), nonNull(rs.getString(4)),
            nonNull(rs.getString(5)), nonNull(rs.getString(6)), rs.getLong(7)));
      }
    }
  }

  private static String nonNull(@Nullable String s) {
    return s == null ? "" : s;
  }

  /** Checks a relationship row and reads its current state. */
  private TrustBucket verify(Connection c, Relationship r, Row row) throws SQLException {
    String expected = StoredRows.relationshipChecksum(r, row.eventCount, row.startState, row.state);
    if (!expected.equals(row.checksum)) {
      throw new DamagedRowException(r, StoredRows.RELATIONSHIPS, StoredRows.RELATIONSHIP_ROW, "checksum",
          "checksum must be " + expected + " (the CRC-32C of the row's columns) but was " + row.checksum
              + ": the row was changed after it was written", null);
    }
    if (row.policyId != policyId) {
      throw new PolicyMismatchException(r, storedPolicyKey(c, row.policyId), policyKey);
    }
    return StoredRows.readState(row.state, lines, policy, r, StoredRows.RELATIONSHIPS, StoredRows.RELATIONSHIP_ROW,
        "state");
  }

  private static String storedPolicyKey(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT policy_key FROM trust_policy WHERE policy_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? nonNull(rs.getString(1)) : "#" + id;
      }
    }
  }

  private Outcome writeOne(Connection c, Batch b, String now) throws SQLException, Retry {
    Relationship r = b.relationship;
    boolean lock = options.writeMode() == WriteMode.PESSIMISTIC;
    @Nullable Known cached = lock || b.submissions.size() != 1 ? null : known.get(r);
    if (cached != null) {
      Optional<Outcome> fast = writeKnown(c, r, cached, b.submissions.get(0), now);
      if (fast.isPresent()) {
        return fast.get();
      }
      known.remove(r); // another writer moved the row on: read it
    }
    Optional<Row> found = selectRow(c, r, lock);
    if (found.isEmpty()) {
      @Nullable TrustBucket initial = b.initial;
      if (initial == null) {
        if (b.submissions.isEmpty()) {
          throw new InvalidTrustInputException("submissions",
              "submissions must not be empty for relationship " + r + ", which the store does not hold yet");
        }
        initial = TrustBucket.of(policy, b.submissions.get(0).event().time());
      }
      insertRow(c, r, initial, lines.format(initial), now);
      found = selectRow(c, r, false);
      if (found.isEmpty()) {
        throw new Retry("the relationship row just inserted is not visible", null);
      }
    }
    Row row = found.get();
    // A row exactly as this store last wrote or verified it needs no second check nor parse.
    @Nullable Known seen = known.get(r);
    TrustBucket state = seen != null && seen.sameAs(row, policyId) ? seen.state : verify(c, r, row);
    // Idempotency: skip events whose ids the relationship (or this batch) already holds.
    Map<String, EventRecord> known = knownIds(c, r, row.id, b.submissions);
    List<EventSubmission> fresh = new ArrayList<>(b.submissions.size());
    int duplicates = 0;
    for (EventSubmission s : b.submissions) {
      if (s.id().isPresent()) {
        String id = s.id().get();
        EventRecord submitted = EventRecord.from(s.event());
        EventRecord stored = known.get(id);
        if (stored != null) {
          if (!stored.equals(submitted)) {
            throw new EventIdConflictException(r, id, stored.toString(), submitted.toString());
          }
          duplicates++;
          continue;
        }
        known.put(id, submitted);
      }
      fresh.add(s);
    }
    if (fresh.isEmpty()) {
      return new Outcome(r, state, List.of(), duplicates, row.eventCount,
          new Known(row.id, row.version, row.eventCount, row.startState, state, row.state, row.checksum));
    }
    // Fold in memory: apply validates every event (time order, behaviour) and gives the state
    // after each, the same values a ledger's append computes.
    TrustBucket after = state;
    List<StoredEvent> recorded = new ArrayList<>(fresh.size());
    for (int i = 0; i < fresh.size(); i++) {
      EventSubmission s = fresh.get(i);
      try {
        after = after.plus(s.event());
      } catch (InvalidTrustInputException e) {
        throw new InvalidTrustInputException(e.field(), "relationship " + r + ", event " + (i + 1) + ": "
            + e.getMessage() + "; nothing was recorded", e);
      }
      recorded.add(new StoredEvent(r, row.eventCount + i + 1, s.id(), s.event(), after));
    }
    int count = row.eventCount + fresh.size();
    String stateLine = lines.format(after);
    String checksum = StoredRows.relationshipChecksum(r, count, row.startState, stateLine);
    if (dialect == Dialect.POSTGRESQL && recorded.size() == 1) {
      // One statement for the row and the event: one round trip fewer (a pessimistic write's lock is held).
      try (PreparedStatement ps = c.prepareStatement(UPDATE_ROW_WITH_EVENT)) {
        int i = setRowUpdate(ps, 1, row.id, row.version, count, stateLine, after.tier(), now, checksum);
        setEvent(ps, i, row.id, recorded.get(0), stateLine, now);
        if (ps.executeUpdate() != 1) {
          throw new Retry("relationship " + r + " was changed by another writer since it was read", null);
        }
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(UPDATE_ROW)) {
        setRowUpdate(ps, 1, row.id, row.version, count, stateLine, after.tier(), now, checksum);
        if (ps.executeUpdate() != 1) {
          throw new Retry("relationship " + r + " was changed by another writer since it was read", null);
        }
      }
      insertEvents(c, row.id, recorded, now);
    }
    return new Outcome(r, state, recorded, duplicates, count,
        new Known(row.id, row.version + 1, count, row.startState, after, stateLine, checksum));
  }

  /**
   * Writes one event on a row this store knows, without reading it: the update's version guard
   * and the columns the row's checksum covers prove the row unchanged (so a row damaged since is
   * read, and reported, by the other path). On PostgreSQL the update and the event's insert are one statement.
   * An id the relationship already holds makes the insert fail on its unique key; the write is
   * then retried on the path that reads the row and reports the duplicate.
   *
   * @return the outcome, or empty when the row moved on (nothing was written)
   */
  private Optional<Outcome> writeKnown(Connection c, Relationship r, Known row, EventSubmission s, String now)
      throws SQLException {
    TrustBucket after;
    try {
      after = row.state.plus(s.event());
    } catch (InvalidTrustInputException e) {
      return Optional.empty(); // judged against the row as it is, on the path that reads it
    }
    int count = row.eventCount + 1;
    StoredEvent e = new StoredEvent(r, count, s.id(), s.event(), after);
    String stateLine = lines.format(after);
    String checksum = StoredRows.relationshipChecksum(r, count, row.startState, stateLine);
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement ps = c.prepareStatement(UPDATE_KNOWN_ROW_WITH_EVENT)) {
        int i = setKnownRowUpdate(ps, row, count, stateLine, after.tier(), now, checksum);
        setEvent(ps, i, row.id, e, stateLine, now);
        if (ps.executeUpdate() != 1) {
          return Optional.empty();
        }
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement(UPDATE_KNOWN_ROW)) {
        setKnownRowUpdate(ps, row, count, stateLine, after.tier(), now, checksum);
        if (ps.executeUpdate() != 1) {
          return Optional.empty();
        }
      }
      insertEvents(c, row.id, List.of(e), now);
    }
    return Optional.of(new Outcome(r, row.state, List.of(e), 0, count,
        new Known(row.id, row.version + 1, count, row.startState, after, stateLine, checksum)));
  }

  /**
   * PostgreSQL: a relationship row's update and its event's insert as one statement; the event
   * row is inserted only when the update matched the row. Parameters: the update's, then the
   * event's twelve.
   */
  private static String withEvent(String update) {
    return "WITH moved AS (" + update + " RETURNING relationship_id) " + INSERT_EVENT
        + " SELECT relationship_id, " + EVENT_VALUES + " FROM moved";
  }

  private static final String UPDATE_KNOWN_ROW = "UPDATE trust_relationship SET row_version = ?, event_count = ?,"
      + " state = ?, tier = ?, updated_at = ?, checksum = ? WHERE relationship_id = ? AND row_version = ?"
      + " AND event_count = ?"
      + " AND start_state = ? AND state = ? AND checksum = ?";

  /** Sets the parameters of {@link #UPDATE_KNOWN_ROW}; returns the next index. */
  private static int setKnownRowUpdate(PreparedStatement ps, Known row, int count, String stateLine,
      AutonomyTier tier, String now, String checksum) throws SQLException {
    int i = setRowUpdate(ps, 1, row.id, row.version, count, stateLine, tier, now, checksum);
    ps.setInt(i, row.eventCount);
    ps.setString(i + 1, row.startState);
    ps.setString(i + 2, row.stateLine);
    ps.setString(i + 3, row.checksum);
    return i + 4;
  }

  private static final String UPDATE_ROW = "UPDATE trust_relationship SET row_version = ?, event_count = ?,"
      + " state = ?, tier = ?, updated_at = ?, checksum = ? WHERE relationship_id = ? AND row_version = ?";
  private static final String INSERT_EVENT = "INSERT INTO trust_event (relationship_id, seq, event_id,"
      + " time_micros, occurred_at, behaviour, weight, disclosure, disclosure_delay, note, state_after,"
      + " recorded_at, checksum)";
  private static final String EVENT_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  private static final String UPDATE_ROW_WITH_EVENT = withEvent(UPDATE_ROW);
  private static final String UPDATE_KNOWN_ROW_WITH_EVENT = withEvent(UPDATE_KNOWN_ROW);

  /** Sets the eight parameters of {@link #UPDATE_ROW} from {@code first}; returns the next index. */
  private static int setRowUpdate(PreparedStatement ps, int first, long id, long version, int count,
      String stateLine, AutonomyTier tier, String now, String checksum) throws SQLException {
    ps.setLong(first, version + 1);
    ps.setInt(first + 1, count);
    ps.setString(first + 2, stateLine);
    ps.setString(first + 3, tier.name());
    ps.setString(first + 4, now);
    ps.setString(first + 5, checksum);
    ps.setLong(first + 6, id);
    ps.setLong(first + 7, version);
    return first + 8;
  }

  /** Sets an event's twelve parameters after its relationship id, from {@code first}. */
  private static void setEvent(PreparedStatement ps, int first, long relationshipId, StoredEvent e, String after,
      String now) throws SQLException {
    EventRecord r = EventRecord.from(e.event());
    long micros = StoredRows.micros(e.event().time());
    @Nullable String id = e.id().orElse(null);
    ps.setInt(first, e.sequence());
    ps.setString(first + 1, id);
    ps.setLong(first + 2, micros);
    ps.setString(first + 3, r.time());
    ps.setString(first + 4, r.behaviour());
    ps.setDouble(first + 5, r.weight());
    ps.setString(first + 6, r.disclosure());
    ps.setString(first + 7, r.delay());
    ps.setString(first + 8, r.note());
    ps.setString(first + 9, after);
    ps.setString(first + 10, now);
    ps.setString(first + 11, StoredRows.eventChecksum(relationshipId, e.sequence(), id, micros, r, after));
  }

  private void insertRow(Connection c, Relationship r, TrustBucket initial, String startLine, String now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO trust_relationship (employee, manager, policy_id,"
        + " row_version, event_count, start_state, state, tier, updated_at, checksum)"
        + " VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?, ?)")) {
      ps.setString(1, r.employee());
      ps.setString(2, r.manager());
      ps.setLong(3, policyId);
      ps.setString(4, startLine);
      ps.setString(5, startLine);
      ps.setString(6, initial.tier().name());
      ps.setString(7, now);
      ps.setString(8, StoredRows.relationshipChecksum(r, 0, startLine, startLine));
      ps.executeUpdate();
    }
  }

  private void insertEvents(Connection c, long relationshipId, List<StoredEvent> events, String now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT + " VALUES (?, " + EVENT_VALUES + ")")) {
      for (StoredEvent e : events) {
        ps.setLong(1, relationshipId);
        setEvent(ps, 2, relationshipId, e, lines.format(e.stateAfter()), now);
        if (events.size() == 1) {
          ps.executeUpdate();
          return;
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The events already stored under the submissions' ids, by id. */
  private Map<String, EventRecord> knownIds(Connection c, Relationship r, long relationshipId,
      List<EventSubmission> submissions) throws SQLException {
    List<String> ids = new ArrayList<>();
    for (EventSubmission s : submissions) {
      s.id().ifPresent(ids::add);
    }
    Map<String, EventRecord> known = new HashMap<>();
    for (int from = 0; from < ids.size(); from += ID_LOOKUP_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_LOOKUP_CHUNK));
      StringBuilder sql = new StringBuilder(EVENT_COLUMNS + " FROM trust_event WHERE relationship_id = ? AND event_id IN (");
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      sql.append(')');
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        ps.setLong(1, relationshipId);
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredEvent e = readEvent(rs, r, relationshipId);
            known.put(e.id().orElseThrow(), EventRecord.from(e.event()));
          }
        }
      }
    }
    return known;
  }

  // ---------------------------------------------------------------- observers

  private void notifyRecorded(Outcome o) {
    StoreObserver observer = options.observer();
    TrustBucket previous = o.before;
    for (StoredEvent e : o.recorded) {
      TrustBucket next = e.stateAfter();
      call(() -> observer.onEventRecorded(e));
      if (e.breach()) {
        TrustBucket before = previous.at(e.event().time());
        call(() -> observer.onBreach(new BreachNotice(o.relationship, e.event(), before, next)));
      }
      if (next.tier() != previous.tier()) {
        AutonomyTier from = previous.tier();
        call(() -> observer.onTierChange(new TierChange(o.relationship, e.event(), from, next.tier(), next)));
      }
      previous = next;
    }
  }

  private void report(WriteReport report) {
    call(() -> options.observer().onWrite(report));
  }

  private void call(Runnable notice) {
    try {
      notice.run();
    } catch (RuntimeException e) {
      options.observerErrors().accept(e);
    }
  }

  // ---------------------------------------------------------------- reads

  private static final String EVENT_COLUMNS = "SELECT seq, event_id, time_micros, occurred_at, behaviour, weight,"
      + " disclosure, disclosure_delay, note, state_after, checksum";

  private StoredEvent readEvent(ResultSet rs, Relationship r, long relationshipId) throws SQLException {
    int seq = rs.getInt(1);
    @Nullable String id = rs.getString(2);
    long micros = rs.getLong(3);
    EventRecord record = new EventRecord(nonNull(rs.getString(4)), nonNull(rs.getString(5)), rs.getDouble(6),
        nonNull(rs.getString(7)), nonNull(rs.getString(8)), nonNull(rs.getString(9)));
    return StoredRows.readEvent(r, relationshipId, lines, policy, seq, id, micros, record, nonNull(rs.getString(10)),
        nonNull(rs.getString(11)));
  }

  /** A read-only unit of work on one connection. */
  private interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(@Nullable Relationship r, Read<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new TrustStoreException(r, "could not read" + (r == null ? "" : " relationship " + r) + ": "
          + e.getMessage(), e);
    }
  }

  private Row requireRow(Connection c, Relationship r) throws SQLException {
    return selectRow(c, r, false).orElseThrow(() -> new UnknownRelationshipException(r));
  }

  /**
   * The relationships this store holds under its policy, by employee then manager.
   *
   * @return the relationships
   * @throws TrustStoreException when the database cannot be read
   */
  public List<Relationship> relationships() {
    return read(null, c -> {
      List<Relationship> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT employee, manager FROM trust_relationship WHERE policy_id = ? ORDER BY employee, manager")) {
        ps.setLong(1, policyId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(Relationship.of(nonNull(rs.getString(1)), nonNull(rs.getString(2))));
          }
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * How many of the relationships this store holds under its policy are in each autonomy tier,
   * as of their last event (decay since then is not applied): one {@code GROUP BY} query over
   * the {@code tier} column, whatever the number of relationships. Meant for gauges; the rows'
   * checksums are not checked here (a damaged row is reported when its relationship is read).
   *
   * @return every tier, in ascending order, with its count (0 when no relationship is in it)
   * @throws TrustStoreException when the database cannot be read, or holds a tier name this
   *     library does not know
   */
  public Map<AutonomyTier, Long> tierCounts() {
    return read(null, c -> {
      Map<AutonomyTier, Long> counts = new EnumMap<>(AutonomyTier.class);
      for (AutonomyTier t : AutonomyTier.values()) {
        counts.put(t, 0L);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT tier, COUNT(*) FROM trust_relationship WHERE policy_id = ? GROUP BY tier")) {
        ps.setLong(1, policyId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String name = nonNull(rs.getString(1));
            AutonomyTier tier;
            try {
              tier = AutonomyTier.valueOf(name);
            } catch (IllegalArgumentException e) {
              throw new TrustStoreException(null, "tier must be one of " + List.of(AutonomyTier.values())
                  + " but the trust_relationship table holds \"" + name + "\" in " + rs.getLong(2) + " rows", e);
            }
            counts.put(tier, rs.getLong(2));
          }
        }
      }
      return Collections.unmodifiableMap(counts);
    });
  }

  /**
   * The bucket after the relationship's last event (not decayed to now): one row read.
   *
   * @param relationship who trusts whom
   * @return the state, or empty when the store does not hold the relationship
   * @throws DamagedRowException when the relationship's row is damaged
   * @throws PolicyMismatchException when it was kept under another policy
   */
  public Optional<TrustBucket> state(Relationship relationship) {
    requireNonNull(relationship, "relationship");
    return read(relationship, c -> {
      Optional<Row> row = selectRow(c, relationship, false);
      return row.isEmpty() ? Optional.<TrustBucket>empty() : Optional.of(verify(c, relationship, row.get()));
    });
  }

  /**
   * The bucket now, by the store's clock: {@code stateAt(relationship, clock.instant())}.
   *
   * @param relationship who trusts whom
   * @return the state now
   * @throws UnknownRelationshipException when the store does not hold the relationship
   */
  public TrustBucket stateNow(Relationship relationship) {
    return stateAt(relationship, options.clock().instant());
  }

  /**
   * The bucket as it was at an instant: after every event at or before it, decayed to it. Reads
   * two rows whatever the length of the history: the relationship's and the last event's at or
   * before {@code time}, which holds the bucket just after it.
   *
   * @param relationship who trusts whom
   * @param time not before the relationship's start
   * @return the bucket then
   * @throws InvalidTrustInputException when {@code time} is before the relationship's start
   * @throws UnknownRelationshipException when the store does not hold the relationship
   * @throws DamagedRowException when a row read is damaged
   */
  public TrustBucket stateAt(Relationship relationship, Instant time) {
    requireNonNull(relationship, "relationship");
    requireNonNull(time, "time");
    return read(relationship, c -> {
      Row row = requireRow(c, relationship);
      TrustBucket now = verify(c, relationship, row);
      if (!time.isBefore(now.time())) {
        return now.at(time);
      }
      TrustBucket start = StoredRows.readState(row.startState, lines, policy, relationship, StoredRows.RELATIONSHIPS,
          StoredRows.RELATIONSHIP_ROW, "start_state");
      InvalidTrustInputException.check(!time.isBefore(start.time()), "time",
          "time must not be before the relationship's start %s but was %s", start.time(), time);
      try (PreparedStatement ps = c.prepareStatement(EVENT_COLUMNS + " FROM trust_event WHERE relationship_id = ?"
          + " AND time_micros <= ? ORDER BY time_micros DESC, seq DESC LIMIT 1")) {
        ps.setLong(1, row.id);
        ps.setLong(2, StoredRows.micros(time));
        try (ResultSet rs = ps.executeQuery()) {
          TrustBucket then = rs.next() ? readEvent(rs, relationship, row.id).stateAfter() : start;
          return then.at(time);
        }
      }
    });
  }

  /**
   * The level at an instant; see {@link #stateAt}.
   *
   * @param relationship who trusts whom
   * @param time not before the relationship's start
   * @return the level then, in [0, 1]
   */
  public double levelAt(Relationship relationship, Instant time) {
    return stateAt(relationship, time).level();
  }

  /**
   * The autonomy tier at an instant; see {@link #stateAt}.
   *
   * @param relationship who trusts whom
   * @param time not before the relationship's start
   * @return the tier then
   */
  public AutonomyTier tierAt(Relationship relationship, Instant time) {
    return stateAt(relationship, time).tier();
  }

  /**
   * The relationship's whole history, each event with its id and the bucket after it, checked row
   * by row: every checksum, the sequence numbers, and that the events replay to the states the
   * rows hold.
   *
   * @param relationship who trusts whom
   * @return the events, oldest first
   * @throws UnknownRelationshipException when the store does not hold the relationship
   * @throws DamagedRowException when any row is damaged, missing or out of place
   */
  public List<StoredEvent> events(Relationship relationship) {
    return history(relationship).events;
  }

  /**
   * The relationship's whole history as a ledger, checked as {@link #events} checks it.
   *
   * @param relationship who trusts whom
   * @return the ledger, equal to the one the recorded events make
   * @throws UnknownRelationshipException when the store does not hold the relationship
   * @throws DamagedRowException when any row is damaged, missing or out of place
   */
  public TrustLedger ledger(Relationship relationship) {
    return history(relationship).ledger;
  }

  private static final class History {
    final TrustLedger ledger;
    final List<StoredEvent> events;

    History(TrustLedger ledger, List<StoredEvent> events) {
      this.ledger = ledger;
      this.events = events;
    }
  }

  private History history(Relationship relationship) {
    requireNonNull(relationship, "relationship");
    return read(relationship, c -> {
      Row row = requireRow(c, relationship);
      TrustBucket now = verify(c, relationship, row);
      TrustBucket start = StoredRows.readState(row.startState, lines, policy, relationship, StoredRows.RELATIONSHIPS,
          StoredRows.RELATIONSHIP_ROW, "start_state");
      TrustLedger ledger = TrustLedger.from(start);
      List<StoredEvent> events = new ArrayList<>(row.eventCount);
      try (PreparedStatement ps = c.prepareStatement(
          EVENT_COLUMNS + " FROM trust_event WHERE relationship_id = ? ORDER BY seq")) {
        ps.setLong(1, row.id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredEvent e = readEvent(rs, relationship, row.id);
            String where = "seq " + e.sequence();
            if (e.sequence() != events.size() + 1) {
              throw new DamagedRowException(relationship, StoredRows.EVENTS, where, "seq", "seq must be "
                  + (events.size() + 1) + " (the next in the history) but was " + e.sequence()
                  + ": an event row is missing", null);
            }
            try {
              ledger = ledger.plus(e.event());
            } catch (InvalidTrustInputException x) {
              throw new DamagedRowException(relationship, StoredRows.EVENTS, where, x.field(),
                  String.valueOf(x.getMessage()), x);
            }
            if (!ledger.state().equals(e.stateAfter())) {
              throw new DamagedRowException(relationship, StoredRows.EVENTS, where, "state_after",
                  "the events up to this one replay to " + ledger.state() + " but the row holds " + e.stateAfter(),
                  null);
            }
            events.add(e);
          }
        }
      }
      if (events.size() != row.eventCount || !ledger.state().equals(now)) {
        throw new DamagedRowException(relationship, StoredRows.RELATIONSHIPS, StoredRows.RELATIONSHIP_ROW,
            "event_count", "the row announces " + row.eventCount + " events ending in " + now + " but "
                + events.size() + " event rows replay to " + ledger.state(), null);
      }
      return new History(ledger, List.copyOf(events));
    });
  }

  /**
   * Explains the level at an instant, event by event; reads the whole history.
   *
   * @param relationship who trusts whom
   * @param at not before the relationship's start
   * @return the explanation
   * @throws UnknownRelationshipException when the store does not hold the relationship
   */
  public Explanation explain(Relationship relationship, Instant at) {
    return Explanation.of(ledger(relationship), at);
  }

  /**
   * Forecasts how many drops, at a cadence from now, bring the relationship to a tier; reads
   * one row.
   *
   * @param relationship who trusts whom
   * @param drop a drop behaviour, at its default weight
   * @param cadence the time between drops, at least one minute
   * @param tier the tier to reach
   * @return the forecast from the state now
   * @throws UnknownRelationshipException when the store does not hold the relationship
   */
  public RecoveryForecast forecast(Relationship relationship, Behaviour drop, Duration cadence, AutonomyTier tier) {
    return RecoveryForecast.untilTier(stateNow(relationship), drop, cadence, tier);
  }

  /**
   * Compares the history with one where the event at {@code index} happened otherwise; reads the
   * whole history and changes nothing.
   *
   * @param relationship who trusts whom
   * @param index the event to replace, from 0
   * @param replacement what happens instead
   * @param at the instant to compare
   * @return the comparison
   */
  public WhatIf whatIf(Relationship relationship, int index, TrustEvent replacement, Instant at) {
    return WhatIf.ofReplacement(ledger(relationship), index, replacement, at);
  }

  /**
   * Compares the history with one without the event at {@code index}; reads the whole history and
   * changes nothing.
   *
   * @param relationship who trusts whom
   * @param index the event to leave out, from 0
   * @param at the instant to compare
   * @return the comparison
   */
  public WhatIf whatIfWithout(Relationship relationship, int index, Instant at) {
    return WhatIf.ofRemoval(ledger(relationship), index, at);
  }

  @Override
  public String toString() {
    return "TrustStore[" + dialect + ", policy " + policy.name() + " " + policy.shortFingerprint()
        + ", " + options + "]";
  }
}
