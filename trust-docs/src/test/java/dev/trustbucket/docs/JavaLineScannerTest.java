package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The line scanner the docs runner reads comments and braces with: what counts as code. */
@DisplayName("JavaLineScanner: code outside literals, up to a // comment")
class JavaLineScannerTest {

  /** The code characters of a line, as a string, in order. */
  private static String code(String line) {
    StringBuilder out = new StringBuilder();
    JavaLineScanner.scan(line, i -> out.append(line.charAt(i)));
    return out.toString();
  }

  @Test
  void aLineWithoutLiteralsOrCommentIsAllCode() {
    assertThat(code("int a = b(1);")).isEqualTo("int a = b(1);");
    assertThat(JavaLineScanner.commentStart("int a = b(1);")).isEqualTo(-1);
    assertThat(JavaLineScanner.commentStart("")).isEqualTo(-1);
  }

  @Test
  void aCommentEndsTheCodeAndItsIndexIsReturned() {
    String line = "x.level();   // 0.435 { \"";
    List<Integer> seen = new ArrayList<>();
    assertThat(JavaLineScanner.scan(line, seen::add)).isEqualTo(13);
    assertThat(code(line)).isEqualTo("x.level();   ");
    assertThat(seen).allMatch(i -> i < 13);
    assertThat(JavaLineScanner.commentStart("// only a comment")).isZero();
  }

  @Test
  void slashesInsideAStringAreNotAComment() {
    String line = "URI u = URI.create(\"http://example.org\"); // a note";
    assertThat(JavaLineScanner.commentStart(line)).isEqualTo(line.indexOf("// a"));
    assertThat(code(line)).isEqualTo("URI u = URI.create(); ");
  }

  @Test
  void anEscapedQuoteDoesNotEndTheString() {
    String line = "s = \"say \\\"hi // there\\\" {\"; // 1";
    assertThat(code(line)).isEqualTo("s = ; ");
    assertThat(JavaLineScanner.commentStart(line)).isEqualTo(line.lastIndexOf("//"));
    assertThat(code("s = \"a\\\\\" + b; // c")).as("an escaped backslash closes the string after it")
        .isEqualTo("s =  + b; ");
  }

  @Test
  void aDoubleQuoteInACharacterLiteralOpensNoString() {
    assertThat(code("c = '\"'; d = \"}\"; { // x")).isEqualTo("c = ; d = ; { ");
    assertThat(code("c = '\\''; {")).as("an escaped single quote").isEqualTo("c = ; {");
  }

  @Test
  void bracesInLiteralsAreNotCode() {
    assertThat(code("if (c == '{') { s = \"}{\"; }")).isEqualTo("if (c == ) { s = ; }");
    assertThat(code("format(\"{}\", x) {")).isEqualTo("format(, x) {");
  }

  @Test
  void anUnclosedLiteralRunsToTheEndOfTheLine() {
    assertThat(code("s = \"open { // not a comment")).isEqualTo("s = ");
    assertThat(JavaLineScanner.commentStart("s = \"open { // not a comment")).isEqualTo(-1);
  }

  @Test
  void theCodeOfALineIsWhatComesBeforeItsComment() {
    assertThat(PageProgram.codeOf("  int n = 3;   // 3")).isEqualTo("int n = 3;");
    assertThat(PageProgram.codeOf("  s(\"//\");")).isEqualTo("s(\"//\");");
  }
}
