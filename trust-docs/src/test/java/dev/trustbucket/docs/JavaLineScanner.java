package dev.trustbucket.docs;

import java.util.function.IntConsumer;

/**
 * Walks one line of Java and tells code from the rest: string and character literals (their quotes
 * included) and a trailing {@code //} comment are not code. The docs runner uses it to find where a
 * line's comment starts and which braces of a line open or close a block.
 *
 * <p>It sees one line at a time, so it knows nothing of what earlier lines opened: the lines inside a
 * text block or a block comment are read as code. Pages do not use either in their
 * Java blocks.
 */
final class JavaLineScanner {
  private JavaLineScanner() {}

  /**
   * Calls {@code code} with the index of each character of code in {@code line}, in order, and returns
   * where the line's {@code //} comment starts, or -1 when it has none. Inside a literal a backslash
   * escapes the next character, so {@code "a\"b"} and {@code '\''} are one literal each.
   */
  static int scan(String line, IntConsumer code) {
    char quote = 0; // the quote of the literal we are in, or 0 outside literals
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (line.startsWith("//", i)) {
        return i;
      } else {
        code.accept(i);
      }
    }
    return -1;
  }

  /** Where a {@code //} comment starts in {@code line}, outside string and character literals; or -1. */
  static int commentStart(String line) {
    return scan(line, i -> { });
  }
}
