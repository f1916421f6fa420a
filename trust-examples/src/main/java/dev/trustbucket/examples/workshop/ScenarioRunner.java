package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a {@link Scenario} under a {@link TrustPolicy} and records the bucket week by week.
 *
 * <p>Week {@code n} (from 1) covers {@code [start + 7(n-1) days, start + 7n days)}. The runner
 * applies that week's events in order, then {@linkplain TrustBucket#at advances} the
 * bucket to the end of the week, so a week without events still shows the level after decay.
 * The same scenario and policy always give the same {@link Timeline}.
 *
 * <pre>{@code
 * Timeline timeline = ScenarioRunner.of(TrustPolicy.defaults()).run(EssayStory.scenario());
 * timeline.lowest().level();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ScenarioRunner {
  /** The length of one row of a timeline. */
  public static final Duration WEEK = Duration.ofDays(7);

  private final TrustPolicy policy;

  private ScenarioRunner(TrustPolicy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  /**
   * Returns a runner that applies scenarios under {@code policy}.
   *
   * @param policy the rules
   * @return the runner
   */
  public static ScenarioRunner of(TrustPolicy policy) {
    return new ScenarioRunner(policy);
  }

  /**
   * Returns the policy scenarios are run under.
   *
   * @return the policy
   */
  public TrustPolicy policy() {
    return policy;
  }

  /**
   * Plays the scenario from its start to its end.
   *
   * @param scenario the story
   * @return the bucket at the start, week by week, and after each event
   * @throws dev.trustbucket.InvalidTrustInputException when an event's behaviour is not in the
   *     policy's catalogue
   */
  public Timeline run(Scenario scenario) {
    requireNonNull(scenario, "scenario");
    TrustBucket initial = TrustBucket.of(policy, scenario.start(), scenario.startingLevel());
    TrustBucket bucket = initial;
    List<Scenario.Step> steps = scenario.steps();
    int next = 0;
    int weeks = scenario.weeks();
    List<Timeline.Week> rows = new ArrayList<>(weeks);
    for (int w = 0; w < weeks; w++) {
      Instant weekStart = scenario.start().plus(WEEK.multipliedBy(w));
      Instant weekEnd = weekStart.plus(WEEK);
      List<Timeline.StepResult> results = new ArrayList<>();
      while (next < steps.size() && steps.get(next).event().time().isBefore(weekEnd)) {
        Scenario.Step step = steps.get(next++);
        TrustBucket before = bucket.at(step.event().time());
        TrustBucket after = before.plus(step.event());
        results.add(new Timeline.StepResult(step, before.level(), after));
        bucket = after;
      }
      bucket = bucket.at(weekEnd);
      rows.add(
          new Timeline.Week(
              w + 1, weekStart.atOffset(ZoneOffset.UTC).toLocalDate(), weekEnd, bucket, results));
    }
    return new Timeline(scenario, policy, initial, rows);
  }
}
