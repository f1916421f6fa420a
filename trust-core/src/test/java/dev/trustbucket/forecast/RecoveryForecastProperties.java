package dev.trustbucket.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.behaviour.Behaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

@Label("RecoveryForecast: what it promises holds when the drops are applied by hand")
class RecoveryForecastProperties {

  @Provide
  Arbitrary<TrustBucket> starts() {
    return HistoryGenerators.ledgerCases(60, Duration.ofDays(200)).map(LedgerCase::ledger).map(l -> l.state());
  }

  @Provide
  Arbitrary<Behaviour> drops() {
    return Arbitraries.of(BehaviourCatalogue.defaults().all().stream().filter(Behaviour::isDrop).toList());
  }

  @Provide
  Arbitrary<Duration> cadences() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(6, 24 * 60).map(Duration::ofHours),
        Arbitraries.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(90)));
  }

  @Provide
  Arbitrary<Optional<AutonomyTier>> tiers() {
    return Arbitraries.of(AutonomyTier.class).optional(0.5);
  }

  @Property(tries = 200)
  @Label("reachable after n drops: n drops applied by hand reach the target and n − 1 do not; unreachable: no drop within the horizon does")
  void forecastIsConfirmedByHand(
      @ForAll("starts") TrustBucket from,
      @ForAll("drops") Behaviour drop,
      @ForAll("cadences") Duration cadence,
      @ForAll("tiers") Optional<AutonomyTier> tier,
      @ForAll("levels") double level) {
    RecoveryForecast f =
        tier.isPresent()
            ? RecoveryForecast.untilTier(from, drop, cadence, tier.get())
            : RecoveryForecast.untilLevel(from, drop, cadence, level);
    double target = tier.map(t -> from.policy().ladder().threshold(t)).orElse(level);
    Statistics.label("reachable").collect(f.isReachable());
    assertThat(f.targetLevel()).isEqualTo(target);
    assertThat(f.from()).isEqualTo(from);
    assertThat(f.outOfReach().isPresent()).isNotEqualTo(f.isReachable());

    TrustBucket b = from;
    int n = f.isReachable() ? f.drops() : Integer.MAX_VALUE;
    assertThat(reached(b, tier, level)).isEqualTo(n == 0);
    Instant end = from.time().plus(RecoveryForecast.HORIZON);
    int applied = 0;
    for (Instant t = from.time().plus(cadence); !t.isAfter(end) && applied < n && applied < RecoveryForecast.MAX_DROPS;
        t = t.plus(cadence)) {
      b = b.plus(TrustEvent.of(drop, t));
      applied++;
      assertThat(reached(b, tier, level)).as("after %s drops", applied).isEqualTo(applied == n);
    }
    if (f.isReachable()) {
      assertThat(applied).isEqualTo(n);
      assertThat(f.reachedAt()).contains(from.time().plus(cadence.multipliedBy(n)));
    } else {
      assertThat(f.drops()).isEqualTo(applied);
      OutOfReach why = f.outOfReach().orElseThrow();
      assertThat(why.cause()).isEqualTo(target > b.ceiling() ? OutOfReach.Cause.SCAR_CEILING : OutOfReach.Cause.DECAY);
      assertThat(why.ceiling()).isEqualTo(b.ceiling());
      assertThat(why.levelReached()).isEqualTo(b.level());
      assertThat(why.limit()).isEqualTo(applied == RecoveryForecast.MAX_DROPS ? OutOfReach.Limit.MAX_DROPS
          : from.time().plus(RecoveryForecast.HORIZON).isAfter(dev.trustbucket.internal.EpochMicros.MAX)
              ? OutOfReach.Limit.END_OF_RANGE : OutOfReach.Limit.HORIZON);
    }
    assertThat(f.finalLevel()).isEqualTo(b.level());
  }

  @Provide
  Arbitrary<Double> levels() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(0.0, 1.0), Arbitraries.of(0.5, 0.8, 0.95, 0.99, 1.0));
  }

  private static boolean reached(TrustBucket b, Optional<AutonomyTier> tier, double level) {
    return tier.isPresent() ? b.tier().compareTo(tier.get()) >= 0 : b.level() >= level;
  }
}
