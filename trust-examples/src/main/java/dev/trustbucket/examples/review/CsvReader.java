package dev.trustbucket.examples.review;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, strict reader of RFC-4180-style CSV, one record per line.
 *
 * <ul>
 *   <li>The input is UTF-8 (a leading byte-order mark is skipped); lines end with {@code \n} or
 *       {@code \r\n}; the last line may lack a terminator.
 *   <li>A field is either unquoted (surrounding spaces are trimmed, and it may not contain a
 *       quote) or quoted: {@code "Fixed the ""flaky"" test, at last"} holds commas and doubled
 *       quotes. Spaces around a quoted field are ignored.
 *   <li>Fields may not span lines: a quote left open at the end of a line is an error, as is any
 *       control character other than tab.
 *   <li>A line may be at most {@value #MAX_LINE_LENGTH} characters; a longer one is rejected
 *       without reading the rest of it into memory, so binary junk cannot exhaust the heap.
 * </ul>
 *
 * <p>Every problem is a {@link CsvFormatException} with the line number and, where it applies,
 * the 1-based field number. Not thread-safe.
 */
public final class CsvReader implements Closeable {
  /** The longest line accepted, in characters. */
  public static final int MAX_LINE_LENGTH = 10_000;

  /** A UTF-8 character takes at most four bytes. */
  private static final int MAX_LINE_BYTES = MAX_LINE_LENGTH * 4;

  /** A line that could not be read or split. */
  public static final class CsvFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int field;

    /**
     * Creates the exception.
     *
     * @param line the 1-based line number
     * @param field the 1-based field number, or 0 when the whole line is at fault
     * @param message what is wrong
     */
    public CsvFormatException(int line, int field, String message) {
      super(message);
      this.line = line;
      this.field = field;
    }

    /**
     * The 1-based line number.
     *
     * @return the line
     */
    public int line() {
      return line;
    }

    /**
     * The 1-based field number, or 0 when the whole line is at fault.
     *
     * @return the field
     */
    public int field() {
      return field;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private int lineNumber;
  private boolean atEnd;

  /**
   * Reads from a stream, which {@link #close()} closes.
   *
   * @param in the bytes of the file
   */
  public CsvReader(InputStream in) {
    this.in = new BufferedInputStream(requireNonNull(in, "in"));
  }

  /**
   * The number of the line last returned by {@link #nextLine()}, from 1; 0 before the first.
   *
   * @return the line number
   */
  public int lineNumber() {
    return lineNumber;
  }

  /**
   * Reads the next line, without its terminator.
   *
   * @return the line, or {@code null} at the end of the input
   * @throws IOException when the stream fails
   * @throws CsvFormatException when the line is too long, not UTF-8, or holds a control character
   */
  public String nextLine() throws IOException, CsvFormatException {
    if (atEnd) {
      return null;
    }
    buffer.reset();
    int b;
    boolean tooLong = false;
    while ((b = in.read()) != -1 && b != '\n') {
      if (buffer.size() < MAX_LINE_BYTES + 1) {
        buffer.write(b);
      } else {
        tooLong = true; // keep counting to the end of the line, but store nothing more
      }
    }
    if (b == -1) {
      atEnd = true;
      if (buffer.size() == 0 && !tooLong) {
        return null; // the file ended with a line terminator, or was empty
      }
    }
    lineNumber++;
    if (tooLong || buffer.size() > MAX_LINE_BYTES) {
      throw new CsvFormatException(lineNumber, 0, "line is longer than " + MAX_LINE_LENGTH + " characters");
    }
    byte[] bytes = buffer.toByteArray();
    int from = 0;
    if (lineNumber == 1 && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      from = 3; // UTF-8 byte-order mark
    }
    int to = bytes.length;
    if (to > from && bytes[to - 1] == '\r') {
      to--;
    }
    String line;
    try {
      line = decoder.reset().decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      throw new CsvFormatException(lineNumber, 0, "line is not UTF-8 text; is this a CSV file?");
    }
    if (line.length() > MAX_LINE_LENGTH) {
      throw new CsvFormatException(lineNumber, 0, "line is longer than " + MAX_LINE_LENGTH + " characters");
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new CsvFormatException(lineNumber, 0, String.format(Locale.ROOT,
            "line holds the control character U+%04X at position %d (%s); is this a CSV file?",
            (int) c, i + 1, c == '\r' ? "a line break inside a field is not supported" : "not text"));
      }
    }
    return line;
  }

  /**
   * Splits one line into fields.
   *
   * @param line a line without its terminator
   * @param lineNumber the line's number, for messages
   * @return the fields, at least one
   * @throws CsvFormatException when a quote is misplaced or left open
   */
  public static List<String> split(String line, int lineNumber) throws CsvFormatException {
    requireNonNull(line, "line");
    List<String> fields = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (true) {
      int field = fields.size() + 1;
      int start = i;
      while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new CsvFormatException(lineNumber, field,
                "quoted field is not closed on this line (line breaks inside fields are not supported)");
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              s.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            s.append(c);
            i++;
          }
        }
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
          i++;
        }
        if (i < n && line.charAt(i) != ',') {
          throw new CsvFormatException(lineNumber, field,
              "unexpected text after the closing quote; write a quote inside a quoted field as \"\"");
        }
        fields.add(s.toString());
      } else {
        int comma = line.indexOf(',', start);
        int end = comma < 0 ? n : comma;
        String raw = line.substring(start, end);
        if (raw.indexOf('"') >= 0) {
          throw new CsvFormatException(lineNumber, field,
              "a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
        }
        fields.add(raw.strip());
        i = end;
      }
      if (i >= n) {
        return fields;
      }
      i++; // the comma
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
