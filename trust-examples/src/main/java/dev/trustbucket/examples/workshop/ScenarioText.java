package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bytes of a scenario file as numbered lines of text: UTF-8 only (a byte-order mark is
 * skipped), {@code \n} or {@code \r\n} line ends, no line over {@link
 * ScenarioFile#MAX_LINE_LENGTH}, no file over {@link ScenarioFile#MAX_FILE_BYTES}. Each good
 * line goes to the {@link ScenarioParser}; each bad one becomes a problem on its line.
 */
final class ScenarioText {
  private ScenarioText() {}

  /**
   * Decodes a file's bytes and parses them.
   *
   * @param source the file name, for messages
   * @param bytes the file's content
   * @return the scenario
   * @throws ScenarioFormatException when the bytes are not a valid scenario
   */
  static ScenarioFile parse(String source, byte[] bytes) {
    requireNonNull(source, "source");
    requireNonNull(bytes, "bytes");
    if (bytes.length > ScenarioFile.MAX_FILE_BYTES) {
      throw new ScenarioFormatException(source, 0, tooLarge(bytes.length));
    }
    ScenarioParser.Parser parser = ScenarioParser.forSource(source);
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int from = 0;
    int lineNo = 1;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      from = 3; // a UTF-8 byte-order mark
    }
    while (from <= bytes.length) {
      int to = from;
      while (to < bytes.length && bytes[to] != '\n') {
        to++;
      }
      if (to == bytes.length && from == to && lineNo > 1) {
        break; // the file ends with a line break
      }
      parser.lastLine = lineNo;
      int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
      if (end - from > ScenarioFile.MAX_LINE_LENGTH * 4) {
        parser.problem(lineNo, tooLong(end - from, "bytes"));
      } else {
        try {
          CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, from, end - from));
          parser.line(lineNo, chars.toString());
        } catch (CharacterCodingException e) {
          parser.problem(lineNo, "is not UTF-8 text (is this a binary file?)");
        }
      }
      from = to + 1;
      lineNo++;
    }
    return parser.finish();
  }

  /** The message for a file over the size limit. */
  static String tooLarge(long size) {
    return String.format(Locale.ROOT, "the file is %,d bytes; the limit is %,d bytes (1 MiB)", size,
        ScenarioFile.MAX_FILE_BYTES);
  }

  /** The message for a line over the length limit. */
  static String tooLong(int length, String unit) {
    return String.format(
        Locale.ROOT, "the line is %,d %s long; the limit is %,d characters", length, unit, ScenarioFile.MAX_LINE_LENGTH);
  }
}
