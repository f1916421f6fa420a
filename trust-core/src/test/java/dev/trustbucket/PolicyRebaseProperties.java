package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.HistoryGenerators;

@Label("Rebasing a history onto another policy")
class PolicyRebaseProperties {

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(30, Duration.ofDays(400));
  }

  @Provide
  Arbitrary<Duration> later() {
    return Arbitraries.longs().between(0, 2L * 365 * 86_400 * 1_000_000).map(m -> Duration.of(m, ChronoUnit.MICROS));
  }

  /** Presets, and random policies over every setting that keep the standard catalogue. */
  @Provide
  Arbitrary<TrustPolicy> targets() {
    return Arbitraries.oneOf(Arbitraries.of(TrustPolicy.presets()),
        Arbitraries.randomValue(r -> TrustPolicy.builder().from(dev.trustbucket.testing.PolicyGenerators.policy(r))
            .catalogue(TrustPolicy.defaults().catalogue()).build()));
  }

  @Property(tries = 150)
  @Label("rebasing onto the same policy changes nothing")
  void samePolicy(@ForAll("histories") LedgerCase c, @ForAll("later") Duration later) {
    TrustLedger ledger = c.ledger();
    Instant now = ledger.state().time().plus(later);
    PolicyRebase rebase = PolicyRebase.of(ledger, TrustPolicy.builder().from(c.policy()).build(), now);
    assertThat(rebase.ledger()).isEqualTo(ledger);
    assertThat(rebase.changesAnything()).isFalse();
    assertThat(rebase.atLastEvent().levelDelta()).isZero();
    assertThat(rebase.now().at()).isEqualTo(now);
    assertThat(rebase.from()).isSameAs(c.policy());
  }

  @Property(tries = 150)
  @Label("rebasing reports exactly the differences a fresh replay under the new policy gives")
  void reportsWhatAFreshReplayGives(
      @ForAll("histories") LedgerCase c, @ForAll("targets") TrustPolicy target, @ForAll("later") Duration later) {
    TrustLedger ledger = c.ledger();
    Instant now = ledger.state().time().plus(later);
    TrustBucket initial = c.initial();
    TrustBucket start = initial.equals(TrustBucket.of(c.policy(), initial.time()))
        ? TrustBucket.of(target, initial.time())
        : TrustBucket.of(target, initial.time(), initial.level());
    TrustLedger fresh = TrustLedger.from(start).plusAll(c.events());

    PolicyRebase rebase = PolicyRebase.of(ledger, target, now);

    assertThat(rebase.ledger()).isEqualTo(fresh);
    assertThat(rebase.ledger().policy()).isEqualTo(target);
    Instant last = ledger.state().time();
    assertThat(rebase.atLastEvent()).isEqualTo(new PolicyRebase.Change(last, ledger.state().level(),
        fresh.state().level(), ledger.state().tier(), fresh.state().tier()));
    assertThat(rebase.now()).isEqualTo(new PolicyRebase.Change(now, ledger.levelAt(now), fresh.levelAt(now),
        ledger.tierAt(now), fresh.tierAt(now)));
    boolean differs = Double.compare(ledger.state().level(), fresh.state().level()) != 0
        || ledger.state().tier() != fresh.state().tier()
        || Double.compare(ledger.levelAt(now), fresh.levelAt(now)) != 0 || ledger.tierAt(now) != fresh.tierAt(now);
    assertThat(rebase.changesAnything()).isEqualTo(differs);
    Statistics.label("changed").collect(differs);
    Statistics.label("tier changed").collect(rebase.atLastEvent().tierBefore() != rebase.atLastEvent().tierAfter());
  }
}
