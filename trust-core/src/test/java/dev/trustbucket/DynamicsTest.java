package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The rare path of the update step ({@code Dynamics.settle}, called through a method handle)
 * behaves as a direct call would: its results are the step's, and what it throws reaches the
 * caller unchanged.
 */
class DynamicsTest {
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");

  /** The default decay, which throws {@code thrown} once {@code callsLeft} calls are used up. */
  private static final class Tripwire implements DecayRule {
    private final DecayRule inner = DecayRule.exponential(Duration.ofDays(90));
    final AtomicInteger callsLeft = new AtomicInteger(Integer.MAX_VALUE);
    Throwable thrown = new IllegalStateException("unused");

    @Override
    public double retained(Duration elapsed) {
      if (callsLeft.getAndDecrement() <= 0) {
        Tripwire.<RuntimeException>sneaky(thrown);
      }
      return inner.retained(elapsed);
    }

    @Override
    public Duration halfLife() {
      return inner.halfLife();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneaky(Throwable t) throws E {
      throw (E) t;
    }
  }

  /** A bucket demoted to MICROMANAGED, which a long quiet gap promotes back: that takes settle. */
  private static TrustBucket demoted(TrustPolicy policy) {
    TrustBucket bucket = TrustBucket.of(policy, T0);
    for (int day = 1; bucket.tier() != AutonomyTier.MICROMANAGED; day++) {
      bucket = bucket.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, T0.plus(Duration.ofDays(day))));
    }
    return bucket;
  }

  @Test
  void aPromotionInAGapIsSettledOutOfLineAndDatedAtTheCrossing() {
    TrustBucket bucket = demoted(TrustPolicy.defaults());
    Instant later = bucket.time().plus(Duration.ofDays(400));

    TrustBucket relaxed = bucket.at(later);

    assertThat(relaxed.tier()).isEqualTo(AutonomyTier.SUPERVISED);
    assertThat(relaxed.promotedAt()).hasValueSatisfying(
        promoted -> assertThat(promoted).isAfter(bucket.time()).isBefore(later));
  }

  @Test
  void whatADecayRuleThrowsInTheRarePathReachesTheCallerUnchanged() {
    Tripwire rule = new Tripwire();
    TrustPolicy policy = TrustPolicy.builder().name("tripwire").decay(rule).build();
    TrustBucket bucket = demoted(policy);
    Instant later = bucket.time().plus(Duration.ofDays(400));
    for (Throwable thrown : new Throwable[] {
        new IllegalStateException("a runtime exception"),
        new StackOverflowError("an error"),
        new java.io.IOException("a checked exception, thrown sneakily")}) {
      rule.thrown = thrown;
      rule.callsLeft.set(1); // the gap's own factor; the next call is settle's search for the crossing

      assertThatThrownBy(() -> bucket.at(later)).isSameAs(thrown);
    }
  }
}
