package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Thrown when a scenario file cannot be used: it names the file, the line and what is wrong with
 * it, like a compiler does ({@code scenarios/mine.txt:12: unknown behaviour "mised-deadline"; did
 * you mean "missed-deadline"?}).
 *
 * <p>A file is read, checked and validated as a whole before anything is run, so one exception
 * reports every problem found (up to {@link #MAX_PROBLEMS}); {@link #line()} and {@link #problem()}
 * describe the first. Line numbers count from 1; line 0 stands for the file as a whole (it could
 * not be read, or it is too large).
 */
public final class ScenarioFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The most problems one exception lists. */
  public static final int MAX_PROBLEMS = 20;

  /**
   * One thing wrong with a file.
   *
   * @param line the line number, from 1; 0 for the whole file
   * @param message what is wrong, without the file name or line number
   */
  public record Problem(int line, String message) implements java.io.Serializable {
    /** Checks the fields. */
    public Problem {
      requireNonNull(message, "message");
      if (line < 0) {
        throw new IllegalArgumentException("line must not be negative but was " + line);
      }
    }
  }

  private final String file;
  private final List<Problem> problems;
  private final int omitted;

  /**
   * Creates an exception about one line.
   *
   * @param file the file name as the user gave it
   * @param line the line number, from 1; 0 for the whole file
   * @param message what is wrong
   */
  public ScenarioFormatException(String file, int line, String message) {
    this(file, List.of(new Problem(line, message)), 0, null);
  }

  /**
   * Creates an exception about one line, caused by another exception.
   *
   * @param file the file name as the user gave it
   * @param line the line number, from 1; 0 for the whole file
   * @param message what is wrong
   * @param cause the underlying failure, such as an {@link java.io.IOException}
   */
  public ScenarioFormatException(String file, int line, String message, Throwable cause) {
    this(file, List.of(new Problem(line, message)), 0, cause);
  }

  /**
   * Creates an exception listing several problems, the first {@link #MAX_PROBLEMS} of them.
   *
   * @param file the file name as the user gave it
   * @param problems at least one problem, in the order found
   */
  public ScenarioFormatException(String file, List<Problem> problems) {
    this(
        file,
        List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))),
        Math.max(0, problems.size() - MAX_PROBLEMS),
        null);
  }

  private ScenarioFormatException(String file, List<Problem> problems, int omitted, Throwable cause) {
    super(format(file, problems, omitted), cause);
    this.file = file;
    this.problems = problems;
    this.omitted = omitted;
  }

  private static String format(String file, List<Problem> problems, int omitted) {
    requireNonNull(file, "file");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems must not be empty");
    }
    StringBuilder out = new StringBuilder();
    for (Problem p : problems) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(file).append(':');
      if (p.line() > 0) {
        out.append(p.line()).append(':');
      }
      out.append(' ').append(p.message());
    }
    if (omitted > 0) {
      out.append('\n').append(file).append(": ... and ").append(omitted)
          .append(omitted == 1 ? " more problem" : " more problems");
    }
    return out.toString();
  }

  /**
   * Returns the file name as the user gave it.
   *
   * @return the file name
   */
  public String file() {
    return file;
  }

  /**
   * Returns the line of the first problem.
   *
   * @return a line number from 1, or 0 for the whole file
   */
  public int line() {
    return problems.get(0).line();
  }

  /**
   * Returns what is wrong on the first problem's line, without the file name and line number.
   *
   * @return the first problem's message
   */
  public String problem() {
    return problems.get(0).message();
  }

  /**
   * Returns the problems listed, in the order found.
   *
   * @return one to {@link #MAX_PROBLEMS} problems
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Returns how many further problems were found but not listed.
   *
   * @return zero unless there were more than {@link #MAX_PROBLEMS}
   */
  public int omitted() {
    return omitted;
  }
}
