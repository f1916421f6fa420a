package dev.trustbucket.internal;

import dev.trustbucket.TextRule;
import java.util.Locale;

/**
 * Text helpers for error messages.
 *
 * <p>Messages quote the value they reject. A value read from outside may be enormous (a 1 MB line
 * of junk) or hold characters that a terminal or a log viewer acts on (an escape sequence, a
 * bidirectional override), so every quote goes through {@link #clip(String)}: a message stays
 * readable, and it only holds characters that {@link TextRule} accepts.
 */
public final class Texts {
  /** The longest quote, in characters, before it is cut short with {@code ...}. */
  public static final int MAX_QUOTE = 80;

  private Texts() {}

  /**
   * Returns the text in its {@linkplain TextRule#visible(String) visible form} (every character
   * that {@link TextRule} refuses written as {@code \u005Cu} and four hex digits, backslashes
   * doubled), cut short with {@code ...} when it would be longer than {@value #MAX_QUOTE}.
   *
   * @param text any text
   * @return at most {@value #MAX_QUOTE} characters, all accepted by {@link TextRule}
   */
  public static String clip(String text) {
    return clip(text, MAX_QUOTE);
  }

  /**
   * Returns the text in its visible form, cut short to at most {@code max} characters with {@code
   * ...} at the end when it is longer; an escape or a surrogate pair is never cut in two.
   *
   * @param text any text
   * @param max the longest result, at least 3
   * @return at most {@code max} characters, all accepted by {@link TextRule}
   */
  public static String clip(String text, int max) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 16);
    int fits = 0; // the length of b at the last piece boundary within max - 3
    int i = 0;
    while (i < text.length() && b.length() <= max) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (cp == '\\') {
        b.append("\\\\");
      } else if (TextRule.isAllowed(cp)) {
        b.append(text, i, i + n);
      } else {
        for (int k = i; k < i + n; k++) {
          b.append(String.format(Locale.ROOT, "\\u%04X", (int) text.charAt(k)));
        }
      }
      if (b.length() <= max - 3) {
        fits = b.length();
      }
      i += n;
    }
    if (i == text.length() && b.length() <= max) {
      return b.toString();
    }
    return b.substring(0, fits) + "...";
  }
}
