package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Law 1 at scale: ten million events from a fixed seed, with gaps from zero to centuries, checking
 * the bounds after every event and every invariant every 100,000. The default preset runs the full
 * 10^7 (about 1.3 s on an idle 2-core machine); the other presets 10^6 each to keep the suite fast
 * (the properties cover every preset too).
 */
class TenMillionEventsTest {

  static List<Object[]> runs() {
    return List.of(
        new Object[] {TrustPolicy.defaults(), 10_000_000},
        new Object[] {TrustPolicy.symmetric(), 1_000_000},
        new Object[] {TrustPolicy.strict(), 1_000_000},
        new Object[] {TrustPolicy.forgiving(), 1_000_000});
  }

  @ParameterizedTest(name = "{0} preset, {1} events")
  @MethodSource("runs")
  @DisplayName("Law 1 · bounds: 10^7 events with gaps up to centuries keep the level finite in [0, 1]")
  void tenMillionEvents(TrustPolicy policy, int count) {
    SplittableRandom random = new SplittableRandom(20250106L);
    List<Behaviour> behaviours = BehaviourCatalogue.defaults().all();
    Disclosure[] disclosures = {
      Disclosure.notRecorded(), Disclosure.selfReported(), Disclosure.discovered(Duration.ZERO),
      Disclosure.discovered(Duration.ofDays(9)), Disclosure.discovered(Duration.ofDays(3_650))
    };
    Instant start = Instant.parse("-250000-01-01T00:00:00Z");
    Instant end = Instant.parse("+280000-01-01T00:00:00Z");
    long endSecond = end.getEpochSecond();
    TrustBucket b = TrustBucket.of(policy, start);
    long second = start.getEpochSecond();
    int nanos = 0;
    int full = 0;
    int empty = 0;
    int breaches = 0;
    long centuryGaps = 0;
    for (int i = 0; i < count; i++) {
      double r = random.nextDouble();
      long gap;
      if (r < 0.20) {
        gap = 0;
      } else if (r < 0.65) {
        gap = random.nextLong(3_600);
      } else if (r < 0.90) {
        gap = random.nextLong(86_400);
      } else if (r < 0.9999) {
        gap = random.nextLong(28 * 86_400L);
      } else {
        gap = random.nextLong(300 * 31_557_600L);
        centuryGaps += gap >= 100 * 31_557_600L ? 1 : 0;
      }
      if (second + gap < endSecond) {
        second += gap;
        nanos = gap == 0 ? nanos : random.nextInt(1_000_000_000);
      }
      Behaviour behaviour = behaviours.get(random.nextInt(behaviours.size()));
      double w = random.nextDouble();
      double weight = w < 0.7 ? behaviour.defaultWeight() : w < 0.97 ? random.nextDouble(3.0) : random.nextDouble(100.0);
      Disclosure disclosure = behaviour.isDrop() ? Disclosure.notRecorded() : disclosures[random.nextInt(disclosures.length)];
      TrustEvent event = new TrustEvent(behaviour, Instant.ofEpochSecond(second, nanos), weight, disclosure, "");
      b = b.plus(event);
      double level = b.level();
      if (!(level >= 0.0 && level <= 1.0)) {
        fail("event " + i + " (" + event + ") left the level at " + level);
      }
      full += level >= b.ceiling() - 1e-12 ? 1 : 0;
      empty += level == 0.0 ? 1 : 0;
      breaches += policy.isBreach(event) ? 1 : 0;
      if (i % 100_000 == 0) {
        BucketInvariants.check(b);
      }
    }
    BucketInvariants.check(b);
    BucketInvariants.check(b.at(end));
    // The run really went through buckets full to the ceiling, empty ones, breaches and centuries-long gaps.
    assertThat(full).isPositive();
    assertThat(empty).isPositive();
    assertThat(breaches).isPositive();
    assertThat(centuryGaps).isPositive();
  }
}
