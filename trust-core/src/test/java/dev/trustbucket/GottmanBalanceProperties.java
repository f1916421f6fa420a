package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.Generators.TrustEventTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Disabled;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Law 5 · Gottman balance (default policy): from the baseline, repeated cycles of 5 ordinary drops
 * and 1 ordinary drain never end below the baseline; cycles of 1 drop and 1 drain end below it.
 * Events are spaced from a second to weeks apart, so decay runs between them.
 */
@Label("Law 5 · Gottman balance")
class GottmanBalanceProperties {

  /** One cycle: its events in order, each with the gap before it. */
  record Cycle(List<TrustEventTemplate> events, List<Long> gapsMicros) {}

  static Arbitrary<Long> spacing(long maxDays) {
    return Arbitraries.longs().between(Generators.MICROS_PER_SECOND, maxDays * Generators.MICROS_PER_DAY);
  }

  static Arbitrary<Cycle> cycles(int drops, boolean drainFirst, long maxDays) {
    return Combinators.combine(
            Generators.ordinaryDrops().list().ofSize(drops),
            Generators.ordinaryDrains(),
            spacing(maxDays).list().ofSize(drops + 1))
        .as((ds, drain, gaps) -> {
          List<TrustEventTemplate> events = new ArrayList<>(ds);
          events.add(drainFirst ? 0 : events.size(), drain);
          return new Cycle(events, gaps);
        });
  }

  @Provide
  Arbitrary<Cycle> fiveToOneUpToThreeWeeks() {
    return Arbitraries.oneOf(cycles(5, false, 21), cycles(5, true, 21));
  }

  @Provide
  Arbitrary<Cycle> fiveToOneUpToFourWeeks() {
    return Arbitraries.oneOf(cycles(5, false, 28), cycles(5, true, 28));
  }

  @Provide
  Arbitrary<Cycle> oneToOne() {
    return Arbitraries.oneOf(cycles(1, false, 28), cycles(1, true, 28));
  }

  /** Runs the cycles from the baseline and returns the level at the end of each. */
  static List<Double> cycleEnds(Instant start, List<Cycle> cycles) {
    TrustBucket b = TrustBucket.start(TrustPolicy.defaults(), start);
    List<Double> ends = new ArrayList<>();
    for (Cycle c : cycles) {
      for (int i = 0; i < c.events().size(); i++) {
        b = BucketInvariants.check(b.apply(c.events().get(i).at(b.time(), c.gapsMicros().get(i))));
      }
      ends.add(b.level());
    }
    return ends;
  }

  @Property(tries = 500)
  @Label("Law 5 · Gottman balance: cycles of 5 ordinary drops and 1 ordinary drain (either order, events up to 3 weeks apart) never end below the baseline")
  void fiveDropsPerDrainHoldTheBaseline(
      @ForAll(supplier = Generators.Instants.class) Instant start,
      @ForAll @Size(min = 1, max = 60) List<@From("fiveToOneUpToThreeWeeks") Cycle> cycles) {
    assertThat(cycleEnds(start, cycles)).allSatisfy(end -> assertThat(end).isGreaterThanOrEqualTo(0.5));
  }

  /**
   * FAILS for the default policy, reported to the lead: with events about 25.4 days apart or more,
   * decay erodes the five drops before the drain comes. Five drops then a drain, each 28 days
   * after the one before, end the first cycle at 0.49856 and settle near 0.4976 after 60 cycles.
   * Kept, disabled, so that the finding stays visible until the law or the policy is settled.
   */
  @Property(tries = 500)
  @Disabled("Law 5 fails under the default policy for events 25.4+ days apart; reported to the lead")
  @Label("Law 5 · Gottman balance: cycles of 5 ordinary drops and 1 ordinary drain (either order, events up to 4 weeks apart) never end below the baseline")
  void fiveDropsPerDrainHoldTheBaselineAtFourWeeks(
      @ForAll(supplier = Generators.Instants.class) Instant start,
      @ForAll @Size(min = 1, max = 60) List<@From("fiveToOneUpToFourWeeks") Cycle> cycles) {
    assertThat(cycleEnds(start, cycles)).allSatisfy(end -> assertThat(end).isGreaterThanOrEqualTo(0.5));
  }

  @Property(tries = 500)
  @Label("Law 5 · Gottman balance: cycles of 1 ordinary drop and 1 ordinary drain (either order, events up to 4 weeks apart) end below the baseline")
  void oneDropPerDrainSinksBelowTheBaseline(
      @ForAll(supplier = Generators.Instants.class) Instant start,
      @ForAll @Size(min = 1, max = 60) List<@From("oneToOne") Cycle> cycles) {
    assertThat(cycleEnds(start, cycles)).allSatisfy(end -> assertThat(end).isLessThan(0.5));
  }
}
