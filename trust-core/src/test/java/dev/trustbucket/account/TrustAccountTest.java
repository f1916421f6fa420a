package dev.trustbucket.account;

import static dev.trustbucket.testing.HistoryGenerators.applyAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.history.LedgerStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TrustAccount")
class TrustAccountTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");
  private static final Relationship ALICE = Relationship.of("alice", "bob");
  private static final Behaviour UNKNOWN = Behaviour.drop("shipped-a-demo", Dimension.ABILITY, 1.0, "Shipped a demo");

  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** Records every notice as text, in the order heard: "breach <note>" or "tier <note> FROM->TO". */
  static final class Recorder implements TrustListener {
    final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    final List<TierChange> changes = Collections.synchronizedList(new ArrayList<>());
    final List<BreachNotice> breaches = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onTierChange(TierChange change) {
      changes.add(change);
      heard.add("tier " + change.cause().note() + " " + change.from() + "->" + change.to());
    }

    @Override
    public void onBreach(BreachNotice breach) {
      breaches.add(breach);
      heard.add("breach " + breach.event().note());
    }
  }

  /** What a listener must hear for a ledger: each breach, then each change between consecutive states. */
  static List<String> expectedNotices(TrustLedger ledger) {
    List<String> out = new ArrayList<>();
    AutonomyTier previous = ledger.initial().tier();
    for (LedgerStep s : ledger.steps()) {
      if (s.breach()) {
        out.add("breach " + s.event().note());
      }
      if (s.tierAfter() != previous) {
        out.add("tier " + s.event().note() + " " + previous + "->" + s.tierAfter());
      }
      previous = s.tierAfter();
    }
    return out;
  }

  private static TrustEvent stressEvent(int thread, int i, Instant at) {
    String note = "t" + thread + "#" + i;
    if (i % 50 == 49) {
      return TrustEvent.of(Behaviours.HID_PROBLEM, at).withDisclosure(Disclosure.discovered(Duration.ofDays(3))).withNote(note);
    }
    Behaviour b = i % 5 == 4 ? Behaviours.MISSED_DEADLINE : Behaviours.DELIVERED_ON_COMMITMENT;
    return TrustEvent.of(b, at).withNote(note);
  }

  @Test
  @DisplayName("8 threads × 5,000 events at one instant: nothing lost, state equals a sequential replay, listeners hear each change once")
  void stress() throws Exception {
    int threads = 8;
    int perThread = 5_000;
    Instant at = MONDAY.plus(Duration.ofDays(1));
    TrustAccount account = TrustAccount.of(ALICE, POLICY, MONDAY);
    Recorder recorder = new Recorder();
    account.addListener(recorder);

    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < perThread; i++) {
          TrustBucket after = account.record(stressEvent(thread, i, at));
          assertThat(after.time()).isEqualTo(at);
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get();
    }

    TrustLedger ledger = account.ledger();
    assertThat(ledger.size()).isEqualTo(threads * perThread);
    // Every event exactly once, and each thread's events in the order it recorded them.
    Map<Integer, Integer> nextOfThread = new HashMap<>();
    Set<String> notes = new HashSet<>();
    for (TrustEvent e : ledger.events()) {
      assertThat(notes.add(e.note())).as("recorded once: %s", e.note()).isTrue();
      String[] parts = e.note().substring(1).split("#");
      int thread = Integer.parseInt(parts[0]);
      int i = Integer.parseInt(parts[1]);
      assertThat(i).isEqualTo(nextOfThread.getOrDefault(thread, 0));
      nextOfThread.put(thread, i + 1);
      assertThat(e).isEqualTo(stressEvent(thread, i, at));
    }
    assertThat(nextOfThread).hasSize(threads).allSatisfy((t, n) -> assertThat(n).isEqualTo(perThread));

    TrustBucket state = account.state();
    assertThat(state).isEqualTo(ledger.state());
    assertThat(state).isEqualTo(ledger.replay());
    assertThat(state).isEqualTo(applyAll(TrustBucket.of(POLICY, MONDAY), ledger.events()));
    assertThat(state).isEqualTo(TrustLedger.of(POLICY, MONDAY).plusAll(ledger.events()).state());

    List<String> expected = expectedNotices(ledger);
    assertThat(expected).filteredOn(s -> s.startsWith("breach")).hasSize(threads * perThread / 50);
    assertThat(expected).filteredOn(s -> s.startsWith("tier")).isNotEmpty();
    assertThat(recorder.heard).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("recordAll is atomic under concurrency: a failing batch records nothing, a good one lands whole and together")
  void recordAllIsAtomic() throws Exception {
    int threads = 4;
    int batches = 100;
    int batchSize = 5;
    Instant at = MONDAY.plus(Duration.ofDays(1));
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    TrustAccount account = TrustAccount.of(ALICE, TrustLedger.of(POLICY, MONDAY), e -> errors.add(e.getMessage()));
    Recorder recorder = new Recorder();
    account.addListener(recorder);

    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Callable<Integer> task = () -> {
        go.await();
        int rejected = 0;
        for (int b = 0; b < batches; b++) {
          List<TrustEvent> batch = new ArrayList<>();
          for (int k = 0; k < batchSize; k++) {
            boolean poison = b % 2 == 1 && k == batchSize - 1;
            Behaviour behaviour = poison ? UNKNOWN : k == 2 ? Behaviours.OVER_PROMISED : Behaviours.SMALL_WIN;
            batch.add(TrustEvent.of(behaviour, at).withNote(thread + "-" + b + "-" + k));
          }
          try {
            account.recordAll(batch);
          } catch (InvalidTrustInputException e) {
            assertThat(e.field()).isEqualTo("behaviour");
            rejected++;
          }
          // Readers see whole snapshots only.
          TrustLedger snapshot = account.ledger();
          assertThat(snapshot.size() % batchSize).isZero();
        }
        return rejected;
      };
      futures.add(pool.submit(task));
    }
    go.countDown();
    for (Future<Integer> f : futures) {
      assertThat(f.get()).isEqualTo(batches / 2);
    }

    TrustLedger ledger = account.ledger();
    assertThat(ledger.size()).isEqualTo(threads * batches / 2 * batchSize);
    for (int i = 0; i < ledger.size(); i += batchSize) {
      String[] first = ledger.event(i).note().split("-");
      assertThat(Integer.parseInt(first[1]) % 2).as("only even batches land").isZero();
      for (int k = 0; k < batchSize; k++) {
        assertThat(ledger.event(i + k).note()).as("batches land together").isEqualTo(first[0] + "-" + first[1] + "-" + k);
      }
    }
    assertThat(account.state()).isEqualTo(ledger.replay());
    assertThat(recorder.heard).containsExactlyElementsOf(expectedNotices(ledger));
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("listeners hear a promotion, then a breach and the demotion it causes, once each and in order")
  void listenersInOrder() {
    TrustAccount account = TrustAccount.of(ALICE, POLICY, MONDAY);
    Recorder recorder = new Recorder();
    account.addListener(recorder);

    for (int week = 1; week <= 6; week++) {
      account.record(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, MONDAY.plus(Duration.ofDays(7L * week))).withNote("week " + week));
    }
    TrustBucket beforeBreach = account.state();
    TrustEvent hidden = TrustEvent.of(Behaviours.HID_PROBLEM, MONDAY.plus(Duration.ofDays(50)))
        .withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
        .withNote("hidden bug");
    TrustBucket after = account.record(hidden);

    assertThat(recorder.heard).containsExactly(
        "tier week 4 SUPERVISED->TRUSTED",
        "breach hidden bug",
        "tier hidden bug TRUSTED->MICROMANAGED");
    assertThat(recorder.heard).containsExactlyElementsOf(expectedNotices(account.ledger()));
    TierChange promotion = recorder.changes.get(0);
    assertThat(promotion.isPromotion()).isTrue();
    assertThat(promotion.relationship()).isEqualTo(ALICE);
    assertThat(promotion.state()).isEqualTo(account.ledger().stateAt(MONDAY.plus(Duration.ofDays(28))));
    assertThat(recorder.changes.get(1).isPromotion()).isFalse();
    BreachNotice breach = recorder.breaches.get(0);
    assertThat(breach.event()).isEqualTo(hidden);
    assertThat(breach.before()).isEqualTo(beforeBreach.at(hidden.time()));
    assertThat(breach.after()).isEqualTo(after);
    assertThat(breach.cost()).isEqualTo(breach.before().level() - after.level()).isPositive();

    account.removeListener(recorder);
    account.record(hidden.withTime(MONDAY.plus(Duration.ofDays(51))));
    assertThat(recorder.heard).hasSize(3);
    assertThat(account.removeListener(recorder)).isFalse();
  }

  @Test
  @DisplayName("a tier lost to decay alone is reported with the next recorded event")
  void decayDemotionIsReportedWithTheNextEvent() {
    TrustLedger known = TrustLedger.from(TrustBucket.of(POLICY, MONDAY, 0.82));
    TrustAccount account = TrustAccount.of(ALICE, known);
    Recorder recorder = new Recorder();
    account.addListener(recorder);
    Instant twoYearsLater = MONDAY.plus(Duration.ofDays(730));
    assertThat(account.stateAt(twoYearsLater).tier()).isEqualTo(AutonomyTier.TRUSTED);
    assertThat(recorder.heard).isEmpty();

    account.record(TrustEvent.of(Behaviours.SMALL_WIN, twoYearsLater).withNote("small win"));

    assertThat(account.state().tier()).isEqualTo(AutonomyTier.TRUSTED);
    assertThat(recorder.heard).containsExactly("tier small win AUTONOMOUS->TRUSTED");
  }

  @Test
  @DisplayName("a throwing listener goes to the error handler; the event is recorded, other listeners still hear it, later events work")
  void throwingListener() {
    List<RuntimeException> errors = new ArrayList<>();
    TrustAccount account = TrustAccount.of(ALICE, TrustLedger.of(POLICY, MONDAY), errors::add);
    account.addListener(new TrustListener() {
      @Override
      public void onTierChange(TierChange change) {
        throw new IllegalStateException("tier listener down");
      }

      @Override
      public void onBreach(BreachNotice breach) {
        throw new IllegalStateException("breach listener down");
      }
    });
    Recorder recorder = new Recorder();
    account.addListener(recorder);

    TrustEvent hidden = TrustEvent.of(Behaviours.HID_PROBLEM, MONDAY.plus(Duration.ofDays(1)))
        .withDisclosure(Disclosure.discovered(Duration.ofDays(9))).withNote("hidden bug");
    TrustBucket after = account.record(hidden);

    assertThat(account.ledger().size()).isEqualTo(1);
    assertThat(account.state()).isEqualTo(after);
    assertThat(recorder.heard).containsExactly("breach hidden bug", "tier hidden bug SUPERVISED->MICROMANAGED");
    assertThat(errors).extracting(Throwable::getMessage).containsExactly("breach listener down", "tier listener down");

    account.record(TrustEvent.of(Behaviours.SMALL_WIN, MONDAY.plus(Duration.ofDays(2))).withNote("later"));
    assertThat(account.ledger().size()).isEqualTo(2);
  }

  @Test
  @DisplayName("without an error handler, a throwing listener is logged as a warning with its exception")
  void throwingListenerIsLoggedByDefault() {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger(TrustAccount.class.getName());
    List<java.util.logging.LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean useParent = jul.getUseParentHandlers();
    jul.addHandler(handler);
    jul.setUseParentHandlers(false);
    try {
      TrustAccount account = TrustAccount.of(ALICE, TrustLedger.of(POLICY, MONDAY));
      IllegalStateException down = new IllegalStateException("breach listener down");
      account.addListener(new TrustListener() {
        @Override
        public void onBreach(BreachNotice breach) {
          throw down;
        }
      });
      account.record(TrustEvent.of(Behaviours.OVER_PROMISED, MONDAY.plus(Duration.ofDays(1))));

      assertThat(account.ledger().size()).isEqualTo(1);
      assertThat(records).singleElement().satisfies(r -> {
        assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(r.getMessage()).isEqualTo("trust listener failed");
        assertThat(r.getThrown()).isSameAs(down);
      });
    } finally {
      jul.removeHandler(handler);
      jul.setUseParentHandlers(useParent);
    }
  }

  @Test
  @DisplayName("removeListener says whether the listener was there; a removed listener hears nothing more")
  void removeListener() {
    TrustAccount account = TrustAccount.of(ALICE, POLICY, MONDAY);
    Recorder recorder = new Recorder();
    account.addListener(recorder);

    assertThat(account.removeListener(recorder)).isTrue();
    assertThat(account.removeListener(recorder)).isFalse();
    assertThat(account.removeListener(new Recorder())).isFalse();
    account.record(TrustEvent.of(Behaviours.OVER_PROMISED, MONDAY.plus(Duration.ofDays(1))));
    assertThat(recorder.heard).isEmpty();
  }

  @Test
  @DisplayName("a listener whose onBreach throws still hears the tier change the same breach causes")
  void throwingOnBreachDoesNotSwallowTheTierChange() {
    List<RuntimeException> errors = new ArrayList<>();
    TrustAccount account = TrustAccount.of(ALICE, TrustLedger.of(POLICY, MONDAY), errors::add);
    List<TierChange> changes = new ArrayList<>();
    account.addListener(new TrustListener() {
      @Override
      public void onTierChange(TierChange change) {
        changes.add(change);
      }

      @Override
      public void onBreach(BreachNotice breach) {
        throw new IllegalStateException("breach handling failed");
      }
    });

    account.record(TrustEvent.of(Behaviours.HID_PROBLEM, MONDAY.plus(Duration.ofDays(1)))
        .withDisclosure(Disclosure.discovered(Duration.ofDays(9))));

    assertThat(errors).hasSize(1);
    assertThat(changes).extracting(TierChange::to).containsExactly(AutonomyTier.MICROMANAGED);
  }

  @Test
  @DisplayName("an out-of-order or unknown event is rejected, records nothing and notifies nobody")
  void rejections() {
    TrustAccount account = TrustAccount.of(ALICE, POLICY, MONDAY);
    Recorder recorder = new Recorder();
    account.addListener(recorder);
    account.record(TrustEvent.of(Behaviours.SMALL_WIN, MONDAY.plus(Duration.ofDays(3))));
    TrustLedger before = account.ledger();

    assertThatThrownBy(() -> account.record(TrustEvent.of(Behaviours.HID_PROBLEM, MONDAY.plus(Duration.ofDays(2)))))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("time"));
    assertThatThrownBy(() -> account.record(TrustEvent.of(UNKNOWN, MONDAY.plus(Duration.ofDays(4)))))
        .isInstanceOf(InvalidTrustInputException.class)
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("behaviour"));
    assertThatThrownBy(() -> account.recordAll(List.of(
            TrustEvent.of(Behaviours.HID_PROBLEM, MONDAY.plus(Duration.ofDays(4))),
            TrustEvent.of(Behaviours.SMALL_WIN, MONDAY.plus(Duration.ofDays(1))))))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("event 2: ");

    assertThat(account.ledger()).isSameAs(before);
    assertThat(recorder.heard).isEmpty();
  }

  @Test
  @DisplayName("an account answers for the past through its ledger")
  void history() {
    TrustAccount account = TrustAccount.of(ALICE, POLICY, MONDAY);
    account.recordAll(List.of(
        TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, MONDAY.plus(Duration.ofDays(4))),
        TrustEvent.of(Behaviours.MISSED_DEADLINE, MONDAY.plus(Duration.ofDays(11)))));

    Instant between = MONDAY.plus(Duration.ofDays(7));
    assertThat(account.stateAt(between)).isEqualTo(account.ledger().stateAt(between));
    assertThat(account.relationship()).isEqualTo(ALICE);
    assertThat(account.toString()).contains("alice \u2192 bob");
  }
}
