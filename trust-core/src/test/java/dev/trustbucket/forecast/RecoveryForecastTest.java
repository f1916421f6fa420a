package dev.trustbucket.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RecoveryForecast")
class RecoveryForecastTest {
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final TrustPolicy POLICY = TrustPolicy.defaults();

  @Test
  @DisplayName("from the baseline, one delivery a week reaches AUTONOMOUS in 15 drops under the default policy")
  void weeklyDeliveriesToAutonomous() {
    TrustBucket fresh = TrustBucket.of(POLICY, MONDAY);
    RecoveryForecast f = RecoveryForecast.toTier(fresh, Behaviours.DELIVERED_ON_COMMITMENT, WEEK, AutonomyTier.AUTONOMOUS);

    assertThat(f.isReachable()).isTrue();
    assertThat(f.drops()).isEqualTo(15);
    assertThat(f.reachedAt()).contains(Instant.parse("2025-04-21T09:00:00Z"));
    assertThat(f.targetLevel()).isEqualTo(0.8);
    assertThat(f.targetTier()).contains(AutonomyTier.AUTONOMOUS);
    assertThat(f.finalLevel()).isCloseTo(0.808, within(0.0005));
    assertThat(f.reason()).isEmpty();
    assertThat(f.confidence().uncertainty()).isEqualTo(1.0);
    // Confirmed by hand: 15 weekly drops get there, 14 do not.
    TrustBucket b = fresh;
    for (int i = 1; i <= 15; i++) {
      b = b.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, MONDAY.plus(WEEK.multipliedBy(i))));
      assertThat(b.tier() == AutonomyTier.AUTONOMOUS).as("after %s drops", i).isEqualTo(i == 15);
    }
  }

  @Test
  @DisplayName("to a level: 0.7 takes 8 weekly deliveries; the strict and forgiving presets differ")
  void toLevel() {
    RecoveryForecast f = RecoveryForecast.toLevel(TrustBucket.of(POLICY, MONDAY), Behaviours.DELIVERED_ON_COMMITMENT, WEEK, 0.7);
    assertThat(f.drops()).isEqualTo(8);
    assertThat(f.reachedAt()).contains(Instant.parse("2025-03-03T09:00:00Z"));
    assertThat(f.finalLevel()).isGreaterThanOrEqualTo(0.7);
    assertThat(f.targetTier()).isEmpty();

    assertThat(RecoveryForecast.toTier(TrustBucket.of(TrustPolicy.strict(), MONDAY), Behaviours.DELIVERED_ON_COMMITMENT, WEEK,
        AutonomyTier.AUTONOMOUS).drops()).isEqualTo(27);
    assertThat(RecoveryForecast.toTier(TrustBucket.of(TrustPolicy.forgiving(), MONDAY), Behaviours.DELIVERED_ON_COMMITMENT, WEEK,
        AutonomyTier.AUTONOMOUS).drops()).isEqualTo(10);
  }

  @Test
  @DisplayName("a target already reached takes no drops")
  void alreadyThere() {
    TrustBucket high = TrustBucket.of(POLICY, MONDAY, 0.85);
    RecoveryForecast f = RecoveryForecast.toTier(high, Behaviours.SMALL_WIN, WEEK, AutonomyTier.TRUSTED);
    assertThat(f.drops()).isZero();
    assertThat(f.reachedAt()).contains(MONDAY);
    assertThat(f.finalLevel()).isEqualTo(0.85);
    assertThat(RecoveryForecast.toLevel(high, Behaviours.SMALL_WIN, WEEK, 0.85).drops()).isZero();
  }

  @Test
  @DisplayName("never, because decay takes back what sparse drops add: one small win every 90 days to 0.95")
  void plateau() {
    RecoveryForecast f = RecoveryForecast.toLevel(TrustBucket.of(POLICY, MONDAY), Behaviours.SMALL_WIN, Duration.ofDays(90), 0.95);

    assertThat(f.isReachable()).isFalse();
    assertThat(f.reachedAt()).isEmpty();
    assertThat(f.drops()).isEqualTo(40); // every drop within the ten-year horizon
    assertThat(f.finalLevel()).isCloseTo(0.59, within(0.005));
    assertThat(f.reason()).contains(
        "at one \"small-win\" every 90 days the level levels off near 0.59, below the target 0.95: "
            + "decay takes back what the drops add");
  }

  @Test
  @DisplayName("never, because a scar keeps the ceiling below the target")
  void scar() {
    TrustBucket scarred = TrustBucket.ofState(POLICY, MONDAY, 0.3, 0.5, AutonomyTier.MICROMANAGED, Optional.empty(), 0, 0);
    RecoveryForecast hourly = RecoveryForecast.toLevel(scarred, Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofHours(1), 0.99);

    assertThat(hourly.isReachable()).isFalse();
    assertThat(hourly.reason()).contains("a scar keeps the ceiling at 0.95, below the target 0.99, for longer than 10 years");
    assertThat(hourly.finalLevel()).isLessThan(0.95);

    TrustPolicy unforgiving = TrustPolicy.builder().from(POLICY).name("never-heals").scarDecay(DecayRule.none()).build();
    TrustBucket deep = TrustBucket.ofState(unforgiving, MONDAY, 0.3, 0.5, AutonomyTier.MICROMANAGED, Optional.empty(), 0, 0);
    RecoveryForecast daily = RecoveryForecast.toTier(deep, Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofDays(1), AutonomyTier.AUTONOMOUS);
    assertThat(daily.isReachable()).isFalse();
    assertThat(daily.reason()).contains("a scar keeps the ceiling at 0.50, below the target 0.80, for longer than 10 years");
  }

  @Test
  @DisplayName("back to where it was before the last breach")
  void backToBeforeLastBreach() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")))
        .plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, Instant.parse("2025-02-14T10:00:00Z")))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9))));

    RecoveryForecast f = RecoveryForecast.backToBeforeLastBreach(ledger, Behaviours.DELIVERED_ON_COMMITMENT, WEEK).orElseThrow();

    assertThat(f.targetLevel()).isEqualTo(ledger.steps().get(2).levelBefore()).isCloseTo(0.5476, within(1e-4));
    assertThat(f.from()).isEqualTo(ledger.state());
    assertThat(f.isReachable()).isTrue();
    assertThat(f.drops()).isGreaterThan(10); // built in drops, lost in buckets
    assertThat(RecoveryForecast.backToBeforeLastBreach(ledger.plus(TrustEvent.of(Behaviours.SMALL_WIN,
        Instant.parse("2025-03-04T10:00:00Z"))), Behaviours.DELIVERED_ON_COMMITMENT, WEEK).orElseThrow().targetLevel())
        .isEqualTo(f.targetLevel());

    TrustLedger clean = TrustLedger.of(POLICY, MONDAY).plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, MONDAY));
    assertThat(RecoveryForecast.backToBeforeLastBreach(clean, Behaviours.DELIVERED_ON_COMMITMENT, WEEK)).isEmpty();
  }

  @Test
  @DisplayName("a daily cadence reads \"every day\"")
  void dailyWording() {
    RecoveryForecast f = RecoveryForecast.toLevel(
        TrustBucket.of(POLICY, MONDAY), Behaviours.REGULAR_CHECK_IN, Duration.ofDays(1), 0.99);

    assertThat(f.isReachable()).isFalse();
    assertThat(f.drops()).isEqualTo(3_653);
    assertThat(f.reason()).contains(
        "at one \"regular-check-in\" every day the level levels off near 0.95, below the target 0.99: "
            + "decay takes back what the drops add");
    // A cadence that is not a whole number of days reads as an ISO-8601 duration.
    RecoveryForecast dayAndAHalf = RecoveryForecast.toLevel(
        TrustBucket.of(POLICY, MONDAY), Behaviours.REGULAR_CHECK_IN, Duration.ofHours(36), 0.99);
    assertThat(dayAndAHalf.reason()).hasValueSatisfying(r -> assertThat(r).contains(" every PT36H the level levels off"));
  }

  @Test
  @DisplayName("at one drop a minute the 100,000-drop limit ends the forecast after 69 days, and a scar's reason says so")
  void dropLimit() {
    TrustBucket scarred = TrustBucket.ofState(POLICY, MONDAY, 0.3, 0.5, AutonomyTier.MICROMANAGED, Optional.empty(), 0, 0);
    RecoveryForecast everyMinute =
        RecoveryForecast.toLevel(scarred, Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofMinutes(1), 0.9);

    assertThat(everyMinute.drops()).isEqualTo(RecoveryForecast.MAX_DROPS);
    assertThat(everyMinute.isReachable()).isFalse();
    // It used to claim "for longer than 10 years", yet hourly drops reach 0.9 in 2031 once the scar has faded.
    assertThat(everyMinute.reason()).contains(
        "a scar keeps the ceiling at 0.52, below the target 0.90, for all 100,000 drops simulated (69 days)");
    RecoveryForecast hourly = RecoveryForecast.toLevel(scarred, Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofHours(1), 0.9);
    assertThat(hourly.reachedAt()).hasValueSatisfying(t -> assertThat(t).isBetween(
        Instant.parse("2031-01-01T00:00:00Z"), Instant.parse("2032-01-01T00:00:00Z")));
  }

  @Test
  @DisplayName("the shortest and longest cadences are accepted: one minute and the ten-year horizon")
  void cadenceBounds() {
    TrustBucket b = TrustBucket.of(POLICY, MONDAY);
    RecoveryForecast minutely = RecoveryForecast.toLevel(b, Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofMinutes(1), 0.7);
    assertThat(minutely.reachedAt()).contains(MONDAY.plus(Duration.ofMinutes(minutely.drops())));
    RecoveryForecast once = RecoveryForecast.toLevel(b, Behaviours.DELIVERED_ON_COMMITMENT, RecoveryForecast.HORIZON, 0.7);
    assertThat(once.drops()).isEqualTo(1);
    assertThat(once.isReachable()).isFalse();
    assertThat(once.reason()).hasValueSatisfying(r -> assertThat(r).contains("every 3653 days"));
  }

  @Test
  @DisplayName("rejects drains, cadences under a minute or over the horizon, and targets out of range")
  void rejections() {
    TrustBucket b = TrustBucket.of(POLICY, MONDAY);
    assertField(() -> RecoveryForecast.toLevel(b, Behaviours.MISSED_DEADLINE, WEEK, 0.7), "behaviour");
    assertField(() -> RecoveryForecast.toTier(b, Behaviours.HID_PROBLEM, WEEK, AutonomyTier.TRUSTED), "behaviour");
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(59), WEEK.negated(), Duration.ofDays(3_654)}) {
      assertField(() -> RecoveryForecast.toLevel(b, Behaviours.SMALL_WIN, bad, 0.7), "cadence");
    }
    assertField(() -> RecoveryForecast.toLevel(b, Behaviours.SMALL_WIN, WEEK, 1.01), "targetLevel");
    assertField(() -> RecoveryForecast.toLevel(b, Behaviours.SMALL_WIN, WEEK, Double.NaN), "targetLevel");
    Behaviour foreign = Behaviour.drop("shipped-a-demo", dev.trustbucket.behaviour.Dimension.ABILITY, 1.0, "Shipped a demo");
    assertField(() -> RecoveryForecast.toLevel(b, foreign, WEEK, 0.7), "behaviour");
  }

  private static void assertField(Runnable r, String field) {
    assertThatThrownBy(r::run)
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo(field));
  }
}
