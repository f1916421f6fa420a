package dev.trustbucket.explain;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.history.LedgerStep;

/**
 * One event's part in the level: what it did when it happened, and what is left of that today.
 *
 * <p>Because decay shrinks every deviation from the baseline by the same factor, an event's
 * immediate effect fades on its own: {@code remaining = immediate × retained(now − event time)}.
 * The remaining parts of all events, plus the baseline and what is left of the starting
 * deviation, add up to the level.
 *
 * @param step what the event did in the ledger
 * @param remaining what is left of its effect at the explanation's instant
 * @param scarRemaining what is left of the scar it added (0 unless a breach)
 */
public record Contribution(LedgerStep step, double remaining, double scarRemaining) {
  /**
   * Checks that no part is null.
   *
   * @param step what the event did in the ledger
   * @param remaining what is left of its effect at the explanation's instant
   * @param scarRemaining what is left of the scar it added (0 unless a breach)
   */
  public Contribution {
    requireNonNull(step, "step");
  }

  /**
   * The event's effect when it happened.
   *
   * @return the immediate effect, {@code >= 0} for drops and {@code <= 0} for drains
   */
  public double immediate() {
    return step.effect();
  }
}
