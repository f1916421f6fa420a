package dev.trustbucket.internal;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.history.LedgerStep;
import org.jspecify.annotations.Nullable;

/**
 * The library's own access to {@link LedgerStep}, which users cannot construct: its hidden
 * constructor, for {@code TrustLedger.steps()}, and the decay factors the ledger stored with each
 * event, for explanations that must use the ledger's own numbers rather than compute decay again.
 *
 * <p>{@link LedgerStep} registers its {@link Access} when its class is initialised; nothing else
 * may. Not API: this package is not exported.
 */
public final class LedgerSteps {
  /** What {@link LedgerStep} lends the library. */
  public interface Access {
    /**
     * Creates a step from the numbers a ledger's replay produced.
     *
     * @param index the event's position, from 0
     * @param event the event
     * @param levelStart the level after the previous step (or the initial level)
     * @param kept the level's decay factor over the gap before the event, as the ledger stored it
     * @param scarKept the scar's decay factor over the same gap, as the ledger stored it
     * @param levelBefore the level just before the event, after decay
     * @param levelAfter the level just after the event
     * @param scarBefore the scar just before the event, after decay
     * @param scarAfter the scar just after the event
     * @param tierBefore the tier just before the event
     * @param tierAfter the tier just after the event
     * @param breach whether the policy counted the event as a breach
     * @return the step
     */
    LedgerStep create(
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
        boolean breach);

    /**
     * The level's (and the evidence's) decay factor over the gap before the step's event, as the
     * ledger stored it when the event was appended: {@code policy.decay().retained(gap)}.
     *
     * @param step a step
     * @return the factor, in [0, 1]
     */
    double kept(LedgerStep step);

    /**
     * The scar's decay factor over the gap before the step's event, as the ledger stored it.
     *
     * @param step a step
     * @return the factor, in [0, 1]
     */
    double scarKept(LedgerStep step);
  }

  private static volatile @Nullable Access access;

  private LedgerSteps() {}

  /**
   * Registers {@link LedgerStep}'s access; called once, by its static initialiser.
   *
   * @param a the access
   * @throws IllegalStateException when an access is already registered
   */
  public static synchronized void register(Access a) {
    if (access != null) {
      throw new IllegalStateException("LedgerStep's access is already registered");
    }
    access = requireNonNull(a, "a");
  }

  /**
   * Returns {@link LedgerStep}'s access, initialising its class if need be.
   *
   * @return the access
   */
  public static Access access() {
    Access a = access;
    if (a != null) {
      return a;
    }
    // A class literal does not initialise its class; loading it by name does, which registers.
    try {
      Class.forName(LedgerStep.class.getName(), true, LedgerStep.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return requireNonNull(access, "LedgerStep registered no access");
  }
}
