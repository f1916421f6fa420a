package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRuleTest {

  @ParameterizedTest
  @ValueSource(ints = {
    0x00, 0x07, 0x09, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F,
    0x2028, 0x2029, 0x0085, 0x0A, 0x0D,
    0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0xEFFFE, 0x10FFFE, 0x10FFFF,
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    0xD800, 0xDBFF, 0xDC00, 0xDFFF, -1, 0x110000
  })
  void refusesEveryCodePointOfTheRule(int cp) {
    assertThat(TextRule.isAllowed(cp)).isFalse();
    if (cp >= 0 && cp <= Character.MAX_CODE_POINT) {
      String text = "ab" + new String(Character.toChars(cp)) + "c";
      assertThatThrownBy(() -> TextRule.check("note", text, 100))
          .isInstanceOfSatisfying(InvalidTrustInputException.class, e -> assertThat(e.field()).isEqualTo("note"))
          .hasMessageStartingWith("note must not contain " + String.format("U+%04X", cp) + " (")
          .hasMessageContaining("at character 2 in \"ab\\u")
          .satisfies(e -> assertThat(TextRule.problem(e.getMessage(), 10_000)).isEmpty());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {
    0x20, 0x7E, 0xA0, 0xE9, 0x200E, 0x200F, 0x061C, 0x2027, 0x202F, 0x2065, 0x206A,
    0xFDCF, 0xFDF0, 0xFFFD, 0xFEFF, 0xE000, 0x1F600, 0x1FFFD, 0x20000, 0x10FFFD
  })
  void acceptsLettersMarksEmojiAndPrivateUse(int cp) {
    assertThat(TextRule.isAllowed(cp)).isTrue();
    String text = "a" + new String(Character.toChars(cp));
    assertThat(TextRule.check("note", text, 100)).isSameAs(text);
    assertThat(TextRule.problem(text, 100)).isEmpty();
  }

  @Test
  void namesTheKindOfCharacter() {
    assertThat(TextRule.problem("a\u001B[2J", 100)).contains(
        "must not contain U+001B (a control character) but had one at character 1 in \"a\\u001B[2J\"");
    assertThat(TextRule.problem("a\nb", 100)).contains(
        "must not contain U+000A (a line break: the text must be a single line) but had one at character 1 in \"a\\u000Ab\"");
    assertThat(TextRule.problem("\u2029", 100)).get().asString().contains("a line break");
    assertThat(TextRule.problem("x\uFFFF", 100)).contains(
        "must not contain U+FFFF (a non-character) but had one at character 1 in \"x\\uFFFF\"");
    assertThat(TextRule.problem("x\u202Eevil", 100)).contains(
        "must not contain U+202E (a bidirectional embedding, override or isolate) but had one at character 1 in \"x\\u202Eevil\"");
    assertThat(TextRule.problem("ok\uD83D", 100)).contains(
        "must not contain U+D83D (a lone surrogate: the text is not well-formed UTF-16) but had one at character 2 in \"ok\\uD83D\"");
    assertThat(TextRule.problem("\uDE00ok", 100)).get().asString().startsWith("must not contain U+DE00 (a lone surrogate");
    assertThat(TextRule.problem("\uD83D\uD83D\uDE00", 100)).get().asString().contains("U+D83D").contains("at character 0");
    assertThat(TextRule.problem("a\uDBFF\uDFFF", 100)).contains(
        "must not contain U+10FFFF (a non-character) but had one at character 1 in \"a\\uDBFF\\uDFFF\"");
  }

  @Test
  void countsTheLimitInChars() {
    String pairs = "\uD83D\uDE00".repeat(5); // 5 code points, 10 chars
    assertThat(TextRule.check("title", pairs, 10)).isSameAs(pairs);
    assertThatThrownBy(() -> TextRule.check("title", pairs, 9))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("title must be at most 9 characters but was 10 characters long: \"" + pairs + "\"");
    assertThat(TextRule.check("note", "", 0)).isEmpty();
    assertThat(TextRule.problem("x", 0)).contains("must be at most 0 characters but was 1 characters long: \"x\"");
    assertThatThrownBy(() -> TextRule.problem("x", -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be at least 0 but was -1");
  }

  @Test
  void nonBlankRefusesBlankText() {
    assertThat(TextRule.checkNonBlank("employee", " a ", 3)).isEqualTo(" a ");
    assertThatThrownBy(() -> TextRule.checkNonBlank("employee", "  ", 10))
        .isInstanceOfSatisfying(InvalidTrustInputException.class, e -> assertThat(e.field()).isEqualTo("employee"))
        .hasMessage("employee must not be blank but was \"  \"");
    assertThatThrownBy(() -> TextRule.checkNonBlank("employee", "", 10)).hasMessage("employee must not be blank but was \"\"");
    assertThatThrownBy(() -> TextRule.checkNonBlank("employee", "\t", 10)).hasMessageStartingWith("employee must not contain U+0009");
    assertThatThrownBy(() -> TextRule.checkNonBlank("employee", "abcd", 3)).hasMessageStartingWith("employee must be at most 3");
  }

  @Test
  void nullsAreNamed() {
    assertThatThrownBy(() -> TextRule.check("note", null, 3)).isInstanceOf(NullPointerException.class).hasMessage("note");
    assertThatThrownBy(() -> TextRule.check(null, "x", 3)).isInstanceOf(NullPointerException.class).hasMessage("field");
  }

  @Test
  void visibleEscapesRefusedCharactersAndBackslashes() {
    assertThat(dev.trustbucket.internal.Texts.clip("a\\b\u001B\uD83D\uDE00\uD83D")).isEqualTo("a\\\\b\\u001B\uD83D\uDE00\\uD83D");
    assertThat(dev.trustbucket.internal.Texts.clip("")).isEmpty();
    assertThat(dev.trustbucket.internal.Texts.clip("\uDBFF\uDFFF")).isEqualTo("\\uDBFF\\uDFFF");
  }

  @Test
  void quotesInMessagesAreCutShortWithoutSplittingAnEscapeOrAPair() {
    assertThat(dev.trustbucket.internal.Texts.clip("x".repeat(80), 80)).isEqualTo("x".repeat(80));
    assertThat(dev.trustbucket.internal.Texts.clip("x".repeat(81), 80)).isEqualTo("x".repeat(77) + "...");
    assertThat(dev.trustbucket.internal.Texts.clip("x".repeat(76) + "\u0007yyyy", 80)).isEqualTo("x".repeat(76) + "...");
    assertThat(dev.trustbucket.internal.Texts.clip("x".repeat(76) + "\uD83D\uDE00yy", 80)).isEqualTo("x".repeat(76) + "\uD83D\uDE00yy");
    assertThat(dev.trustbucket.internal.Texts.clip("x".repeat(75) + "\uD83D\uDE00yyyy", 80)).isEqualTo("x".repeat(75) + "\uD83D\uDE00...");
    assertThat(dev.trustbucket.internal.Texts.clip("x".repeat(76) + "\uD83D\uDE00yyyy", 80)).isEqualTo("x".repeat(76) + "...");
    assertThat(dev.trustbucket.internal.Texts.clip("x".repeat(74) + "\u0007", 80)).isEqualTo("x".repeat(74) + "\\u0007");
    String message = TextRule.problem("\u001B".repeat(1000), 5000).orElseThrow();
    assertThat(message).endsWith("in \"" + "\\u001B".repeat(12) + "...\"");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "0x0000, a control character", "0x001F, a control character", "0x007F, a control character",
    "0x009F, a control character", "0x0009, a control character",
    "0x000A, a line break", "0x000D, a line break", "0x0085, a line break", "0x2028, a line break", "0x2029, a line break",
    "0xD800, a lone surrogate", "0xDBFF, a lone surrogate", "0xDC00, a lone surrogate", "0xDFFF, a lone surrogate",
    "0xFDD0, a non-character", "0xFDEF, a non-character", "0xFFFE, a non-character", "0x10FFFF, a non-character",
    "0x202A, a bidirectional embedding", "0x202E, a bidirectional embedding", "0x2066, a bidirectional embedding",
    "0x2069, a bidirectional embedding"
  })
  void namesTheKindAtEveryBoundary(String hex, String kind) {
    int cp = Integer.decode(hex);
    String text = new String(Character.toChars(cp));
    assertThat(TextRule.problem(text, 10).orElseThrow()).contains(String.format("U+%04X (" + kind, cp));
  }
}
