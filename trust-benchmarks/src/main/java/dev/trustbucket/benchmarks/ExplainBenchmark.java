package dev.trustbucket.benchmarks;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.forecast.RecoveryForecast;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 4: the two calls behind a review screen, on a 10,000-event ledger.
 *
 * <ul>
 *   <li>{@code explanationOf}: {@link Explanation#of} a week after the last event: every event's
 *       step and what is left of it today.
 *   <li>{@code recoveryForecastUntilTier}: {@link RecoveryForecast#untilTier} from the ledger's final
 *       state to the next tier up (or to {@code AUTONOMOUS}), one "delivered on commitment" a week.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExplainBenchmark {
  static final int EVENTS = 10_000;

  private TrustLedger ledger;
  private Instant at;
  private AutonomyTier target;

  @Setup(Level.Trial)
  public void setUp() {
    ledger = Workload.ledger(EVENTS, 5);
    at = ledger.state().time().plus(Duration.ofDays(7));
    AutonomyTier tier = ledger.state().tier();
    target = tier == AutonomyTier.AUTONOMOUS ? AutonomyTier.AUTONOMOUS : tier.higher();
    RecoveryForecast f = recoveryForecastUntilTier();
    System.out.printf("%n[setup] ledger of %d events ends at level %.3f (%s); forecast to %s: %d drops%n",
        EVENTS, ledger.state().level(), tier, target, f.drops());
  }

  @Benchmark
  public Explanation explanationOf() {
    return Explanation.of(ledger, at);
  }

  @Benchmark
  public RecoveryForecast recoveryForecastUntilTier() {
    return RecoveryForecast.untilTier(
        ledger.state(), Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofDays(7), target);
  }
}
