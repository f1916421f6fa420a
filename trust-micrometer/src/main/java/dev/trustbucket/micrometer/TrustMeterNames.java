package dev.trustbucket.micrometer;

/**
 * The names and tag keys of every meter this module registers; {@code docs/spring-boot.md} lists
 * them with their units.
 */
public final class TrustMeterNames {
  private TrustMeterNames() {}

  /** Gauge: relationships whose last recorded state is in a tier; tag {@link #TIER}. */
  public static final String RELATIONSHIPS = "trustbucket.relationships";

  /** Counter: events recorded; tags {@link #DIRECTION} and {@link #DIMENSION}. */
  public static final String EVENTS = "trustbucket.events";

  /** Counter: recorded events that were breaches; tag {@link #DIMENSION}. */
  public static final String BREACHES = "trustbucket.breaches";

  /** Timer: time to record one event; tag {@link #OUTCOME}. */
  public static final String RECORD = "trustbucket.record";

  /** Counter: writes a store tried again after another writer changed the row first. */
  public static final String RETRIES = "trustbucket.store.retries";

  /** Tag key: an autonomy tier in lower case, e.g. {@code trusted}. */
  public static final String TIER = "tier";

  /** Tag key: {@code drop} or {@code drain}. */
  public static final String DIRECTION = "direction";

  /** Tag key: a trust dimension in lower case: {@code ability}, {@code integrity} or {@code communication}. */
  public static final String DIMENSION = "dimension";

  /** Tag key: {@code recorded}, or {@code rejected} when the event was refused and nothing changed. */
  public static final String OUTCOME = "outcome";
}
