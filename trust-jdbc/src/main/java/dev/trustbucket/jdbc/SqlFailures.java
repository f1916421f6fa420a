package dev.trustbucket.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Sorts the databases' failures into the kinds a write treats differently. */
final class SqlFailures {
  private SqlFailures() {}

  /** What a failure means for the write that met it. */
  enum Kind {
    /** Another writer won a race (unique key, lock timeout, concurrent update): roll back and retry. */
    CONFLICT,
    /** The database chose this transaction as a deadlock or serialization victim: retry. */
    DEADLOCK,
    /** The connection broke: the database rolls the transaction back; retry on a new one. */
    CONNECTION,
    /** Anything else (a constraint, a value too long, a bug): roll back and report. */
    OTHER
  }

  static Kind classify(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (e instanceof SQLException) {
        Kind k = classifyOne((SQLException) e);
        if (k != Kind.OTHER) {
          return k;
        }
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return Kind.OTHER;
  }

  private static Kind classifyOne(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
    if (state.startsWith("40")) { // 40001 serialization failure / H2 deadlock, 40P01 PostgreSQL deadlock
      return Kind.DEADLOCK;
    }
    if (state.equals("23505") || message.contains("SQLITE_CONSTRAINT_UNIQUE")
        || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
      return Kind.CONFLICT; // a concurrent writer inserted the same relationship or sequence number first
    }
    if (e.getErrorCode() == 90131 || e.getErrorCode() == 50200 // H2: concurrent update, lock timeout
        || state.equals("55P03") // PostgreSQL: lock not available
        || message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")) {
      return Kind.CONFLICT;
    }
    if (state.startsWith("08") || sessionEnded(state)
        || e instanceof SQLRecoverableException || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLTransientConnectionException
        || (e.getErrorCode() == 90067 || e.getErrorCode() == 90098 || e.getErrorCode() == 90121)) {
      // 08xxx connection exceptions; 57P0x PostgreSQL ended the session; H2 connection broken / closed
      return Kind.CONNECTION;
    }
    return Kind.OTHER;
  }

  /**
   * Whether a SQLSTATE says that PostgreSQL ended the session itself: 57P01 administrator command,
   * 57P02 crash, 57P03 cannot connect now, 57P04 database dropped, 57P05 idle session timeout (the
   * usual end of a stale pooled connection, PostgreSQL 14 and later).
   */
  private static boolean sessionEnded(String state) {
    return state.startsWith("57P0");
  }

  /**
   * Whether PostgreSQL ended the session itself ({@link #sessionEnded}) somewhere in {@code t}'s
   * causes: its backend is gone, so the transaction it ran can no longer commit.
   */
  static boolean backendEnded(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      if (e instanceof SQLException) {
        String state = ((SQLException) e).getSQLState();
        if (state != null && sessionEnded(state)) {
          return true;
        }
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return false;
  }

  static String describe(@Nullable Throwable t) {
    return t == null ? "" : t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
