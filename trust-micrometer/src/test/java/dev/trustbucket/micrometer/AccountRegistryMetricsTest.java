package dev.trustbucket.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccountRegistryMetricsTest {
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");
  private static final Relationship ANA = Relationship.of("ana", "bo");
  private static final Relationship CY = Relationship.of("cy", "bo");

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final AccountRegistry registry =
      new AccountRegistry(TrustPolicy.defaults(), Clock.fixed(MONDAY, ZoneOffset.UTC));
  private final AccountRegistryMetrics metrics =
      new AccountRegistryMetrics(registry, Tags.of("app", "review"), Duration.ofSeconds(10));

  private static TrustEvent at(int day, dev.trustbucket.behaviour.Behaviour behaviour) {
    return TrustEvent.of(behaviour, MONDAY.plus(Duration.ofDays(day)));
  }

  private double events(String direction, String dimension) {
    return meters.get(TrustMeterNames.EVENTS).tags("direction", direction, "dimension", dimension).counter().count();
  }

  private double breaches(String dimension) {
    return meters.get(TrustMeterNames.BREACHES).tag("dimension", dimension).counter().count();
  }

  private double relationships(String tier) {
    return meters.get(TrustMeterNames.RELATIONSHIPS).tag("tier", tier).gauge().value();
  }

  @Test
  void countsDropsDrainsAndBreachesPerDimensionAndTimesEachRecord() {
    metrics.bindTo(meters);
    metrics.record(ANA, at(1, Behaviours.PROACTIVE_UPDATE));
    metrics.record(ANA, at(2, Behaviours.DELIVERED_ON_COMMITMENT));
    metrics.record(ANA, at(3, Behaviours.MISSED_DEADLINE));
    metrics.record(CY, at(3, Behaviours.HID_PROBLEM));

    assertThat(events("drop", "communication")).isEqualTo(1.0);
    assertThat(events("drop", "ability")).isEqualTo(1.0);
    assertThat(events("drain", "ability")).isEqualTo(1.0);
    assertThat(events("drain", "integrity")).isEqualTo(1.0);
    assertThat(events("drop", "integrity")).isZero();
    // A missed deadline is an ordinary competence failure; hiding a problem is an integrity breach.
    assertThat(breaches("ability")).isZero();
    assertThat(breaches("integrity")).isEqualTo(1.0);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "recorded").timer().count()).isEqualTo(4);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "rejected").timer().count()).isZero();
    assertThat(registry.account(ANA).ledger().size()).isEqualTo(3);
  }

  @Test
  void aRefusedEventIsTimedAsRejectedAndCountsNothing() {
    metrics.bindTo(meters);
    metrics.record(ANA, at(5, Behaviours.PROACTIVE_UPDATE));

    assertThatThrownBy(() -> metrics.record(ANA, at(4, Behaviours.MISSED_DEADLINE)))
        .isInstanceOf(InvalidTrustInputException.class);

    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "rejected").timer().count()).isEqualTo(1);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "recorded").timer().count()).isEqualTo(1);
    assertThat(events("drain", "ability")).isZero();
    assertThat(registry.account(ANA).ledger().size()).isEqualTo(1);
  }

  @Test
  void gaugesCountRelationshipsPerTierFromOneCensusPerMaxAge() {
    metrics.bindTo(meters);
    metrics.record(ANA, at(1, Behaviours.PROACTIVE_UPDATE));
    metrics.record(CY, at(1, Behaviours.PROACTIVE_UPDATE));

    assertThat(relationships("supervised")).isEqualTo(2.0);
    assertThat(relationships("micromanaged")).isZero();

    // Two integrity breaches take cy from 0.5 to micromanaged (below 0.35 - 0.05).
    metrics.record(CY, at(2, Behaviours.HID_PROBLEM));
    metrics.record(CY, at(3, Behaviours.HID_PROBLEM));
    assertThat(registry.account(CY).state().tier()).isEqualTo(dev.trustbucket.AutonomyTier.MICROMANAGED);
    // The census taken a moment ago is still fresh...
    assertThat(relationships("supervised")).isEqualTo(2.0);
    // ...and is taken again once it is older than 10 seconds.
    clock.add(Duration.ofSeconds(11));
    assertThat(relationships("supervised")).isEqualTo(1.0);
    assertThat(relationships("micromanaged")).isEqualTo(1.0);
    assertThat(relationships("trusted")).isZero();
    assertThat(relationships("autonomous")).isZero();
  }

  @Test
  void everyMeterHasADescriptionAUnitAndNoTagPerRelationship() {
    metrics.bindTo(meters);
    metrics.record(ANA, at(1, Behaviours.PROACTIVE_UPDATE));
    metrics.record(CY, at(1, Behaviours.HID_PROBLEM));

    assertThat(meters.getMeters()).hasSize(4 + 6 + 3 + 3);
    for (Meter meter : meters.getMeters()) {
      Meter.Id id = meter.getId();
      assertThat(id.getName()).startsWith("trustbucket.");
      assertThat(id.getDescription()).as(id.getName()).isNotBlank();
      assertThat(id.getBaseUnit()).as(id.getName()).isNotBlank();
      Set<String> keys = id.getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
      assertThat(keys).contains("app").isSubsetOf("app", "tier", "direction", "dimension", "outcome");
      assertThat(id.getTags()).extracting(Tag::getValue).doesNotContain("ana", "bo", "cy");
    }
    assertThat(meters.get(TrustMeterNames.RECORD).timer().getId().getBaseUnit()).isEqualTo("seconds");
  }

  @Test
  void eachBoundRegistryCountsWhatIsRecordedAfterItsBinding() {
    metrics.record(ANA, at(1, Behaviours.PROACTIVE_UPDATE));
    metrics.bindTo(meters);
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(second);
    metrics.record(ANA, at(2, Behaviours.PROACTIVE_UPDATE));

    assertThat(events("drop", "communication")).isEqualTo(1.0);
    assertThat(second.get(TrustMeterNames.EVENTS).tags("direction", "drop", "dimension", "communication")
        .counter().count()).isEqualTo(1.0);
    assertThat(second.get(TrustMeterNames.RELATIONSHIPS).tag("tier", "supervised").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void aStoreReportsRetriesAndItsOwnTimings() {
    RecordingMetrics store = new RecordingMetrics(Tags.empty(), true);
    store.bindTo(meters);
    store.timed(RecordingMetrics.Outcome.RECORDED, 2_000_000L);
    TrustEvent major = at(1, Behaviours.MISSED_DEADLINE).withWeight(3.0);
    store.counted(major.behaviour().direction(), major.behaviour().dimension(), TrustPolicy.defaults().isBreach(major));
    store.retried(2);
    store.retried(0);

    assertThat(meters.get(TrustMeterNames.RETRIES).counter().count()).isEqualTo(2.0);
    assertThat(meters.get(TrustMeterNames.RETRIES).counter().getId().getBaseUnit()).isEqualTo("retries");
    // A drain of weight 3 is major (majorSeverity 2.0 by default): a breach even of competence.
    assertThat(breaches("ability")).isEqualTo(1.0);
    assertThat(meters.get(TrustMeterNames.RECORD).tag("outcome", "recorded").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0);
    assertThatThrownBy(() -> store.retried(-1)).hasMessage("count must be 0 or more but was -1");
  }

  @Test
  void aWriterWithoutRetriesRegistersNoRetryCounterAndRefusesToCountOne() {
    metrics.bindTo(meters);
    assertThat(meters.find(TrustMeterNames.RETRIES).meter()).isNull();
    RecordingMetrics writer = new RecordingMetrics(Tags.empty(), false);
    assertThatThrownBy(() -> writer.retried(1)).isInstanceOf(IllegalStateException.class);
  }
}
