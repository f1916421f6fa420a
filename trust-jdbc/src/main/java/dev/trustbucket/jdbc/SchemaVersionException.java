package dev.trustbucket.jdbc;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The database holds no trust bucket schema, or one of a version this library does not write:
 * a newer one (written by a later release) or an older one that needs {@link
 * TrustSchema#migrate}. Nothing in the database was changed.
 */
public final class SchemaVersionException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /** The version found, or null when there is no schema. */
  private final @Nullable Integer found;

  /**
   * Creates the exception.
   *
   * @param found the version found, or null when there is none
   * @param message what to do about it
   */
  public SchemaVersionException(@Nullable Integer found, String message) {
    super(null, message, null);
    this.found = found;
  }

  /**
   * The schema version found in the database.
   *
   * @return the version, or empty when the database holds no trust bucket schema
   */
  public Optional<Integer> found() {
    return Optional.ofNullable(found);
  }

  /**
   * The schema version this library reads and writes.
   *
   * @return {@link TrustSchema#VERSION}
   */
  public int supported() {
    return TrustSchema.VERSION;
  }
}
