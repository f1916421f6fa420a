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

  @Test
  void splitsPlainQuotedAndEmptyFields() throws Exception {
    assertThat(CsvReader.split("a,b,,d", 1)).containsExactly("a", "b", "", "d");
    assertThat(CsvReader.split("a,\"b, with comma\",c", 1)).containsExactly("a", "b, with comma", "c");
    assertThat(CsvReader.split("\"say \"\"hi\"\"\",x", 1)).containsExactly("say \"hi\"", "x");
    assertThat(CsvReader.split("\"\"", 1)).containsExactly("");
    assertThat(CsvReader.split("a,", 1)).containsExactly("a", "");
    assertThat(CsvReader.split("", 1)).containsExactly("");
  }

  @Test
  void trimsUnquotedFieldsButKeepsQuotedTextAsWritten() throws Exception {
    assertThat(CsvReader.split(" a ,  \" b \" , c", 1)).containsExactly("a", " b ", "c");
  }

  @Test
  void rejectsAQuoteLeftOpenWithTheFieldNumber() {
    assertThatThrownBy(() -> CsvReader.split("a,\"open, never closed", 7))
        .isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(7);
          assertThat(e.field()).isEqualTo(2);
          assertThat(e.getMessage()).contains("not closed").contains("line breaks");
        });
  }

  @Test
  void rejectsStrayQuotes() {
    assertThatThrownBy(() -> CsvReader.split("a,b\"c", 1))
        .isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> assertThat(e.field()).isEqualTo(2));
    assertThatThrownBy(() -> CsvReader.split("\"a\"b,c", 1))
        .isInstanceOfSatisfying(CsvReader.CsvFormatException.class, e -> assertThat(e.field()).isEqualTo(1));
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
