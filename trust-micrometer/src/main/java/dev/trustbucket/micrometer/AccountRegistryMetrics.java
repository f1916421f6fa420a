package dev.trustbucket.micrometer;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.account.TrustAccount;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The meters of an in-memory {@link AccountRegistry}: relationships per tier ({@value
 * TrustMeterNames#RELATIONSHIPS}), and for events recorded through {@link #record}, events and
 * breaches per dimension and the time to record ({@link RecordingMetrics}).
 *
 * <pre>{@code
 * AccountRegistryMetrics metrics = new AccountRegistryMetrics(registry, Tags.empty(), Duration.ofSeconds(10));
 * metrics.bindTo(meterRegistry);
 * metrics.record(Relationship.of("ana", "bo"), TrustEvent.of(Behaviours.PROACTIVE_UPDATE, now));
 * }</pre>
 *
 * <p>Events recorded on an account directly ({@code registry.account(r).record(e)}) change the
 * tier gauges but are not counted or timed. This class is thread-safe.
 */
public final class AccountRegistryMetrics implements MeterBinder {
  private final AccountRegistry registry;
  private final RecordingMetrics recording;
  private final TierCensus census;

  /**
   * Creates the meters of a registry.
   *
   * @param registry the accounts
   * @param tags tags added to every meter, e.g. the application's name; never one per relationship
   * @param censusMaxAge how long one count of the relationships per tier is reused, zero or
   *     positive; a count looks at every account
   */
  public AccountRegistryMetrics(AccountRegistry registry, Iterable<Tag> tags, Duration censusMaxAge) {
    this.registry = requireNonNull(registry, "registry");
    this.recording = new RecordingMetrics(tags, false);
    this.census = new TierCensus(this::countTiers, censusMaxAge, tags);
  }

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    census.bindTo(meterRegistry);
    recording.bindTo(meterRegistry);
  }

  /**
   * Records an event on a relationship's account (opening it if it is new), timed and counted.
   *
   * @param relationship who trusts whom
   * @param event the event; not earlier than the account's last one
   * @return the bucket after the event
   * @throws dev.trustbucket.InvalidTrustInputException when the account refuses the event;
   *     nothing is recorded and the attempt is timed as {@code rejected}
   */
  public TrustBucket record(Relationship relationship, TrustEvent event) {
    TrustAccount account = registry.account(requireNonNull(relationship, "relationship"));
    return recording.record(registry.policy(), event, () -> account.record(event));
  }

  /**
   * The meters of writes, for a caller that records on the registry's accounts itself and reports
   * here.
   *
   * @return the write meters, bound wherever this binder is bound
   */
  public RecordingMetrics recording() {
    return recording;
  }

  /**
   * The registry these meters watch.
   *
   * @return the registry
   */
  public AccountRegistry registry() {
    return registry;
  }

  private Map<AutonomyTier, Long> countTiers() {
    Map<AutonomyTier, Long> counts = new EnumMap<>(AutonomyTier.class);
    for (Relationship r : registry.relationships()) {
      Optional<TrustAccount> account = registry.find(r);
      account.ifPresent(a -> counts.merge(a.state().tier(), 1L, Long::sum));
    }
    return counts;
  }
}
