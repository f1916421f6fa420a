package dev.trustbucket.examples.review;

/**
 * The database file cannot be used by this version of the review tool: it was written by a newer
 * version, it is not a review database, or it is not an SQLite file at all. Nothing in it was
 * changed.
 */
public class IncompatibleDatabaseException extends ReviewException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the file cannot be used
   * @param cause the underlying failure, or {@code null}
   */
  public IncompatibleDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
