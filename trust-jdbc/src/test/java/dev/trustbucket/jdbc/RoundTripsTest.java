package dev.trustbucket.jdbc;

import static dev.trustbucket.jdbc.TrustStoreTest.ANA;
import static dev.trustbucket.jdbc.TrustStoreTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustPolicy;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statements (and commits) one record of one event sends. */
class RoundTripsTest {
  @ParameterizedTest
  @CsvSource({"POSTGRESQL, 1", "H2, 3", "SQLITE, 3"})
  void aKnownRelationshipTakesOneAutocommittedStatementOnPostgresqlAndTwoAndACommitElsewhere(Dialect dialect,
      int roundTrips) {
    DataSource real = Databases.migrated(dialect);
    List<String> sql = new CopyOnWriteArrayList<>();
    TrustStore store = TrustStore.open(counting(real, sql), TrustPolicy.defaults());
    store.record(ANA, event(0));
    sql.clear();
    store.record(ANA, event(1));
    assertThat(sql).hasSize(roundTrips);
    if (dialect == Dialect.POSTGRESQL) {
      assertThat(sql.get(0)).startsWith("WITH moved AS (UPDATE trust_relationship");
    } else {
      assertThat(sql.get(2)).isEqualTo("commit()");
    }
    // A row moved on by another store is read again, and the write still lands once.
    TrustStore.open(real, TrustPolicy.defaults()).record(ANA, event(2));
    Recorded r = store.record(ANA, event(3));
    assertThat(r.eventCount()).isEqualTo(4);
    assertThat(r.retries()).isZero();
  }

  @org.junit.jupiter.api.Test
  void aPessimisticRecordOnPostgresqlLocksTheRowThenWritesRowAndEventInOneStatement() {
    DataSource real = Databases.migrated(Dialect.POSTGRESQL);
    List<String> sql = new CopyOnWriteArrayList<>();
    TrustStore store = TrustStore.open(counting(real, sql), TrustPolicy.defaults(),
        StoreOptions.builder().writeMode(WriteMode.PESSIMISTIC).build());
    store.record(ANA, event(0));
    sql.clear();
    assertThat(store.record(ANA, event(1)).eventCount()).isEqualTo(2);
    assertThat(sql).hasSize(3); // the lock (SELECT ... FOR UPDATE), one statement, the commit
    assertThat(sql.get(1)).startsWith("WITH moved AS (UPDATE trust_relationship");
  }

  static DataSource counting(DataSource target, List<String> sql) {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection real = target.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")) {
                sql.add((String) args[0]);
              } else if (method.getName().equals("commit")) {
                sql.add("commit()");
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLException("not supported");
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
