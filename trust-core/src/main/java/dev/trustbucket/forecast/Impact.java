package dev.trustbucket.forecast;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one more event would cost or earn: the bucket just before it and just after.
 *
 * <p>Only {@link #of(TrustBucket, TrustEvent)} creates impacts, so {@code after} is always {@code
 * before} with the event applied. Instances are immutable and thread-safe.
 */
public final class Impact {
  private final TrustEvent event;
  private final TrustBucket before;
  private final TrustBucket after;

  private Impact(TrustEvent event, TrustBucket before, TrustBucket after) {
    this.event = event;
    this.before = before;
    this.after = after;
  }

  /**
   * Computes what {@code event} would do to {@code now}.
   *
   * @param now the current bucket
   * @param event the event, not before {@code now}'s time
   * @return the impact
   * @throws dev.trustbucket.InvalidTrustInputException when the event is invalid for the bucket
   */
  public static Impact of(TrustBucket now, TrustEvent event) {
    requireNonNull(now, "now");
    requireNonNull(event, "event");
    TrustBucket before = now.at(event.time());
    return new Impact(event, before, before.plus(event));
  }

  /**
   * The event considered.
   *
   * @return the event
   */
  public TrustEvent event() {
    return event;
  }

  /**
   * The bucket at the event's time, without it.
   *
   * @return the bucket before
   */
  public TrustBucket before() {
    return before;
  }

  /**
   * The bucket with the event.
   *
   * @return the bucket after
   */
  public TrustBucket after() {
    return after;
  }

  /**
   * The change in level, in level units: positive for a drop, negative for a drain.
   *
   * @return {@code after.level() - before.level()}, in [-1, 1]
   */
  public double levelChange() {
    return after.level() - before.level();
  }

  /**
   * The scar the event would add, in level units.
   *
   * @return {@code after.scar() - before.scar()}, {@code >= 0}
   */
  public double scarAdded() {
    return after.scar() - before.scar();
  }

  /**
   * The tier after the event.
   *
   * @return the tier
   */
  public AutonomyTier tierAfter() {
    return after.tier();
  }

  /**
   * Returns whether the event would change the tier.
   *
   * @return {@code true} when the tier differs
   */
  public boolean isTierChange() {
    return before.tier() != after.tier();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Impact i && event.equals(i.event) && before.equals(i.before) && after.equals(i.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(event, before, after);
  }

  @Override
  public String toString() {
    return "Impact[event=" + event + ", before=" + before + ", after=" + after + "]";
  }
}
