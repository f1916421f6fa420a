package dev.trustbucket.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.internal.LedgerSteps;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why the level is what it is at an instant: the baseline, each event's part, and the effect of
 * time. It holds numbers only; {@code dev.trustbucket.text.ExplanationFormat} writes it in words.
 *
 * <p>Two views that both add up to the level (to 1e-9):
 *
 * <ul>
 *   <li>the path: {@code startLevel + Σ (decayBefore + immediate) + decaySinceLast = level}: the
 *       starting level, then for each event the effect of the time before it and its own effect,
 *       then the time since the last event;
 *   <li>the remainder: {@code baseline + startRemaining + Σ remaining = level}: what is left of
 *       each event's effect at the instant explained. Each event's remainder is its effect times
 *       the decay factors the ledger stored for every later gap, times the decay since the last
 *       event; so this view is exact whenever the level is, and a custom {@link DecayRule} that
 *       breaks the composition law of its contract breaks only the agreement with a direct
 *       {@code retained(age)}.
 * </ul>
 *
 * <p>Events of the same behaviour are grouped into {@linkplain Reason reasons} ("delivered on a
 * commitment, 38 times"), which {@link #topUp} and {@link #topDown} rank; the single events stay
 * available through {@link #contributions()}, {@link #topEventsUp} and {@link #topEventsDown}. The
 * reasons add up exactly as the single events do.
 *
 * <p>Only {@link #of(TrustLedger, Instant)} creates explanations, so the numbers always agree with
 * the ledger. Instances are immutable and thread-safe.
 */
public final class Explanation {

  /** Scars smaller than this (in level units) are not reported as open. */
  public static final double OPEN_SCAR_MINIMUM = 0.005;

  private final Instant at;
  private final TrustBucket state;
  private final double baseline;
  private final double startLevel;
  private final double startRemaining;
  private final double decaySinceLast;
  private final ImmutableList<Contribution> contributions;
  private final ImmutableList<Reason> reasons;

  Explanation(
      Instant at,
      TrustBucket state,
      double baseline,
      double startLevel,
      double startRemaining,
      double decaySinceLast,
      ImmutableList<Contribution> contributions) {
    this.at = at;
    this.state = state;
    this.baseline = baseline;
    this.startLevel = startLevel;
    this.startRemaining = startRemaining;
    this.decaySinceLast = decaySinceLast;
    this.contributions = contributions;
    this.reasons = group(contributions);
  }

  /**
   * Explains a ledger's level at an instant.
   *
   * @param ledger the history
   * @param at an instant not before the ledger's start; events after it are ignored
   * @return the explanation
   * @throws dev.trustbucket.InvalidTrustInputException when {@code at} is before the start
   */
  public static Explanation of(TrustLedger ledger, Instant at) {
    requireNonNull(ledger, "ledger");
    TrustBucket state = ledger.stateAt(requireNonNull(at, "at"));
    TrustPolicy policy = ledger.policy();
    long now = EpochMicros.of(at, "at");
    TrustBucket initial = ledger.initial();
    ImmutableList<LedgerStep> steps = ledger.steps();
    int n = 0;
    while (n < steps.size() && EpochMicros.of(steps.get(n).event().time(), "time") <= now) {
      n++;
    }
    long last = EpochMicros.of(n == 0 ? initial.time() : steps.get(n - 1).event().time(), "time");
    // The one gap no stored factor covers: from the last event (or the start) to the instant.
    double kept = retained(policy.decay(), last, now);
    double scarKept = retained(policy.scarDecay(), last, now);
    // Backwards: an event's remainder is its effect times the factors stored for every later gap.
    LedgerSteps.Access<LedgerStep, dev.trustbucket.TrustEvent, AutonomyTier> stored =
        LedgerSteps.access(LedgerStep.class);
    Contribution[] out = new Contribution[n];
    for (int i = n - 1; i >= 0; i--) {
      LedgerStep step = steps.get(i);
      out[i] = new Contribution(step, step.effect() * kept, step.scarAdded() * scarKept);
      kept *= stored.kept(step);
      scarKept *= stored.scarKept(step);
    }
    double startRemaining = (initial.level() - policy.baseline()) * kept;
    double lastLevel = n == 0 ? initial.level() : steps.get(n - 1).levelAfter();
    return new Explanation(
        at,
        state,
        policy.baseline(),
        initial.level(),
        startRemaining,
        state.level() - lastLevel,
        ImmutableList.copyOf(out));
  }

  private static double retained(DecayRule rule, long from, long to) {
    return rule.retained(Duration.of(EpochMicros.elapsed(from, to), ChronoUnit.MICROS));
  }

  private record Key(String behaviour, Disclosure.Kind disclosure) {}

  private static ImmutableList<Reason> group(List<Contribution> contributions) {
    Map<Key, List<Contribution>> groups = new LinkedHashMap<>();
    for (Contribution c : contributions) {
      var e = c.step().event();
      groups
          .computeIfAbsent(new Key(e.behaviour().id(), e.disclosure().kind()), k -> new ArrayList<>())
          .add(c);
    }
    ImmutableList.Builder<Reason> out = ImmutableList.builderWithExpectedSize(groups.size());
    for (List<Contribution> g : groups.values()) {
      out.add(new Reason(ImmutableList.copyOf(g)));
    }
    return out.build();
  }

  /**
   * The instant explained.
   *
   * @return the instant
   */
  public Instant at() {
    return at;
  }

  /**
   * The bucket at the instant explained.
   *
   * @return the state
   */
  public TrustBucket state() {
    return state;
  }

  /**
   * The policy's baseline, where decay pulls the level.
   *
   * @return the baseline in [0, 1]
   */
  public double baseline() {
    return baseline;
  }

  /**
   * The level before the first event.
   *
   * @return the starting level in [0, 1]
   */
  public double startLevel() {
    return startLevel;
  }

  /**
   * What is left at the instant explained of the starting level's distance from the baseline.
   *
   * @return {@code (startLevel - baseline)} shrunk by decay since the start
   */
  public double startRemaining() {
    return startRemaining;
  }

  /**
   * How much decay moved the level since the last event (or the start, without events).
   *
   * @return the change, positive when time pulled the level up toward the baseline
   */
  public double decaySinceLast() {
    return decaySinceLast;
  }

  /**
   * Every event up to the instant explained, one contribution each, oldest first.
   *
   * @return the single events' parts
   */
  public ImmutableList<Contribution> contributions() {
    return contributions;
  }

  /**
   * The events grouped by behaviour (and, for drains, by how they came to light), in the order
   * each group first appeared.
   *
   * @return every reason; their remainders add up to the single events' remainders
   */
  public ImmutableList<Reason> reasons() {
    return reasons;
  }

  /**
   * The level explained.
   *
   * @return the level at {@link #at()}, in [0, 1]
   */
  public double level() {
    return state.level();
  }

  /**
   * The tier at {@link #at()}.
   *
   * @return the tier
   */
  public AutonomyTier tier() {
    return state.tier();
  }

  /**
   * How much evidence backs the level.
   *
   * @return the confidence at {@link #at()}
   */
  public Confidence confidence() {
    return state.confidence();
  }

  /**
   * The total effect of time: the sum of every gap's decay, including the one since the last
   * event.
   *
   * @return the decay total (positive when time pulled the level up toward the baseline)
   */
  public double decayTotal() {
    return contributions.stream().mapToDouble(c -> c.step().decayBefore()).sum() + decaySinceLast;
  }

  /**
   * The behaviours whose events' remaining effect raises the level most, largest first.
   *
   * @param n at most this many
   * @return the top reasons up, each grouping one behaviour's events
   */
  public ImmutableList<Reason> topUp(int n) {
    return reasons.stream()
        .filter(r -> r.remaining() > 0)
        .sorted(Comparator.comparingDouble(Reason::remaining).reversed())
        .limit(n)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The behaviours whose events' remaining effect lowers the level most, largest first.
   *
   * @param n at most this many
   * @return the top reasons down, each grouping one behaviour's events
   */
  public ImmutableList<Reason> topDown(int n) {
    return reasons.stream()
        .filter(r -> r.remaining() < 0)
        .sorted(Comparator.comparingDouble(Reason::remaining))
        .limit(n)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The single events whose remaining effect raises the level most, largest first.
   *
   * @param n at most this many
   * @return the top events up
   */
  public ImmutableList<Contribution> topEventsUp(int n) {
    return contributions.stream()
        .filter(c -> c.remaining() > 0)
        .sorted(Comparator.comparingDouble(Contribution::remaining).reversed())
        .limit(n)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The single events whose remaining effect lowers the level most, largest first.
   *
   * @param n at most this many
   * @return the top events down
   */
  public ImmutableList<Contribution> topEventsDown(int n) {
    return contributions.stream()
        .filter(c -> c.remaining() < 0)
        .sorted(Comparator.comparingDouble(Contribution::remaining))
        .limit(n)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The breaches whose scar is still open (at least {@value #OPEN_SCAR_MINIMUM}), deepest first.
   *
   * @return the open scars, one per breach
   */
  public ImmutableList<Contribution> openScars() {
    return contributions.stream()
        .filter(c -> c.scarRemaining() >= OPEN_SCAR_MINIMUM)
        .sorted(Comparator.comparingDouble(Contribution::scarRemaining).reversed())
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Explanation e
        && at.equals(e.at)
        && state.equals(e.state)
        && Double.compare(baseline, e.baseline) == 0
        && Double.compare(startLevel, e.startLevel) == 0
        && Double.compare(startRemaining, e.startRemaining) == 0
        && Double.compare(decaySinceLast, e.decaySinceLast) == 0
        && contributions.equals(e.contributions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(at, state, baseline, startLevel, startRemaining, decaySinceLast, contributions);
  }

  @Override
  public String toString() {
    return "Explanation[at=" + at + ", level=" + level() + ", tier=" + tier() + ", events="
        + contributions.size() + ", reasons=" + reasons.size() + "]";
  }
}
