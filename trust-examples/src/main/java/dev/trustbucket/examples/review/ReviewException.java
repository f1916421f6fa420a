package dev.trustbucket.examples.review;

/**
 * Something the review tool cannot do with the input it was given: a rejected import, a database
 * it must not touch, a storage failure. The message is meant for the person at the keyboard.
 */
public class ReviewException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, for a person
   */
  public ReviewException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, for a person
   * @param cause the underlying failure
   */
  public ReviewException(String message, Throwable cause) {
    super(message, cause);
  }
}
