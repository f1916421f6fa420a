package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.commitment.Commitment;
import dev.trustbucket.commitment.OverCommitment;
import dev.trustbucket.explain.Contribution;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.history.Sampling;
import dev.trustbucket.history.TimelinePoint;
import dev.trustbucket.internal.EpochMicros;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Right numbers at the edges: spans across the whole supported range, dates before year 1, same-instant deadlines. */
@DisplayName("Range edges: huge spans, ancient dates, same-day deadlines, bounded timelines")
class RangeEdgesTest {
  private static final Instant ANCIENT = Instant.parse("-290000-06-01T00:00:00Z");
  private static final Instant FAR = Instant.parse("+290000-06-01T00:00:00Z");

  @Test
  @DisplayName("an explanation across the whole range has finite numbers and says 'scar 0.00 left', not Infinity")
  void explanationAcrossTheWholeRange() {
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), ANCIENT)
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, ANCIENT.plusSeconds(86_400)).withWeight(5.0).withNote("old"))
        .plus(TrustEvent.of(Behaviours.SMALL_WIN, ANCIENT.plusSeconds(2 * 86_400)));
    Explanation e = Explanation.of(ledger, FAR);
    for (Contribution c : e.contributions()) {
      assertThat(c.remaining()).isFinite().isCloseTo(0.0, within(1e-12));
      assertThat(c.scarRemaining()).isFinite().isCloseTo(0.0, within(1e-12));
    }
    assertThat(e.startRemaining()).isFinite().isZero();
    double remainderSum = e.baseline() + e.startRemaining() + e.contributions().stream().mapToDouble(Contribution::remaining).sum();
    assertThat(remainderSum).isCloseTo(e.level(), within(1e-9));
    String text = e.render(5);
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("+290000")
        .contains("on 1 June 290000");
    assertThat(Explanation.describe(e.contributions().get(0))).contains("on 2 June -290000");
  }

  @Test
  @DisplayName("dates before year 1 print as proleptic years (0, -5), not years of an unnamed era")
  void datesBeforeYearOne() {
    Instant yearZero = Instant.parse("0000-03-01T00:00:00Z");
    Instant minusFive = Instant.parse("-0005-03-01T00:00:00Z");
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), minusFive)
        .plus(TrustEvent.of(Behaviours.SMALL_WIN, minusFive.plusSeconds(3600)));
    assertThat(Explanation.describe(Explanation.of(ledger, yearZero).contributions().get(0)))
        .contains("on 1 March -5,");
    assertThat(Explanation.of(ledger, yearZero).render(3)).startsWith("Level").contains("on 1 March 0,");
  }

  @Test
  @DisplayName("a recovery forecast from a state near the end of the range stops there instead of throwing")
  void forecastNearTheEndOfTheRange() {
    TrustBucket scarred = TrustBucket.of(TrustPolicy.defaults(), EpochMicros.MAX.minus(Duration.ofDays(400)))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, EpochMicros.MAX.minus(Duration.ofDays(399))).withWeight(10.0));
    RecoveryForecast f = RecoveryForecast.toLevel(scarred, Behaviours.SMALL_WIN, Duration.ofDays(7), 0.99);
    assertThat(f.isReachable()).isFalse();
    assertThat(f.drops()).isEqualTo(57); // one a week for the 399 days left
    assertThat(f.reason()).get().asString()
        .contains("for the 399 days left before the end of the supported range, +290000-12-31T23:59:59Z");
    RecoveryForecast tier = RecoveryForecast.toTier(scarred, Behaviours.SMALL_WIN, Duration.ofDays(1), AutonomyTier.AUTONOMOUS);
    assertThat(tier.drops()).isLessThanOrEqualTo(399);
  }

  @Test
  @DisplayName("two commitments due at the same instant give one shortfall whatever their order, and both are at risk")
  void sameInstantDeadlines() {
    Instant now = Instant.parse("2025-03-03T09:00:00Z");
    Instant friday = Instant.parse("2025-03-07T17:00:00Z");
    Commitment small = new Commitment("small", now, friday, 1.0, 5.0);
    Commitment big = new Commitment("big", now, friday, 1.0, 20.0);
    // 4 days 8 hours at 16 h a week: 16 × 104 / 168 = 9.905 hours; 25 are needed.
    OverCommitment one = OverCommitment.of(List.of(small, big), 16, now);
    OverCommitment two = OverCommitment.of(List.of(big, small), 16, now);
    assertThat(one.shortfallHours()).isCloseTo(25 - 16.0 * 104 / 168, within(1e-9)).isEqualTo(two.shortfallHours());
    assertThat(one.atRisk()).containsExactlyInAnyOrder(small, big);
    assertThat(two.atRisk()).containsExactlyInAnyOrder(small, big);
    assertThat(one.firstMiss()).contains(friday);
  }

  @Test
  @DisplayName("a periodic timeline is capped at 100,000 samples, rejected before any work, naming 'sampling'")
  void timelineCap() {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), start);
    assertThatThrownBy(() -> ledger.timeline(Sampling.every(Duration.ofSeconds(1)), start.plus(Duration.ofDays(365))))
        .isInstanceOfSatisfying(InvalidTrustInputException.class, e -> assertThat(e.field()).isEqualTo("sampling"))
        .hasMessage("sampling every PT1S from 2025-01-01T00:00:00Z to 2026-01-01T00:00:00Z would take 31536001 samples"
            + " but a timeline holds at most 100,000: sample less often or end sooner");
    assertThatThrownBy(() -> ledger.timeline(Sampling.daily(), EpochMicros.MAX))
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("would take 105181075 samples");
    // Exactly at the cap: 99,999 periods and the end.
    List<TimelinePoint> max = ledger.timeline(Sampling.every(Duration.ofSeconds(1)), start.plusSeconds(99_999));
    assertThat(max).hasSize(TrustLedger.MAX_TIMELINE_POINTS);
    assertThatThrownBy(() -> ledger.timeline(Sampling.every(Duration.ofSeconds(1)), start.plusSeconds(100_000)))
        .hasMessageContaining("would take 100001 samples");
    // A remainder adds the end as one more sample.
    assertThat(ledger.timeline(Sampling.every(Duration.ofSeconds(2)), start.plusSeconds(199_997))).hasSize(100_000);
    assertThatThrownBy(() -> ledger.timeline(Sampling.every(Duration.ofSeconds(2)), start.plusSeconds(199_999)))
        .hasMessageContaining("would take 100001 samples");
  }
}
