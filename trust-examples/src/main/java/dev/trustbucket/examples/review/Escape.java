package dev.trustbucket.examples.review;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import dev.trustbucket.TextRule;

/**
 * The one place where the review tool makes stored text safe to show: every id, note, file name
 * and message that reaches a terminal or an HTML page goes through here.
 *
 * <p>The tool refuses unsafe text on the way in with the library's {@link TextRule}, but a
 * database edited by hand or written by an older version may still hold it, so the output is
 * escaped as well, by the same rule:
 *
 * <ul>
 *   <li>{@link #terminal}: every character the rule refuses (C0 and C1 controls such as ESC and
 *       BEL, line breaks, bidi overrides such as U+202E, non-characters such as U+FFFF, lone
 *       surrogates) is written as {@code \}{@code uXXXX}, the form {@link TextRule#visible} uses,
 *       so the text prints as one harmless line that cannot clear a screen, set a window title or
 *       reorder what follows. Backslashes are left alone, so escaping twice changes nothing (a
 *       message that already quotes a value visibly is printed as it is);
 *   <li>{@link #html}: every character the rule refuses becomes U+FFFD (XML forbids U+FFFF and
 *       most controls, so a page holding them is not well-formed), then Guava's {@link
 *       HtmlEscapers#htmlEscaper()} escapes {@code & < > " '}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Escape {
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();

  private Escape() {}

  /**
   * Makes one line of text safe to print on a terminal.
   *
   * @param text any text
   * @return the text with every character {@link TextRule} refuses written as {@code \}{@code uXXXX}
   */
  public static String terminal(String text) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (!TextRule.isAllowed(cp)) {
        if (s == null) {
          s = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        for (int k = i; k < i + n; k++) {
          s.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) text.charAt(k)));
        }
      } else if (s != null) {
        s.append(text, i, i + n);
      }
      i += n;
    }
    return s == null ? text : s.toString();
  }

  /**
   * Like {@link #terminal}, but keeps line breaks and tabs: for multi-line text whose layout the
   * tool wrote itself, with stored values inside.
   *
   * @param text any text
   * @return the escaped text
   */
  public static String terminalText(String text) {
    StringBuilder s = new StringBuilder(text.length());
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\t') {
        s.append(terminal(text.substring(from, i))).append(c);
        from = i + 1;
      }
    }
    return s.append(terminal(text.substring(from))).toString();
  }

  /**
   * Makes text safe as HTML or XML element content or as a quoted attribute value.
   *
   * @param text any text
   * @return the escaped text, well-formed in XML 1.0 too
   */
  public static String html(String text) {
    StringBuilder s = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (!TextRule.isAllowed(cp) && cp != '\n' && cp != '\t') {
        if (s == null) {
          s = new StringBuilder(text.length()).append(text, 0, i);
        }
        s.append('\uFFFD');
      } else if (s != null) {
        s.append(text, i, i + n);
      }
      i += n;
    }
    return HTML.escape(s == null ? text : s.toString());
  }
}
