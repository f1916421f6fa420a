package dev.trustbucket.internal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The library's own access to {@code dev.trustbucket.history.LedgerStep}, which users cannot
 * construct: its hidden constructor, for {@code TrustLedger.steps()}, and the decay factors the
 * ledger stored with each event, for explanations that must use the ledger's own numbers rather
 * than compute decay again.
 *
 * <p>{@code LedgerStep} registers its {@link Access} when its class is initialised; nothing else
 * may. The types are parameters so that this package depends on neither the root package's types
 * nor {@code history} (no package cycle). Not API: this package is not exported.
 */
public final class LedgerSteps {
  /**
   * What {@code LedgerStep} lends the library.
   *
   * @param <S> {@code LedgerStep}
   * @param <E> {@code TrustEvent}
   * @param <T> {@code AutonomyTier}
   */
  public interface Access<S, E, T> {
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
    S create(
        int index,
        E event,
        double levelStart,
        double kept,
        double scarKept,
        double levelBefore,
        double levelAfter,
        double scarBefore,
        double scarAfter,
        T tierBefore,
        T tierAfter,
        boolean breach);

    /**
     * The level's (and the evidence's) decay factor over the gap before the step's event, as the
     * ledger stored it when the event was added: {@code policy.decay().retained(gap)}.
     *
     * @param step a step
     * @return the factor, in [0, 1]
     */
    double kept(S step);

    /**
     * The scar's decay factor over the gap before the step's event, as the ledger stored it:
     * {@code policy.scarDecay().retained(gap)}.
     *
     * @param step a step
     * @return the factor, in [0, 1]
     */
    double scarKept(S step);
  }

  private static volatile @Nullable Access<?, ?, ?> access;
  private static volatile @Nullable Class<?> stepType;

  private LedgerSteps() {}

  /**
   * Registers the step type's access; called once, by {@code LedgerStep}'s static initialiser.
   *
   * @param type the step type
   * @param a the access
   * @throws IllegalStateException when an access is already registered
   */
  public static synchronized void register(Class<?> type, Access<?, ?, ?> a) {
    if (access != null) {
      throw new IllegalStateException("LedgerStep's access is already registered");
    }
    stepType = requireNonNull(type, "type");
    access = requireNonNull(a, "a");
  }

  /**
   * Returns the step type's access, initialising the type if need be.
   *
   * @param type {@code LedgerStep.class}
   * @param <S> {@code LedgerStep}
   * @param <E> {@code TrustEvent}
   * @param <T> {@code AutonomyTier}
   * @return the access
   * @throws IllegalStateException when {@code type} registered no access
   */
  @SuppressWarnings("unchecked") // the registered access is the type's own, checked below
  public static <S, E, T> Access<S, E, T> access(Class<S> type) {
    if (access == null) {
      // A class literal does not initialise its class; loading it by name does, which registers.
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    Access<?, ?, ?> a = access;
    if (a == null || stepType != type) {
      throw new IllegalStateException(type.getName() + " registered no access");
    }
    return (Access<S, E, T>) a;
  }
}
