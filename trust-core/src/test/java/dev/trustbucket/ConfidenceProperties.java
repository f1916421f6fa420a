package dev.trustbucket;

import static dev.trustbucket.BucketInvariants.assertBitwise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import dev.trustbucket.testing.TrustGenerators;
import dev.trustbucket.testing.HistoryGenerators;

/**
 * Confidence is the beta reputation system of Jøsang &amp; Ismail (2002), read as a
 * subjective-logic opinion with base rate 1/2.
 */
@Label("Confidence: the beta reputation system")
class ConfidenceProperties {

  @Provide
  Arbitrary<Double> evidence() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0.0, 10.0),
        Arbitraries.doubles().between(0.0, 1e6),
        Arbitraries.of(0.0, 1.0, 2.0, Double.MIN_VALUE, 1e300));
  }

  @Property(tries = 500)
  @Label("b = r/(r+s+2), d = s/(r+s+2), u = 2/(r+s+2), E = (r+1)/(r+s+2), and b + d + u = 1")
  void jøsangIsmail(@ForAll("evidence") double r, @ForAll("evidence") double s) {
    Confidence c = new Confidence(r, s);
    double n = r + s + 2;

    assertThat(c.belief()).isEqualTo(r / n);
    assertThat(c.disbelief()).isEqualTo(s / n);
    assertThat(c.uncertainty()).isEqualTo(2 / n);
    assertThat(c.expectation()).isEqualTo((r + 1) / n);
    assertThat(c.certainty()).isEqualTo(1 - 2 / n);
    assertThat(c.belief() + c.disbelief() + c.uncertainty()).isCloseTo(1.0, within(1e-12));
    // The expectation is belief plus the base rate's share of the uncertainty.
    assertThat(c.expectation()).isCloseTo(c.belief() + 0.5 * c.uncertainty(), within(1e-12));
    assertThat(c.uncertainty()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    assertThat(c.expectation()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    if (r + s < 1e15) {
      assertThat(c.expectation()).isLessThan(1.0); // only astronomic evidence rounds it to 1
    }
  }

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(100, Duration.ofDays(400));
  }

  @Provide
  Arbitrary<Duration> gaps() {
    return HistoryGenerators.gaps(Duration.ofDays(36_500));
  }

  @Property(tries = 300)
  @Label("evidence fades by the same retained() factor as the level's deviation from the baseline")
  void evidenceFadesLikeTheLevel(@ForAll("histories") LedgerCase c, @ForAll("gaps") Duration gap) {
    TrustBucket b = c.ledger().state();
    Instant later = b.time().plus(gap);
    TrustBucket after = b.at(later);
    double kept = c.policy().decay().retained(gap);
    double baseline = c.policy().baseline();

    assertBitwise(after.level(), gap.isZero() ? b.level() : baseline + (b.level() - baseline) * kept);
    assertThat(after.positiveEvidence()).isEqualTo((double) (float) (b.positiveEvidence() * kept));
    assertThat(after.negativeEvidence()).isEqualTo((double) (float) (b.negativeEvidence() * kept));
    assertThat(after.confidence().uncertainty()).isGreaterThanOrEqualTo(b.confidence().uncertainty());
    assertThat(after.confidence()).isEqualTo(new Confidence(after.positiveEvidence(), after.negativeEvidence()));
  }

  @Property(tries = 300)
  @Label("a drop adds its weight to r; a drain adds its weight times its multiplier to s")
  void eventsAddEvidence(@ForAll("histories") LedgerCase c) {
    TrustBucket b = c.initial();
    for (TrustEvent e : c.events()) {
      TrustBucket decayed = b.at(e.time());
      TrustBucket after = b.plus(e);
      if (e.isDrop()) {
        assertThat(after.positiveEvidence()).isEqualTo((double) ((float) decayed.positiveEvidence() + (float) e.weight()));
        assertThat(after.negativeEvidence()).isEqualTo(decayed.negativeEvidence());
      } else {
        double wm = e.weight() * c.policy().drainMultiplier(e.behaviour(), e.disclosure());
        assertThat(after.negativeEvidence()).isEqualTo((double) ((float) decayed.negativeEvidence() + (float) wm));
        assertThat(after.positiveEvidence()).isEqualTo(decayed.positiveEvidence());
      }
      b = after;
    }
  }
}
