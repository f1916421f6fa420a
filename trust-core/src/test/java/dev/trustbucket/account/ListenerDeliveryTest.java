package dev.trustbucket.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When, where and in which order listeners hear notices, and what holds when they throw. */
@DisplayName("TrustAccount: listener delivery, re-entry and failures")
class ListenerDeliveryTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
  private static final Instant T1 = T0.plus(Duration.ofDays(1));

  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "listener-delivery-test");
    t.setDaemon(true); // a deadlocked thread must not keep the test JVM alive
    return t;
  });

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  static TrustEvent breach(Instant t, String note) {
    return TrustEvent.of(Behaviours.HID_PROBLEM, t).withWeight(3.0).withNote(note);
  }

  static TrustEvent drop(Instant t, String note) {
    return TrustEvent.of(Behaviours.SMALL_WIN, t).withNote(note);
  }

  @Test
  @DisplayName("two accounts whose breach listeners record into each other do not deadlock")
  void crossRecordingListenersDoNotDeadlock() throws Exception {
    TrustAccount a = TrustAccount.of(Relationship.of("ana", "max"), POLICY, T0);
    TrustAccount b = TrustAccount.of(Relationship.of("ben", "max"), POLICY, T0);
    CyclicBarrier bothInside = new CyclicBarrier(2);
    a.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        await(bothInside);
        b.record(drop(T1.plusSeconds(60), "from ana's listener"));
      }
    });
    b.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        await(bothInside);
        a.record(drop(T1.plusSeconds(60), "from ben's listener"));
      }
    });
    Future<TrustBucket> one = pool.submit(() -> a.record(breach(T1, "ana hid it")));
    Future<TrustBucket> two = pool.submit(() -> b.record(breach(T1, "ben hid it")));
    one.get(20, TimeUnit.SECONDS);
    two.get(20, TimeUnit.SECONDS);
    assertThat(a.ledger().size()).isEqualTo(2);
    assertThat(b.ledger().size()).isEqualTo(2);
    assertThat(a.ledger().event(1).note()).isEqualTo("from ben's listener");
    assertThat(b.ledger().event(1).note()).isEqualTo("from ana's listener");
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("a listener that records into its own account does not recurse: every listener hears the notices in ledger order")
  void reEntryKeepsTheOrder() {
    TrustAccount account = TrustAccount.of(Relationship.of("ana", "max"), POLICY, T0);
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    List<TrustBucket> returned = new ArrayList<>();
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        if (n.event().note().equals("first")) {
          returned.add(account.record(breach(T1.plusSeconds(60), "second")));
          heard.add("nested record returned");
        }
      }
    });
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        heard.add("breach " + n.event().note());
      }
    });
    TrustBucket after = account.record(breach(T1, "first"));
    assertThat(heard).containsExactly("nested record returned", "breach first", "breach second");
    assertThat(account.ledger().size()).isEqualTo(2);
    assertThat(returned).containsExactly(account.state());
    assertThat(after).isEqualTo(account.ledger().stateAt(T1));
  }

  @Test
  @DisplayName("a listener throwing an AssertionError undoes nothing: record returns, later listeners hear, the handler gets it wrapped")
  void errorsFromListeners() {
    List<RuntimeException> handled = new ArrayList<>();
    TrustAccount account = TrustAccount.of(Relationship.of("ana", "max"), TrustLedger.of(POLICY, T0), handled::add);
    List<String> heard = new ArrayList<>();
    AssertionError boom = new AssertionError("listener assertion");
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        throw boom;
      }

      @Override
      public void onTierChange(TierChange c) {
        heard.add("first listener: tier " + c.to());
      }
    });
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        heard.add("second listener: breach " + n.event().note());
      }
    });
    TrustBucket state = account.record(breach(T1, "hidden").withWeight(10.0));
    assertThat(state).isEqualTo(account.state());
    assertThat(account.ledger().size()).isEqualTo(1);
    assertThat(heard).contains("second listener: breach hidden");
    assertThat(heard).anyMatch(s -> s.startsWith("first listener: tier"));
    assertThat(handled).singleElement().isInstanceOfSatisfying(ListenerFailureException.class, e -> {
      assertThat(e.getCause()).isSameAs(boom);
      assertThat(e).hasMessage("a trust listener threw java.lang.AssertionError: listener assertion");
    });
  }

  @Test
  @DisplayName("an error handler that rethrows does not make recordAll throw: every event stays recorded and every listener hears each")
  void rethrowingHandler() {
    TrustAccount account = TrustAccount.of(Relationship.of("ana", "max"), TrustLedger.of(POLICY, T0), e -> {
      throw e;
    });
    List<String> heard = new ArrayList<>();
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        throw new IllegalStateException("listener bug");
      }
    });
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        heard.add(n.event().note());
      }
    });
    TrustBucket state = account.recordAll(List.of(breach(T1, "one"), breach(T1.plusSeconds(1), "two")));
    assertThat(state).isEqualTo(account.state());
    assertThat(account.ledger().size()).isEqualTo(2);
    assertThat(heard).containsExactly("one", "two");
  }

  @Test
  @DisplayName("a VirtualMachineError from a listener leaves record at once; the event stays recorded and later notices come with the next record")
  void virtualMachineErrorsLeaveAtOnce() {
    TrustAccount account = TrustAccount.of(Relationship.of("ana", "max"), TrustLedger.of(POLICY, T0), e -> { });
    List<String> heard = new ArrayList<>();
    StackOverflowError overflow = new StackOverflowError("deep");
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        if (n.event().note().equals("one")) {
          throw overflow;
        }
        heard.add(n.event().note());
      }
    });
    assertThatThrownBy(() -> account.recordAll(List.of(breach(T1, "one"), breach(T1.plusSeconds(1), "two"))))
        .isSameAs(overflow);
    assertThat(account.ledger().size()).isEqualTo(2);
    assertThat(heard).isEmpty();
    account.record(breach(T1.plusSeconds(2), "three"));
    assertThat(heard).containsExactly("two", "three");
  }

  @Test
  @DisplayName("a decay rule that throws an Error records nothing: the Error propagates, the account is unchanged, nobody hears anything")
  void errorsFromDecayRules() {
    DecayRule flaky = new DecayRule() {
      private final DecayRule inner = DecayRule.exponential(Duration.ofDays(60));

      @Override
      public double retained(Duration elapsed) {
        if (elapsed.compareTo(Duration.ofDays(365 * 20)) > 0) {
          throw new AssertionError("decay rule bug");
        }
        return inner.retained(elapsed);
      }

      @Override
      public Duration halfLife() {
        return inner.halfLife();
      }
    };
    TrustPolicy policy = TrustPolicy.builder().name("flaky").decay(flaky).build();
    List<String> heard = new ArrayList<>();
    List<RuntimeException> handled = new ArrayList<>();
    TrustAccount account = TrustAccount.of(Relationship.of("ana", "max"), TrustLedger.of(policy, T0), handled::add);
    account.addListener(new TrustListener() {
      @Override
      public void onBreach(BreachNotice n) {
        heard.add(n.event().note());
      }
    });
    account.record(breach(T1, "one"));
    TrustLedger before = account.ledger();
    Instant farLater = T1.plus(Duration.ofDays(365 * 30));
    assertThatThrownBy(() -> account.record(breach(farLater, "two"))).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> account.recordAll(List.of(breach(T1.plusSeconds(5), "two"), breach(farLater, "three"))))
        .isInstanceOf(AssertionError.class);
    assertThat(account.ledger()).isSameAs(before);
    assertThat(heard).containsExactly("one");
    account.record(breach(T1.plusSeconds(10), "four"));
    assertThat(heard).containsExactly("one", "four");
    assertThat(handled).isEmpty();
  }

  @Test
  @DisplayName("a handler that throws something else is logged at WARNING with what the listener threw attached")
  void aThrowingHandlerIsLogged() {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger(TrustAccount.class.getName());
    List<java.util.logging.LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord r) {
        logged.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean parents = jul.getUseParentHandlers();
    jul.addHandler(capture);
    jul.setUseParentHandlers(false);
    try {
      IllegalStateException listenerBug = new IllegalStateException("listener bug");
      TrustAccount account = TrustAccount.of(Relationship.of("ana", "max"), TrustLedger.of(POLICY, T0), e -> {
        throw new UnsupportedOperationException("handler bug");
      });
      account.addListener(new TrustListener() {
        @Override
        public void onBreach(BreachNotice n) {
          throw listenerBug;
        }
      });
      account.record(breach(T1, "one"));
      assertThat(logged).singleElement().satisfies(r -> {
        assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(r.getMessage()).isEqualTo("the listener error handler of ana \u2192 max failed");
        assertThat(r.getThrown()).hasMessage("handler bug");
        assertThat(r.getThrown().getSuppressed()).containsExactly(listenerBug);
      });
    } finally {
      jul.removeHandler(capture);
      jul.setUseParentHandlers(parents);
    }
  }
}
