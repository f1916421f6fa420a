package dev.trustbucket.history;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustEvent;

/**
 * What one event of a ledger did: the level just before it (after the time since the previous
 * event had decayed the bucket), and just after it.
 *
 * <p>{@code decayBefore + effect} is the whole change since the previous step, so a ledger's
 * steps add up exactly to its level: {@code start level + Σ (decayBefore + effect) = level after
 * the last event}.
 *
 * @param index the event's position in the ledger, from 0
 * @param event the event
 * @param decayBefore how much the level moved by decay alone since the previous step (toward the
 *     baseline)
 * @param levelBefore the level just before the event, after decay
 * @param levelAfter the level just after the event
 * @param scarBefore the scar just before the event, after decay
 * @param scarAfter the scar just after the event
 * @param tierBefore the tier just before the event
 * @param tierAfter the tier just after the event
 * @param breach whether the policy counted the event as a breach
 */
public record LedgerStep(
    int index,
    TrustEvent event,
    double decayBefore,
    double levelBefore,
    double levelAfter,
    double scarBefore,
    double scarAfter,
    AutonomyTier tierBefore,
    AutonomyTier tierAfter,
    boolean breach) {

  /**
   * Checks that no part is null.
   *
   * @param index the event's position in the ledger, from 0
   * @param event the event
   * @param decayBefore how much the level moved by decay alone since the previous step (toward the
   *     baseline)
   * @param levelBefore the level just before the event, after decay
   * @param levelAfter the level just after the event
   * @param scarBefore the scar just before the event, after decay
   * @param scarAfter the scar just after the event
   * @param tierBefore the tier just before the event
   * @param tierAfter the tier just after the event
   * @param breach whether the policy counted the event as a breach
   */
  public LedgerStep {
    requireNonNull(event, "event");
    requireNonNull(tierBefore, "tierBefore");
    requireNonNull(tierAfter, "tierAfter");
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
}
