package dev.trustbucket;

import static dev.trustbucket.testing.HistoryGenerators.applyAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.history.Sampling;
import dev.trustbucket.history.TimelinePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.trustbucket.testing.HistoryGenerators;

@DisplayName("TrustLedger")
class TrustLedgerTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");

  private static Instant day(int d) {
    return MONDAY.plus(Duration.ofDays(d));
  }

  private static TrustEvent drop(int d) {
    return TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, day(d));
  }

  private static TrustEvent drain(int d) {
    return TrustEvent.of(Behaviours.MISSED_DEADLINE, day(d));
  }

  @ParameterizedTest(name = "{0} events")
  @ValueSource(ints = {0, 1, 63, 64, 65, 127, 128, 1000})
  @DisplayName("stateAt works across checkpoint boundaries: at, between and after events, bit for bit")
  void stateAtAcrossCheckpoints(int n) {
    for (TrustPolicy policy : List.of(TrustPolicy.defaults(), TrustPolicy.strict())) {
      LedgerCase c = HistoryGenerators.seeded(policy, n, 42L + n);
      TrustLedger ledger = c.ledger();
      List<TrustBucket> prefix = TrustLedgerProperties.prefixStates(c);

      assertThat(ledger.size()).isEqualTo(n);
      assertThat(ledger.state()).isEqualTo(prefix.get(n)).isEqualTo(ledger.replay());
      assertThat(ledger.stateAt(c.initial().time())).isEqualTo(prefix.get(TrustLedgerProperties.countUpTo(c.events(), c.initial().time())));
      for (int i = 0; i < n; i++) {
        Instant t = c.events().get(i).time();
        int count = TrustLedgerProperties.countUpTo(c.events(), t);
        assertThat(ledger.stateAt(t)).as("at event %s", i).isEqualTo(prefix.get(count));
        Instant between = t.plusSeconds(1);
        int countBetween = TrustLedgerProperties.countUpTo(c.events(), between);
        assertThat(ledger.stateAt(between)).as("just after event %s", i).isEqualTo(prefix.get(countBetween).at(between));
      }
      Instant later = c.end().plus(Duration.ofDays(400));
      assertThat(ledger.stateAt(later)).isEqualTo(ledger.state().at(later));
    }
  }

  @Test
  @DisplayName("an empty ledger is its initial bucket, at any instant and in every view")
  void emptyLedger() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY);
    TrustBucket initial = TrustBucket.of(POLICY, MONDAY);

    assertThat(ledger.isEmpty()).isTrue();
    assertThat(ledger.size()).isZero();
    assertThat(ledger.initial()).isEqualTo(initial);
    assertThat(ledger.state()).isEqualTo(initial).isEqualTo(ledger.replay());
    assertThat(ledger.start()).isEqualTo(MONDAY);
    assertThat(ledger.policy()).isEqualTo(POLICY);
    assertThat(ledger.stateAt(MONDAY)).isEqualTo(initial);
    assertThat(ledger.stateAt(day(30))).isEqualTo(initial.at(day(30)));
    assertThat(ledger.events()).isEmpty();
    assertThat(ledger.steps()).isEmpty();
    assertThat(ledger.timeline(Sampling.everyEvent(), MONDAY))
        .containsExactly(new TimelinePoint(MONDAY, 0.5, AutonomyTier.SUPERVISED, 0.0, 0));
  }

  @Test
  @DisplayName("a ledger can start from a known level")
  void startingFromAKnownLevel() {
    TrustBucket known = TrustBucket.of(POLICY, MONDAY, 0.82);
    TrustLedger ledger = TrustLedger.from(known).plus(drop(3));

    assertThat(ledger.initial()).isEqualTo(known);
    assertThat(ledger.state()).isEqualTo(known.plus(drop(3)));
    assertThat(ledger.initial().tier()).isEqualTo(AutonomyTier.AUTONOMOUS);
  }

  @Test
  @DisplayName("an out-of-order event is rejected naming \"time\", and the ledger is unchanged")
  void outOfOrderAppendIsRejected() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plus(drop(1)).plus(drain(5));
    TrustBucket state = ledger.state();

    assertThatThrownBy(() -> ledger.plus(drop(4)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("time")
        .hasMessageContaining(day(4).toString())
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("time"));
    assertThatThrownBy(() -> TrustLedger.of(POLICY, MONDAY).plus(drop(-1)))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("time"));

    assertThat(ledger.size()).isEqualTo(2);
    assertThat(ledger.state()).isSameAs(state);
    assertThat(ledger.events()).containsExactly(drop(1), drain(5));
    // The failed append left nothing behind: the next append is as if it had never happened.
    assertThat(ledger.plus(drop(6))).isEqualTo(TrustLedger.of(POLICY, MONDAY).plusAll(List.of(drop(1), drain(5), drop(6))));
  }

  @Test
  @DisplayName("an event whose behaviour is not in the policy's catalogue is rejected naming \"behaviour\"")
  void unknownBehaviourIsRejected() {
    Behaviour unknown = Behaviour.drop("shipped-a-demo", Dimension.ABILITY, 1.0, "Shipped a demo");
    Behaviour impostor = Behaviour.drop("small-win", Dimension.ABILITY, 5.0, "Big small win");
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY);

    for (Behaviour b : List.of(unknown, impostor)) {
      assertThatThrownBy(() -> ledger.plus(TrustEvent.of(b, day(1))))
          .isInstanceOf(InvalidTrustInputException.class)
          .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("behaviour"));
    }
    assertThat(ledger.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("appendAll appends every event or none, and says which event was bad")
  void appendAllIsAllOrNothing() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plus(drop(1));
    List<TrustEvent> batch = List.of(drop(2), drain(3), drop(2), drop(4));

    assertThatThrownBy(() -> ledger.plusAll(batch))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("event 3: ")
        .hasMessageEndingWith("nothing was appended")
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("time"));

    assertThat(ledger.size()).isEqualTo(1);
    assertThat(ledger.events()).containsExactly(drop(1));
    assertThat(ledger.state()).isEqualTo(TrustBucket.of(POLICY, MONDAY).plus(drop(1)));
    // The first two events of the failed batch were written into spare capacity; they must not leak.
    TrustLedger next = ledger.plus(drain(9));
    assertThat(next.events()).containsExactly(drop(1), drain(9));
    assertThat(next.state()).isEqualTo(applyAll(TrustBucket.of(POLICY, MONDAY), List.of(drop(1), drain(9))));
    assertThat(ledger.plusAll(List.of(drop(2), drain(3), drop(4))).size()).isEqualTo(4);
  }

  @Test
  @DisplayName("appending to an older ledger forks it: both branches keep their own events")
  void appendForks() {
    TrustLedger base = TrustLedger.of(POLICY, MONDAY).plus(drop(1));
    TrustLedger good = base.plus(drop(2)).plus(drop(3));
    TrustLedger bad = base.plus(drain(2));
    TrustLedger good2 = good.plus(drop(4));

    assertThat(base.events()).containsExactly(drop(1));
    assertThat(good.events()).containsExactly(drop(1), drop(2), drop(3));
    assertThat(bad.events()).containsExactly(drop(1), drain(2));
    assertThat(good2.events()).containsExactly(drop(1), drop(2), drop(3), drop(4));
    assertThat(bad.state()).isEqualTo(applyAll(base.state(), List.of(drain(2))));
    assertThat(good.state().level()).isGreaterThan(bad.state().level());
  }

  @Test
  @DisplayName("branches forked at a checkpoint keep their own checkpoint: stateAt in each branch replays its own events")
  void forksAtACheckpointKeepTheirOwn() {
    // PIT: four mutants of append() survive and are equivalent; they change only how much spare
    // room the arrays get. Capacity: "size >> 1" -> "size << 1" over-allocates, and "+ 1" -> "- 1"
    // still leaves room because of max(16, ...). Checkpoints: the array grows only when the new
    // checkpoint's number equals its length, so max(checkpoint + 1, length * 2) is length * 2
    // whether "+ 1" becomes "- 1", and "length * 2" -> "length / 2" just grows it one by one.
    TrustLedger base = TrustLedger.of(POLICY, MONDAY);
    for (int d = 1; d < TrustLedger.CHECKPOINT_INTERVAL; d++) {
      base = base.plus(drop(d));
    }
    // Event 64 completes checkpoint 1 in each branch: the first in place, the others as forks.
    List<TrustEvent> sixtyFourth = List.of(drop(64), drain(64), TrustEvent.of(Behaviours.HID_PROBLEM, day(64)));
    List<TrustLedger> forks = new ArrayList<>();
    for (TrustEvent e : sixtyFourth) {
      forks.add(base.plus(e));
    }
    List<TrustLedger> branches = new ArrayList<>();
    for (TrustLedger fork : forks) {
      branches.add(fork.plus(drop(66)));
    }
    Instant between = day(65);
    for (int i = 0; i < branches.size(); i++) {
      TrustBucket expected = applyAll(base.state(), List.of(sixtyFourth.get(i))).at(between);
      assertThat(branches.get(i).stateAt(between)).as("branch %s", i).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("a ledger's timeline leaves out events that a longer ledger wrote into their shared storage")
  void timelineIgnoresLaterAppendsInSharedStorage() {
    TrustLedger one = TrustLedger.of(POLICY, MONDAY).plus(drop(1));
    TrustLedger two = one.plus(drain(1)); // written in place, at the same instant as one's last event

    assertThat(two.size()).isEqualTo(2);
    assertThat(one.timeline(Sampling.everyEvent(), day(2)))
        .isEqualTo(TrustLedger.of(POLICY, MONDAY).plus(drop(1)).timeline(Sampling.everyEvent(), day(2)))
        .extracting(TimelinePoint::events).containsExactly(0, 1, 1);
  }

  @Test
  @DisplayName("threads appending to the same ledger get independent forks (no timing involved)")
  void concurrentAppendsToOneLedgerFork() throws Exception {
    TrustLedger base = HistoryGenerators.seeded(POLICY, 100, 7).ledger();
    Instant after = base.state().time().plusSeconds(60);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<TrustLedger>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Callable<TrustLedger> task = () -> {
          go.await();
          TrustLedger l = base;
          for (int i = 0; i < 200; i++) {
            l = l.plus(TrustEvent.of(Behaviours.SMALL_WIN, after.plusSeconds(i)).withNote("thread " + id + " #" + i));
          }
          return l;
        };
        futures.add(pool.submit(task));
      }
      go.countDown();
      for (int t = 0; t < threads; t++) {
        TrustLedger l = futures.get(t).get();
        List<TrustEvent> expected = new ArrayList<>(base.events());
        for (int i = 0; i < 200; i++) {
          expected.add(TrustEvent.of(Behaviours.SMALL_WIN, after.plusSeconds(i)).withNote("thread " + t + " #" + i));
        }
        assertThat(l.events()).containsExactlyElementsOf(expected);
        assertThat(l).isEqualTo(TrustLedger.from(base.initial()).plusAll(expected));
        assertThat(l.stateAt(after.plusSeconds(100))).isEqualTo(
            TrustLedger.from(base.initial()).plusAll(expected.subList(0, 201)).state());
      }
      assertThat(base.size()).isEqualTo(100);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("stateAt before the start is rejected naming \"time\"")
  void stateAtBeforeStart() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plus(drop(1));
    assertThatThrownBy(() -> ledger.stateAt(MONDAY.minusNanos(1_000)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("time")
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("time"));
  }

  @Test
  @DisplayName("events with the same instant all count at that instant")
  void equalTimestamps() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plusAll(List.of(drop(1), drop(1), drain(1), drop(2)));

    assertThat(ledger.stateAt(day(1))).isEqualTo(applyAll(ledger.initial(), List.of(drop(1), drop(1), drain(1))));
    assertThat(ledger.stateAt(day(1).minusNanos(1_000))).isEqualTo(ledger.initial().at(day(1).minusNanos(1_000)));
    assertThat(ledger.timeline(Sampling.everyEvent(), day(2)))
        .extracting(TimelinePoint::time, TimelinePoint::events)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MONDAY, 0),
            org.assertj.core.groups.Tuple.tuple(day(1), 3),
            org.assertj.core.groups.Tuple.tuple(day(2), 4));
  }

  @Test
  @DisplayName("times are kept to the microsecond: finer parts are dropped consistently")
  void microsecondPrecision() {
    Instant fine = day(1).plusNanos(123_456_789);
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plus(TrustEvent.of(Behaviours.SMALL_WIN, fine));

    assertThat(ledger.event(0).time()).isEqualTo(day(1).plusNanos(123_456_000));
    assertThat(ledger.stateAt(fine)).isEqualTo(ledger.state());
    assertThat(ledger.stateAt(day(1).plusNanos(123_455_999))).isEqualTo(ledger.initial().at(day(1).plusNanos(123_455_000)));
  }

  @Test
  @DisplayName("event(i) rejects an index out of range")
  void eventIndexOutOfRange() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plus(drop(1));
    assertThatThrownBy(() -> ledger.event(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ledger.event(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ledger.events().get(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  @DisplayName("events keep their weight, disclosure and note")
  void eventsRoundTrip() {
    TrustEvent hidden = TrustEvent.of(Behaviours.HID_PROBLEM, day(3))
        .withWeight(1.25)
        .withDisclosure(Disclosure.discovered(Duration.ofDays(9).plusNanos(1)))
        .withNote("critical bug in \\billing\\ — ü");
    TrustEvent told = TrustEvent.of(Behaviours.LOW_QUALITY_DELIVERY, day(4)).withDisclosure(Disclosure.selfReported());
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plus(drop(1)).plus(hidden).plus(told);

    assertThat(ledger.events()).containsExactly(drop(1), hidden, told);
  }

  @Test
  @DisplayName("steps say what each event did: the first drop from the baseline adds 0.07 × 0.5")
  void stepsExample() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY)
        .plus(drop(4))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, day(56)).withDisclosure(Disclosure.discovered(Duration.ofDays(9))));
    List<LedgerStep> steps = ledger.steps();

    LedgerStep first = steps.get(0);
    assertThat(first.decayBefore()).isZero();
    assertThat(first.levelBefore()).isEqualTo(0.5);
    assertThat(first.effect()).isCloseTo(0.035, within(1e-15));
    assertThat(first.breach()).isFalse();
    assertThat(first.scarAdded()).isZero();

    LedgerStep second = steps.get(1);
    assertThat(second.decayBefore()).isNegative(); // time pulled the level back toward 0.5
    assertThat(second.breach()).isTrue();
    assertThat(second.effect()).isNegative();
    assertThat(second.scarAdded()).isPositive();
    assertThat(second.tierBefore()).isEqualTo(AutonomyTier.SUPERVISED);
    assertThat(second.tierAfter()).isEqualTo(AutonomyTier.MICROMANAGED);
    assertThat(0.5 + first.decayBefore() + first.effect() + second.decayBefore() + second.effect())
        .isCloseTo(ledger.state().level(), within(1e-15));
  }

  @Test
  @DisplayName("weekly timeline: samples every seven days from the start, then the end itself")
  void weeklyTimeline() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plusAll(List.of(drop(2), drop(9), drain(10)));
    Instant end = day(17).plusSeconds(3_600);
    List<TimelinePoint> points = ledger.timeline(Sampling.weekly(), end);

    assertThat(points).extracting(TimelinePoint::time).containsExactly(MONDAY, day(7), day(14), end);
    assertThat(points).extracting(TimelinePoint::events).containsExactly(0, 1, 3, 3);
    for (TimelinePoint p : points) {
      assertThat(p.level()).isEqualTo(ledger.levelAt(p.time()));
      assertThat(p.tier()).isEqualTo(ledger.tierAt(p.time()));
    }
    // An end exactly on a period is sampled once.
    assertThat(ledger.timeline(Sampling.weekly(), day(14))).extracting(TimelinePoint::time)
        .containsExactly(MONDAY, day(7), day(14));
    assertThat(ledger.timeline(Sampling.daily(), day(3))).extracting(TimelinePoint::time)
        .containsExactly(MONDAY, day(1), day(2), day(3));
  }

  @Test
  @DisplayName("a period longer than the timeline samples its start and its end, even for 300,000 years or near the earliest instant")
  void periodsLongerThanTheTimeline() {
    // Both used to overflow the microseconds: 300,000 years gave 40 points for 10 days, and
    // 1,000 years from the earliest supported instant gave 586 points for ten years.
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plus(drop(2));
    assertThat(ledger.timeline(Sampling.every(Duration.ofDays(365L * 300_000)), day(10)))
        .extracting(TimelinePoint::time, TimelinePoint::events)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(MONDAY, 0), org.assertj.core.groups.Tuple.tuple(day(10), 1));
    Instant earliest = dev.trustbucket.internal.EpochMicros.MIN;
    TrustLedger ancient = TrustLedger.of(POLICY, earliest);
    Instant tenYearsOn = earliest.plus(Duration.ofDays(3_653));
    assertThat(ancient.timeline(Sampling.every(Duration.ofDays(365L * 1_000)), tenYearsOn))
        .extracting(TimelinePoint::time).containsExactly(earliest, tenYearsOn);
  }

  @Test
  @DisplayName("every-event timeline stops at the end: later events are left out")
  void everyEventTimelineStopsAtTheEnd() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY).plusAll(List.of(drop(2), drop(9), drain(10)));
    List<TimelinePoint> points = ledger.timeline(Sampling.everyEvent(), day(9).plusSeconds(1));

    assertThat(points).extracting(TimelinePoint::time).containsExactly(MONDAY, day(2), day(9), day(9).plusSeconds(1));
    assertThat(points.get(3).level()).isEqualTo(ledger.levelAt(day(9).plusSeconds(1)));
    assertThat(points.get(3).events()).isEqualTo(2);
  }

  @Test
  @DisplayName("a timeline must not end before the start, and a period must be at least a second")
  void timelineRejections() {
    TrustLedger ledger = TrustLedger.of(POLICY, MONDAY);
    assertThatThrownBy(() -> ledger.timeline(Sampling.daily(), MONDAY.minusSeconds(1)))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("end"));
    assertThatThrownBy(() -> Sampling.every(Duration.ofMillis(500)))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("period"));
    assertThat(Sampling.weekly()).isEqualTo(Sampling.every(Duration.ofDays(7)));
    assertThat(Sampling.everyEvent().period()).isEmpty();
    assertThat(Sampling.every(Duration.ofSeconds(1)).period()).contains(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("samplings compare by period and describe themselves")
  void samplingValues() {
    assertThat(Sampling.daily()).isEqualTo(Sampling.every(Duration.ofHours(24))).hasSameHashCodeAs(Sampling.every(Duration.ofHours(24)));
    assertThat(Sampling.daily()).isNotEqualTo(Sampling.weekly()).isNotEqualTo(Sampling.everyEvent()).isNotEqualTo("daily");
    assertThat(Sampling.daily().hashCode()).isNotEqualTo(Sampling.weekly().hashCode());
    assertThat(Sampling.everyEvent()).hasToString("every event");
    assertThat(Sampling.daily()).hasToString("every PT24H");
  }

  @Test
  @DisplayName("ledgers are equal when their initial state and events are")
  void equality() {
    TrustLedger a = TrustLedger.of(POLICY, MONDAY).plus(drop(1)).plus(drain(2));
    TrustLedger b = TrustLedger.of(POLICY, MONDAY).plusAll(List.of(drop(1), drain(2)));
    TrustLedger noted = TrustLedger.of(POLICY, MONDAY).plus(drop(1)).plus(drain(2).withNote("why"));
    TrustLedger strict = TrustLedger.of(TrustPolicy.strict(), MONDAY).plus(drop(1)).plus(drain(2));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(noted).isNotEqualTo(strict).isNotEqualTo(a.plus(drop(3)));
    assertThat(a.equals(a)).isTrue();
    assertThat(a.equals(a.state())).as("a bucket is not a ledger").isFalse();
    assertThat(a.equals(null)).isFalse();
    // A note changes the events but not the states, so the hash may agree; other states hash apart.
    // PIT: "31 * a + b" -> "a / 31 + b" or "31 * a - b" survive: any such mix keeps the contract.
    assertThat(a.hashCode()).isNotEqualTo(a.plus(drop(3)).hashCode()).isNotEqualTo(strict.hashCode());
    assertThat(a.isEmpty()).isFalse();
    assertThat(a.toString())
        .isEqualTo("TrustLedger[events=2, start=2025-01-06T09:00:00Z, state=" + a.state() + "]");
  }

  @Test
  @DisplayName("ledgers with one field of one event changed are not equal, whichever field")
  void equalityLooksAtEveryField() {
    TrustEvent drain = drain(2).withNote("why").withDisclosure(Disclosure.discovered(Duration.ofDays(3)));
    TrustLedger base = TrustLedger.of(POLICY, MONDAY).plus(drop(1)).plus(drain);
    List<TrustEvent> variants =
        List.of(
            drain.withTime(drain.time().plusSeconds(1)),
            drain.withWeight(drain.weight() + 0.5),
            TrustEvent.of(Behaviours.LOW_QUALITY_DELIVERY, drain.time())
                .withWeight(drain.weight())
                .withNote(drain.note())
                .withDisclosure(drain.disclosure()),
            drain.withNote("other"),
            drain.withDisclosure(Disclosure.discovered(Duration.ofDays(4))));
    for (TrustEvent v : variants) {
      TrustLedger other = TrustLedger.of(POLICY, MONDAY).plus(drop(1)).plus(v);
      assertThat(other).as("with %s", v).isNotEqualTo(base);
      assertThat(base).as("with %s", v).isNotEqualTo(other);
    }
    // Self-reported vs not recorded: same size, no notes or delays, only the disclosure differs.
    TrustLedger told = TrustLedger.of(POLICY, MONDAY).plus(drain(2).withDisclosure(Disclosure.selfReported()));
    assertThat(TrustLedger.of(POLICY, MONDAY).plus(drain(2))).isNotEqualTo(told);
    assertThat(base).isEqualTo(TrustLedger.of(POLICY, MONDAY).plusAll(List.of(drop(1), drain)));
  }
}
