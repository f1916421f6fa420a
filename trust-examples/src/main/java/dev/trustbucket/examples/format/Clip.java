package dev.trustbucket.examples.format;

import dev.trustbucket.TextRule;

/**
 * The one text clipper of the examples: shortens a user's text to a maximum length for a message,
 * a label or a chart, ending it with {@code "..."} when it had to cut. It never splits a surrogate
 * pair, so a clipped text is still valid UTF-16.
 *
 * <pre>{@code
 * Clip.to("Said yes to a third project", 12)   // "Said yes ..."
 * Clip.to("short", 12)                          // "short"
 * }</pre>
 *
 * <p>{@link #to} keeps the text as it is, for labels a person reads; {@link #visible} first writes
 * it in {@linkplain TextRule#visible visible form}, for a value quoted in an error message, where a
 * control character or a lone surrogate must show rather than act.
 *
 * <p>Stateless and thread-safe.
 */
public final class Clip {
  /** What a clipped text ends with. */
  public static final String ELLIPSIS = "...";

  private Clip() {}

  /**
   * Returns the text when it has at most {@code max} characters, else its first characters and
   * {@link #ELLIPSIS}, {@code max} characters in all (one fewer when the cut would split a
   * surrogate pair).
   *
   * @param text any text
   * @param max the longest result, at least 4
   * @return the text or its clipped start
   * @throws IllegalArgumentException when {@code max} is below 4
   */
  public static String to(String text, int max) {
    requireRoom(max);
    if (text.length() <= max) {
      return text;
    }
    int cut = max - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    return text.substring(0, cut) + ELLIPSIS;
  }

  /**
   * Returns the text in {@linkplain TextRule#visible visible form} when that has at most {@code
   * max} characters, else the visible form of its first code points and {@link #ELLIPSIS}, at most
   * {@code max} characters in all. It never cuts inside an escape or a surrogate pair.
   *
   * @param text any text, even one with control characters or lone surrogates
   * @param max the longest result, at least 4
   * @return the visible form or its clipped start
   * @throws IllegalArgumentException when {@code max} is below 4
   */
  public static String visible(String text, int max) {
    requireRoom(max);
    String whole = TextRule.visible(text);
    if (whole.length() <= max) {
      return whole;
    }
    StringBuilder s = new StringBuilder(max);
    for (int i = 0; i < text.length(); ) {
      int n = Character.charCount(text.codePointAt(i));
      String piece = TextRule.visible(text.substring(i, i + n));
      if (s.length() + piece.length() > max - ELLIPSIS.length()) {
        break;
      }
      s.append(piece);
      i += n;
    }
    return s.append(ELLIPSIS).toString();
  }

  private static void requireRoom(int max) {
    if (max < ELLIPSIS.length() + 1) {
      throw new IllegalArgumentException("max must be at least 4 but was " + max);
    }
  }
}
