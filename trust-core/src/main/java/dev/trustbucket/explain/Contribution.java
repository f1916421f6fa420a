package dev.trustbucket.explain;

import dev.trustbucket.history.LedgerStep;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event's part in the level: what it did when it happened, and what is left of that at the
 * instant explained.
 *
 * <p>Because decay shrinks every deviation from the baseline by the same factor, an event's
 * immediate effect fades on its own: {@code remaining = immediate × retained(now − event time)},
 * where the factor is the product of the decay factors the ledger stored for every later gap. The
 * remaining parts of all events, plus the baseline and what is left of the starting deviation,
 * add up to the level.
 *
 * <p>Only an {@link Explanation} creates contributions, so their numbers always agree with the
 * ledger they came from. Instances are immutable and thread-safe.
 */
public final class Contribution {
  private final LedgerStep step;
  private final double remaining;
  private final double scarRemaining;

  Contribution(LedgerStep step, double remaining, double scarRemaining) {
    this.step = step;
    this.remaining = remaining;
    this.scarRemaining = scarRemaining;
  }

  /**
   * What the event did in the ledger: the event itself, the level and tier just before and after.
   *
   * @return the ledger's step for this event
   */
  public LedgerStep step() {
    return step;
  }

  /**
   * The event's effect on the level when it happened, in level units (a fraction of the bucket).
   *
   * @return the immediate effect, {@code >= 0} for drops and {@code <= 0} for drains
   */
  public double immediate() {
    return step.effect();
  }

  /**
   * What is left of the event's effect at the instant explained, in level units: the immediate
   * effect shrunk by decay, with the same sign.
   *
   * @return the remaining effect, between 0 and {@link #immediate()}
   */
  public double remaining() {
    return remaining;
  }

  /**
   * What is left at the instant explained of the scar the event added: 0 unless it was a breach.
   *
   * @return the remaining scar, in level units, {@code >= 0}
   */
  public double scarRemaining() {
    return scarRemaining;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Contribution c
        && step.equals(c.step)
        && Double.compare(remaining, c.remaining) == 0
        && Double.compare(scarRemaining, c.scarRemaining) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, remaining, scarRemaining);
  }

  @Override
  public String toString() {
    return "Contribution[step=" + step + ", remaining=" + remaining + ", scarRemaining=" + scarRemaining + "]";
  }
}
