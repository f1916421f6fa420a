package dev.trustbucket.internal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A read-only door from the explanation to the decay factors a ledger stored when each event was
 * appended, so that an explanation never recomputes decay the ledger already computed.
 *
 * <p>{@code TrustLedger} installs the one reader when its class is initialised, which happens
 * before anyone holds a ledger. The ledger's type is not named here, so that this package does not
 * depend on the root package. Not API.
 */
public final class StoredDecay {
  private StoredDecay() {}

  /** The factors stored for the events of one ledger. */
  public interface Factors {
    /**
     * The level's decay factor over the gap before the event at {@code index} (from the previous
     * event, or from the ledger's start for the first).
     *
     * @param index the event, from 0
     * @return the factor in [0, 1]
     */
    double kept(int index);

    /**
     * The scar's decay factor over the same gap.
     *
     * @param index the event, from 0
     * @return the factor in [0, 1]
     */
    double scarKept(int index);
  }

  /** Reads a ledger's stored factors. */
  public interface Reader {
    /**
     * The factors of {@code ledger}.
     *
     * @param ledger a {@code TrustLedger}
     * @return a view of its stored factors
     */
    Factors factors(Object ledger);
  }

  private static volatile @Nullable Reader reader;

  /**
   * Installs the reader; called once, by the ledger's class.
   *
   * @param r the reader
   */
  public static void install(Reader r) {
    reader = requireNonNull(r, "r");
  }

  /**
   * The stored factors of a ledger.
   *
   * @param ledger a {@code TrustLedger}
   * @return its factors
   */
  public static Factors of(Object ledger) {
    Reader r = reader;
    if (r == null) {
      throw new IllegalStateException("no ledger class has installed its reader");
    }
    return r.factors(ledger);
  }
}
