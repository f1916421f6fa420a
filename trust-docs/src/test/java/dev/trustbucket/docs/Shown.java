package dev.trustbucket.docs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The checks a page's generated program calls: what a comment, a marker or a text block shows must
 * be what the code gives. Each failure names the page and line ({@code where}).
 */
public final class Shown {
  private Shown() {}

  /** The value checks that ran ("page:line") since {@link #reset()}. */
  private static final java.util.Set<String> RAN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static void reset() {
    RAN.clear();
  }

  static boolean ran(String where) {
    return RAN.contains(where);
  }

  private static final Pattern NUMBER = Pattern.compile("[-+\u2212]?\\d[\\d_]*(?:\\.\\d+)?");

  /**
   * The value a trailing comment starts with ({@code // 0.435}, {@code // SUPERVISED}, {@code //
   * "some evidence"}, {@code // true}, {@code // 2025-07-24T10:00:00Z}) against the statement's
   * value. A number is compared after rounding the value to the digits shown (half even); a constant
   * with an enum's name or the value's text; a string, a boolean or an instant with the value's
   * text. A present {@link Optional} is compared by its content.
   */
  public static void value(String where, @Nullable Object actual, String shown) {
    RAN.add(where);
    Object value = actual instanceof Optional<?> o ? o.orElse(null) : actual;
    if (value == null) {
      throw new AssertionError(where + ": the comment says " + shown + " but the value is " + actual);
    }
    boolean same;
    if (NUMBER.matcher(shown).matches()) {
      if (!(value instanceof Number number)) {
        throw new AssertionError(where + ": the comment says " + shown + ", a number, but the value is "
            + value.getClass().getSimpleName() + " " + value);
      }
      BigDecimal expected = new BigDecimal(shown.replace('\u2212', '-').replace("_", "").replace("+", ""));
      BigDecimal exact = number instanceof Double || number instanceof Float
          ? new BigDecimal(number.doubleValue())
          : new BigDecimal(number.toString());
      same = exact.setScale(Math.max(expected.scale(), 0), RoundingMode.HALF_EVEN).compareTo(expected) == 0;
    } else if (shown.startsWith("\"")) {
      same = unquoted(shown).equals(String.valueOf(value));
    } else if (value instanceof Enum<?> e) {
      same = e.name().equals(shown);
    } else {
      same = shown.equals(String.valueOf(value));
    }
    if (!same) {
      throw new AssertionError(where + ": the comment says " + shown + " but the value is " + value);
    }
  }

  /** A block marked {@code <!-- throws Type -->} must throw exactly that type, its message starting so. */
  public static void threw(String where, @Nullable Throwable thrown, String type, @Nullable String messageStart) {
    if (thrown == null) {
      throw new AssertionError(where + ": the page says this block throws " + type + " but it threw nothing");
    }
    Class<?> c = thrown.getClass();
    if (!(c.getName().equals(type) || c.getSimpleName().equals(type))) {
      throw new AssertionError(where + ": the page says this block throws " + type + " but it threw " + thrown, thrown);
    }
    String message = String.valueOf(thrown.getMessage());
    if (messageStart != null && !message.startsWith(messageStart)) {
      throw new AssertionError(where + ": the page says the message starts with \"" + messageStart
          + "\" but it is \"" + message + "\"", thrown);
    }
  }

  /**
   * A text block marked {@code <!-- shows expression -->} against the expression's value: a string,
   * or the elements of a list one per line. A tab in the value matches {@code →} on the page, and
   * {@code …} on the page stands for any run of characters within a line.
   */
  public static void text(String where, @Nullable Object actual, String shown) {
    String text;
    if (actual instanceof Iterable<?> items) {
      text = StreamSupport.stream(items.spliterator(), false).map(String::valueOf).collect(Collectors.joining("\n"));
    } else {
      text = String.valueOf(actual);
    }
    List<String> got = text.replace("\r\n", "\n").replace('\t', '\u2192').lines().toList();
    List<String> want = shown.lines().toList();
    int n = Math.max(got.size(), want.size());
    for (int i = 0; i < n; i++) {
      String g = i < got.size() ? got.get(i) : null;
      String w = i < want.size() ? want.get(i) : null;
      if (g == null || w == null || !matches(w, g)) {
        throw new AssertionError(where + ": line " + (i + 1) + " of the block shows\n  " + w
            + "\nbut the value's line is\n  " + g + "\nThe whole value:\n" + text);
      }
    }
  }

  private static boolean matches(String shown, String actual) {
    String[] parts = shown.split("\u2026", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(parts[i].replace('\t', '\u2192')));
    }
    return Pattern.compile(regex.toString()).matcher(actual).matches();
  }

  /** The text a Java string literal stands for. */
  static String unquoted(String literal) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char next = literal.charAt(++i);
      switch (next) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'u' -> {
          b.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(next);
      }
    }
    return b.toString();
  }
}
