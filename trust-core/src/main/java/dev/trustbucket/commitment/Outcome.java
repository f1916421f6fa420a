package dev.trustbucket.commitment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * How a {@link Commitment} ended, and when.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param kind how it ended
 * @param at when: the delivery for deliveries, the renegotiation for renegotiations, the moment
 *     it was given up for abandonment
 */
public record Outcome(Kind kind, Instant at) {

  /** The ways a commitment can end, from best to worst for trust. */
  public enum Kind {
    /** Delivered before the due date. Earns the same as on time: over-delivering earns no more. */
    DELIVERED_EARLY,
    /** Delivered by the due date: the promise was kept. */
    ON_TIME,
    /** The due date was moved before it passed, with notice; the more notice, the cheaper. */
    RENEGOTIATED_WITH_NOTICE,
    /** Delivered late, but the manager was warned before the due date. A broken promise. */
    LATE_WITH_WARNING,
    /** Never delivered. A broken promise, heavier than a late one. */
    ABANDONED,
    /**
     * Delivered late and the manager found out at the due date: the essay's "committing to
     * Friday, then pushing to next week without warning". The costliest outcome.
     */
    LATE_WITHOUT_WARNING;

    /**
     * Returns whether the promise was kept as made.
     *
     * @return {@code true} for {@link #DELIVERED_EARLY} and {@link #ON_TIME}
     */
    public boolean isKept() {
      return this == DELIVERED_EARLY || this == ON_TIME;
    }

    /**
     * Returns whether the promise was broken: late or abandoned.
     *
     * @return {@code true} for late and abandoned outcomes
     */
    public boolean isBroken() {
      return this == LATE_WITH_WARNING || this == ABANDONED || this == LATE_WITHOUT_WARNING;
    }
  }

  /**
   * Checks that no part is null.
   *
   * @param kind how it ended
   * @param at when: the delivery for deliveries, the renegotiation for renegotiations, the moment
   *     it was given up for abandonment
   */
  public Outcome {
    requireNonNull(kind, "kind");
    requireNonNull(at, "at");
  }

  /**
   * Delivered before the due date.
   *
   * @param deliveredAt when it was delivered, before the due date
   * @return the outcome
   */
  public static Outcome deliveredEarly(Instant deliveredAt) {
    return new Outcome(Kind.DELIVERED_EARLY, deliveredAt);
  }

  /**
   * Delivered by the due date.
   *
   * @param deliveredAt when it was delivered, at or before the due date
   * @return the outcome
   */
  public static Outcome onTime(Instant deliveredAt) {
    return new Outcome(Kind.ON_TIME, deliveredAt);
  }

  /**
   * The due date was moved, with notice.
   *
   * @param renegotiatedAt when the manager was told, at or before the due date
   * @return the outcome
   */
  public static Outcome renegotiated(Instant renegotiatedAt) {
    return new Outcome(Kind.RENEGOTIATED_WITH_NOTICE, renegotiatedAt);
  }

  /**
   * Delivered late after warning the manager before the due date.
   *
   * @param deliveredAt when it was delivered, after the due date
   * @return the outcome
   */
  public static Outcome lateWithWarning(Instant deliveredAt) {
    return new Outcome(Kind.LATE_WITH_WARNING, deliveredAt);
  }

  /**
   * Delivered late with no warning.
   *
   * @param deliveredAt when it was delivered, after the due date
   * @return the outcome
   */
  public static Outcome lateWithoutWarning(Instant deliveredAt) {
    return new Outcome(Kind.LATE_WITHOUT_WARNING, deliveredAt);
  }

  /**
   * Given up without delivering.
   *
   * @param abandonedAt when it was given up
   * @return the outcome
   */
  public static Outcome abandoned(Instant abandonedAt) {
    return new Outcome(Kind.ABANDONED, abandonedAt);
  }
}
