package dev.trustbucket.io;

import dev.trustbucket.InvalidTrustInputException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a serialised record cannot be read: an unknown format version, a missing or
 * damaged field, a value out of range, an event count or checksum that does not match the lines,
 * a missing trailer. The message starts with the line number (counting from
 * 1) and names the field; nothing from the damaged input has been kept.
 */
public class MalformedRecordException extends InvalidTrustInputException {
  private static final long serialVersionUID = 1L;

  /** The 1-based number of the damaged line, as returned by {@link #line()}. */
  private final int line;

  /**
   * Creates the exception.
   *
   * @param line the 1-based line number of the damaged record
   * @param field the field that could not be read
   * @param message what is wrong, naming the field and quoting the value
   * @param cause the underlying failure, or {@code null}
   */
  public MalformedRecordException(int line, String field, String message, @Nullable Throwable cause) {
    super(field, "line " + line + ": " + message, cause);
    this.line = line;
  }

  /**
   * The 1-based number of the line that could not be read.
   *
   * @return the line number
   */
  public int line() {
    return line;
  }
}
