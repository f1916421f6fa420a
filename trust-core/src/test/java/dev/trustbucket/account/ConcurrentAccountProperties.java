package dev.trustbucket.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.Disclosure;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * A linearizability check of {@link TrustAccount} without special tooling.
 *
 * <p>Writer threads, released together by a latch, call {@link TrustAccount#record} and {@link
 * TrustAccount#recordAll} with a random mix of valid events and invalid ones (earlier than the
 * last recorded event, of an unknown behaviour, batches poisoned by one), while a reader takes
 * snapshots. Every call logs its events, what it returned or threw, when it started and ended,
 * and the ledger's size just before and just after it. Afterwards the final ledger is the
 * linearization, and every call must fit it:
 *
 * <ul>
 *   <li>the ledger holds exactly the accepted calls' events, each once (multiset equality), and
 *       none of a rejected call's;
 *   <li>an accepted call's events sit together at the size it saw (between the sizes read before
 *       and after it), and it returned exactly the state of the ledger's prefix up to them,
 *       replayed event by event with {@link TrustBucket#plus};
 *   <li>calls are ordered as they happened in real time: a call that ended before another began
 *       comes first in the ledger;
 *   <li>a rejected call names the right field, and a rejection for time order is justified by an
 *       event recorded before the call ended;
 *   <li>every snapshot a reader took is a prefix state, and snapshots never go back;
 *   <li>listeners heard each breach and tier change of the final ledger exactly once, in order.
 * </ul>
 */
@Label("TrustAccount under contention: every call fits one sequential history")
class ConcurrentAccountProperties {
  private static final Behaviour UNKNOWN = Behaviour.drain("forgot-the-demo", Dimension.ABILITY, 1.0, "Forgot the demo");
  private static final List<Behaviour> STOCK = BehaviourCatalogue.defaults().all();

  enum Op {
    RECORD, STALE, UNKNOWN_BEHAVIOUR, BATCH, POISONED_BATCH;

    boolean batch() {
      return this == BATCH || this == POISONED_BATCH;
    }
  }

  /**
   * How a try runs.
   *
   * @param threads writer threads
   * @param calls calls per writer
   * @param invalidPercent the share of calls that must be rejected
   * @param batchPercent the share of calls that are batches
   * @param seed the writers' random seed
   */
  record Plan(int threads, int calls, int invalidPercent, int batchPercent, long seed) {}

  /** One call as a writer saw it. */
  static final class Call {
    final int thread;
    final Op op;
    final List<TrustEvent> events;
    long start;
    long end;
    int sizeBefore;
    int sizeAfter;
    @Nullable TrustBucket returned;
    @Nullable InvalidTrustInputException rejected;

    Call(int thread, Op op, List<TrustEvent> events) {
      this.thread = thread;
      this.op = op;
      this.events = events;
    }

    @Override
    public String toString() {
      return op + " by t" + thread + " " + events.get(0).note() + " [" + sizeBefore + ", " + sizeAfter + "]";
    }
  }

  @Provide
  Arbitrary<Plan> plans() {
    return Combinators.combine(
            Arbitraries.integers().between(2, 8),
            Arbitraries.integers().between(100, 300),
            Arbitraries.integers().between(0, 40),
            Arbitraries.integers().between(0, 25),
            Arbitraries.longs())
        .as(Plan::new);
  }

  @Provide
  Arbitrary<TrustPolicy> policies() {
    return HistoryGenerators.policies();
  }

  static TrustEvent event(SplittableRandom r, Behaviour b, Instant t, String note) {
    TrustEvent e = TrustEvent.of(b, t).withNote(note);
    if (!b.isDrop() && b != UNKNOWN && r.nextInt(4) == 0) {
      e = e.withDisclosure(r.nextBoolean() ? Disclosure.selfReported() : Disclosure.discovered(Duration.ofDays(r.nextInt(60))));
    }
    return r.nextInt(5) == 0 ? e.withWeight(r.nextDouble() * 3) : e;
  }

  /** Builds the events of one call from the account's current time, most at that very instant. */
  static Call plan(SplittableRandom r, Plan plan, int thread, int i, Instant now) {
    int roll = r.nextInt(100);
    Op op = roll < plan.invalidPercent() / 2 ? Op.STALE
        : roll < plan.invalidPercent() ? (r.nextInt(3) == 0 ? Op.POISONED_BATCH : Op.UNKNOWN_BEHAVIOUR)
        : roll < plan.invalidPercent() + plan.batchPercent() ? Op.BATCH
        : Op.RECORD;
    int n = op.batch() ? 2 + r.nextInt(3) : 1;
    List<TrustEvent> events = new ArrayList<>(n);
    Instant t = op == Op.STALE ? now.minusSeconds(1 + r.nextInt(86_400)) : now;
    for (int k = 0; k < n; k++) {
      t = r.nextInt(10) < 7 ? t : t.plusSeconds(1 + r.nextInt(3)); // equal times are accepted; later ones race
      boolean unknown = op == Op.UNKNOWN_BEHAVIOUR || op == Op.POISONED_BATCH && k == n - 1;
      events.add(event(r, unknown ? UNKNOWN : STOCK.get(r.nextInt(STOCK.size())), t, "t" + thread + "#" + i + "." + k));
    }
    return new Call(thread, op, List.copyOf(events));
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  @Label("concurrent record and recordAll calls are linearizable; rejected calls change nothing; listeners hear each change once")
  void concurrentCallsFitOneSequentialHistory(@ForAll("plans") Plan plan, @ForAll("policies") TrustPolicy policy)
      throws Exception {
    TrustLedger start = TrustLedger.of(policy, HistoryGenerators.EPOCH);
    List<RuntimeException> listenerErrors = Collections.synchronizedList(new ArrayList<>());
    TrustAccount account = TrustAccount.of(Relationship.of("alice", "bob"), start, listenerErrors::add);
    TrustAccountTest.Recorder recorder = new TrustAccountTest.Recorder();
    account.addListener(recorder);

    ExecutorService pool = Executors.newFixedThreadPool(plan.threads() + 1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<List<Call>>> writers = new ArrayList<>();
    List<TrustLedger> snapshots = new ArrayList<>();
    try {
      for (int w = 0; w < plan.threads(); w++) {
        int thread = w;
        writers.add(pool.submit(() -> {
          SplittableRandom r = new SplittableRandom(plan.seed() + thread);
          List<Call> calls = new ArrayList<>(plan.calls());
          go.await();
          for (int i = 0; i < plan.calls(); i++) {
            Call c = plan(r, plan, thread, i, account.state().time());
            c.sizeBefore = account.ledger().size();
            c.start = System.nanoTime();
            try {
              c.returned = c.op.batch() ? account.recordAll(c.events) : account.record(c.events.get(0));
            } catch (InvalidTrustInputException e) {
              c.rejected = e;
            }
            c.end = System.nanoTime();
            c.sizeAfter = account.ledger().size();
            calls.add(c);
          }
          return calls;
        }));
      }
      Future<?> reader = pool.submit(() -> {
        go.await();
        while (writing.get() && snapshots.size() < 10_000) {
          snapshots.add(account.ledger());
        }
        return null;
      });
      go.countDown();
      List<Call> calls = new ArrayList<>();
      for (Future<List<Call>> f : writers) {
        calls.addAll(f.get(60, TimeUnit.SECONDS));
      }
      writing.set(false);
      reader.get(60, TimeUnit.SECONDS);
      check(account, start, calls, snapshots, recorder, listenerErrors);
    } finally {
      pool.shutdownNow();
    }
  }

  static void check(TrustAccount account, TrustLedger start, List<Call> calls, List<TrustLedger> snapshots,
      TrustAccountTest.Recorder recorder, List<RuntimeException> listenerErrors) {
    TrustLedger ledger = account.ledger();
    int n = ledger.size();

    // The sequential history: the state after every prefix, replayed with TrustBucket.plus.
    TrustBucket[] prefix = new TrustBucket[n + 1];
    prefix[0] = start.state();
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < n; i++) {
      TrustEvent e = ledger.event(i);
      prefix[i + 1] = prefix[i].plus(e);
      assertThat(indexOf.put(e.note(), i)).as("recorded once: %s", e.note()).isNull();
    }
    assertThat(ledger.initial()).isEqualTo(start.initial());
    assertThat(account.state()).isEqualTo(ledger.state()).isEqualTo(prefix[n]).isEqualTo(ledger.replay());

    int accepted = 0;
    List<Call> acceptedCalls = new ArrayList<>();
    for (Call c : calls) {
      Statistics.label("call").collect(c.op, c.rejected == null ? "accepted" : "rejected");
      if (c.rejected == null) {
        // Its events are together, in order, at a size it could have seen, and it returned that prefix's state.
        int at = indexOf.getOrDefault(c.events.get(0).note(), -1);
        assertThat(at).as("%s is in the ledger", c).isGreaterThanOrEqualTo(0);
        for (int k = 0; k < c.events.size(); k++) {
          assertThat(ledger.event(at + k)).as("%s event %s", c, k).isEqualTo(c.events.get(k));
        }
        int after = at + c.events.size();
        assertThat(at).as("%s took effect within its call", c).isBetween(c.sizeBefore, c.sizeAfter - c.events.size());
        assertThat(c.returned).as("%s returned the state after its prefix", c).isEqualTo(prefix[after]);
        assertThat(c.op).isIn(Op.RECORD, Op.BATCH);
        accepted += c.events.size();
        acceptedCalls.add(c);
        Statistics.label("others wrote during the call").collect(c.sizeAfter - c.sizeBefore > c.events.size());
      } else {
        for (TrustEvent e : c.events) {
          assertThat(indexOf).as("rejected %s left nothing", c).doesNotContainKey(e.note());
        }
        InvalidTrustInputException e = c.rejected;
        String field = e.field();
        if (c.op == Op.UNKNOWN_BEHAVIOUR) {
          assertThat(field).isEqualTo("behaviour");
        } else if (c.op == Op.STALE) {
          assertThat(field).isEqualTo("time");
        } else {
          assertThat(field).as("%s: %s", c, e.getMessage()).isIn("time", "behaviour");
          if (field.equals("behaviour")) {
            assertThat(c.op).isEqualTo(Op.POISONED_BATCH);
          }
        }
        if (field.equals("time") && c.op != Op.STALE) {
          // A time race: someone recorded a later event before this call ended.
          String m = String.valueOf(e.getMessage());
          int k = c.op.batch() ? Integer.parseInt(m.substring(6, m.indexOf(':'))) - 1 : 0;
          assertThat(c.events.get(k).time()).as("%s lost a race it can prove", c)
              .isBefore(prefix[c.sizeAfter].time());
          Statistics.label("rejected because another thread recorded a later event first").collect(c.op);
        }
      }
    }
    assertThat(n).as("the ledger holds exactly the accepted events").isEqualTo(accepted);

    // Real-time order: no call is placed after a call that began only once it had ended.
    acceptedCalls.sort(Comparator.comparingInt(c -> indexOf.get(c.events.get(0).note())));
    long latestStart = Long.MIN_VALUE;
    Call latest = null;
    for (Call c : acceptedCalls) {
      assertThat(latestStart).as("%s is placed after %s, which began after it ended", latest, c).isLessThanOrEqualTo(c.end);
      if (c.start > latestStart) {
        latestStart = c.start;
        latest = c;
      }
    }

    // Readers saw prefix states only, never going back.
    int lastSize = 0;
    for (TrustLedger s : snapshots) {
      assertThat(s.size()).isGreaterThanOrEqualTo(lastSize);
      assertThat(s.state()).isEqualTo(prefix[s.size()]);
      lastSize = s.size();
    }
    Statistics.label("reader snapshots").collect(snapshots.size() > 1 ? "several" : "one or none");

    // Each breach and tier change heard once, in order; nothing heard for rejected calls.
    assertThat(recorder.heard).containsExactlyElementsOf(TrustAccountTest.expectedNotices(ledger));
    assertThat(listenerErrors).isEmpty();
  }

  // ---------------------------------------------------------------- listeners that fight back

  /** What a hostile listener throws. */
  enum Blow {
    NOTHING, RUNTIME_EXCEPTION, ASSERTION_ERROR, CHECKED_EXCEPTION;

    void strike(String where) {
      switch (this) {
        case RUNTIME_EXCEPTION:
          throw new IllegalStateException("listener bug at " + where);
        case ASSERTION_ERROR:
          throw new AssertionError("listener assertion at " + where);
        case CHECKED_EXCEPTION:
          ConcurrentAccountProperties.<RuntimeException>sneaky(new java.io.IOException("listener I/O at " + where));
          break;
        default:
          break;
      }
    }
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> void sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /**
   * How a web of accounts runs.
   *
   * @param accounts how many accounts
   * @param threads writer threads
   * @param calls calls per writer
   * @param blows what the hostile listener of each account throws, by account
   * @param rethrow whether each account's error handler rethrows what it is given
   * @param seed the writers' random seed
   */
  record Web(int accounts, int threads, int calls, List<Blow> blows, List<Boolean> rethrow, long seed) {}

  @Provide
  Arbitrary<Web> webs() {
    return Arbitraries.integers().between(2, 4).flatMap(n -> Combinators.combine(
            Arbitraries.integers().between(2, 6),
            Arbitraries.integers().between(20, 80),
            Arbitraries.of(Blow.class).list().ofSize(n),
            Arbitraries.of(true, false).list().ofSize(n),
            Arbitraries.longs())
        .as((threads, calls, blows, rethrow, seed) -> new Web(n, threads, calls, blows, rethrow, seed)));
  }

  @Property(tries = 15, shrinking = ShrinkingMode.OFF)
  @Label("accounts whose listeners record into each other, throw Errors and have rethrowing handlers never deadlock,"
      + " never fail a call, and every listener hears every notice once, in order")
  void listenersThatRecordAndThrowCannotHurtTheCaller(@ForAll("webs") Web web) throws Exception {
    TrustPolicy policy = TrustPolicy.defaults();
    List<TrustAccount> accounts = new ArrayList<>();
    List<TrustAccountTest.Recorder> recorders = new ArrayList<>();
    List<List<RuntimeException>> handled = new ArrayList<>();
    List<java.util.concurrent.atomic.AtomicInteger> blowsStruck = new ArrayList<>();
    for (int a = 0; a < web.accounts(); a++) {
      List<RuntimeException> errors = Collections.synchronizedList(new ArrayList<>());
      boolean rethrow = web.rethrow().get(a);
      handled.add(errors);
      accounts.add(TrustAccount.of(Relationship.of("e" + a, "m"), TrustLedger.of(policy, HistoryGenerators.EPOCH),
          e -> {
            errors.add(e);
            if (rethrow) {
              throw e;
            }
          }));
    }
    for (int a = 0; a < web.accounts(); a++) {
      TrustAccount self = accounts.get(a);
      Blow blow = web.blows().get(a);
      java.util.concurrent.atomic.AtomicInteger struck = new java.util.concurrent.atomic.AtomicInteger();
      blowsStruck.add(struck);
      TrustAccount other = accounts.get((a + 1) % web.accounts());
      // First a listener that throws, then one that records into the next account (which may be
      // rejected for time order: that goes to the handler too), then the one that checks.
      self.addListener(new TrustListener() {
        @Override
        public void onBreach(BreachNotice n) {
          if (blow != Blow.NOTHING) {
            struck.incrementAndGet();
          }
          blow.strike(n.event().note());
        }
      });
      self.addListener(new TrustListener() {
        @Override
        public void onBreach(BreachNotice n) {
          other.record(TrustEvent.of(Behaviours.SMALL_WIN, other.state().time()).withNote("echo of " + n.event().note()));
          self.state(); // reading its own account from a listener is fine too
        }
      });
      TrustAccountTest.Recorder recorder = new TrustAccountTest.Recorder();
      recorders.add(recorder);
      self.addListener(recorder);
    }
    ExecutorService pool = Executors.newFixedThreadPool(web.threads());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < web.threads(); w++) {
        int thread = w;
        writers.add(pool.submit(() -> {
          SplittableRandom r = new SplittableRandom(web.seed() + thread);
          go.await();
          int recorded = 0;
          for (int i = 0; i < web.calls(); i++) {
            TrustAccount target = accounts.get(r.nextInt(accounts.size()));
            Behaviour b = r.nextInt(3) == 0 ? Behaviours.HID_PROBLEM : STOCK.get(r.nextInt(STOCK.size()));
            TrustEvent e = event(r, b, target.state().time(), "t" + thread + "#" + i);
            try {
              TrustBucket returned = target.record(e);
              assertThat(returned).isNotNull();
              recorded++;
            } catch (InvalidTrustInputException lostARace) {
              assertThat(lostARace.field()).isEqualTo("time");
            }
          }
          return recorded;
        }));
      }
      go.countDown();
      for (Future<Integer> f : writers) {
        // No deadlock, and nothing a listener or a handler threw reached a caller.
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int a = 0; a < web.accounts(); a++) {
      TrustLedger ledger = accounts.get(a).ledger();
      assertThat(recorders.get(a).heard).as("account %s", a).containsExactlyElementsOf(TrustAccountTest.expectedNotices(ledger));
      long wrapped = handled.get(a).stream().filter(ListenerFailureException.class::isInstance).count();
      Blow blow = web.blows().get(a);
      if (blow == Blow.ASSERTION_ERROR || blow == Blow.CHECKED_EXCEPTION) {
        assertThat(wrapped).isEqualTo(blowsStruck.get(a).get());
      } else {
        assertThat(wrapped).isZero();
      }
      Statistics.label("blow").collect(blow, blowsStruck.get(a).get() > 0 ? "struck" : "never struck");
    }
  }
}
