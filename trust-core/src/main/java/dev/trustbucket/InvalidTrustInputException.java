package dev.trustbucket;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value handed to the library breaks one of its rules: a weight that is NaN or
 * negative, an event earlier than the last one applied, a behaviour the policy does not know, a
 * policy setting out of range, a damaged serialised record.
 *
 * <p>The message always names the offending field and quotes its value, and {@link #field()}
 * gives the field name to programs. Whatever operation threw it left every object it touched
 * exactly as it was.
 */
public class InvalidTrustInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The name of the offending field, as returned by {@link #field()}. */
  private final String field;

  /**
   * Creates an exception about one field.
   *
   * @param field the name of the offending field, e.g. {@code "weight"}
   * @param message the full message, which names the field and quotes the value
   */
  public InvalidTrustInputException(String field, String message) {
    super(requireNonNull(message, "message"));
    this.field = requireNonNull(field, "field");
  }

  /**
   * Creates an exception about one field, caused by another exception (e.g. a parse failure).
   *
   * @param field the name of the offending field
   * @param message the full message, which names the field and quotes the value
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidTrustInputException(String field, String message, @Nullable Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.field = requireNonNull(field, "field");
  }

  /**
   * Returns the name of the field whose value was rejected.
   *
   * @return the field name, never empty
   */
  public String field() {
    return field;
  }

  /**
   * Throws when {@code condition} is false, with a message formatted only on failure.
   *
   * @param condition the rule that must hold
   * @param field the field the rule is about
   * @param template a {@link String#format} template that names the field and quotes the value
   * @param args the template arguments
   * @throws InvalidTrustInputException when {@code condition} is false
   */
  public static void check(boolean condition, String field, String template, Object... args) {
    if (!condition) {
      throw new InvalidTrustInputException(field, String.format(java.util.Locale.ROOT, template, args));
    }
  }

  /**
   * Checks that a number is finite, above zero and at most {@code max}.
   *
   * @param value the number to check
   * @param field the name of the field it comes from
   * @param max the largest allowed value
   * @return {@code value}, for use in assignments
   * @throws InvalidTrustInputException when {@code value} is NaN, infinite, zero or less, or
   *     above {@code max}
   */
  public static double checkPositive(double value, String field, double max) {
    if (!(value > 0.0 && value <= max)) { // also false for NaN
      throw new InvalidTrustInputException(
          field,
          String.format(
              java.util.Locale.ROOT, "%s must be a finite number in (0, %s] but was %s", field, max, value));
    }
    return value;
  }

  /**
   * Checks that a number is finite and within {@code [min, max]}.
   *
   * @param value the number to check
   * @param field the name of the field it comes from
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @return {@code value}, for use in assignments
   * @throws InvalidTrustInputException when {@code value} is NaN, infinite or out of range
   */
  public static double checkRange(double value, String field, double min, double max) {
    if (!(value >= min && value <= max)) { // also false for NaN
      throw new InvalidTrustInputException(
          field,
          String.format(
              java.util.Locale.ROOT,
              "%s must be a finite number in [%s, %s] but was %s",
              field,
              min,
              max,
              value));
    }
    return value;
  }
}
