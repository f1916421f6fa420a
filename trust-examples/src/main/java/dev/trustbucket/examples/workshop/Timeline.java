package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ScenarioRunner} saw: the bucket at the start, at the end of every week, and right
 * after every event.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param scenario the story that was played
 * @param policy the rules it was played under
 * @param initial the bucket at the scenario's start
 * @param weeks one row per week, in order, at least one
 */
public record Timeline(Scenario scenario, TrustPolicy policy, TrustBucket initial, List<Week> weeks) {

  /**
   * Copies the weeks.
   *
   * @throws IllegalArgumentException when there are no weeks
   * @throws NullPointerException when a field is null
   */
  public Timeline {
    requireNonNull(scenario, "scenario");
    requireNonNull(policy, "policy");
    requireNonNull(initial, "initial");
    weeks = List.copyOf(weeks);
    if (weeks.isEmpty()) {
      throw new IllegalArgumentException("weeks must not be empty");
    }
  }

  /**
   * One week of the story: the events that happened in it and the bucket at its end.
   *
   * @param number the week's number, from 1
   * @param start the week's first day (UTC)
   * @param end the instant the week ends (exclusive), where {@code bucket} was taken
   * @param bucket the bucket at the end of the week, after its events and decay
   * @param steps the week's events with their effect, in order; empty for a quiet week
   */
  public record Week(int number, LocalDate start, Instant end, TrustBucket bucket, List<StepResult> steps) {

    /** Copies the steps. */
    public Week {
      requireNonNull(start, "start");
      requireNonNull(end, "end");
      requireNonNull(bucket, "bucket");
      steps = List.copyOf(steps);
    }

    /**
     * The level at the end of the week.
     *
     * @return the level in [0, 1]
     */
    public double level() {
      return bucket.level();
    }

    /**
     * The tier at the end of the week.
     *
     * @return the tier
     */
    public AutonomyTier tier() {
      return bucket.tier();
    }

    /**
     * Returns whether any of the week's events was a drain.
     *
     * @return {@code true} when the week had a drain
     */
    public boolean hasDrain() {
      return steps.stream().anyMatch(s -> !s.step().event().isDrop());
    }
  }

  /**
   * One event of the story and what it did.
   *
   * @param step the event and its narration
   * @param levelBefore the level just before the event, after decay up to its time
   * @param after the bucket right after the event
   */
  public record StepResult(Scenario.Step step, double levelBefore, TrustBucket after) {

    /** Checks for nulls. */
    public StepResult {
      requireNonNull(step, "step");
      requireNonNull(after, "after");
    }

    /**
     * The event's own effect on the level: positive for a drop, negative for a drain.
     *
     * @return {@code after().level() - levelBefore()}
     */
    public double change() {
      return after.level() - levelBefore;
    }
  }

  /**
   * The last week.
   *
   * @return the final week
   */
  public Week last() {
    return weeks.get(weeks.size() - 1);
  }

  /**
   * The week that ended at the lowest level; the earliest one on a tie.
   *
   * @return the lowest week
   */
  public Week lowest() {
    return weeks.stream()
        .min(Comparator.comparingDouble(Week::level).thenComparingInt(Week::number))
        .orElseThrow();
  }

  /**
   * The week that ended at the highest level; the earliest one on a tie.
   *
   * @return the highest week
   */
  public Week highest() {
    return weeks.stream()
        .max(Comparator.comparingDouble(Week::level)
            .thenComparing(Week::number, Comparator.reverseOrder()))
        .orElseThrow();
  }

  /**
   * Returns the first week, after week {@code afterWeek}, that ended in {@code tier} or higher.
   *
   * @param tier the tier to reach
   * @param afterWeek a week number; {@code 0} searches from the first week
   * @return the week, or empty when the tier was not reached again
   */
  public Optional<Week> firstWeekAtOrAbove(AutonomyTier tier, int afterWeek) {
    return weeks.stream()
        .filter(w -> w.number() > afterWeek && w.tier().compareTo(tier) >= 0)
        .findFirst();
  }

  /**
   * Returns the first week, after week {@code afterWeek}, that ended below {@code tier}.
   *
   * @param tier the tier to fall out of
   * @param afterWeek a week number; {@code 0} searches from the first week
   * @return the week, or empty when the bucket never fell below the tier
   */
  public Optional<Week> firstWeekBelow(AutonomyTier tier, int afterWeek) {
    return weeks.stream()
        .filter(w -> w.number() > afterWeek && w.tier().compareTo(tier) < 0)
        .findFirst();
  }
}
