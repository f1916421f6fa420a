package dev.trustbucket.benchmarks;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The events every benchmark feeds the library, generated once per trial from a fixed seed.
 *
 * <p>A realistic mix under the default policy: five drops for every drain (Gottman's ratio, which
 * keeps the level around the baseline and moves the tier now and then), each behaviour of the
 * standard catalogue at its default weight; one drain in ten is major (weight 2.5, a breach); a
 * quarter of the drains are self-reported and a sixth are discovered after 1 to 60 days. About
 * half of the drains are breaches (major, integrity or discovered), so the bucket is scarred.
 * Times strictly increase by 1 hour to 7 days (3.5 days on average), so every event pays for real
 * decay ({@code Math.exp}) since the one before.
 */
final class Workload {
  /** The start of every relationship in the benchmarks. */
  static final Instant START = Instant.parse("2020-01-06T09:00:00Z");

  static final TrustPolicy POLICY = TrustPolicy.defaults();

  private static final List<Behaviour> DROPS =
      Behaviours.all().stream().filter(Behaviour::isDrop).collect(Collectors.toList());
  private static final List<Behaviour> DRAINS =
      Behaviours.all().stream().filter(b -> !b.isDrop()).collect(Collectors.toList());

  private static final long MIN_GAP_SECONDS = 3_600;
  private static final long MAX_GAP_SECONDS = 7 * 86_400;

  private Workload() {}

  /** {@code n} events after {@link #START}, in strictly increasing time order. */
  static TrustEvent[] events(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    TrustEvent[] events = new TrustEvent[n];
    long seconds = START.getEpochSecond();
    for (int i = 0; i < n; i++) {
      seconds += random.nextLong(MIN_GAP_SECONDS, MAX_GAP_SECONDS + 1);
      events[i] = event(random, Instant.ofEpochSecond(seconds));
    }
    return events;
  }

  /** {@code n} events all at the same instant (for contention benchmarks, which cannot order time across threads). */
  static TrustEvent[] eventsAt(int n, long seed, Instant at) {
    SplittableRandom random = new SplittableRandom(seed);
    TrustEvent[] events = new TrustEvent[n];
    for (int i = 0; i < n; i++) {
      events[i] = event(random, at);
    }
    return events;
  }

  private static TrustEvent event(SplittableRandom random, Instant at) {
    if (random.nextInt(6) != 0) {
      return TrustEvent.of(DROPS.get(random.nextInt(DROPS.size())), at);
    }
    TrustEvent drain = TrustEvent.of(DRAINS.get(random.nextInt(DRAINS.size())), at);
    if (random.nextInt(10) == 0) {
      drain = drain.withWeight(2.5);
    }
    int disclosure = random.nextInt(12);
    if (disclosure < 3) {
      drain = drain.withDisclosure(Disclosure.selfReported());
    } else if (disclosure < 5) {
      drain = drain.withDisclosure(Disclosure.discovered(Duration.ofDays(1 + random.nextInt(60))));
    }
    return drain;
  }

  /** A ledger of {@code n} events of {@link #events}, built by appending one at a time. */
  static TrustLedger ledger(int n, long seed) {
    TrustLedger ledger = TrustLedger.of(POLICY, START);
    for (TrustEvent e : events(n, seed)) {
      ledger = ledger.plus(e);
    }
    return ledger;
  }

  /**
   * The events as the flat primitive columns a hand-written loop would use: epoch microseconds,
   * weights, drain multipliers (already resolved from behaviour and disclosure) and drop flags.
   */
  static final class Columns {
    final long startMicros;
    final long[] micros;
    final double[] weights;
    final double[] multipliers;
    final boolean[] drops;

    Columns(TrustEvent[] events) {
      int n = events.length;
      startMicros = toMicros(START);
      micros = new long[n];
      weights = new double[n];
      multipliers = new double[n];
      drops = new boolean[n];
      for (int i = 0; i < n; i++) {
        TrustEvent e = events[i];
        micros[i] = toMicros(e.time());
        weights[i] = e.weight();
        drops[i] = e.isDrop();
        multipliers[i] = e.isDrop() ? 1.0 : POLICY.drainMultiplier(e.behaviour(), e.disclosure());
      }
    }

    private static long toMicros(Instant t) {
      return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
  }

  /**
   * The practical limit: the same asymmetric update with exponential decay as the library, on
   * primitives, with nothing else (no scar, no tier, no evidence, no validation).
   */
  static final class RawModel {
    final double baseline = POLICY.baseline();
    final double gainRate = POLICY.gainRate();
    final double lossRate = POLICY.lossRate();
    /** ln 2 / half-life, per microsecond: one multiply and one {@code Math.exp} per event. */
    final double ratePerMicro = Math.log(2) / (POLICY.decay().halfLife().toSeconds() * 1e6);

    double level;
    long time;

    RawModel(long startMicros) {
      reset(startMicros);
    }

    void reset(long startMicros) {
      level = baseline;
      time = startMicros;
    }

    /** One event: decay since the last one, then a drop or a drain. */
    void step(long at, double weight, double multiplier, boolean drop) {
      double l = baseline + (level - baseline) * Math.exp(-ratePerMicro * (at - time));
      if (drop) {
        l += Math.min(1.0, gainRate * weight) * (1.0 - l);
      } else {
        l *= 1.0 - Math.min(1.0, lossRate * weight * multiplier);
      }
      level = l;
      time = at;
    }
  }
}
