package dev.trustbucket.explain;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.Disclosure;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.history.LedgerStep;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The events of one behaviour taken together, the way a manager remembers them: "delivered on a
 * commitment, 38 times". Drains are grouped by how they came to light as well, since a mistake
 * reported early and one discovered are different stories.
 *
 * <p>Every number is the exact sum of its {@linkplain #contributions() events'} numbers, so the
 * reasons of an explanation add up to the level just as its single contributions do. Only an
 * {@link Explanation} creates reasons. Instances are immutable and thread-safe.
 */
public final class Reason {
  private final ImmutableList<Contribution> contributions;
  private final double immediate;
  private final double remaining;
  private final double scarRemaining;

  Reason(ImmutableList<Contribution> contributions) {
    this.contributions = contributions;
    double i = 0;
    double r = 0;
    double s = 0;
    for (Contribution c : contributions) {
      i += c.immediate();
      r += c.remaining();
      s += c.scarRemaining();
    }
    this.immediate = i;
    this.remaining = r;
    this.scarRemaining = s;
  }

  /**
   * The behaviour every event of this reason shares.
   *
   * @return the behaviour
   */
  public Behaviour behaviour() {
    return first().event().behaviour();
  }

  /**
   * How the drains of this reason came to light: every event of a reason shares the kind ({@link
   * Disclosure.Kind#NOT_RECORDED} for drops).
   *
   * @return the disclosure kind
   */
  public Disclosure.Kind disclosure() {
    return first().event().disclosure().kind();
  }

  /**
   * Whether the behaviour is a drop (a deposit of trust).
   *
   * @return {@code true} for a drop, {@code false} for a drain
   */
  public boolean isDrop() {
    return behaviour().isDrop();
  }

  /**
   * How many events this reason groups.
   *
   * @return at least 1
   */
  public int count() {
    return contributions.size();
  }

  /**
   * The sum of the events' effects when they happened, in level units.
   *
   * @return {@code >= 0} for drops, {@code <= 0} for drains
   */
  public double immediate() {
    return immediate;
  }

  /**
   * The sum of what is left of the events' effects at the instant explained, in level units.
   *
   * @return {@code >= 0} for drops, {@code <= 0} for drains
   */
  public double remaining() {
    return remaining;
  }

  /**
   * The sum of what is left of the scars these events added, in level units.
   *
   * @return {@code >= 0}; 0 unless some event was a breach
   */
  public double scarRemaining() {
    return scarRemaining;
  }

  /**
   * When the first of these events happened.
   *
   * @return the earliest event's time
   */
  public Instant firstTime() {
    return first().event().time();
  }

  /**
   * When the last of these events happened.
   *
   * @return the latest event's time
   */
  public Instant lastTime() {
    return contributions.get(contributions.size() - 1).step().event().time();
  }

  /**
   * The single events, oldest first.
   *
   * @return one contribution per event, never empty
   */
  public ImmutableList<Contribution> contributions() {
    return contributions;
  }

  private LedgerStep first() {
    return contributions.get(0).step();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Reason r && contributions.equals(r.contributions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(contributions);
  }

  @Override
  public String toString() {
    return "Reason[behaviour=" + behaviour().id() + ", disclosure=" + disclosure() + ", count=" + count()
        + ", immediate=" + immediate + ", remaining=" + remaining + ", scarRemaining=" + scarRemaining + "]";
  }
}
