package dev.trustbucket.examples.review;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<String> lines(byte[] bytes) throws Exception {
    List<String> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new ByteArrayInputStream(bytes))) {
      String line;
      while ((line = r.nextLine()) != null) {
        out.add(line);
      }
    }
    return out;
  }

  private static List<List<String>> records(String text) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new ByteArrayInputStream(text.getBytes(UTF_8)))) {
      List<String> fields;
      while ((fields = r.nextRecord()) != null) {
        assertThat(r.lineNumber()).isEqualTo(out.size() + 1); // one record a line
        out.add(fields);
      }
    }
    return out;
  }

  private static CsvReader.CsvFormatException recordsFail(String text) {
    try {
      records(text);
    } catch (CsvReader.CsvFormatException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void splitsPlainQuotedAndEmptyFields() throws Exception {
    assertThat(records("a,b,,d\na,\"b, with comma\",c\n\"say \"\"hi\"\"\",x\n\"\"\na,\n\n"))
        .containsExactly(List.of("a", "b", "", "d"), List.of("a", "b, with comma", "c"), List.of("say \"hi\"", "x"),
            List.of(""), List.of("a", ""), List.of(""));
  }

  @Test
  void trimsUnquotedFieldsButKeepsQuotedTextAsWritten() throws Exception {
    assertThat(records(" a ,  \" b \" , c")).containsExactly(List.of("a", " b ", "c"));
  }

  @Test
  void rejectsAQuoteLeftOpenWithTheLineNumber() {
    CsvReader.CsvFormatException e = recordsFail("h\nx\nx\nx\nx\nx\na,\"open, never closed\nb,\"c\"\n");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.getMessage()).contains("odd number of quotes").contains("may not span lines");
  }

  @Test
  void rejectsStrayQuotesAndTextAfterAClosingQuote() {
    assertThat(recordsFail("h\na,b\"c\n").line()).isEqualTo(2);
    CsvReader.CsvFormatException e = recordsFail("h\n\"a\"b,c\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("quotes are misplaced");
  }

  @Test
  void readsCrLfBomAndAMissingFinalNewline() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "h1,h2\r\nx,y\r\nlast,line".getBytes(UTF_8);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(text, 0, all, 3, text.length);
    assertThat(lines(all)).containsExactly("h1,h2", "x,y", "last,line");
    assertThat(lines("a\n\nb\n".getBytes(UTF_8))).containsExactly("a", "", "b");
    assertThat(lines(new byte[0])).isEmpty();
  }

  @Test
  void rejectsALineLongerThanTheCapWithoutReadingItAll() {
    byte[] huge = ("h\n" + "x".repeat(5_000_000) + "\n").getBytes(UTF_8);
    assertThatThrownBy(() -> lines(huge))
        .isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.getMessage()).contains("longer than 10000 characters");
        });
    assertThat(catchLines(("x".repeat(CsvReader.MAX_LINE_LENGTH) + "\n").getBytes(UTF_8))).isNull();
    assertThat(catchLines(("x".repeat(CsvReader.MAX_LINE_LENGTH + 1) + "\n").getBytes(UTF_8)))
        .contains("longer than");
  }

  @Test
  void countsBytesAsTheyAreReadWhateverTheStreamClaims() throws Exception {
    // A stream that never ends, as /dev/zero or a pipe would be: the byte limit stops it.
    java.io.InputStream endless = new java.io.InputStream() {
      private final byte[] row = "zoe,maria,2025-03-03T10:00:00Z,small-win,,,,\n".getBytes(UTF_8);
      private long i;

      @Override
      public int read() {
        return row[(int) (i++ % row.length)];
      }

      @Override
      public int available() {
        return 0; // says nothing of its size, like a device
      }
    };
    try (CsvReader r = new CsvReader(endless, 10_000, Integer.MAX_VALUE)) {
      assertThatThrownBy(() -> {
        while (r.nextLine() != null) {
          // keep reading
        }
      }).isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> {
        assertThat(e.getMessage()).contains("larger than 10,000 bytes");
        assertThat(e.line()).isEqualTo(10_000 / 45 + 1);
      });
    }
    byte[] lines = "h\na\nb\nc\n".getBytes(UTF_8);
    try (CsvReader r = new CsvReader(new ByteArrayInputStream(lines), 1_000, 3)) {
      r.nextLine();
      r.nextLine();
      r.nextLine();
      assertThatThrownBy(r::nextLine).isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> {
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("more than 3 lines");
      });
    }
    // Exactly at the limits is fine.
    try (CsvReader r = new CsvReader(new ByteArrayInputStream(lines), lines.length, 4)) {
      assertThat(r.nextLine()).isEqualTo("h");
      while (r.nextLine() != null) {
        assertThat(r.lineNumber()).isLessThanOrEqualTo(4);
      }
    }
  }

  @Test
  void rejectsBinaryJunk() {
    byte[] junk = new byte[4096];
    new java.util.Random(42).nextBytes(junk);
    assertThat(catchLines(junk)).containsAnyOf("not UTF-8", "control character", "longer than");
    assertThat(catchLines(new byte[] {'a', ',', (byte) 0xC3, '\n'})).contains("not UTF-8");
    assertThat(catchLines("a,b\u0000c\n".getBytes(UTF_8))).contains("U+0000");
    assertThat(catchLines("a,\"b\rc\"\n".getBytes(UTF_8))).contains("line break inside a field");
  }

  private static String catchLines(byte[] bytes) {
    try {
      lines(bytes);
      return null;
    } catch (CsvReader.CsvFormatException e) {
      return e.getMessage();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
