package dev.trustbucket.examples.workshop.web;

import static java.util.Objects.requireNonNull;

/**
 * A request the server refuses with status 400: the message names the field and says what was
 * wrong with its value, and the page shows it as it is. Nothing of the session was changed.
 */
final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The form field (or query parameter) that was wrong. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the field that was wrong, e.g. {@code "weight"}
   * @param message what was wrong, naming the field and the value
   */
  BadRequestException(String field, String message) {
    super(requireNonNull(message, "message"));
    this.field = requireNonNull(field, "field");
  }

  /** The form field that was wrong. */
  String field() {
    return field;
  }
}
