package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

@Label("Text rule")
class TextRuleProperties {

  /** Text of every kind: plain, any char (lone surrogates included), and the code points the rule is about. */
  @Provide
  static Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().all().ofMaxLength(60)),
            Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars(" é漢\\").ofMaxLength(60)),
            Tuple.of(3, HostileText.codePoints()
                .list().ofMaxSize(6)
                .flatMap(cps -> Arbitraries.strings().alpha().ofMaxLength(20).map(s -> {
                  StringBuilder b = new StringBuilder(s);
                  for (int cp : cps) {
                    b.insert(b.length() / 2, Character.toChars(cp));
                  }
                  return b.toString();
                }))));
  }

  @Property(tries = 1000)
  @Label("accepted text is exactly text made of allowed code points, which UTF-8 stores and reads back exactly")
  void acceptedTextIsWellFormedAndAllowed(@ForAll("anyText") String text) {
    Optional<String> problem = TextRule.problem(text, 1000);
    boolean allowed = text.codePoints().allMatch(TextRule::isAllowed);
    assertThat(problem.isEmpty()).as(TextRule.visible(text)).isEqualTo(allowed);
    if (allowed) {
      byte[] bytes = strictUtf8(text);
      assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text);
    } else {
      InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class,
          () -> TextRule.check("note", text, 1000));
      assertThat(e.field()).isEqualTo("note");
      assertThat(e.getMessage()).startsWith("note must not contain U+").hasSizeLessThan(2000);
      assertThat(e.getMessage().codePoints().allMatch(TextRule::isAllowed)).isTrue();
    }
  }

  @Property(tries = 1000)
  @Label("the visible form is always accepted, and cut short it stays within its length")
  void visibleFormIsAccepted(@ForAll("anyText") String text) {
    assertThat(TextRule.problem(TextRule.visible(text), Integer.MAX_VALUE)).isEmpty();
    String quote = dev.trustbucket.internal.Texts.clip(text, 20);
    assertThat(quote.length()).isLessThanOrEqualTo(20);
    assertThat(TextRule.problem(quote, 20)).isEmpty();
    assertThat(TextRule.visible(text).startsWith(quote.endsWith("...") ? quote.substring(0, quote.length() - 3) : quote))
        .isTrue();
  }

  private static byte[] strictUtf8(String text) {
    try {
      var buffer = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(java.nio.CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new AssertionError("accepted text that UTF-8 cannot encode: " + TextRule.visible(text), e);
    }
  }
}
