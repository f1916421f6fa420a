package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.commitment.Commitment;
import dev.trustbucket.io.MalformedRecordException;
import dev.trustbucket.io.TrustCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text field of the library follows the one {@link TextRule}. */
class TextFieldsTest {
  private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

  /** One example of each kind the rule refuses. */
  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "\uDC00", "\u0000", "\t", "\u001B", "\u007F", "\u0085", "\u009B", "\u2028",
      "\uFFFE", "\uFFFF", "\uFDD0", "\uD83F\uDFFF", "\u202E", "\u2066"})
  @DisplayName("every text field refuses what the rule refuses, naming the field")
  void everyTextFieldRefuses(String bad) {
    String text = "ok" + bad + "ok";
    Consumer<ThrowingCallable> note = c -> refused(c, "note");
    note.accept(() -> TrustEvent.of(Behaviours.SMALL_WIN, T0).withNote(text));
    refused(() -> Behaviour.drop("x", Dimension.ABILITY, 1.0, text), "label");
    refused(() -> Commitment.of(text, T0, T0), "what");
    refused(() -> Relationship.of(text, "bob"), "employee");
    refused(() -> Relationship.of("alice", text), "manager");
    refused(() -> TrustPolicy.builder().name(text).build(), "name");
  }

  private static void refused(ThrowingCallable call, String field) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidTrustInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).startsWith(field + " must not contain U+");
          assertThat(e.getMessage().codePoints().allMatch(TextRule::isAllowed))
              .as("the message quotes the text in its visible form").isTrue();
        });
  }

  @Test
  @DisplayName("a note with a lone surrogate is refused, so no lenient encoder can store it as '?' under a valid checksum")
  void loneSurrogateNote() {
    String note = "fix \uD83D";
    assertThat(new String(note.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isNotEqualTo(note);
    refused(() -> TrustEvent.of(Behaviours.SMALL_WIN, T0).withNote(note), "note");
  }

  @Test
  @DisplayName("the codec refuses such text when reading, on its line, whether raw or written as an escape")
  void codecRefusesOnRead() {
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), T0)
        .plus(TrustEvent.of(Behaviours.SMALL_WIN, T0.plusSeconds(60)).withNote("fine"));
    List<String> lines = TrustCodec.formatLedger(ledger);
    for (String bad : List.of("\\t", "\u001B[2J", "\uD800", "\u202E", "\uFFFF", "\u0085")) {
      List<String> damaged = new ArrayList<>(lines);
      damaged.set(1, lines.get(1).replace("fine", "fi" + bad + "ne"));
      assertThatThrownBy(() -> TrustCodec.parseLedger(damaged, TrustPolicy.defaults()))
          .isInstanceOfSatisfying(MalformedRecordException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("note");
          })
          .hasMessageStartingWith("line 2: note must not contain U+");
    }
  }

  @Test
  @DisplayName("ids and labels have a length limit; over-long ones are quoted cut short")
  void lengthLimits() {
    assertThat(Behaviour.drop("x".repeat(100), Dimension.ABILITY, 1.0, "l".repeat(200)).id()).hasSize(100);
    assertThatThrownBy(() -> Behaviour.drop("x".repeat(101), Dimension.ABILITY, 1.0, "Long"))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("id must be at most 100 characters but was 101 characters long: \"" + "x".repeat(77) + "...\"");
    assertThatThrownBy(() -> Behaviour.drop("x", Dimension.ABILITY, 1.0, "l".repeat(201)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("label must be at most 200 characters but was 201 characters long");
    assertThatThrownBy(() -> Behaviour.drop("x", Dimension.ABILITY, 1.0, " "))
        .isInstanceOf(InvalidTrustInputException.class).hasMessage("label must not be blank but was \" \"");
    assertThat(Relationship.of("a".repeat(200), "b").employee()).hasSize(200);
    assertThatThrownBy(() -> Relationship.of("a".repeat(201), "b"))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("employee must be at most 200 characters but was 201 characters long");
    assertThatThrownBy(() -> Relationship.of(" ", "b"))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("employee must be 1 to 200 characters, not blank, but was \" \"");
    assertThatThrownBy(() -> TrustPolicy.builder().name(" ").build())
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("name must be 1 to 100 characters, not blank, but was \" \"");
    assertThat(Commitment.of("w".repeat(200), T0, T0).what()).hasSize(200);
    assertThatThrownBy(() -> Commitment.of("w".repeat(201), T0, T0))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("what must be at most 200 characters");
  }

  @Test
  @DisplayName("right-to-left text, its implicit marks and emoji are accepted everywhere")
  void acceptedText() {
    String text = "\u05E9\u05DC\u05D5\u05DD \u200F\u200E\u061C \uD83D\uDE00 \u00E9";
    assertThat(TrustEvent.of(Behaviours.SMALL_WIN, T0).withNote(text).note()).isEqualTo(text);
    assertThat(Relationship.of(text, "bob").employee()).isEqualTo(text);
    assertThat(Commitment.of(text, T0, T0).what()).isEqualTo(text);
  }
}
