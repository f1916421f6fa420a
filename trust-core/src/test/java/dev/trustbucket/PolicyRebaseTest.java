package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.io.golden.GoldenStories;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PolicyRebase: moving a history onto another policy on purpose")
class PolicyRebaseTest {

  @Test
  @DisplayName("the default story moved onto the strict preset: the same events, stricter numbers, reported")
  void defaultToStrict() {
    TrustLedger ledger = GoldenStories.ledger(TrustPolicy.defaults());
    Instant now = ledger.state().time().plus(Duration.ofDays(30));

    PolicyRebase rebase = PolicyRebase.of(ledger, TrustPolicy.strict(), now);

    assertThat(rebase.ledger().events()).isEqualTo(ledger.events());
    assertThat(rebase.ledger().policy()).isSameAs(TrustPolicy.strict());
    assertThat(rebase.from()).isSameAs(TrustPolicy.defaults());
    assertThat(rebase.atLastEvent().at()).isEqualTo(ledger.state().time());
    assertThat(rebase.atLastEvent().levelBefore()).isEqualTo(ledger.state().level());
    assertThat(rebase.atLastEvent().levelAfter()).isEqualTo(rebase.ledger().state().level());
    assertThat(rebase.atLastEvent().levelDelta())
        .isEqualTo(rebase.atLastEvent().levelAfter() - rebase.atLastEvent().levelBefore());
    assertThat(rebase.now().levelBefore()).isEqualTo(ledger.levelAt(now));
    assertThat(rebase.now().tierAfter()).isEqualTo(rebase.ledger().tierAt(now));
    assertThat(rebase.changesAnything()).isTrue();
    // Moving it back gives the original history again.
    assertThat(PolicyRebase.of(rebase.ledger(), TrustPolicy.defaults(), now).ledger()).isEqualTo(ledger);
  }

  @Test
  @DisplayName("a ledger restored from a state keeps its level, caps its scar, and keeps its tier only where the new ladder allows it")
  void restoredStart() {
    Instant t = Instant.parse("2025-01-06T09:00:00Z");
    TrustBucket restored = TrustBucket.ofState(TrustPolicy.defaults(), t, 0.62, 0.45, AutonomyTier.TRUSTED,
        Optional.empty(), 4.0, 1.0);
    TrustLedger ledger = TrustLedger.from(restored);

    PolicyRebase toForgiving = PolicyRebase.of(ledger, TrustPolicy.forgiving(), t);
    TrustBucket initial = toForgiving.ledger().initial();
    assertThat(initial.level()).isEqualTo(0.62);
    assertThat(initial.scar()).isEqualTo(0.3); // forgiving's maxScar
    assertThat(initial.tier()).isEqualTo(AutonomyTier.TRUSTED);
    assertThat(initial.positiveEvidence()).isEqualTo(4.0);

    PolicyRebase toStrict = PolicyRebase.of(ledger, TrustPolicy.strict(), t);
    // Strict's trusted threshold is 0.65, minus its band 0.05: 0.62 is still inside the band.
    assertThat(toStrict.ledger().initial().tier()).isEqualTo(AutonomyTier.TRUSTED);
    TrustPolicy high = TrustPolicy.builder().from(TrustPolicy.strict()).name("high")
        .ladder(new AutonomyLadder(0.4, 0.7, 0.9, 0.05, Duration.ofDays(30))).build();
    PolicyRebase toHigh = PolicyRebase.of(ledger, high, t);
    assertThat(toHigh.ledger().initial().tier()).isEqualTo(AutonomyTier.SUPERVISED);
    assertThat(toHigh.atLastEvent()).isEqualTo(new PolicyRebase.Change(t, 0.62, 0.62, AutonomyTier.TRUSTED,
        AutonomyTier.SUPERVISED));
    assertThat(toHigh.atLastEvent().changed()).isTrue();
    assertThat(toHigh.changesAnything()).isTrue();
  }

  @Test
  @DisplayName("now before the last event, or an event the new catalogue lacks, is rejected and nothing is returned")
  void badInput() {
    TrustLedger ledger = GoldenStories.ledger(GoldenStories.custom());
    InvalidTrustInputException early = catchThrowableOfType(InvalidTrustInputException.class,
        () -> PolicyRebase.of(ledger, TrustPolicy.defaults(), ledger.state().time().minusSeconds(1)));
    assertThat(early.field()).isEqualTo("now");
    InvalidTrustInputException missing = catchThrowableOfType(InvalidTrustInputException.class,
        () -> PolicyRebase.of(ledger, TrustPolicy.defaults(), ledger.state().time()));
    assertThat(missing.field()).isEqualTo("behaviour");
    assertThat(missing).hasMessageContaining("paired-on-review");
    Behaviour paired = GoldenStories.PAIRED;
    TrustPolicy withPaired = TrustPolicy.builder().from(TrustPolicy.defaults()).name("with-paired")
        .catalogue(BehaviourCatalogue.standard().with(paired)).build();
    assertThat(PolicyRebase.of(ledger, withPaired, ledger.state().time()).ledger().size()).isEqualTo(ledger.size());
    // A change of nothing but the time compared at: the change at that instant is only decay.
    PolicyRebase.Change same = new PolicyRebase.Change(Instant.EPOCH, 0.5, 0.5, AutonomyTier.SUPERVISED,
        AutonomyTier.SUPERVISED);
    assertThat(same.changed()).isFalse();
    assertThat(new PolicyRebase.Change(Instant.EPOCH, 0.5, 0.5, AutonomyTier.SUPERVISED, AutonomyTier.TRUSTED)
        .changed()).isTrue();
    assertThat(new PolicyRebase.Change(Instant.EPOCH, 0.5, Math.nextUp(0.5), AutonomyTier.SUPERVISED,
        AutonomyTier.SUPERVISED).changed()).isTrue();
  }

  @Test
  @DisplayName("a restored tier exactly at the new ladder's demotion line, or protected by a promotion, is kept")
  void tierAtTheBoundaryIsKept() {
    Instant t = Instant.parse("2025-01-06T09:00:00Z");
    TrustPolicy sameLadder = TrustPolicy.builder().from(TrustPolicy.defaults()).name("x").gainRate(0.08).build();
    // 0.55 is the default trusted threshold 0.6 minus the band 0.05: still TRUSTED.
    TrustLedger atLine = TrustLedger.from(TrustBucket.ofState(TrustPolicy.defaults(), t, 0.55, 0.0,
        AutonomyTier.TRUSTED, Optional.empty(), 1.0, 0.0));
    assertThat(PolicyRebase.of(atLine, sameLadder, t).ledger().initial().tier()).isEqualTo(AutonomyTier.TRUSTED);
    // Below the line, a promotion a day ago still protects the tier: kept with its promotion.
    Optional<Instant> promoted = Optional.of(t.minus(Duration.ofDays(1)));
    TrustLedger protectedTier = TrustLedger.from(TrustBucket.ofState(TrustPolicy.defaults(), t, 0.5, 0.0,
        AutonomyTier.TRUSTED, promoted, 1.0, 0.0));
    TrustBucket moved = PolicyRebase.of(protectedTier, sameLadder, t).ledger().initial();
    assertThat(moved.tier()).isEqualTo(AutonomyTier.TRUSTED);
    assertThat(moved.promotedAt()).isEqualTo(promoted);
    assertThat(new PolicyRebase.Change(t, 0.5, 0.75, AutonomyTier.SUPERVISED, AutonomyTier.TRUSTED).levelDelta())
        .isEqualTo(0.25);
  }
}
