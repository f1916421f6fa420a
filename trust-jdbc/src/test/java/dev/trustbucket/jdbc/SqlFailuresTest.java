package dev.trustbucket.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** How a driver's error is read: which SQLSTATEs mean that PostgreSQL ended the session. */
class SqlFailuresTest {

  @Test
  void everySessionThatPostgresqlEndedIsALostConnection() {
    // 57P01 administrator command, 57P02 crash, 57P03 cannot connect now, 57P04 database dropped,
    // 57P05 idle session timeout: the last is how a pool's stale connection usually fails.
    for (String state : new String[] {"57P01", "57P02", "57P03", "57P04", "57P05"}) {
      SQLException e = new SQLException("FATAL: terminating connection", state);
      assertThat(SqlFailures.classify(e)).as(state).isEqualTo(SqlFailures.Kind.CONNECTION);
      assertThat(SqlFailures.backendEnded(new IllegalStateException(e))).as(state).isTrue();
    }
    SQLException reset = new SQLException("An I/O error occurred", "08006");
    assertThat(SqlFailures.classify(reset)).isEqualTo(SqlFailures.Kind.CONNECTION);
    assertThat(SqlFailures.backendEnded(reset)).as("a reset socket says nothing of the server's session").isFalse();
    assertThat(SqlFailures.classify(new SQLException("canceling statement", "57014"))).isEqualTo(SqlFailures.Kind.OTHER);
  }
}
