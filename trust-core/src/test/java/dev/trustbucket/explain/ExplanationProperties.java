package dev.trustbucket.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.TrustLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

@Label("Explanation: the parts add up to the level")
class ExplanationProperties {

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(150, Duration.ofDays(3_650));
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(0.0, 1.0), Arbitraries.of(0.0, 1.0));
  }

  @Provide
  Arbitrary<Duration> after() {
    return Arbitraries.oneOf(
        Arbitraries.just(Duration.ZERO), TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofDays(5 * 365)));
  }

  /** The instant {@code where} of the way from the history's start to its last event (in whole microseconds), then {@code after} more. */
  private static Instant instant(LedgerCase c, double where, Duration after) {
    long span = EpochMicros.ofDuration(Duration.between(c.initial().time(), c.end()));
    return c.initial().time().plus((long) (where * span), ChronoUnit.MICROS).plus(after);
  }

  @Property(tries = 200)
  @Label("the path: startLevel + Σ (decayBefore + immediate) + decaySinceLast = level, to 1e-9")
  void pathAddsUp(
      @ForAll("histories") LedgerCase c, @ForAll("fractions") double where, @ForAll("after") Duration after) {
    TrustLedger ledger = c.ledger();
    Instant at = instant(c, where, after);
    Explanation e = Explanation.of(ledger, at);

    double sum = e.startLevel();
    for (Contribution k : e.contributions()) {
      sum += k.step().decayBefore() + k.immediate();
    }
    sum += e.decaySinceLast();
    assertThat(sum).isCloseTo(e.level(), within(1e-9));
    assertThat(e.startLevel() + e.contributions().stream().mapToDouble(Contribution::immediate).sum() + e.decayTotal())
        .isCloseTo(e.level(), within(1e-9));
    assertThat(e.level()).isEqualTo(ledger.levelAt(at));
    assertThat(e.contributions()).hasSize((int) c.events().stream().filter(ev -> !ev.time().isAfter(at)).count());
  }

  @Property(tries = 200)
  @Label("the remainder: baseline + startRemaining + Σ remaining = level, to 1e-9")
  void remainderAddsUp(
      @ForAll("histories") LedgerCase c, @ForAll("fractions") double where, @ForAll("after") Duration after) {
    Explanation e = Explanation.of(c.ledger(), instant(c, where, after));
    Statistics.label("has events").collect(!e.contributions().isEmpty());

    double sum = e.baseline() + e.startRemaining();
    for (Contribution k : e.contributions()) {
      sum += k.remaining();
    }
    assertThat(sum).isCloseTo(e.level(), within(1e-9));
    assertThat(e.baseline()).isEqualTo(c.policy().baseline());
    assertThat(e.startLevel()).isEqualTo(c.initial().level());
  }

  @Property(tries = 200)
  @Label("top reasons are signed and sorted; open scars are breaches only, deepest first")
  void reasonsAreSignedAndSorted(
      @ForAll("histories") LedgerCase c,
      @ForAll("fractions") double where,
      @ForAll("after") Duration after,
      @ForAll @IntRange(min = 0, max = 20) int n) {
    Explanation e = Explanation.of(c.ledger(), instant(c, where, after));

    List<Contribution> up = e.topEventsUp(n);
    List<Contribution> down = e.topEventsDown(n);
    assertThat(up.size()).isLessThanOrEqualTo(n);
    assertThat(down.size()).isLessThanOrEqualTo(n);
    assertThat(up).allSatisfy(k -> {
      assertThat(k.remaining()).isPositive();
      assertThat(k.step().event().isDrop()).isTrue();
    });
    assertThat(down).allSatisfy(k -> {
      assertThat(k.remaining()).isNegative();
      assertThat(k.step().event().isDrop()).isFalse();
    });
    assertThat(up).extracting(Contribution::remaining).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(down).extracting(Contribution::remaining).isSortedAccordingTo(Double::compare);
    long positive = e.contributions().stream().filter(k -> k.remaining() > 0).count();
    assertThat(up).hasSize((int) Math.min(n, positive));
    // Nothing left out of the top n is larger than what is in it.
    if (!up.isEmpty()) {
      double smallest = up.get(up.size() - 1).remaining();
      assertThat(e.contributions().stream().filter(k -> !up.contains(k)).mapToDouble(Contribution::remaining))
          .allSatisfy(r -> assertThat(r).isLessThanOrEqualTo(smallest));
    }

    List<Contribution> scars = e.openScars();
    Statistics.label("has an open scar").collect(!scars.isEmpty());
    assertThat(scars).allSatisfy(k -> {
      assertThat(k.step().breach()).isTrue();
      assertThat(k.scarRemaining()).isGreaterThanOrEqualTo(Explanation.OPEN_SCAR_MINIMUM);
    });
    assertThat(scars).extracting(Contribution::scarRemaining).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(e.contributions()).filteredOn(k -> !k.step().breach())
        .allSatisfy(k -> assertThat(k.scarRemaining()).isZero());
  }

  @Property(tries = 200)
  @Label("grouped reasons: a partition of the events by behaviour and disclosure, adding up to the level to 1e-9")
  void reasonsPartitionTheEvents(
      @ForAll("histories") LedgerCase c,
      @ForAll("fractions") double where,
      @ForAll("after") Duration after,
      @ForAll @IntRange(min = 0, max = 20) int n) {
    Explanation e = Explanation.of(c.ledger(), instant(c, where, after));
    List<Reason> reasons = e.reasons();
    Statistics.label("some behaviour repeated").collect(reasons.size() < e.contributions().size());

    // Every event is in exactly one reason, in the order it happened, with its group's behaviour and disclosure.
    assertThat(reasons.stream().mapToInt(Reason::count).sum()).isEqualTo(e.contributions().size());
    assertThat(reasons.stream().flatMap(r -> r.contributions().stream()))
        .containsExactlyInAnyOrderElementsOf(e.contributions());
    for (Reason r : reasons) {
      assertThat(r.contributions()).allSatisfy(k -> {
        assertThat(k.step().event().behaviour()).isEqualTo(r.behaviour());
        assertThat(k.step().event().disclosure().kind()).isEqualTo(r.disclosure());
      });
      assertThat(r.contributions()).extracting(k -> k.step().index()).isSorted();
      assertThat(r.firstTime()).isEqualTo(r.contributions().get(0).step().event().time());
      assertThat(r.lastTime()).isEqualTo(r.contributions().get(r.count() - 1).step().event().time());
    }
    assertThat(reasons).extracting(r -> r.behaviour().id() + "/" + r.disclosure()).doesNotHaveDuplicates();

    // The remainder view adds up through the groups as through the single events.
    double sum = e.baseline() + e.startRemaining();
    for (Reason r : reasons) {
      sum += r.remaining();
    }
    assertThat(sum).isCloseTo(e.level(), within(1e-9));

    // The top reasons are signed and sorted, and nothing left out is larger than what is in.
    List<Reason> up = e.topUp(n);
    List<Reason> down = e.topDown(n);
    assertThat(up).allSatisfy(r -> assertThat(r.remaining()).isPositive())
        .allSatisfy(r -> assertThat(r.isDrop()).isTrue());
    assertThat(down).allSatisfy(r -> assertThat(r.remaining()).isNegative())
        .allSatisfy(r -> assertThat(r.isDrop()).isFalse());
    assertThat(up).extracting(Reason::remaining).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(down).extracting(Reason::remaining).isSortedAccordingTo(Double::compare);
    assertThat(up).hasSize((int) Math.min(n, reasons.stream().filter(r -> r.remaining() > 0).count()));
    assertThat(down).hasSize((int) Math.min(n, reasons.stream().filter(r -> r.remaining() < 0).count()));
    if (!up.isEmpty()) {
      double smallest = up.get(up.size() - 1).remaining();
      assertThat(reasons.stream().filter(r -> !up.contains(r)).mapToDouble(Reason::remaining))
          .allSatisfy(r -> assertThat(r).isLessThanOrEqualTo(smallest));
    }
  }

  @Property(tries = 100)
  @Label("each remainder is the effect times the rule's decay over the event's age, to 1e-12 (the stored factors compose)")
  void remaindersMatchTheRule(
      @ForAll("histories") LedgerCase c, @ForAll("fractions") double where, @ForAll("after") Duration after) {
    Instant at = instant(c, where, after);
    Explanation e = Explanation.of(c.ledger(), at);
    for (Contribution k : e.contributions()) {
      // the age the model sees: both instants at its resolution
      Duration age = Duration.between(k.step().event().time().truncatedTo(ChronoUnit.MICROS), at.truncatedTo(ChronoUnit.MICROS));
      assertThat(k.remaining()).isCloseTo(k.immediate() * c.policy().decay().retained(age), within(1e-12));
      assertThat(k.scarRemaining()).isCloseTo(k.step().scarAdded() * c.policy().scarDecay().retained(age), within(1e-12));
    }
  }
}
