package dev.trustbucket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Property binding, and start-up failures that name the property and the reason. */
class TrustBucketPropertiesTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(TrustBucketAutoConfigurationTest.STARTER);

  private static TrustPolicy policy(AssertableApplicationContext context) {
    assertThat(context).hasNotFailed();
    return context.getBean(TrustPolicy.class);
  }

  private static InvalidConfigurationPropertyValueException invalid(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable t = context.getStartupFailure();
    while (t != null && !(t instanceof InvalidConfigurationPropertyValueException)) {
      t = t.getCause();
    }
    assertThat(t).as("an InvalidConfigurationPropertyValueException in %s", context.getStartupFailure()).isNotNull();
    return (InvalidConfigurationPropertyValueException) t;
  }

  @Test
  void aPresetAloneIsThatPresetWithItsName() {
    runner.withPropertyValues("trustbucket.preset=strict")
        .run(context -> assertThat(policy(context)).isEqualTo(TrustPolicy.strict()));
  }

  @Test
  void aVersionedPresetIsThatVersionForever() {
    runner.withPropertyValues("trustbucket.preset=strict@1")
        .run(context -> assertThat(policy(context)).isEqualTo(TrustPolicy.preset("strict@1").orElseThrow()));
  }

  @Test
  void overridesLadderAndBehavioursChangeOnlyWhatTheyName() {
    runner.withPropertyValues(
            "trustbucket.preset=forgiving",
            "trustbucket.policy.name=acme-2025",
            "trustbucket.policy.loss-rate=0.2",
            "trustbucket.policy.integrity-breaches=false",
            "trustbucket.policy.decay-half-life=400d",
            "trustbucket.ladder.trusted=0.62",
            "trustbucket.ladder.minimum-stay=21d",
            "trustbucket.behaviours[0].id=paired-on-incident",
            "trustbucket.behaviours[0].direction=drop",
            "trustbucket.behaviours[0].dimension=communication",
            "trustbucket.behaviours[0].weight=0.75",
            "trustbucket.behaviours[0].label=Paired on an incident")
        .run(context -> {
          TrustPolicy forgiving = TrustPolicy.forgiving();
          AutonomyLadder ladder = forgiving.ladder();
          TrustPolicy expected = TrustPolicy.builder()
              .from(forgiving)
              .name("acme-2025")
              .decay(DecayRule.exponential(Duration.ofDays(400)))
              .ladder(new AutonomyLadder(ladder.supervised(), 0.62, ladder.autonomous(), ladder.hysteresisBand(),
                  Duration.ofDays(21)))
              .catalogue(forgiving.catalogue().plus(
                  Behaviour.drop("paired-on-incident", Dimension.COMMUNICATION, 0.75, "Paired on an incident")))
              .rates(forgiving.rates().withLossRate(0.2))
              .breachRules(forgiving.breachRules().withIntegrityBreaches(false))
              .build();
          assertThat(policy(context)).isEqualTo(expected);
        });
  }

  @Test
  void anOverrideWithoutANameIsCalledCustom() {
    runner.withPropertyValues("trustbucket.policy.gain-rate=0.08")
        .run(context -> assertThat(policy(context).name()).isEqualTo("custom"));
  }

  @Test
  void anUnknownPresetNamesThePropertyAndTheKnownPresets() {
    runner.withPropertyValues("trustbucket.preset=default@9").run(context -> {
      InvalidConfigurationPropertyValueException e = invalid(context);
      assertThat(e.getName()).isEqualTo("trustbucket.preset");
      assertThat(e.getValue()).isEqualTo("default@9");
      // Every name TrustPolicy.preset accepts today is listed (versioned names come with trust-core's presets).
      assertThat(e.getReason()).contains(TrustPolicy.presets().stream().map(TrustPolicy::name).toList());
    });
  }

  @Test
  void aNumberTheModelRefusesNamesThePropertyAndTheModelsReason() {
    runner.withPropertyValues("trustbucket.policy.loss-rate=3").run(context -> {
      InvalidConfigurationPropertyValueException e = invalid(context);
      assertThat(e.getName()).isEqualTo("trustbucket.policy.loss-rate");
      assertThat(e.getValue()).isEqualTo(3.0);
      assertThat(e.getReason()).startsWith("lossRate must be").contains("3.0");
      assertThat(e.getMessage()).contains("trustbucket.policy.loss-rate");
    });
    runner.withPropertyValues("trustbucket.policy.max-scar=0.9").run(context ->
        assertThat(invalid(context).getName()).isEqualTo("trustbucket.policy.max-scar"));
    runner.withPropertyValues("trustbucket.policy.scar-decay-half-life=10d").run(context -> {
      InvalidConfigurationPropertyValueException e = invalid(context);
      assertThat(e.getName()).isEqualTo("trustbucket.policy.scar-decay-half-life");
      assertThat(e.getReason()).contains("forget no faster than decay");
    });
    runner.withPropertyValues("trustbucket.policy.decay-half-life=-3d").run(context -> {
      InvalidConfigurationPropertyValueException e = invalid(context);
      assertThat(e.getName()).isEqualTo("trustbucket.policy.decay-half-life");
      assertThat(e.getReason()).contains("halfLife must be positive");
    });
  }

  @Test
  void aLadderOutOfOrderNamesTheLadder() {
    runner.withPropertyValues("trustbucket.ladder.trusted=0.9").run(context -> {
      InvalidConfigurationPropertyValueException e = invalid(context);
      assertThat(e.getName()).isEqualTo("trustbucket.ladder");
      assertThat(e.getReason()).contains("thresholds must increase");
    });
    runner.withPropertyValues("trustbucket.ladder.hysteresis-band=0.5").run(context ->
        assertThat(invalid(context).getName()).isEqualTo("trustbucket.ladder.hysteresis-band"));
  }

  @Test
  void aBadCustomBehaviourNamesItsIndexAndField() {
    runner.withPropertyValues(
            "trustbucket.behaviours[0].id=ok-one", "trustbucket.behaviours[0].direction=drop",
            "trustbucket.behaviours[0].dimension=ability", "trustbucket.behaviours[0].label=Fine",
            "trustbucket.behaviours[1].id=Not Valid", "trustbucket.behaviours[1].direction=drain",
            "trustbucket.behaviours[1].dimension=ability", "trustbucket.behaviours[1].label=Bad")
        .run(context -> {
          InvalidConfigurationPropertyValueException e = invalid(context);
          assertThat(e.getName()).isEqualTo("trustbucket.behaviours[1].id");
          assertThat(e.getValue()).isEqualTo("Not Valid");
        });
    runner.withPropertyValues("trustbucket.behaviours[0].id=missed-deadline", "trustbucket.behaviours[0].direction=drain",
            "trustbucket.behaviours[0].dimension=ability", "trustbucket.behaviours[0].label=Again")
        .run(context -> assertThat(invalid(context).getReason()).contains("unique"));
    runner.withPropertyValues("trustbucket.behaviours[0].id=no-label", "trustbucket.behaviours[0].direction=drop",
            "trustbucket.behaviours[0].dimension=ability")
        .run(context -> assertThat(invalid(context).getName()).isEqualTo("trustbucket.behaviours[0].label"));
    runner.withPropertyValues("trustbucket.behaviours[0].id=heavy", "trustbucket.behaviours[0].direction=drop",
            "trustbucket.behaviours[0].dimension=ability", "trustbucket.behaviours[0].label=Heavy",
            "trustbucket.behaviours[0].weight=101")
        .run(context -> {
          InvalidConfigurationPropertyValueException e = invalid(context);
          assertThat(e.getName()).isEqualTo("trustbucket.behaviours[0].weight");
          assertThat(e.getValue()).isEqualTo(101.0);
        });
  }

  @Test
  void aValueOfTheWrongTypeFailsBindingWithThePropertysName() {
    runner.withPropertyValues("trustbucket.policy.gain-rate=lots").run(context -> {
      assertThat(context).hasFailed();
      Throwable t = context.getStartupFailure();
      while (t != null && !(t instanceof BindException)) {
        t = t.getCause();
      }
      assertThat(t).isInstanceOf(BindException.class);
      assertThat(((BindException) t).getProperty().getName().toString()).isEqualTo("trustbucket.policy.gain-rate");
    });
    runner.withPropertyValues("trustbucket.behaviours[0].dimension=charm").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).hasStackTraceContaining("trustbucket.behaviours[0].dimension");
    });
  }

  @Test
  void theGeneratedMetadataDescribesEveryProperty() throws Exception {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(json).contains("\"trustbucket.preset\"", "\"trustbucket.policy.loss-rate\"",
          "\"trustbucket.ladder.minimum-stay\"", "\"trustbucket.behaviours\"", "\"trustbucket.jdbc.write-mode\"",
          "\"trustbucket.metrics.census-max-age\"");
    }
  }
}
