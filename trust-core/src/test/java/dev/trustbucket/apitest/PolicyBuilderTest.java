package dev.trustbucket.apitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.Rates;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.decay.DecayRule;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TrustPolicy.Builder} as a caller outside trust-core's packages sees it: its setters chain
 * with no cast, and its public face holds only public types of the API.
 */
class PolicyBuilderTest {

  @Test
  void settersChainWithNoCast() {
    TrustPolicy patient = TrustPolicy.builder()
        .baseline(0.5)
        .rates(Rates.defaults().withLossRate(0.28))
        .decay(DecayRule.exponential(Duration.ofDays(730)))
        .name("patient")
        .build();
    assertThat(patient.name()).isEqualTo("patient");
    assertThat(patient.rates().lossRate()).isEqualTo(0.28);
    assertThat(patient.decay()).isEqualTo(DecayRule.exponential(Duration.ofDays(730)));
    assertThat(patient).isEqualTo(TrustPolicy.defaults().withName("patient")
        .withRates(Rates.defaults().withLossRate(0.28)).withDecay(DecayRule.exponential(Duration.ofDays(730))));
    assertThat(TrustPolicy.builder().from(patient).build()).isEqualTo(patient);
    assertThat(TrustPolicy.builder().build()).isEqualTo(TrustPolicy.defaults().withName("custom"));
  }

  @Test
  void buildChecksThePartsAndABuilderBuildsAgain() {
    TrustPolicy.Builder b = TrustPolicy.builder().baseline(1.5);
    assertThatThrownBy(b::build).isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("baseline")
        .hasMessageContaining("1.5");
    assertThat(b.baseline(0.45).build().baseline()).isEqualTo(0.45);
    assertThat(b.ladder(AutonomyLadder.defaults()).build()).isEqualTo(b.build());
    assertThatThrownBy(() -> TrustPolicy.builder().rates(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("rates");
  }

  @Test
  void theBuildersPublicFaceHoldsOnlyPublicTypes() {
    Class<TrustPolicy.Builder> builder = TrustPolicy.Builder.class;
    assertThat(builder.getSuperclass()).isEqualTo(Object.class);
    assertThat(builder.getInterfaces()).isEmpty();
    assertThat(Modifier.isFinal(builder.getModifiers())).isTrue();
    List<Method> api = Arrays.stream(builder.getMethods()).filter(m -> m.getDeclaringClass() != Object.class)
        .toList();
    assertThat(api).extracting(Method::getName).containsExactlyInAnyOrder("from", "name", "baseline", "rates",
        "drainMultipliers", "breachRules", "commitmentRules", "decay", "scarDecay", "ladder", "catalogue", "build");
    for (Method m : api) {
      assertThat(m.getDeclaringClass()).as(m.toString()).isEqualTo(builder);
      assertThat(m.getReturnType()).as(m.toString()).isEqualTo(m.getName().equals("build") ? TrustPolicy.class : builder);
      for (Class<?> type : m.getParameterTypes()) {
        assertThat(type.isPrimitive() || Modifier.isPublic(type.getModifiers())).as(m.toString()).isTrue();
        assertThat(type.getName()).as(m.toString()).doesNotContain("Immutable").doesNotContain(".internal.");
      }
    }
  }
}
