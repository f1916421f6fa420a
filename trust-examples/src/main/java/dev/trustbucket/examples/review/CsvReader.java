package dev.trustbucket.examples.review;

import dev.trustbucket.examples.format.Clip;
import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the review tool's CSV: one record per line, parsed by Apache Commons CSV ({@link
 * CSVFormat#RFC4180}, with spaces around fields ignored) from {@link #nextRecord()}.
 *
 * <p>This class only bounds and checks the lines Commons CSV reads; Commons CSV does the parsing. The bounds hold whatever
 * the input is (a 1 GB file, {@code /dev/zero}, a stream that never ends), because they count
 * bytes as they are read, never a size the file system reports:
 *
 * <ul>
 *   <li>at most {@value #MAX_BYTES} bytes in all, and at most {@value #MAX_LINES} lines;
 *   <li>at most {@value #MAX_LINE_LENGTH} characters a line; a longer line is rejected as soon
 *       as its 40,001st byte is read, without reading the rest of it;
 *   <li>UTF-8 only (a leading byte-order mark is skipped); lines end with {@code \n} or {@code
 *       \r\n};
 *   <li>no control character other than tab: that is binary junk, not a CSV file;
 *   <li>an even number of quotes on each line: a quoted field may not span lines, and a quote
 *       outside a quoted field is an error, not text.
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
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();

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
  private final byte[] chunk = new byte[16_384];
  private int chunkPos;
  private int chunkEnd;
  private long bytesRead;
  private int lineNumber;
  private boolean atEnd;
  private final Iterator<CSVRecord> records;

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
    this.in = requireNonNull(in, "in");
    this.maxBytes = maxBytes;
    this.maxLines = maxLines;
    try {
      this.records = CSVParser.builder().setReader(new Lines()).setFormat(FORMAT).get().iterator();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // creating a parser reads nothing
    }
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
    while ((b = read()) != -1) {
      if (++bytesRead > maxBytes) {
        throw new CsvFormatException(lineNumber + 1, String.format(Locale.ROOT,
            "the file is larger than %,d bytes, the most one import reads; split it into smaller files", maxBytes));
      }
      if (b == '\n') {
        break;
      }
      if (buffer.size() == MAX_LINE_BYTES) {
        // Stop here: the rest of the line may never end (a device, a pipe, a file of zeros).
        throw new CsvFormatException(lineNumber + 1, "line is longer than " + MAX_LINE_LENGTH + " characters");
      }
      buffer.write(b);
    }
    if (b == -1) {
      atEnd = true;
      if (buffer.size() == 0) {
        return null; // the file ended with a line terminator, or was empty
      }
    }
    if (++lineNumber > maxLines) {
      throw new CsvFormatException(lineNumber, String.format(Locale.ROOT,
          "the file has more than %,d lines, the most one import reads; split it into smaller files", maxLines));
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
    if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
      throw new CsvFormatException(lineNumber, "line has an odd number of quotes: a quoted field is left open (a field"
          + " may not span lines) or a quote stands alone; quote the field and write a quote inside it as \"\"");
    }
    return line;
  }

  /**
   * Reads the next record: the fields of the next line, split by Commons CSV. {@link
   * #lineNumber()} is then the record's line: every record is one line, because {@link
   * #nextLine()} refuses a line whose quotes do not pair up.
   *
   * @return the fields, at least one (a blank line is one empty field), or {@code null} at the end
   * @throws IOException when the stream fails
   * @throws CsvFormatException when a line breaks a rule of {@link #nextLine()} or its quotes are
   *     misplaced (text after a closing quote)
   */
  public List<String> nextRecord() throws IOException, CsvFormatException {
    try {
      if (!records.hasNext()) {
        return null;
      }
      return records.next().toList();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof LineException) {
        throw ((LineException) e.getCause()).problem;
      }
      if (e.getCause() instanceof CSVException) {
        throw new CsvFormatException(lineNumber, "the quotes are misplaced (" + Clip.visible(e.getCause().getMessage(), 80)
            + "); quote a whole field, and write a quote inside it as \"\"");
      }
      throw e.getCause();
    }
  }

  /** A rule of {@link #nextLine()} broken while Commons CSV was reading; unwrapped by {@link #nextRecord()}. */
  private static final class LineException extends IOException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised: it only carries the problem up through Commons CSV
    private final CsvFormatException problem;

    LineException(CsvFormatException problem) {
      super(problem.getMessage(), problem);
      this.problem = problem;
    }
  }

  /** The lines of {@link #nextLine()}, each with a {@code \n}, one line per read: what Commons CSV parses. */
  private final class Lines extends Reader {
    private String current = "";
    private int pos;

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos == current.length()) {
        String line;
        try {
          line = nextLine();
        } catch (CsvFormatException e) {
          throw new LineException(e);
        }
        if (line == null) {
          return -1;
        }
        current = line + "\n";
        pos = 0;
      }
      int n = Math.min(len, current.length() - pos);
      current.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** The next byte, through a chunk of our own: a byte at a time from the stream would be slow. */
  private int read() throws IOException {
    if (chunkPos == chunkEnd) {
      int n = in.read(chunk);
      if (n <= 0) {
        return -1; // a stream that returns 0 for a non-empty array breaks its contract: treat it as the end
      }
      chunkPos = 0;
      chunkEnd = n;
    }
    return chunk[chunkPos++] & 0xFF;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
