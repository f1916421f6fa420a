package dev.trustbucket.account;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The accounts of an organisation, one per relationship, under one policy.
 *
 * <p>{@link #account(Relationship)} opens an account on first use, starting at the injected
 * clock's instant; {@link #load} puts back an account read from storage. This class is
 * thread-safe: two threads asking for the same relationship get the same account.
 */
public final class AccountRegistry {
  private final TrustPolicy policy;
  private final Clock clock;
  private final Consumer<RuntimeException> listenerErrors;
  private final ConcurrentMap<Relationship, TrustAccount> accounts = new ConcurrentHashMap<>();

  /**
   * Creates an empty registry whose accounts log listener failures through {@link System.Logger}
   * at WARNING.
   *
   * @param policy the rules for every account it opens
   * @param clock where new relationships take their start time from
   */
  public AccountRegistry(TrustPolicy policy, Clock clock) {
    this(policy, clock, TrustAccount.LOG_LISTENER_ERRORS);
  }

  /**
   * Creates an empty registry whose accounts, opened or loaded, hand every exception a listener
   * throws to {@code listenerErrors} (see {@link TrustAccount#of(Relationship, TrustLedger,
   * Consumer)}).
   *
   * @param policy the rules for every account it opens
   * @param clock where new relationships take their start time from
   * @param listenerErrors receives every exception a listener of any of its accounts throws
   */
  public AccountRegistry(TrustPolicy policy, Clock clock, Consumer<RuntimeException> listenerErrors) {
    this.policy = requireNonNull(policy, "policy");
    this.clock = requireNonNull(clock, "clock");
    this.listenerErrors = requireNonNull(listenerErrors, "listenerErrors");
  }

  /**
   * Returns the account of a relationship, opening it at the clock's instant if it is new.
   *
   * @param relationship who trusts whom
   * @return the account
   */
  public TrustAccount account(Relationship relationship) {
    requireNonNull(relationship, "relationship");
    return accounts.computeIfAbsent(
        relationship, r -> TrustAccount.of(r, TrustLedger.of(policy, clock.instant()), listenerErrors));
  }

  /**
   * Returns the account of a relationship if it exists.
   *
   * @param relationship who trusts whom
   * @return the account, or empty
   */
  public Optional<TrustAccount> find(Relationship relationship) {
    return Optional.ofNullable(accounts.get(requireNonNull(relationship, "relationship")));
  }

  /**
   * Puts back the account of a relationship from its stored history.
   *
   * @param relationship who trusts whom
   * @param ledger the stored history, under this registry's policy
   * @return the account
   * @throws InvalidTrustInputException when the relationship already has an account or the
   *     ledger's policy differs
   */
  public TrustAccount load(Relationship relationship, TrustLedger ledger) {
    requireNonNull(relationship, "relationship");
    requireNonNull(ledger, "ledger");
    InvalidTrustInputException.check(ledger.policy().equals(policy), "policy",
        "policy must be this registry's \"%s\" but the ledger was kept under \"%s\"", policy.name(), ledger.policy().name());
    TrustAccount account = TrustAccount.of(relationship, ledger, listenerErrors);
    TrustAccount existing = accounts.putIfAbsent(relationship, account);
    InvalidTrustInputException.check(existing == null, "relationship",
        "relationship must not have an account yet but %s has one", relationship);
    return account;
  }

  /**
   * The relationships with an account, as of now.
   *
   * @return a snapshot of the keys
   */
  public ImmutableSet<Relationship> relationships() {
    return ImmutableSet.copyOf(accounts.keySet());
  }

  /**
   * The policy of every account.
   *
   * @return the policy
   */
  public TrustPolicy policy() {
    return policy;
  }
}
