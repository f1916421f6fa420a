package dev.trustbucket.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("BehaviourCatalogue and Behaviour: the stock catalogue, lookups, custom behaviours, validation")
class BehaviourCatalogueTest {

  static final BehaviourCatalogue STANDARD = BehaviourCatalogue.standard();
  static final Behaviour CUSTOM = Behaviour.drop("shipped-demo", Dimension.ABILITY, 1.5, "Shipped a demo");

  @Test
  @DisplayName("the standard catalogue has the essay's 10 drops and 8 drains plus renegotiated-deadline, drops first, with unique ids")
  void standard() {
    assertThat(STANDARD.size()).isEqualTo(19);
    assertThat(STANDARD.all()).isEqualTo(Behaviours.all());
    assertThat(STANDARD.all().stream().filter(Behaviour::isDrop).count()).isEqualTo(10);
    assertThat(STANDARD.all().subList(0, 10)).allMatch(Behaviour::isDrop);
    assertThat(STANDARD.all().subList(10, 19)).noneMatch(Behaviour::isDrop);
    assertThat(STANDARD.all().stream().map(Behaviour::id).distinct().count()).isEqualTo(19);
    assertThat(STANDARD.byId("renegotiated-deadline")).isSameAs(Behaviours.RENEGOTIATED_DEADLINE);
  }

  @Test
  @DisplayName("stock weights and dimensions: ordinary ones weigh 1, small signals less")
  void stockSettings() {
    assertThat(Behaviours.DELIVERED_ON_COMMITMENT.defaultWeight()).isEqualTo(1.0);
    assertThat(Behaviours.DELIVERED_EARLY.defaultWeight()).isEqualTo(Behaviours.DELIVERED_ON_COMMITMENT.defaultWeight());
    assertThat(Behaviours.PROACTIVE_UPDATE.defaultWeight()).isEqualTo(0.5);
    assertThat(Behaviours.REGULAR_CHECK_IN.defaultWeight()).isEqualTo(0.25);
    assertThat(Behaviours.SET_REALISTIC_BOUNDARY.defaultWeight()).isEqualTo(0.75);
    assertThat(Behaviours.INCONSISTENT_COMMUNICATION.defaultWeight()).isEqualTo(0.5);
    assertThat(Behaviours.MISSED_DEADLINE.dimension()).isEqualTo(Dimension.ABILITY);
    assertThat(Behaviours.LOW_QUALITY_DELIVERY.dimension()).isEqualTo(Dimension.ABILITY);
    assertThat(List.of(Behaviours.OVER_PROMISED, Behaviours.HID_PROBLEM, Behaviours.PUSHED_DEADLINE_WITHOUT_WARNING))
        .allMatch(b -> b.dimension() == Dimension.INTEGRITY && !b.isDrop());
    assertThat(Behaviours.AVOIDED_TOUGH_CONVERSATION.dimension()).isEqualTo(Dimension.COMMUNICATION);
  }

  @Test
  @DisplayName("byId finds every stock behaviour; indexOf and get agree")
  void lookups() {
    // PIT: mutants of indexOf's identity table survive ("slot + 1" -> "slot - 1", the first
    // "& mask" -> "| mask", "b == null" negated): each misses the fast path and falls back to the
    // lookup by id, which gives the same index. "(slot + 1) & mask" -> "| mask" may loop or fall
    // back depending on identity hash codes, which change from one JVM to the next.
    for (int i = 0; i < STANDARD.size(); i++) {
      Behaviour b = STANDARD.get(i);
      assertThat(STANDARD.byId(b.id())).isSameAs(b);
      assertThat(STANDARD.indexOf(b)).isEqualTo(i);
      assertThat(STANDARD.contains(b)).isTrue();
    }
    assertThat(STANDARD.byId("missed-deadline")).isSameAs(Behaviours.MISSED_DEADLINE);
    // An equal copy (e.g. rebuilt from storage) is found by its id, at the same index.
    Behaviour copy = new Behaviour("missed-deadline", Direction.DRAIN, Dimension.ABILITY, 1.0, "Missed a deadline");
    assertThat(copy).isEqualTo(Behaviours.MISSED_DEADLINE).isNotSameAs(Behaviours.MISSED_DEADLINE);
    assertThat(STANDARD.indexOf(copy)).isEqualTo(STANDARD.indexOf(Behaviours.MISSED_DEADLINE)).isEqualTo(10);
  }

  @Test
  @DisplayName("byId of an unknown id is rejected naming \"behaviour\", quoting the id and listing the known ids")
  void unknownId() {
    InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class, () -> STANDARD.byId("misssed-deadline"));
    assertThat(e.field()).isEqualTo("behaviour");
    assertThat(e.getMessage()).contains("\"misssed-deadline\"");
    assertThat(e.getMessage()).contains(Behaviours.all().stream().map(Behaviour::id).collect(Collectors.toList()));
    assertThatThrownBy(() -> STANDARD.byId(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("id");
  }

  @Test
  @DisplayName("indexOf rejects an unknown behaviour and a stock id with different settings")
  void indexOfStrangers() {
    assertThatThrownBy(() -> STANDARD.indexOf(CUSTOM))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("\"shipped-demo\"");
    Behaviour impostor = Behaviour.drain("missed-deadline", Dimension.ABILITY, 3.0, "Missed a deadline");
    assertThatThrownBy(() -> STANDARD.indexOf(impostor))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("must match the catalogue's definition")
        .hasMessageContaining("defaultWeight=3.0");
    assertThat(STANDARD.contains(impostor)).isFalse();
  }

  @Test
  @DisplayName("duplicate ids are rejected naming \"id\", in of(...) and in with(...)")
  void duplicates() {
    assertThatThrownBy(() -> BehaviourCatalogue.of(List.of(CUSTOM, CUSTOM)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("behaviour id must be unique in a catalogue but \"shipped-demo\" appears twice");
    assertThatThrownBy(() -> STANDARD.with(Behaviour.drain("missed-deadline", Dimension.ABILITY, 1.0, "Again")))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("\"missed-deadline\" appears twice");
  }

  @Test
  @DisplayName("with(...) appends custom behaviours, leaves the standard catalogue alone, and a policy accepts them")
  void custom() {
    BehaviourCatalogue extended = STANDARD.with(CUSTOM);
    assertThat(extended.size()).isEqualTo(20);
    assertThat(extended.byId("shipped-demo")).isSameAs(CUSTOM);
    assertThat(extended.indexOf(CUSTOM)).isEqualTo(19);
    assertThat(STANDARD.size()).isEqualTo(19);
    assertThat(STANDARD.contains(CUSTOM)).isFalse();
    assertThat(extended).isNotEqualTo(STANDARD).isEqualTo(STANDARD.with(CUSTOM));
    assertThat(extended.hashCode()).isEqualTo(STANDARD.with(CUSTOM).hashCode()).isNotEqualTo(STANDARD.hashCode());
    assertThat(extended.toString()).startsWith("BehaviourCatalogue[delivered-on-commitment").endsWith("shipped-demo]");

    TrustPolicy policy = TrustPolicy.builder().catalogue(extended).build();
    Instant t = Instant.parse("2025-01-06T09:00:00Z");
    TrustBucket b = TrustBucket.of(policy, t).plus(TrustEvent.of(CUSTOM, t));
    assertThat(b.level()).isEqualTo(0.5 + 0.07 * 1.5 * 0.5);
    assertThatThrownBy(() -> TrustBucket.of(TrustPolicy.defaults(), t).plus(TrustEvent.of(CUSTOM, t)))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("behaviour");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "Missed", "missed deadline", "missed--deadline", "-missed", "missed-", "missed_deadline", "é"})
  @DisplayName("malformed behaviour ids are rejected naming \"id\" and quoting the value")
  void badIds(String id) {
    InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class,
        () -> Behaviour.drop(id, Dimension.ABILITY, 1.0, "Label"));
    assertThat(e.field()).isEqualTo("id");
    assertThat(e.getMessage()).contains("\"" + id + "\"");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"a", "x1", "a-b-c", "2fa-enabled"})
  @DisplayName("well-formed behaviour ids are accepted")
  void goodIds(String id) {
    assertThat(Behaviour.drain(id, Dimension.INTEGRITY, 0.0, "Label").id()).isEqualTo(id);
  }

  @Test
  @DisplayName("a behaviour needs a label, a weight in [0, 100] and no nulls")
  void otherBehaviourValidation() {
    assertThatThrownBy(() -> Behaviour.drop("a", Dimension.ABILITY, 1.0, " "))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("label");
    assertThatThrownBy(() -> Behaviour.drop("a", Dimension.ABILITY, 100.5, "A"))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageStartingWith("defaultWeight").hasMessageContaining("100.5");
    assertThatThrownBy(() -> Behaviour.drop(null, Dimension.ABILITY, 1.0, "A"))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("id");
    assertThatThrownBy(() -> Behaviour.drop("a", null, 1.0, "A"))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("dimension");
    assertThatThrownBy(() -> new Behaviour("a", null, Dimension.ABILITY, 1.0, "A"))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("direction");
    assertThat(Behaviours.MISSED_DEADLINE.toString()).isEqualTo("missed-deadline");
    assertThat(Behaviour.drop("a", Dimension.ABILITY, 1.0, "A")).isEqualTo(Behaviour.drop("a", Dimension.ABILITY, 1.0, "A"));
  }
}
