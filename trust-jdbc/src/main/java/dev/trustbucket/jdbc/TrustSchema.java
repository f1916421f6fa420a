package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's tables, as versioned SQL scripts shipped in the jar, and the method that applies
 * them.
 *
 * <p>The scripts are {@code db/trustbucket/<dialect>/V<n>__trust_bucket.sql} ({@link
 * Dialect#script}): Flyway's naming, so a Flyway user adds {@code
 * classpath:db/trustbucket/postgresql} to its locations and adopts them as they are; Liquibase
 * users include them as {@code sqlFile} changes; anyone can run them by hand. Each script records
 * its version in the table {@code trust_schema_version}, which the store reads when it opens.
 * Released scripts never change: a new schema ships as the next version.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class TrustSchema {
  /** The schema version this library reads and writes. */
  public static final int VERSION = 2;

  private static final String VERSION_TABLE = "trust_schema_version";

  private TrustSchema() {}

  /**
   * Brings the database's trust bucket schema up to {@link #VERSION}, applying each missing
   * script in its own transaction. Safe to call on every start and from several servers at once:
   * a script another server has just applied is not applied again.
   *
   * @param dataSource the database
   * @return the schema version now, {@link #VERSION}
   * @throws SchemaVersionException when the database holds a newer schema; nothing is changed
   * @throws TrustStoreException when a script fails; that script's transaction is rolled back
   *     (on H2, whose DDL commits at once, the tables it created before the failure remain)
   */
  public static int migrate(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    try (Connection c = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(c);
      int found = version(c).orElse(0);
      refuseNewer(found);
      for (int v = found + 1; v <= VERSION; v++) {
        apply(c, dialect, v);
      }
      return VERSION;
    } catch (SQLException e) {
      throw new TrustStoreException(null, "could not migrate the trust bucket schema: " + e.getMessage(), e);
    }
  }

  /**
   * The trust bucket schema version of a database.
   *
   * @param dataSource the database
   * @return the version, or empty when the database holds no trust bucket schema
   * @throws TrustStoreException when the database cannot be read
   */
  public static Optional<Integer> version(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    try (Connection c = dataSource.getConnection()) {
      return version(c);
    } catch (SQLException e) {
      throw new TrustStoreException(null, "could not read the trust bucket schema version: " + e.getMessage(), e);
    }
  }

  /**
   * The statements of one script, in order, without comments.
   *
   * @param dialect the database
   * @param version the schema version, from 1 to {@link #VERSION}
   * @return the statements, without their terminating semicolons
   */
  public static List<String> statements(Dialect dialect, int version) {
    String path = requireNonNull(dialect, "dialect").script(version);
    String text;
    try (InputStream in = TrustSchema.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks its schema script " + path);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String s = current.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException(path + " ends with a statement without a semicolon");
    }
    return List.copyOf(out);
  }

  /** Checks that the connection's database holds exactly this library's schema version. */
  static void check(Connection c) throws SQLException {
    Optional<Integer> found = version(c);
    if (found.isEmpty()) {
      throw new SchemaVersionException(null, "the database holds no trust bucket schema (no table "
          + VERSION_TABLE + "): apply it with TrustSchema.migrate(dataSource), or run the scripts in "
          + Dialect.of(c).scriptFolder() + " with your migration tool");
    }
    int v = found.get();
    refuseNewer(v);
    if (v < VERSION) {
      throw new SchemaVersionException(v, "the database holds trust bucket schema version " + v
          + " but this library needs version " + VERSION + ": apply the newer scripts with TrustSchema.migrate"
          + "(dataSource) or your migration tool; nothing was changed");
    }
  }

  private static void refuseNewer(int found) {
    if (found > VERSION) {
      throw new SchemaVersionException(found, "the database holds trust bucket schema version " + found
          + ", newer than version " + VERSION + " that this library reads and writes: use the library release"
          + " that wrote it, or a later one; nothing was changed");
    }
  }

  static Optional<Integer> version(Connection c) throws SQLException {
    if (!tableExists(c, VERSION_TABLE)) {
      return Optional.empty();
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
      if (!rs.next()) {
        return Optional.empty();
      }
      int v = rs.getInt(1);
      return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = md.getTables(c.getCatalog(), null, name, null)) {
        while (rs.next()) {
          if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static void apply(Connection c, Dialect dialect, int version) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        for (String sql : statements(dialect, version)) {
          s.execute(sql);
        }
      }
      c.commit();
    } catch (Throwable t) {
      try {
        c.rollback();
      } catch (Throwable r) {
        t.addSuppressed(r);
      }
      c.setAutoCommit(autoCommit);
      // Another server may have applied the same script meanwhile: then the schema is there.
      if (t instanceof SQLException && version(c).orElse(0) >= version) {
        return;
      }
      throw t;
    }
    c.setAutoCommit(autoCommit);
  }
}
