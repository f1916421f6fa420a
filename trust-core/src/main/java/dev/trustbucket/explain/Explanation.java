package dev.trustbucket.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.internal.EpochMicros;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Why the level is what it is at an instant, event by event.
 *
 * <p>Two views that both add up to the level (to 1e-9):
 *
 * <ul>
 *   <li>the path: {@code startLevel + Σ (decayBefore + immediate) + decaySinceLast = level}: the
 *       starting level, then for each event the effect of the time before it and its own effect,
 *       then the time since the last event;
 *   <li>the remainder: {@code baseline + startRemaining + Σ remaining = level}: what is left of
 *       each event's effect today, which ranks the {@linkplain #topUp top reasons up} and
 *       {@linkplain #topDown down}. This sum is exact because decay shrinks every deviation by the
 *       same factor and factors compose ({@code retained(a + b) = retained(a) × retained(b)}, the
 *       {@link dev.trustbucket.decay.DecayRule} contract); a custom rule that breaks the contract
 *       breaks this view too.
 * </ul>
 *
 * <p>{@link #render(int)} writes it in words a manager can read. Instances are immutable and
 * thread-safe.
 *
 * @param at the instant explained
 * @param state the bucket at that instant
 * @param baseline the policy's baseline
 * @param startLevel the level before the first event
 * @param startRemaining what is left of the starting deviation from the baseline
 * @param decaySinceLast how much the level moved by decay since the last event (or the start)
 * @param contributions one per event up to {@code at}, oldest first
 */
public record Explanation(
    Instant at,
    TrustBucket state,
    double baseline,
    double startLevel,
    double startRemaining,
    double decaySinceLast,
    ImmutableList<Contribution> contributions) {

  /** Scars smaller than this are not reported as open. */
  public static final double OPEN_SCAR_MINIMUM = 0.005;

  // "u", the proleptic year with a sign only when negative: "yyyy" is the year of the era, which
  // would print the year -5 as 6 (BC, without saying so) and the year 290000 as +290000.
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM u", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /**
   * Checks that no part is null.
   *
   * @param at the instant explained
   * @param state the bucket at that instant
   * @param baseline the policy's baseline
   * @param startLevel the level before the first event
   * @param startRemaining what is left of the starting deviation from the baseline
   * @param decaySinceLast how much the level moved by decay since the last event (or the start)
   * @param contributions one per event up to {@code at}, oldest first
   */
  public Explanation {
    requireNonNull(at, "at");
    requireNonNull(state, "state");
    requireNonNull(contributions, "contributions");
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
    ImmutableList.Builder<Contribution> out = ImmutableList.builder();
    double lastLevel = initial.level();
    for (LedgerStep step : ledger.steps()) {
      long t = EpochMicros.of(step.event().time(), "time");
      if (t > now) {
        break;
      }
      Duration age = Duration.of(EpochMicros.elapsed(t, now), ChronoUnit.MICROS);
      out.add(
          new Contribution(
              step,
              step.effect() * policy.decay().retained(age),
              step.scarAdded() * policy.scarDecay().retained(age)));
      lastLevel = step.levelAfter();
    }
    double startRemaining =
        (initial.level() - policy.baseline()) * policy.decay().retained(
            Duration.of(EpochMicros.elapsed(EpochMicros.of(initial.time(), "time"), now), ChronoUnit.MICROS));
    double decaySinceLast = state.level() - lastLevel;
    return new Explanation(
        at, state, policy.baseline(), initial.level(), startRemaining, decaySinceLast, out.build());
  }

  /**
   * The level explained.
   *
   * @return the level at {@link #at()}
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
   * The events whose remaining effect raises the level most, largest first.
   *
   * @param n at most this many
   * @return the top reasons up
   */
  public ImmutableList<Contribution> topUp(int n) {
    return contributions.stream()
        .filter(c -> c.remaining() > 0)
        .sorted(Comparator.comparingDouble(Contribution::remaining).reversed())
        .limit(n)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The events whose remaining effect lowers the level most, largest first.
   *
   * @param n at most this many
   * @return the top reasons down
   */
  public ImmutableList<Contribution> topDown(int n) {
    return contributions.stream()
        .filter(c -> c.remaining() < 0)
        .sorted(Comparator.comparingDouble(Contribution::remaining))
        .limit(n)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The breaches whose scar is still open (at least {@value #OPEN_SCAR_MINIMUM}), deepest first.
   *
   * @return the open scars
   */
  public ImmutableList<Contribution> openScars() {
    return contributions.stream()
        .filter(c -> c.scarRemaining() >= OPEN_SCAR_MINIMUM)
        .sorted(Comparator.comparingDouble(Contribution::scarRemaining).reversed())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Describes one event's part in words, e.g. {@code "Hid a problem or mistake (critical bug),
   * discovered after 9 days: −0.21 on 3 March 2025, −0.19 today"}.
   *
   * @param c a contribution of this explanation
   * @return one line
   */
  public static String describe(Contribution c) {
    var e = c.step().event();
    StringBuilder s = new StringBuilder(e.behaviour().label());
    if (!e.note().isEmpty()) {
      s.append(" (").append(e.note()).append(')');
    }
    if (!e.isDrop() && e.disclosure().kind() != dev.trustbucket.Disclosure.Kind.NOT_RECORDED) {
      s.append(", ").append(e.disclosure());
    }
    s.append(": ").append(signed(c.immediate())).append(" on ").append(DATE.format(e.time()));
    s.append(", ").append(signed(c.remaining())).append(" today");
    return s.toString();
  }

  /**
   * Writes the explanation in plain English: the level, tier and confidence, where it started,
   * the top reasons up and down, the effect of time and the deepest open scars.
   *
   * @param reasons how many reasons (and scars) to list each way
   * @return several lines of text
   */
  public String render(int reasons) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Level %.0f%% (%s) on %s, backed by %s.%n",
        level() * 100, tier(), DATE.format(at), confidence().describe()));
    s.append(String.format(Locale.ROOT, "Started at %.0f%%; the baseline is %.0f%%.%n", startLevel * 100, baseline * 100));
    appendReasons(s, "Raised by:", topUp(reasons));
    appendReasons(s, "Lowered by:", topDown(reasons));
    s.append(String.format(Locale.ROOT, "Decay toward the baseline moved it %s in all.%n", signed(decayTotal())));
    List<Contribution> scars = openScars();
    if (!scars.isEmpty()) {
      s.append(scars.size() == 1
          ? String.format(Locale.ROOT, "1 open scar keeps the ceiling at %.0f%%:%n", state.ceiling() * 100)
          : String.format(Locale.ROOT, "%d open scars keep the ceiling at %.0f%%; the deepest:%n",
              scars.size(), state.ceiling() * 100));
      for (Contribution c : scars.subList(0, Math.min(reasons, scars.size()))) {
        var e = c.step().event();
        s.append(String.format(Locale.ROOT, "  - %s%s on %s, scar %.2f left%n",
            e.behaviour().label(),
            e.note().isEmpty() ? "" : " (" + e.note() + ")",
            DATE.format(e.time()),
            c.scarRemaining()));
      }
    }
    return s.toString();
  }

  private static void appendReasons(StringBuilder s, String title, List<Contribution> list) {
    if (list.isEmpty()) {
      return;
    }
    s.append(title).append(System.lineSeparator());
    for (Contribution c : list) {
      s.append("  - ").append(describe(c)).append(System.lineSeparator());
    }
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%s%.2f", v < 0 ? "\u2212" : "+", Math.abs(v));
  }
}
