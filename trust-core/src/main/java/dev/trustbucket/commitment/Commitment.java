package dev.trustbucket.commitment;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkPositive;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.internal.Halving;
import java.time.Duration;
import java.time.Instant;

/**
 * A promise: what was committed to, when, by when, how much it matters and how much work it
 * takes.
 *
 * <p>{@link #resolve(Outcome, TrustPolicy)} turns how it ended into the events that go into the
 * ledger, so that promises follow the rules of Gneezy &amp; Epley (2014), "Worth keeping but not
 * exceeding": keeping a promise earns credit, delivering early earns no more than on time,
 * breaking it drains {@linkplain dev.trustbucket.CommitmentRules#brokenPromiseMultiplier() 1.75×} the same miss
 * without a promise, renegotiating with notice costs a fraction of that, and pushing the date
 * without warning costs the most.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param what what was promised, 1 to 200 characters, not blank, following the {@link TextRule}
 * @param madeAt when the promise was made
 * @param due when it is due, not before {@code madeAt}
 * @param importance how much it matters, in (0, 10]; {@code 1.0} is an ordinary commitment and
 *     scales the weight of every event it produces
 * @param effortHours how much work it needs, in hours, finite and in [0, 100,000]; used by {@link
 *     OverCommitment}
 */
public record Commitment(
    String what, Instant madeAt, Instant due, double importance, double effortHours) {

  /** The longest {@code what} accepted, in characters. */
  public static final int MAX_WHAT_LENGTH = 200;

  /**
   * Validates every part.
   *
   * @param what what was promised, 1 to 200 characters, not blank, following the {@link TextRule}
   * @param madeAt when the promise was made
   * @param due when it is due, not before {@code madeAt}
   * @param importance how much it matters, in (0, 10]; {@code 1.0} is an ordinary commitment and
   *     scales the weight of every event it produces
   * @param effortHours how much work it needs, in hours, finite and in [0, 100,000]; used by {@link
   *     OverCommitment}
   * @throws InvalidTrustInputException when a part is out of range or {@code due} is before
   *     {@code madeAt}
   */
  public Commitment {
    requireNonNull(what, "what");
    requireNonNull(madeAt, "madeAt");
    requireNonNull(due, "due");
    TextRule.checkNonBlank("what", what, MAX_WHAT_LENGTH);
    check(!due.isBefore(madeAt), "due", "due must not be before madeAt %s but was %s", madeAt, due);
    checkPositive(importance, "importance", 10.0);
    checkRange(effortHours, "effortHours", 0.0, 100_000.0);
  }

  /**
   * An ordinary commitment (importance 1) whose effort is not tracked.
   *
   * @param what what was promised
   * @param madeAt when the promise was made
   * @param due when it is due
   * @return the commitment
   */
  public static Commitment of(String what, Instant madeAt, Instant due) {
    return new Commitment(what, madeAt, due, 1.0, 0.0);
  }

  /**
   * Returns a copy with another importance. This instance is immutable and unaffected.
   *
   * @param newImportance in (0, 10]
   * @return the new commitment
   */
  public Commitment withImportance(double newImportance) {
    return new Commitment(what, madeAt, due, newImportance, effortHours);
  }

  /**
   * Returns a copy with another effort. This instance is immutable and unaffected.
   *
   * @param hours in [0, 100,000]
   * @return the new commitment
   */
  public Commitment withEffortHours(double hours) {
    return new Commitment(what, madeAt, due, importance, hours);
  }

  /**
   * Returns the events an outcome puts in the ledger, under a policy's promise rules.
   *
   * <table>
   *   <caption>Outcome to events</caption>
   *   <tr><th>outcome</th><th>event</th><th>at</th><th>weight</th></tr>
   *   <tr><td>delivered early</td><td>{@code delivered-early}</td><td>delivery</td><td>importance</td></tr>
   *   <tr><td>on time</td><td>{@code delivered-on-commitment}</td><td>delivery</td><td>importance</td></tr>
   *   <tr><td>renegotiated with notice</td><td>{@code renegotiated-deadline}</td><td>renegotiation</td>
   *       <td>importance × renegotiationCost × 2<sup>−notice / renegotiationNoticeHalfTime</sup></td></tr>
   *   <tr><td>late with warning</td><td>{@code missed-deadline}</td><td>due date</td>
   *       <td>importance × brokenPromiseMultiplier</td></tr>
   *   <tr><td>abandoned</td><td>{@code missed-deadline}</td><td>due date, or when given up if later</td>
   *       <td>importance × brokenPromiseMultiplier × abandonmentMultiplier</td></tr>
   *   <tr><td>late without warning</td><td>{@code pushed-deadline-without-warning} (integrity)</td>
   *       <td>due date</td><td>importance × brokenPromiseMultiplier</td></tr>
   * </table>
   *
   * @param outcome how it ended
   * @param policy the rules for promises
   * @return the events, one per outcome, in time order
   * @throws InvalidTrustInputException when the outcome's time does not fit its kind: before the
   *     promise was made, a delivery counted early or on time after the due date, a late delivery
   *     at or before it, a renegotiation after it
   */
  public ImmutableList<TrustEvent> resolve(Outcome outcome, TrustPolicy policy) {
    requireNonNull(outcome, "outcome");
    requireNonNull(policy, "policy");
    Instant at = outcome.at();
    check(!at.isBefore(madeAt), "at",
        "at must not be before the commitment was made (%s) but was %s", madeAt, at);
    double broken = importance * policy.commitmentRules().brokenPromiseMultiplier();
    switch (outcome.kind()) {
      case DELIVERED_EARLY:
        check(at.isBefore(due), "at", "an early delivery must be before the due date %s but was %s", due, at);
        return event(Behaviours.DELIVERED_EARLY, at, importance);
      case ON_TIME:
        check(!at.isAfter(due), "at", "an on-time delivery must be at or before the due date %s but was %s", due, at);
        return event(Behaviours.DELIVERED_ON_COMMITMENT, at, importance);
      case RENEGOTIATED_WITH_NOTICE:
        check(!at.isAfter(due), "at", "a renegotiation with notice must be at or before the due date %s but was %s", due, at);
        return event(
            Behaviours.RENEGOTIATED_DEADLINE,
            at,
            importance * policy.commitmentRules().renegotiationCost()
                * Halving.remaining(Duration.between(at, due), policy.commitmentRules().renegotiationNoticeHalfTime()));
      case LATE_WITH_WARNING:
        check(at.isAfter(due), "at", "a late delivery must be after the due date %s but was %s", due, at);
        return event(Behaviours.MISSED_DEADLINE, due, broken);
      case ABANDONED:
        return event(
            Behaviours.MISSED_DEADLINE, at.isAfter(due) ? at : due, broken * policy.commitmentRules().abandonmentMultiplier());
      case LATE_WITHOUT_WARNING:
        check(at.isAfter(due), "at", "a late delivery must be after the due date %s but was %s", due, at);
        return event(Behaviours.PUSHED_DEADLINE_WITHOUT_WARNING, due, broken);
      default:
        throw new AssertionError(outcome.kind());
    }
  }

  private ImmutableList<TrustEvent> event(Behaviour behaviour, Instant at, double weight) {
    return ImmutableList.of(
        TrustEvent.of(behaviour, at).withWeight(Math.min(weight, Behaviour.MAX_WEIGHT)).withNote(what));
  }
}
