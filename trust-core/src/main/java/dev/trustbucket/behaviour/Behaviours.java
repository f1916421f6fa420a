package dev.trustbucket.behaviour;

import static dev.trustbucket.behaviour.Dimension.ABILITY;
import static dev.trustbucket.behaviour.Dimension.COMMUNICATION;
import static dev.trustbucket.behaviour.Dimension.INTEGRITY;

import com.google.common.collect.ImmutableList;

/**
 * The stock behaviours: the actions the trust-bucket essay names, with default weights.
 *
 * <p>The ten drops and eight drains are the ones the essay names; {@link #RENEGOTIATED_DEADLINE}
 * is the library's own, for commitments moved with notice. A weight of {@code 1.0} is an ordinary occurrence. Weights below one are for small,
 * frequent signals (a weekly check-in, a quick status update); weights above one are for actions
 * that say more than a single delivery does (hiding a problem). The ids are stable and are what
 * ledgers and scenario files store.
 */
public final class Behaviours {
  private Behaviours() {}

  // ---- drops ----

  /** Delivered what was committed, when it was due. */
  public static final Behaviour DELIVERED_ON_COMMITMENT =
      Behaviour.drop("delivered-on-commitment", ABILITY, 1.0, "Delivered on a commitment");

  /**
   * Delivered before the due date. Weighted like an on-time delivery: over-delivering on a promise
   * earns no more than keeping it (Gneezy &amp; Epley 2014).
   */
  public static final Behaviour DELIVERED_EARLY =
      Behaviour.drop("delivered-early", ABILITY, 1.0, "Delivered early");

  /** Sent a status update without being asked. */
  public static final Behaviour PROACTIVE_UPDATE =
      Behaviour.drop("proactive-update", COMMUNICATION, 0.5, "Gave a proactive update");

  /** Flagged a risk or blocker while there was still time to act on it. */
  public static final Behaviour RAISED_RISK_EARLY =
      Behaviour.drop("raised-risk-early", COMMUNICATION, 1.0, "Raised a risk early");

  /** Reported their own mistake before anyone else found it. */
  public static final Behaviour OWNED_MISTAKE_EARLY =
      Behaviour.drop("owned-mistake-early", INTEGRITY, 1.0, "Owned a mistake early");

  /** Admitted that something was wrong and took responsibility for it. */
  public static final Behaviour ACKNOWLEDGED_PROBLEM =
      Behaviour.drop("acknowledged-problem", INTEGRITY, 1.0, "Acknowledged a problem");

  /** Finished a small, well-scoped piece of work well. */
  public static final Behaviour SMALL_WIN = Behaviour.drop("small-win", ABILITY, 0.5, "Small win");

  /** Said no to more work, or to an unrealistic date, and offered an alternative. */
  public static final Behaviour SET_REALISTIC_BOUNDARY =
      Behaviour.drop(
          "set-realistic-boundary", INTEGRITY, 0.75, "Set a realistic boundary with an alternative");

  /** Listened to feedback, acknowledged it and acted on it. */
  public static final Behaviour ACCEPTED_FEEDBACK =
      Behaviour.drop("accepted-feedback", COMMUNICATION, 0.75, "Accepted feedback");

  /** Held the regular one-to-one and shared where things really stand. */
  public static final Behaviour REGULAR_CHECK_IN =
      Behaviour.drop("regular-check-in", COMMUNICATION, 0.25, "Regular 1:1 check-in");

  // ---- drains ----

  /** Did not deliver by the agreed date. */
  public static final Behaviour MISSED_DEADLINE =
      Behaviour.drain("missed-deadline", ABILITY, 1.0, "Missed a deadline");

  /** Moved a deadline without telling the manager beforehand. */
  public static final Behaviour PUSHED_DEADLINE_WITHOUT_WARNING =
      Behaviour.drain(
          "pushed-deadline-without-warning",
          INTEGRITY,
          1.0,
          "Pushed a deadline without warning");

  /**
   * Moved a due date, telling the manager beforehand. A small drain: a commitment was not kept as
   * made, but nobody was surprised. Commitments scale its weight down with the notice given.
   */
  public static final Behaviour RENEGOTIATED_DEADLINE =
      Behaviour.drain(
          "renegotiated-deadline", ABILITY, 0.25, "Renegotiated a deadline with notice");

  /** Promised more than could be delivered. */
  public static final Behaviour OVER_PROMISED =
      Behaviour.drain("over-promised", INTEGRITY, 1.0, "Over-promised");

  /** Delivered work below the expected quality. */
  public static final Behaviour LOW_QUALITY_DELIVERY =
      Behaviour.drain("low-quality-delivery", ABILITY, 1.0, "Delivered low-quality work");

  /** Kept a problem or mistake quiet; it came out through someone else. */
  public static final Behaviour HID_PROBLEM =
      Behaviour.drain("hid-problem", INTEGRITY, 1.0, "Hid a problem or mistake");

  /** Stayed silent about a blocker; the manager was blindsided. */
  public static final Behaviour AVOIDED_TOUGH_CONVERSATION =
      Behaviour.drain(
          "avoided-tough-conversation",
          COMMUNICATION,
          1.0,
          "Avoided a tough conversation (manager blindsided)");

  /** Went quiet, then surfaced surprises late. */
  public static final Behaviour INCONSISTENT_COMMUNICATION =
      Behaviour.drain(
          "inconsistent-communication", COMMUNICATION, 0.5, "Inconsistent communication");

  /** Met feedback with excuses instead of ownership. */
  public static final Behaviour DEFENSIVE_TO_FEEDBACK =
      Behaviour.drain("defensive-to-feedback", COMMUNICATION, 0.75, "Defensive to feedback");

  /**
   * Returns every stock behaviour, drops first, in declaration order.
   *
   * @return the nineteen stock behaviours
   */
  public static ImmutableList<Behaviour> all() {
    return ImmutableList.of(
        DELIVERED_ON_COMMITMENT,
        DELIVERED_EARLY,
        PROACTIVE_UPDATE,
        RAISED_RISK_EARLY,
        OWNED_MISTAKE_EARLY,
        ACKNOWLEDGED_PROBLEM,
        SMALL_WIN,
        SET_REALISTIC_BOUNDARY,
        ACCEPTED_FEEDBACK,
        REGULAR_CHECK_IN,
        MISSED_DEADLINE,
        PUSHED_DEADLINE_WITHOUT_WARNING,
        RENEGOTIATED_DEADLINE,
        OVER_PROMISED,
        LOW_QUALITY_DELIVERY,
        HID_PROBLEM,
        AVOIDED_TOUGH_CONVERSATION,
        INCONSISTENT_COMMUNICATION,
        DEFENSIVE_TO_FEEDBACK);
  }
}
