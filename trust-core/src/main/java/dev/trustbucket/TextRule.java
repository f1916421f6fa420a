package dev.trustbucket;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.internal.Texts;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for every piece of text the library accepts: event notes, behaviour ids and
 * labels, commitment titles, relationship ids, policy names. Programs that embed the library (an
 * import, a command line, a web form) call the same rule so that what they accept, the library
 * accepts, and what the library accepts, every store can hold exactly.
 *
 * <p>Accepted text is at most a given number of {@code char}s (UTF-16 code units, what {@link
 * String#length()} counts) and contains none of:
 *
 * <ul>
 *   <li><b>lone surrogates</b>: a high surrogate not followed by a low one, or a low one not
 *       preceded by a high one. Such a string is not well-formed UTF-16; an encoder replaces it
 *       (with {@code ?} or U+FFFD), so it could not be stored and read back as it was;
 *   <li><b>line breaks</b>: U+000A, U+000D, U+0085 (next line), U+2028 and U+2029 (line and
 *       paragraph separators). Every text field is one line;
 *   <li><b>control characters</b>: the rest of C0 (U+0000 to U+001F, tab included), U+007F and
 *       the rest of C1 (U+0080 to U+009F). Escape sequences in them clear screens and set window
 *       titles when the text is printed;
 *   <li><b>non-characters</b>: U+FDD0 to U+FDEF and the last two code points of every plane
 *       (U+FFFE, U+FFFF, U+1FFFE, U+1FFFF, ... U+10FFFF). Unicode reserves them for a program's
 *       internal use; XML forbids U+FFFE and U+FFFF, so a document holding them is not
 *       well-formed;
 *   <li><b>bidirectional embeddings, overrides and isolates</b>: U+202A to U+202E and U+2066 to
 *       U+2069. They are <em>rejected</em>, not balanced or stripped: they make text display in
 *       another order than it is stored ("Trojan Source"), and unbalanced ones reorder whatever is
 *       printed after them. The implicit marks U+200E, U+200F and U+061C stay allowed: they only
 *       affect the characters next to them, and right-to-left names need them.
 * </ul>
 *
 * <p>Everything else is accepted: letters of every script, emoji (as surrogate pairs), private-use
 * characters, spaces. Whether a field may be empty or blank is the field's own rule: {@link
 * #check} accepts the empty string, {@link #checkNonBlank} does not.
 *
 * <p>Rejections are {@link InvalidTrustInputException}s whose {@link
 * InvalidTrustInputException#field() field()} is the field given, and whose message names the
 * field, the code point ({@code U+202E}), its position and what kind of character it is, and quotes
 * the text in its {@linkplain #visible(String) visible form}, cut short to 80 characters, so that the message itself never carries the
 * character it rejects.
 */
public final class TextRule {
  private TextRule() {}

  /**
   * Checks that a text follows the rule; the empty string is accepted.
   *
   * @param field the name of the field the text is for, e.g. {@code "note"}
   * @param text the text to check
   * @param maxLength the most {@code char}s the field holds, at least 0
   * @return {@code text}, for use in assignments
   * @throws InvalidTrustInputException when the text is longer than {@code maxLength} or holds a
   *     character the rule refuses; its field is {@code field}
   * @throws NullPointerException when an argument is null
   */
  public static String check(String field, String text, int maxLength) {
    requireNonNull(field, "field");
    requireNonNull(text, field);
    Optional<String> problem = problem(text, maxLength);
    if (problem.isPresent()) {
      throw new InvalidTrustInputException(field, field + " " + problem.get());
    }
    return text;
  }

  /**
   * Checks that a text follows the rule and is not blank (it holds a character other than white
   * space).
   *
   * @param field the name of the field the text is for, e.g. {@code "employee"}
   * @param text the text to check
   * @param maxLength the most {@code char}s the field holds, at least 1
   * @return {@code text}, for use in assignments
   * @throws InvalidTrustInputException when the text is blank, longer than {@code maxLength} or
   *     holds a character the rule refuses; its field is {@code field}
   * @throws NullPointerException when an argument is null
   */
  public static String checkNonBlank(String field, String text, int maxLength) {
    check(field, text, maxLength);
    if (text.isBlank()) {
      throw new InvalidTrustInputException(
          field, field + " must not be blank but was \"" + Texts.clip(text) + "\"");
    }
    return text;
  }

  /**
   * Returns what is wrong with a text under the rule, for callers that report problems in their
   * own way (a file's line number, a form's field).
   *
   * @param text the text to check
   * @param maxLength the most {@code char}s allowed, at least 0
   * @return empty when the text is accepted; otherwise the problem, worded to follow a field name,
   *     e.g. {@code must not contain U+001B (a control character) but had one at character 4 in
   *     "ab\u001Bc"}
   * @throws IllegalArgumentException when {@code maxLength} is negative
   */
  public static Optional<String> problem(String text, int maxLength) {
    requireNonNull(text, "text");
    if (maxLength < 0) {
      throw new IllegalArgumentException("maxLength must be at least 0 but was " + maxLength);
    }
    if (text.length() > maxLength) {
      return Optional.of(String.format(Locale.ROOT,
          "must be at most %d characters but was %d characters long: \"%s\"",
          maxLength, text.length(), Texts.clip(text)));
    }
    int at = firstRefused(text);
    if (at < 0) {
      return Optional.empty();
    }
    int cp = text.codePointAt(at);
    return Optional.of(String.format(Locale.ROOT,
        "must not contain %s (%s) but had one at character %d in \"%s\"",
        codePoint(cp), kind(cp), at, Texts.clip(text)));
  }

  /**
   * Returns whether the rule accepts a code point anywhere in a text. Surrogate code points
   * (U+D800 to U+DFFF) are refused: in a string they are only accepted as a well-formed pair,
   * which is one supplementary code point.
   *
   * @param codePoint any int
   * @return whether the code point may appear in accepted text
   */
  public static boolean isAllowed(int codePoint) {
    if (codePoint < 0x20) {
      return false;
    }
    if (codePoint < 0x7F) {
      return true; // printable ASCII: the common case, decided at once
    }
    if (codePoint <= 0x9F) {
      return false; // DEL and C1
    }
    if (codePoint >= 0x10FFFE) {
      return false; // the last plane's two non-characters, and beyond: not code points
    }
    if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
      return false;
    }
    if (codePoint == 0x2028 || codePoint == 0x2029) {
      return false;
    }
    if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
      return false;
    }
    return !isNonCharacter(codePoint);
  }

  /**
   * Returns the text with every character the rule refuses written as {@code \u005Cu} and four hex
   * digits (a lone surrogate as itself, a supplementary code point as its two surrogates), and
   * every backslash doubled, so that it prints as one harmless line and the original can be read
   * off it.
   *
   * @param text any text
   * @return the visible form, only characters the rule accepts
   */
  public static String visible(String text) {
    return Texts.clip(text, Integer.MAX_VALUE);
  }

  /** The index of the first char the rule refuses, or -1. */
  private static int firstRefused(String text) {
    int i = 0;
    while (i < text.length()) {
      // A well-formed pair is one supplementary code point; a lone surrogate stays a surrogate
      // code point, which isAllowed refuses.
      int cp = text.codePointAt(i);
      if (!isAllowed(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  private static boolean isNonCharacter(int cp) {
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  }

  private static String codePoint(int cp) {
    return String.format(Locale.ROOT, "U+%04X", cp);
  }

  private static String kind(int cp) {
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return "a lone surrogate: the text is not well-formed UTF-16";
    }
    if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      return "a line break: the text must be a single line";
    }
    if (cp <= 0x9F) {
      return "a control character"; // the only other refused code points up to U+009F
    }
    if (isNonCharacter(cp)) {
      return "a non-character";
    }
    return "a bidirectional embedding, override or isolate";
  }
}
