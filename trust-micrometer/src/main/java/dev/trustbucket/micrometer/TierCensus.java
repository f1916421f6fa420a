package dev.trustbucket.micrometer;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One gauge per autonomy tier, {@value TrustMeterNames#RELATIONSHIPS}, with the number of
 * relationships whose last recorded state is in that tier.
 *
 * <p>The count comes from a function that looks at every relationship (a scan of a registry, a
 * {@code GROUP BY} in a database), so it is taken at most once per {@code maxAge}, by the
 * registry's clock, and the four gauges read the same census. A tier is the one the relationship
 * earned at its last event: decay since then is not applied, so a relationship left alone for a
 * year keeps the tier it had. This class is thread-safe.
 */
public final class TierCensus implements MeterBinder {
  private final Supplier<Map<AutonomyTier, Long>> census;
  private final long maxAgeNanos;
  private final Tags tags;
  private final Object lock = new Object();
  private Map<AutonomyTier, Long> last = new EnumMap<>(AutonomyTier.class);
  private long takenAt;
  private boolean taken;

  /**
   * Creates the gauges' source.
   *
   * @param census counts the relationships in each tier; a missing tier counts 0
   * @param maxAge how long a census is reused, zero or positive, e.g. 10 seconds
   * @param tags tags added to every gauge; never one per relationship
   */
  public TierCensus(Supplier<Map<AutonomyTier, Long>> census, Duration maxAge, Iterable<Tag> tags) {
    this.census = requireNonNull(census, "census");
    requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must be zero or positive but was " + maxAge);
    }
    this.maxAgeNanos = maxAge.toNanos();
    this.tags = Tags.of(requireNonNull(tags, "tags"));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    requireNonNull(registry, "registry");
    for (AutonomyTier tier : AutonomyTier.values()) {
      Gauge.builder(TrustMeterNames.RELATIONSHIPS, this, c -> c.count(tier, registry))
          .description("Relationships whose last recorded state is in this autonomy tier")
          .baseUnit("relationships")
          .tags(tags)
          .tag(TrustMeterNames.TIER, RecordingMetrics.tagValue(tier))
          .strongReference(true)
          .register(registry);
    }
  }

  private double count(AutonomyTier tier, MeterRegistry registry) {
    long now = registry.config().clock().monotonicTime();
    Map<AutonomyTier, Long> counts;
    synchronized (lock) {
      if (!taken || now - takenAt > maxAgeNanos) {
        last = new EnumMap<>(census.get());
        takenAt = now;
        taken = true;
      }
      counts = last;
    }
    return counts.getOrDefault(tier, 0L);
  }
}
