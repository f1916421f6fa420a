package dev.trustbucket.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.Disclosure;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.testing.HistoryGenerators.EventSpec;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import dev.trustbucket.testing.TrustGenerators;

/**
 * The same history with one drain changed. Levels are monotone in everything a drain changes (a
 * lower level and a deeper scar never lead to a higher level later), so taking a drain away or
 * making it self-reported can only help. The comparison allows 1e-12 because the changed history
 * splits the decay between two events differently, which rounds differently.
 */
@Label("WhatIf: the same history with one drain changed")
class WhatIfProperties {

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(80, Duration.ofDays(3_650));
  }

  @Provide
  Arbitrary<Duration> after() {
    return TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofDays(3 * 365));
  }

  private static List<Integer> drains(TrustLedger ledger) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < ledger.size(); i++) {
      if (!ledger.event(i).isDrop()) {
        out.add(i);
      }
    }
    return out;
  }

  /** The instant {@code where} of the way from the history's start to its last event (in whole microseconds), then {@code after} more. */
  private static Instant instant(LedgerCase c, double where, Duration after) {
    long span = EpochMicros.ofDuration(Duration.between(c.initial().time(), c.end()));
    return c.initial().time().plus((long) (where * span), ChronoUnit.MICROS).plus(after);
  }

  @Property(tries = 200)
  @Label("without a drain the level is never lower")
  void withoutADrainNeverLower(
      @ForAll("histories") LedgerCase c,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double which,
      @ForAll @DoubleRange(min = 0, max = 1) double where,
      @ForAll("after") Duration after) {
    TrustLedger ledger = c.ledger();
    List<Integer> drains = drains(ledger);
    Assume.that(!drains.isEmpty());
    int index = drains.get((int) (which * drains.size()));
    Instant at = instant(c, where, after);

    WhatIf w = WhatIf.ofRemoval(ledger, index, at);
    assertThat(w.difference()).isGreaterThanOrEqualTo(-1e-12);
    assertThat(w.original()).isEqualTo(ledger.event(index));
    assertThat(w.actual()).isEqualTo(ledger.stateAt(at));
    if (at.isBefore(ledger.event(index).time())) {
      assertThat(w.difference()).isZero();
    }
  }

  @Property(tries = 200)
  @Label("self-reporting a drain never lowers the level, and changes nothing when it was self-reported already")
  void selfReportingNeverLower(
      @ForAll("histories") LedgerCase c,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double which,
      @ForAll @DoubleRange(min = 0, max = 1) double where,
      @ForAll("after") Duration after) {
    TrustLedger ledger = c.ledger();
    List<Integer> drains = drains(ledger);
    Assume.that(!drains.isEmpty());
    int index = drains.get((int) (which * drains.size()));
    Instant at = instant(c, where, after);

    WhatIf w = WhatIf.ofSelfReport(ledger, index, at);
    assertThat(w.difference()).isGreaterThanOrEqualTo(-1e-12);
    if (ledger.event(index).disclosure().kind() == Disclosure.Kind.SELF_REPORTED) {
      assertThat(w.alternative()).isEqualTo(w.actual());
    }
  }

  @Provide
  Arbitrary<TrustPolicy> policies() {
    return Arbitraries.of(TrustPolicy.defaults(), TrustPolicy.strict(), TrustPolicy.forgiving());
  }

  /** Ordinary events: a stock behaviour at its default weight, no disclosure, up to a month apart. */
  @Provide
  Arbitrary<List<EventSpec>> ordinary() {
    return Combinators.combine(Arbitraries.of(BehaviourCatalogue.defaults().all()), TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofDays(30)))
        .as((b, gap) -> new EventSpec(gap, b, b.defaultWeight(), Disclosure.notRecorded(), ""))
        .list()
        .ofMaxSize(10);
  }

  @Provide
  Arbitrary<Behaviour> drainBehaviours() {
    return Arbitraries.of(BehaviourCatalogue.defaults().all().stream().filter(b -> !b.isDrop()).toList());
  }

  @Property(tries = 300)
  @Label("the essay's lesson: a drain reported early instead of discovered leaves the level higher afterwards")
  void reportingEarlyPays(
      @ForAll("policies") TrustPolicy policy,
      @ForAll("ordinary") List<EventSpec> before,
      @ForAll("drainBehaviours") Behaviour mistake,
      @ForAll @DoubleRange(min = 0.25, max = 2.0) double weight,
      @ForAll @LongRange(min = 0, max = 90) long daysHidden,
      @ForAll("ordinary") List<EventSpec> afterwards,
      @ForAll @LongRange(min = 0, max = 2L * 365 * 86_400) long secondsLater) {
    Instant start = HistoryGenerators.EPOCH;
    List<TrustEvent> events = new ArrayList<>(HistoryGenerators.lay(start, before));
    Instant t = events.isEmpty() ? start.plusSeconds(86_400) : events.get(events.size() - 1).time().plusSeconds(86_400);
    events.add(new TrustEvent(mistake, t, weight, Disclosure.discovered(Duration.ofDays(daysHidden)), "the mistake"));
    events.addAll(HistoryGenerators.lay(t, afterwards));
    TrustLedger ledger = TrustLedger.of(policy, start).plusAll(events);
    Instant at = events.get(events.size() - 1).time().plusSeconds(secondsLater);

    WhatIf lesson = WhatIf.ofSelfReport(ledger, before.size(), at);

    assertThat(lesson.difference()).isPositive();
    assertThat(lesson.alternative().scar()).isLessThanOrEqualTo(lesson.actual().scar());
  }
}
