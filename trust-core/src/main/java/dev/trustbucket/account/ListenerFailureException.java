package dev.trustbucket.account;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link TrustAccount}'s error handler receives when a {@link TrustListener} throws
 * something other than a {@link RuntimeException}: an {@link Error} such as an {@link
 * AssertionError}, or a checked exception thrown by sleight of hand. The handler takes {@code
 * RuntimeException}s, so the throwable travels as this exception's {@linkplain #getCause()
 * cause}, untouched.
 */
public final class ListenerFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps what a listener threw.
   *
   * @param cause the throwable, never a {@link RuntimeException}
   */
  public ListenerFailureException(Throwable cause) {
    super("a trust listener threw " + requireNonNull(cause, "cause"), cause);
  }
}
