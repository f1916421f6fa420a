package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.behaviour.Behaviour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A story a facilitator can replay: where a relationship starts, what happens on which dates, and
 * one line of narration per event to read out while the bucket moves.
 *
 * <p>A scenario holds no policy: the same scenario can be run under any {@link
 * dev.trustbucket.TrustPolicy} by a {@link ScenarioRunner}, which is how a workshop compares a
 * strict manager with a forgiving one.
 *
 * <pre>{@code
 * Scenario story = Scenario.builder("first weeks", "A newcomer's first month.")
 *     .startingAt(Instant.parse("2025-01-06T09:00:00Z"), 0.5)
 *     .step(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z"), "First ticket closed.")
 *     .endingAt(Instant.parse("2025-02-03T09:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>Every text (name, description, narration) is not blank and follows the {@link TextRule}:
 * one line, no control characters, non-characters or bidirectional overrides.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name a short name, 1 to 100 characters, e.g. {@code "essay"}
 * @param description one line saying what the story is about, 1 to 500 characters
 * @param start when the story starts
 * @param startingLevel the level of the bucket at {@code start}, in [0, 1]
 * @param steps the events in time order, none before {@code start} and all before {@code end}
 * @param end when the story stops (exclusive): the timeline covers every week that starts before it
 */
public record Scenario(
    String name,
    String description,
    Instant start,
    double startingLevel,
    List<Step> steps,
    Instant end) {

  /** The longest name accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 100;

  /** The longest narration or description accepted, in characters. */
  public static final int MAX_TEXT_LENGTH = 500;

  /**
   * Validates every field and copies the steps.
   *
   * @throws InvalidTrustInputException when a text is blank, too long or breaks the {@link TextRule}, the level is
   *     out of range, the steps are out of time order or outside {@code [start, end)}, or {@code
   *     end} is not after {@code start}
   * @throws NullPointerException when a field or a step is null
   */
  public Scenario {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(start, "start");
    requireNonNull(steps, "steps");
    requireNonNull(end, "end");
    TextRule.checkNonBlank("name", name, MAX_NAME_LENGTH);
    TextRule.checkNonBlank("description", description, MAX_TEXT_LENGTH);
    InvalidTrustInputException.checkRange(startingLevel, "startingLevel", 0.0, 1.0);
    InvalidTrustInputException.check(
        end.isAfter(start), "end", "end must be after start %s but was %s", start, end);
    steps = List.copyOf(steps);
    Instant previous = start;
    for (int i = 0; i < steps.size(); i++) {
      Instant t = steps.get(i).event().time();
      InvalidTrustInputException.check(
          !t.isBefore(previous),
          "steps",
          "steps must be in time order from start %s, but step %s at %s comes before %s",
          start,
          i + 1,
          t,
          previous);
      InvalidTrustInputException.check(
          t.isBefore(end), "steps", "steps must be before end %s, but step %s is at %s", end, i + 1, t);
      previous = t;
    }
  }

  /**
   * One dated event of a story and what the facilitator says about it.
   *
   * @param event what happened and when
   * @param narration one line for the facilitator to read out, e.g. {@code "Says yes to a third
   *     project."}
   */
  public record Step(TrustEvent event, String narration) {

    /**
     * Validates the narration.
     *
     * @throws InvalidTrustInputException when the narration is blank, too long or breaks the {@link
     *     TextRule}
     * @throws NullPointerException when a field is null
     */
    public Step {
      requireNonNull(event, "event");
      requireNonNull(narration, "narration");
      TextRule.checkNonBlank("narration", narration, MAX_TEXT_LENGTH);
    }
  }

  /**
   * Returns a builder for a scenario with this name and description.
   *
   * @param name a short name
   * @param description one line saying what the story is about
   * @return a new builder
   */
  public static Builder builder(String name, String description) {
    return new Builder(name, description);
  }

  /**
   * Returns the number of whole weeks the story covers: every week that starts before {@link
   * #end()}.
   *
   * @return at least one
   */
  public int weeks() {
    long micros = java.time.Duration.between(start, end).toNanos() / 1_000L;
    long weekMicros = ScenarioRunner.WEEK.toNanos() / 1_000L;
    return Math.toIntExact((micros + weekMicros - 1) / weekMicros);
  }

  /** Collects a scenario's parts; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String description;
    private Instant start;
    private double startingLevel = Double.NaN;
    private Instant end;
    private final List<Step> steps = new ArrayList<>();

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    /**
     * Sets when the story starts and how full the bucket is then.
     *
     * @param time the start
     * @param level the level at the start, in [0, 1]
     * @return this builder
     */
    public Builder startingAt(Instant time, double level) {
      this.start = time;
      this.startingLevel = level;
      return this;
    }

    /**
     * Adds an event with its narration.
     *
     * @param event what happened and when
     * @param narration one line for the facilitator
     * @return this builder
     */
    public Builder step(TrustEvent event, String narration) {
      steps.add(new Step(event, narration));
      return this;
    }

    /**
     * Adds an event of the behaviour at its default weight, with the narration as the event's
     * note too.
     *
     * @param behaviour what happened
     * @param time when it happened
     * @param narration one line for the facilitator
     * @return this builder
     */
    public Builder step(Behaviour behaviour, Instant time, String narration) {
      return step(TrustEvent.of(behaviour, time).withNote(narration), narration);
    }

    /**
     * Sets when the story stops (exclusive).
     *
     * @param time the end, after the start and after every step
     * @return this builder
     */
    public Builder endingAt(Instant time) {
      this.end = time;
      return this;
    }

    /**
     * Returns the scenario.
     *
     * @return the validated scenario
     * @throws InvalidTrustInputException when a part is invalid
     * @throws NullPointerException when the start or the end was not set
     */
    public Scenario build() {
      requireNonNull(start, "start (call startingAt)");
      requireNonNull(end, "end (call endingAt)");
      return new Scenario(name, description, start, startingLevel, steps, end);
    }
  }
}
