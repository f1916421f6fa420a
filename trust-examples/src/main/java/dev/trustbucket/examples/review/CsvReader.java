package dev.trustbucket.examples.review;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the review tool's CSV: one record per line, its fields split by Apache Commons CSV
 * ({@link CSVFormat#RFC4180}, with spaces around fields ignored).
 *
 * <p>This class only bounds what is read; Commons CSV does the parsing. The bounds hold whatever
 * the input is (a 1 GB file, {@code /dev/zero}, a stream that never ends), because they count
 * bytes as they are read, never a size the file system reports:
 *
 * <ul>
 *   <li>at most {@value #MAX_BYTES} bytes in all, and at most {@value #MAX_LINES} lines;
 *   <li>at most {@value #MAX_LINE_LENGTH} characters a line; a longer line is rejected without
 *       keeping the rest of it in memory;
 *   <li>UTF-8 only (a leading byte-order mark is skipped); lines end with {@code \n} or {@code
 *       \r\n};
 *   <li>no control character other than tab: that is binary junk, not a CSV file. A record may
 *       therefore not span lines: a quote left open at the end of its line is an error.
 * </ul>
 *
 * <p>Every problem is a {@link CsvFormatException} with the line number. Not thread-safe.
 */
public final class CsvReader implements Closeable {
  /** The longest line accepted, in characters. */
  public static final int MAX_LINE_LENGTH = 10_000;

  /** The largest input accepted, in bytes (32 MiB), counted as they are read. */
  public static final long MAX_BYTES = 32L << 20;

  /** The most lines accepted, the header included: 250,000 rows. */
  public static final int MAX_LINES = 250_001;

  /** A UTF-8 character takes at most four bytes. */
  private static final int MAX_LINE_BYTES = MAX_LINE_LENGTH * 4;

  /** RFC 4180 (comma, double quote, doubled quotes inside quotes), spaces around fields ignored. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();

  /** A line that could not be read or split. */
  public static final class CsvFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * Creates the exception.
     *
     * @param line the 1-based line number
     * @param message what is wrong
     */
    public CsvFormatException(int line, String message) {
      super(message);
      this.line = line;
    }

    /**
     * The 1-based line number.
     *
     * @return the line
     */
    public int line() {
      return line;
    }
  }

  private final InputStream in;
  private final long maxBytes;
  private final int maxLines;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
  private long bytesRead;
  private int lineNumber;
  private boolean atEnd;

  /**
   * Reads from a stream, which {@link #close()} closes, with the standard limits.
   *
   * @param in the bytes of the file
   */
  public CsvReader(InputStream in) {
    this(in, MAX_BYTES, MAX_LINES);
  }

  /** With other limits, for tests of the limits. */
  CsvReader(InputStream in, long maxBytes, int maxLines) {
    this.in = new BufferedInputStream(requireNonNull(in, "in"));
    this.maxBytes = maxBytes;
    this.maxLines = maxLines;
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
   * @throws CsvFormatException when the input or the line is too long, not UTF-8, or holds a
   *     control character
   */
  public String nextLine() throws IOException, CsvFormatException {
    if (atEnd) {
      return null;
    }
    buffer.reset();
    int b;
    boolean tooLong = false;
    while ((b = in.read()) != -1) {
      if (++bytesRead > maxBytes) {
        throw new CsvFormatException(lineNumber + 1, String.format(Locale.ROOT,
            "the file is larger than %,d bytes, the most one import reads; split it into smaller files", maxBytes));
      }
      if (b == '\n') {
        break;
      }
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
    if (++lineNumber > maxLines) {
      throw new CsvFormatException(lineNumber, String.format(Locale.ROOT,
          "the file has more than %,d lines, the most one import reads; split it into smaller files", maxLines));
    }
    if (tooLong || buffer.size() > MAX_LINE_BYTES) {
      throw new CsvFormatException(lineNumber, "line is longer than " + MAX_LINE_LENGTH + " characters");
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
      throw new CsvFormatException(lineNumber, "line is not UTF-8 text; is this a CSV file?");
    }
    if (line.length() > MAX_LINE_LENGTH) {
      throw new CsvFormatException(lineNumber, "line is longer than " + MAX_LINE_LENGTH + " characters");
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new CsvFormatException(lineNumber, String.format(Locale.ROOT,
            "line holds the control character U+%04X at position %d (%s); is this a CSV file?",
            (int) c, i + 1, c == '\r' ? "a line break inside a field is not supported" : "not text"));
      }
    }
    return line;
  }

  /**
   * Splits one line into its fields with Commons CSV.
   *
   * @param line a line without its terminator
   * @param lineNumber the line's number, for messages
   * @return the fields, at least one
   * @throws CsvFormatException when a quote is left open or text follows a closing quote
   */
  public static List<String> split(String line, int lineNumber) throws CsvFormatException {
    requireNonNull(line, "line");
    try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of("") : records.get(0).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new CsvFormatException(lineNumber, "the quotes do not pair up (" + EventRow.clip(String.valueOf(
          e instanceof UncheckedIOException ? e.getCause().getMessage() : e.getMessage()))
          + "); quote a field that holds a comma, and write a quote inside it as \"\"");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
