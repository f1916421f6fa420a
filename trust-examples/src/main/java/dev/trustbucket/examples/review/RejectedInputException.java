package dev.trustbucket.examples.review;

import static java.util.Objects.requireNonNull;

/**
 * An import or a recorded event was rejected as a whole: one row broke a rule, so nothing was
 * written. The message names the source (the file name, or {@code record}), the line, the field
 * and what is wrong, e.g. {@code team.csv, line 12, field weight: weight must be a decimal number
 * but was "NaN"; nothing was imported}.
 */
public class RejectedInputException extends ReviewException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String field;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source the file name, or {@code record} for a single event
   * @param line the 1-based line number, or 0 when the input has no lines
   * @param field the field at fault, or {@code line} / {@code file} when the whole line or file is
   * @param problem what is wrong, quoting the value
   * @param cause the library's exception, or {@code null}
   */
  public RejectedInputException(String source, int line, String field, String problem, Throwable cause) {
    super(format(source, line, field, problem), cause);
    this.source = requireNonNull(source, "source");
    this.line = line;
    this.field = requireNonNull(field, "field");
    this.problem = requireNonNull(problem, "problem");
  }

  private static String format(String source, int line, String field, String problem) {
    StringBuilder s = new StringBuilder(source);
    if (line > 0) {
      s.append(", line ").append(line);
    }
    if (!field.equals("line") && !field.equals("file")) {
      s.append(", field ").append(field);
    }
    return s.append(": ").append(problem).append("; nothing was ")
        .append(source.equals(ReviewDatabase.RECORD_SOURCE) ? "recorded" : "imported").toString();
  }

  /**
   * The file name, or {@code record}.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * The 1-based number of the line at fault, or 0.
   *
   * @return the line number
   */
  public int line() {
    return line;
  }

  /**
   * The field at fault: a CSV column name, or {@code line} / {@code file}.
   *
   * @return the field
   */
  public String field() {
    return field;
  }

  /**
   * What is wrong, without the source and line.
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }
}
