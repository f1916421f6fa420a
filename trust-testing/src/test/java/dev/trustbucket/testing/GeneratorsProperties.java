package dev.trustbucket.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The generators give what their Javadoc promises: valid, varied values a bucket accepts. */
@Label("Generators: valid, varied policies, catalogues and histories")
class GeneratorsProperties {

  @Property(tries = 300)
  @Label("policies(): presets and custom policies, custom catalogues among them, all of which build")
  void policiesAreValidAndVaried(@ForAll(supplier = TrustGenerators.Policies.class) TrustPolicy policy) {
    boolean preset = TrustGenerators.PRESETS.contains(policy);
    boolean stockCatalogue = policy.catalogue().equals(BehaviourCatalogue.defaults());
    Statistics.label("kind").collect(preset ? "preset" : "custom");
    Statistics.label("catalogue").collect(stockCatalogue ? "stock" : "custom");
    Statistics.label("kind").coverage(c -> {
      c.check("preset").percentage(p -> p > 15);
      c.check("custom").percentage(p -> p > 50);
    });
    Statistics.label("catalogue").coverage(c -> c.check("custom").percentage(p -> p > 25));
    assertThat(TrustPolicy.builder().from(policy).build()).isEqualTo(policy);
  }

  @Provide
  Arbitrary<LedgerCase> customHistories() {
    return HistoryGenerators.ledgerCases(PolicyGenerators.policies(), 40, 400);
  }

  @Property(tries = 100)
  @Label("histories of custom policies: events of the policy's own catalogue, in time order, accepted one by one and replayed alike")
  void historiesFitTheirPolicy(@ForAll("customHistories") LedgerCase history) {
    TrustPolicy policy = history.policy();
    List<TrustEvent> events = history.events();
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
    }
    assertThat(events).allSatisfy(e -> assertThat(policy.catalogue().contains(e.behaviour())).isTrue());
    boolean custom = events.stream().anyMatch(e -> !BehaviourCatalogue.defaults().contains(e.behaviour()));
    Statistics.collect(custom ? "a custom behaviour" : "stock behaviours only");
    Statistics.coverage(c -> c.check("a custom behaviour").percentage(p -> p > 10));
    TrustBucket bucket = HistoryGenerators.applyAll(history.initial(), events);
    TrustLedger ledger = history.ledger();
    assertThat(ledger.size()).isEqualTo(events.size());
    assertThat(ledger.state()).isEqualTo(bucket);
    assertThat(ledger.replay()).isEqualTo(bucket);
  }

  @Property(tries = 100)
  @Label("custom behaviours are not stock ones; catalogues hold unique ids")
  void customBehavioursAndCatalogues(
      @ForAll("customBehaviours") Behaviour own, @ForAll("catalogues") BehaviourCatalogue catalogue) {
    assertThat(own.id()).startsWith("own-");
    assertThat(BehaviourCatalogue.defaults().contains(own)).isFalse();
    assertThat(catalogue.all().stream().map(Behaviour::id).distinct().count()).isEqualTo(catalogue.size());
  }

  @Provide
  Arbitrary<Behaviour> customBehaviours() {
    return PolicyGenerators.customBehaviours();
  }

  @Provide
  Arbitrary<BehaviourCatalogue> catalogues() {
    return PolicyGenerators.catalogues();
  }

  @Property(tries = 10)
  @Label("withOneChange: the same policy but for the one setting named")
  void oneChange(@ForAll(supplier = TrustGenerators.Presets.class) TrustPolicy policy, @ForAll long seed) {
    Random random = new Random(seed);
    for (String setting : PolicyGenerators.SETTINGS) {
      PolicyGenerators.withOneChange(policy, setting, random).ifPresent(changed -> {
        assertThat(changed).isNotEqualTo(policy);
        assertThat(PolicyGenerators.withOneChange(policy, setting, new Random(seed))).isPresent();
      });
    }
  }

  @Property(tries = 50)
  @Label("scenarios: events in time order that a bucket of the scenario's preset accepts")
  void scenariosRun(@ForAll(supplier = TrustGenerators.Scenarios.class) TrustGenerators.Scenario scenario) {
    TrustBucket end = scenario.run();
    assertThat(end.level()).isBetween(0.0, 1.0);
    Instant last = scenario.events().isEmpty() ? scenario.start() : scenario.events().get(scenario.events().size() - 1).time();
    assertThat(end.time()).isEqualTo(last.truncatedTo(ChronoUnit.MICROS)); // the model's resolution
  }
}
