package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Shared checks of the hostile-input properties: an attempt must end in the library's own
 * documented exception, with a short message that names the field; anything else (an accepted
 * input, a {@code NullPointerException}, {@code NumberFormatException}, {@code
 * ArithmeticException}, ...) fails with the leaked exception as the cause.
 */
public final class HostileInput {
  /** The longest acceptable message: an enormous input must be clipped, not echoed. */
  public static final int MAX_MESSAGE_LENGTH = 2_000;

  private HostileInput() {}

  /**
   * Runs {@code attempt} and returns the exception it must throw.
   *
   * @param type the documented exception type
   * @param what what was attempted, for the failure message
   * @param attempt the call
   * @param <T> the exception type
   * @return the exception, of type {@code type}, with a short message
   */
  public static <T extends RuntimeException> T rejected(Class<T> type, String what, ThrowingCallable attempt) {
    return rejected(type, what, catchThrowable(attempt));
  }

  /**
   * Checks what an attempt threw.
   *
   * @param type the documented exception type
   * @param what what was attempted, for the failure message
   * @param thrown what it threw, or {@code null} when it returned
   * @param <T> the exception type
   * @return the exception, of type {@code type}, with a short message
   */
  public static <T extends Throwable> T rejected(Class<T> type, String what, Throwable thrown) {
    if (thrown == null) {
      throw new AssertionError(what + ": was accepted, but must throw " + type.getSimpleName());
    }
    if (!type.isInstance(thrown)) {
      throw new AssertionError(
          what + ": leaked " + thrown.getClass().getName() + " instead of " + type.getSimpleName() + ": "
              + clip(String.valueOf(thrown.getMessage())),
          thrown);
    }
    T t = type.cast(thrown);
    assertThat(t.getMessage()).as("message of %s", what).isNotBlank().hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
    return t;
  }

  /**
   * Checks that {@code e} is about {@code field} and says so in its message.
   *
   * @param e the exception
   * @param field the field it must name
   * @return {@code e}
   */
  public static InvalidTrustInputException names(InvalidTrustInputException e, String field) {
    assertThat(e.field()).as("field of: %s", e.getMessage()).isEqualTo(field);
    assertThat(e.getMessage()).contains(field);
    return e;
  }

  /**
   * Random bytes decoded as ISO-8859-1: every byte becomes one character, control characters,
   * tabs and line breaks included. Always holds at least one character outside printable ASCII,
   * so it can never be mistaken for a number, an instant or an id.
   *
   * @param random the source
   * @param maxLength the longest junk, at least 1
   * @return the junk
   */
  public static String junk(Random random, int maxLength) {
    byte[] bytes = new byte[1 + random.nextInt(maxLength)];
    random.nextBytes(bytes);
    int at = random.nextInt(bytes.length);
    bytes[at] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x20));
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * Shortens text for a failure message.
   *
   * @param s any text
   * @return at most 200 characters of it
   */
  public static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 197) + "...";
  }
}
