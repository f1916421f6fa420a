package dev.trustbucket.examples.review;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.explain.Contribution;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.explain.Reason;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.history.LedgerStep;
import dev.trustbucket.history.Sampling;
import dev.trustbucket.history.TimelinePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One relationship's part of a team report, all computed by the library from its ledger at one
 * instant.
 *
 * @param relationship who trusts whom
 * @param ledger the relationship's history
 * @param asOf the instant reported on
 * @param state the bucket at {@code asOf} ({@link TrustLedger#stateAt})
 * @param trendFrom the instant the trend is measured from: {@link TeamReport#TREND_WINDOW}
 *     before {@code asOf}, or the relationship's start if that is later
 * @param levelBefore the level at {@code trendFrom}
 * @param explanation why the level is what it is ({@link Explanation#of})
 * @param forecast how many weekly deliveries on commitment reach the next tier; empty at the top
 * @param timeline the level from the start to {@code asOf}, for the chart: sampled weekly, or less
 *     often for a history so long that weekly samples would be more than {@link #MAX_CHART_POINTS}
 * @param breaches the last breaches up to {@code asOf}, at most {@link #MAX_BREACHES}, oldest first
 * @param breachCount how many breaches there were up to {@code asOf} in all
 */
public record PersonReport(
    Relationship relationship,
    TrustLedger ledger,
    Instant asOf,
    TrustBucket state,
    Instant trendFrom,
    double levelBefore,
    Explanation explanation,
    Optional<RecoveryForecast> forecast,
    List<TimelinePoint> timeline,
    List<LedgerStep> breaches,
    int breachCount) {

  /** The smallest change of level over the trend window that counts as a rise or a fall. */
  public static final double TREND_STEP = 0.01;

  /** How many reasons up and down a report lists. */
  public static final int REASONS = 3;

  /** The drop the forecast repeats. */
  public static final String FORECAST_BEHAVIOUR = "delivered-on-commitment";

  /** The time between two forecast drops. */
  public static final Duration FORECAST_CADENCE = Duration.ofDays(7);

  /**
   * The most points in a chart: the report's size does not grow with the length of a history. Ten
   * years of weekly samples; a longer history is sampled less often.
   */
  public static final int MAX_CHART_POINTS = 520;

  /** The most breaches a report lists for one relationship: the latest ones. */
  public static final int MAX_BREACHES = 10;

  /** Copies the lists and checks that nothing is null. */
  public PersonReport {
    requireNonNull(relationship, "relationship");
    requireNonNull(ledger, "ledger");
    requireNonNull(asOf, "asOf");
    requireNonNull(state, "state");
    requireNonNull(trendFrom, "trendFrom");
    requireNonNull(explanation, "explanation");
    requireNonNull(forecast, "forecast");
    timeline = List.copyOf(timeline);
    breaches = List.copyOf(breaches);
  }

  /**
   * Computes the report of one relationship.
   *
   * @param relationship who trusts whom
   * @param ledger its history
   * @param asOf the instant to report on, not before the ledger's start
   * @return the report
   */
  public static PersonReport of(Relationship relationship, TrustLedger ledger, Instant asOf) {
    // The explanation already holds the state at asOf and every step up to it: ask it, not the ledger.
    Explanation explanation = Explanation.of(ledger, asOf);
    TrustBucket state = explanation.state();
    Instant monthAgo = asOf.minus(TeamReport.TREND_WINDOW);
    Instant trendFrom = monthAgo.isBefore(ledger.start()) ? ledger.start() : monthAgo;
    double before = ledger.levelAt(trendFrom);
    Optional<RecoveryForecast> forecast = Optional.empty();
    if (state.tier() != AutonomyTier.AUTONOMOUS) {
      Behaviour drop = ledger.policy().catalogue().byId(FORECAST_BEHAVIOUR);
      forecast = Optional.of(RecoveryForecast.untilTier(state, drop, FORECAST_CADENCE, state.tier().higher()));
    }
    List<LedgerStep> breaches = explanation.contributions().stream()
        .map(Contribution::step)
        .filter(LedgerStep::breach)
        .toList();
    List<LedgerStep> latest = breaches.subList(Math.max(0, breaches.size() - MAX_BREACHES), breaches.size());
    return new PersonReport(relationship, ledger, asOf, state, trendFrom, before, explanation,
        forecast, ledger.timeline(chartSampling(ledger.start(), asOf), asOf), latest, breaches.size());
  }

  /**
   * Weekly, or every {@code span / MAX_CHART_POINTS} (rounded up to a whole second) when that is
   * longer, so that a chart has at most {@link #MAX_CHART_POINTS} + 1 points whatever the span.
   */
  static Sampling chartSampling(Instant start, Instant asOf) {
    long span = Math.max(0, Duration.between(start, asOf).getSeconds());
    long period = Math.max(Duration.ofDays(7).getSeconds(), -Math.floorDiv(-span, (long) MAX_CHART_POINTS));
    return Sampling.every(Duration.ofSeconds(period));
  }

  /**
   * The level at {@code asOf}.
   *
   * @return the level in [0, 1]
   */
  public double level() {
    return state.level();
  }

  /**
   * The tier at {@code asOf}.
   *
   * @return the tier
   */
  public AutonomyTier tier() {
    return state.tier();
  }

  /**
   * How much the level moved over the trend window.
   *
   * @return the change, positive when it rose
   */
  public double trend() {
    return state.level() - levelBefore;
  }

  /**
   * An arrow for the trend: up or down when the level moved by at least one point (0.01), flat
   * otherwise.
   *
   * @return {@code ↑}, {@code ↓} or {@code →}
   */
  public String trendArrow() {
    double t = trend();
    return t >= TREND_STEP ? "\u2191" : t <= -TREND_STEP ? "\u2193" : "\u2192";
  }

  /**
   * How much evidence backs the level.
   *
   * @return the confidence at {@code asOf}
   */
  public Confidence confidence() {
    return state.confidence();
  }

  /**
   * The behaviours whose events raise the level most today, each with its events grouped.
   *
   * @return up to {@link #REASONS} reasons
   */
  public List<Reason> reasonsUp() {
    return explanation.topUp(REASONS);
  }

  /**
   * The behaviours whose events lower the level most today, each with its events grouped.
   *
   * @return up to {@link #REASONS} reasons
   */
  public List<Reason> reasonsDown() {
    return explanation.topDown(REASONS);
  }

  /**
   * The breaches whose scar is still open.
   *
   * @return the open scars, deepest first
   */
  public List<Contribution> openScars() {
    return explanation.openScars();
  }

  /**
   * The number of events up to {@code asOf}.
   *
   * @return the count
   */
  public int events() {
    return explanation.contributions().size();
  }
}
