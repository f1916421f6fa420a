package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the store runs on. Each has its own schema scripts under {@code
 * db/trustbucket/<folder>/} in the jar; the store finds the dialect from the connection's
 * metadata.
 */
public enum Dialect {
  /** PostgreSQL 12 or newer. */
  POSTGRESQL("postgresql"),
  /** H2 2.x, embedded or server. */
  H2("h2"),
  /** SQLite 3.35 or newer (through the xerial driver). */
  SQLITE("sqlite");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /**
   * The folder of this dialect's scripts in the jar, ready for Flyway's {@code locations}.
   *
   * @return e.g. {@code db/trustbucket/postgresql}
   */
  public String scriptFolder() {
    return "db/trustbucket/" + folder;
  }

  /**
   * The resource path of one schema script.
   *
   * @param version the schema version, from 1 to {@link TrustSchema#VERSION}
   * @return e.g. {@code db/trustbucket/postgresql/V1__trust_bucket.sql}
   * @throws IllegalArgumentException when no such version exists
   */
  public String script(int version) {
    if (version < 1 || version > TrustSchema.VERSION) {
      throw new IllegalArgumentException(
          "version must be in [1, " + TrustSchema.VERSION + "] but was " + version);
    }
    return scriptFolder() + "/V" + version + "__trust_bucket.sql";
  }

  /**
   * Finds the dialect of a connection from its metadata.
   *
   * @param connection an open connection
   * @return the dialect
   * @throws TrustStoreException when the database is none of the supported ones
   * @throws SQLException when the metadata cannot be read
   */
  public static Dialect of(Connection connection) throws SQLException {
    String product = requireNonNull(connection, "connection").getMetaData().getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (p.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (p.equals("h2")) {
      return H2;
    }
    if (p.contains("sqlite")) {
      return SQLITE;
    }
    throw new TrustStoreException(null, "database \"" + product
        + "\" is not supported: the store runs on PostgreSQL, H2 and SQLite", null);
  }
}
