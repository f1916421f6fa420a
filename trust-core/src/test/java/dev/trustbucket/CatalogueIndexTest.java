package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CatalogueIndex: the engine's dense index of a policy's behaviours")
class CatalogueIndexTest {

  static final BehaviourCatalogue STANDARD = BehaviourCatalogue.defaults();
  static final CatalogueIndex INDEX = TrustPolicy.defaults().catalogueIndex();
  static final Behaviour CUSTOM = Behaviour.drop("shipped-demo", Dimension.ABILITY, 1.5, "Shipped a demo");

  @Test
  @DisplayName("indexOf and behaviour agree with the catalogue's order, for its instances and for equal copies")
  void lookups() {
    // PIT: mutants of indexOf's identity table survive ("slot + 1" -> "slot - 1", the first
    // "& mask" -> "| mask", "b == null" negated): each misses the fast path and falls back to the
    // lookup by id, which gives the same index. "(slot + 1) & mask" -> "| mask" may loop or fall
    // back depending on identity hash codes, which change from one JVM to the next.
    for (int i = 0; i < STANDARD.size(); i++) {
      Behaviour b = STANDARD.all().get(i);
      assertThat(INDEX.indexOf(b)).isEqualTo(i);
      assertThat(INDEX.behaviour(i)).isSameAs(b);
    }
    // An equal copy (e.g. rebuilt from storage) is found by its id, at the same index.
    Behaviour copy = new Behaviour("missed-deadline", Direction.DRAIN, Dimension.ABILITY, 1.0, "Missed a deadline");
    assertThat(copy).isEqualTo(Behaviours.MISSED_DEADLINE).isNotSameAs(Behaviours.MISSED_DEADLINE);
    assertThat(INDEX.indexOf(copy)).isEqualTo(INDEX.indexOf(Behaviours.MISSED_DEADLINE)).isEqualTo(10);
    CatalogueIndex extended = TrustPolicy.defaults().withCatalogue(STANDARD.plus(CUSTOM)).catalogueIndex();
    assertThat(extended.indexOf(CUSTOM)).isEqualTo(19);
  }

  @Test
  @DisplayName("indexOf rejects an unknown behaviour and a stock id with different settings, naming \"behaviour\"")
  void strangers() {
    assertThatThrownBy(() -> INDEX.indexOf(CUSTOM))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("\"shipped-demo\"")
        .extracting(e -> ((InvalidTrustInputException) e).field()).isEqualTo("behaviour");
    Behaviour impostor = Behaviour.drain("missed-deadline", Dimension.ABILITY, 3.0, "Missed a deadline");
    assertThatThrownBy(() -> INDEX.indexOf(impostor))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("must match the catalogue's definition")
        .hasMessageContaining("defaultWeight=3.0");
  }

  @Test
  @DisplayName("the index is not part of the policy's value: equal policies stay equal")
  void notAValue() {
    TrustPolicy a = TrustPolicy.defaults().withName("a");
    TrustPolicy b = TrustPolicy.builder().name("a").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.catalogueIndex()).isNotSameAs(b.catalogueIndex());
  }
}
