package dev.trustbucket.history;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.internal.LedgerSteps;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one event of a ledger did: the level just before it (after the time since the previous
 * event had decayed the bucket), and just after it.
 *
 * <p>{@code decayBefore + effect} is the whole change since the previous step, so a ledger's
 * steps add up exactly to its level: {@code start level + Σ (decayBefore + effect) = level after
 * the last event}.
 *
 * <p>Steps are computed by {@link dev.trustbucket.TrustLedger#steps()} from the ledger's own
 * numbers (including the decay factors it stored with each event); there is no public
 * constructor, so a step always describes what a ledger did. Instances are immutable and
 * thread-safe; two steps are equal when every part is.
 */
public final class LedgerStep {
  static {
    LedgerSteps.register(new LedgerSteps.Access() {
      @Override
      public LedgerStep create(
          int index,
          TrustEvent event,
          double levelStart,
          double kept,
          double scarKept,
          double levelBefore,
          double levelAfter,
          double scarBefore,
          double scarAfter,
          AutonomyTier tierBefore,
          AutonomyTier tierAfter,
          boolean breach) {
        return new LedgerStep(index, event, levelBefore - levelStart, kept, scarKept, levelBefore,
            levelAfter, scarBefore, scarAfter, tierBefore, tierAfter, breach);
      }

      @Override
      public double kept(LedgerStep step) {
        return step.kept;
      }

      @Override
      public double scarKept(LedgerStep step) {
        return step.scarKept;
      }
    });
  }

  private final int index;
  private final TrustEvent event;
  private final double decayBefore;
  private final double kept;
  private final double scarKept;
  private final double levelBefore;
  private final double levelAfter;
  private final double scarBefore;
  private final double scarAfter;
  private final AutonomyTier tierBefore;
  private final AutonomyTier tierAfter;
  private final boolean breach;

  private LedgerStep(
      int index,
      TrustEvent event,
      double decayBefore,
      double kept,
      double scarKept,
      double levelBefore,
      double levelAfter,
      double scarBefore,
      double scarAfter,
      AutonomyTier tierBefore,
      AutonomyTier tierAfter,
      boolean breach) {
    this.index = index;
    this.event = event;
    this.decayBefore = decayBefore;
    this.kept = kept;
    this.scarKept = scarKept;
    this.levelBefore = levelBefore;
    this.levelAfter = levelAfter;
    this.scarBefore = scarBefore;
    this.scarAfter = scarAfter;
    this.tierBefore = tierBefore;
    this.tierAfter = tierAfter;
    this.breach = breach;
  }

  /**
   * The event's position in the ledger.
   *
   * @return the index, from 0
   */
  public int index() {
    return index;
  }

  /**
   * The event.
   *
   * @return the event, as the ledger stores it
   */
  public TrustEvent event() {
    return event;
  }

  /**
   * How much the level moved by decay alone since the previous step (toward the baseline).
   *
   * @return the change, in [-1, 1]; 0 when no time passed
   */
  public double decayBefore() {
    return decayBefore;
  }

  /**
   * The level just before the event, after decay.
   *
   * @return the level, in [0, 1]
   */
  public double levelBefore() {
    return levelBefore;
  }

  /**
   * The level just after the event.
   *
   * @return the level, in [0, 1]
   */
  public double levelAfter() {
    return levelAfter;
  }

  /**
   * The scar just before the event, after decay.
   *
   * @return the scar, in [0, policy.maxScar()]
   */
  public double scarBefore() {
    return scarBefore;
  }

  /**
   * The scar just after the event.
   *
   * @return the scar, in [0, policy.maxScar()]
   */
  public double scarAfter() {
    return scarAfter;
  }

  /**
   * The tier just before the event (after any change the time before it brought).
   *
   * @return the tier
   */
  public AutonomyTier tierBefore() {
    return tierBefore;
  }

  /**
   * The tier just after the event.
   *
   * @return the tier
   */
  public AutonomyTier tierAfter() {
    return tierAfter;
  }

  /**
   * Whether the policy counted the event as a breach.
   *
   * @return {@code true} for a breach
   */
  public boolean breach() {
    return breach;
  }

  /**
   * The event's own effect on the level: {@code levelAfter - levelBefore}; never negative for a
   * drop and never positive for a drain.
   *
   * @return the immediate effect
   */
  public double effect() {
    return levelAfter - levelBefore;
  }

  /**
   * How much scar the event added: {@code scarAfter - scarBefore}, positive only for breaches.
   *
   * @return the scar added
   */
  public double scarAdded() {
    return scarAfter - scarBefore;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LedgerStep)) {
      return false;
    }
    LedgerStep s = (LedgerStep) o;
    return index == s.index
        && event.equals(s.event)
        && Double.compare(decayBefore, s.decayBefore) == 0
        && Double.compare(kept, s.kept) == 0
        && Double.compare(scarKept, s.scarKept) == 0
        && Double.compare(levelBefore, s.levelBefore) == 0
        && Double.compare(levelAfter, s.levelAfter) == 0
        && Double.compare(scarBefore, s.scarBefore) == 0
        && Double.compare(scarAfter, s.scarAfter) == 0
        && tierBefore == s.tierBefore
        && tierAfter == s.tierAfter
        && breach == s.breach;
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, event, levelBefore, levelAfter, scarAfter, tierAfter);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "LedgerStep[index=%d, event=%s, decayBefore=%.4f, level=%.4f->%.4f, scar=%.4f->%.4f, tier=%s->%s%s]",
        index, event, decayBefore, levelBefore, levelAfter, scarBefore, scarAfter, tierBefore,
        tierAfter, breach ? ", breach" : "");
  }
}
