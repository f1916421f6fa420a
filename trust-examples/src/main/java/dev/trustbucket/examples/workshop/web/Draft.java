package dev.trustbucket.examples.workshop.web;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.examples.workshop.Scenario;
import dev.trustbucket.examples.workshop.ScenarioFile;
import dev.trustbucket.examples.workshop.ScenarioRunner;
import dev.trustbucket.examples.workshop.ScenarioWriter;
import dev.trustbucket.examples.workshop.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The story a participant is editing on the page: a {@link Scenario} and the preset policy it is
 * played under. Every edit returns a new draft, which is what makes undo a matter of keeping the
 * previous one. Immutable and thread-safe.
 *
 * @param scenario the story
 * @param policy one of trust-core's presets, so that the draft can be written as a scenario file
 */
record Draft(Scenario scenario, TrustPolicy policy) {

  /** How far into its week an event added on the page happens: Friday noon for a week from Monday. */
  static final Duration INTO_THE_WEEK = Duration.ofDays(4).plusHours(12);

  /** Checks for nulls. */
  Draft {
    requireNonNull(scenario, "scenario");
    requireNonNull(policy, "policy");
  }

  /**
   * The draft of a scenario file.
   *
   * @param file a parsed file
   * @return its scenario under its own policy
   */
  static Draft of(ScenarioFile file) {
    return new Draft(file.scenario(), file.policy());
  }

  /**
   * An empty story to fill on the page.
   *
   * @param start its first day
   * @param weeks how many weeks it covers
   * @param policy the policy
   * @return a draft with no events, starting at the policy's baseline
   */
  static Draft blank(Instant start, int weeks, TrustPolicy policy) {
    return new Draft(
        new Scenario("A blank story", "Events added on the workshop page.", start, policy.baseline(), List.of(),
            start.plus(ScenarioRunner.WEEK.multipliedBy(weeks))),
        policy);
  }

  /** Plays the story under its policy. */
  Timeline run() {
    return ScenarioRunner.of(policy).run(scenario);
  }

  /** Plays the story under another policy. */
  Timeline run(TrustPolicy other) {
    return ScenarioRunner.of(other).run(scenario);
  }

  /** The same story under another preset. */
  Draft withPolicy(TrustPolicy other) {
    return new Draft(scenario, other);
  }

  /**
   * The instant an event added in a week happens.
   *
   * @param week the week's number, from 1
   * @return {@link #INTO_THE_WEEK} after the week's start
   */
  Instant timeInWeek(int week) {
    return scenario.start().plus(ScenarioRunner.WEEK.multipliedBy(week - 1L)).plus(INTO_THE_WEEK);
  }

  /**
   * Adds an event, after every event at the same instant or earlier.
   *
   * @param step the event and its narration
   * @return the new draft
   */
  Draft withStep(Scenario.Step step) {
    List<Scenario.Step> steps = new ArrayList<>(scenario.steps());
    int at = steps.size();
    while (at > 0 && steps.get(at - 1).event().time().isAfter(step.event().time())) {
      at--;
    }
    steps.add(at, step);
    return withSteps(steps);
  }

  /**
   * Replaces the event at an index with another at the same instant.
   *
   * @param index the event's position, from 0
   * @param event the new event
   * @return the new draft
   */
  Draft withEvent(int index, TrustEvent event) {
    List<Scenario.Step> steps = new ArrayList<>(scenario.steps());
    Scenario.Step old = steps.get(index);
    steps.set(index, new Scenario.Step(event, old.narration()));
    return withSteps(steps);
  }

  private Draft withSteps(List<Scenario.Step> steps) {
    return new Draft(
        new Scenario(scenario.name(), scenario.description(), scenario.start(), scenario.startingLevel(), steps,
            scenario.end()),
        policy);
  }

  /** The draft as a scenario file that the command line reads back equal. */
  String toFile() {
    return ScenarioWriter.format(scenario, policy);
  }
}
