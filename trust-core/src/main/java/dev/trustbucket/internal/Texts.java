package dev.trustbucket.internal;

/**
 * Text helpers for error messages.
 *
 * <p>Messages quote the value they reject. A value read from outside may be enormous (a 1 MB line
 * of junk), so every quote goes through {@link #clip(String)} and a message stays readable.
 */
public final class Texts {
  /** The longest quote, in characters, before it is cut short with {@code ...}. */
  public static final int MAX_QUOTE = 80;

  private Texts() {}

  /**
   * Returns the text, or its first 77 characters followed by {@code ...} when it is longer than
   * {@value #MAX_QUOTE}.
   *
   * @param text any text
   * @return at most {@value #MAX_QUOTE} characters
   */
  public static String clip(String text) {
    return clip(text, MAX_QUOTE);
  }

  /**
   * Returns the text, or its first {@code max - 3} characters followed by {@code ...} when it is
   * longer than {@code max}.
   *
   * @param text any text
   * @param max the longest result, at least 3
   * @return at most {@code max} characters
   */
  public static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }

  /**
   * Escapes backslash, tab, line feed and carriage return as {@code \\}, {@code \t}, {@code \n},
   * {@code \r}, so that any text fits in one tab-separated field of one line.
   *
   * @param s any text
   * @return the escaped text
   */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          b.append("\\\\");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }
}
