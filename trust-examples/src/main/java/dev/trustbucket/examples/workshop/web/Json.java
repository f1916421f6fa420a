package dev.trustbucket.examples.workshop.web;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259) for the page's API: objects, arrays, strings, finite
 * numbers, booleans and null, with the commas and escapes placed for the caller. The server only
 * writes JSON (requests come as form fields), so it needs no parser; a writer of this size is
 * easier to check than a library with its own dependencies to pin.
 *
 * <p>Strings escape {@code "}, {@code \}, every control character and the line separators U+2028
 * and U+2029; a lone surrogate becomes U+FFFD, so the output is always valid UTF-8 when encoded.
 * Numbers must be finite: NaN and infinities have no JSON form and are refused. Misuse (a value
 * where a name is due, a name outside an object, unbalanced ends) throws {@link
 * IllegalStateException}. Not thread-safe.
 */
final class Json {
  /** An open container: an object or an array, and whether it holds an element yet. */
  private static final class Frame {
    final boolean object;
    boolean nonEmpty;

    Frame(boolean object) {
      this.object = object;
    }
  }

  private final StringBuilder out = new StringBuilder(4096);
  private final Deque<Frame> frames = new ArrayDeque<>();
  /** Whether a name was just written and its value is due. */
  private boolean nameWritten;
  private boolean done;

  /** Starts an object, as a value. */
  Json beginObject() {
    beforeValue();
    out.append('{');
    frames.push(new Frame(true));
    return this;
  }

  /** Ends the innermost object. */
  Json endObject() {
    return end(true, '}');
  }

  /** Starts an array, as a value. */
  Json beginArray() {
    beforeValue();
    out.append('[');
    frames.push(new Frame(false));
    return this;
  }

  /** Ends the innermost array. */
  Json endArray() {
    return end(false, ']');
  }

  /** Writes a member's name; its value comes next. */
  Json name(String name) {
    Frame f = frames.peek();
    if (f == null || !f.object || nameWritten) {
      throw new IllegalStateException("a name belongs in an object, before its value: " + name);
    }
    if (f.nonEmpty) {
      out.append(',');
    }
    string(name);
    out.append(':');
    nameWritten = true;
    return this;
  }

  /** Writes a string value. */
  Json value(String text) {
    beforeValue();
    string(text);
    afterValue();
    return this;
  }

  /** Writes a finite number. */
  Json value(double number) {
    if (!Double.isFinite(number)) {
      throw new IllegalArgumentException("JSON has no form for " + number);
    }
    beforeValue();
    out.append(number == Math.rint(number) && Math.abs(number) < 1e15
        ? Long.toString((long) number)
        : BigDecimal.valueOf(number).toString());
    afterValue();
    return this;
  }

  /** Writes a whole number. */
  Json value(long number) {
    beforeValue();
    out.append(number);
    afterValue();
    return this;
  }

  /** Writes a boolean. */
  Json value(boolean b) {
    beforeValue();
    out.append(b);
    afterValue();
    return this;
  }

  /** Writes null. */
  Json nullValue() {
    beforeValue();
    out.append("null");
    afterValue();
    return this;
  }

  /** A member with a string value. */
  Json field(String name, String text) {
    return name(name).value(text);
  }

  /** A member with a number value. */
  Json field(String name, double number) {
    return name(name).value(number);
  }

  /** A member with a whole number value. */
  Json field(String name, long number) {
    return name(name).value(number);
  }

  /** A member with a boolean value. */
  Json field(String name, boolean b) {
    return name(name).value(b);
  }

  /**
   * Returns the document.
   *
   * @throws IllegalStateException when a container is still open or nothing was written
   */
  @Override
  public String toString() {
    if (!frames.isEmpty() || !done) {
      throw new IllegalStateException("the JSON document is not complete");
    }
    return out.toString();
  }

  private Json end(boolean object, char close) {
    Frame f = frames.peek();
    if (f == null || f.object != object || nameWritten) {
      throw new IllegalStateException("cannot close " + (object ? "an object" : "an array") + " here");
    }
    frames.pop();
    out.append(close);
    afterValue();
    return this;
  }

  private void beforeValue() {
    if (done) {
      throw new IllegalStateException("the JSON document already has its value");
    }
    Frame f = frames.peek();
    if (f != null && f.object && !nameWritten) {
      throw new IllegalStateException("a value in an object needs a name first");
    }
    if (f != null && !f.object && f.nonEmpty) {
      out.append(',');
    }
    nameWritten = false;
  }

  private void afterValue() {
    Frame f = frames.peek();
    if (f == null) {
      done = true;
    } else {
      f.nonEmpty = true;
    }
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
