package dev.trustbucket.forecast;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;

/**
 * What one more event would cost or earn: the bucket just before it and just after.
 *
 * @param event the event considered
 * @param before the bucket at the event's time, without it
 * @param after the bucket with it
 */
public record Impact(TrustEvent event, TrustBucket before, TrustBucket after) {

  /**
   * Checks that no part is null.
   *
   * @param event the event considered
   * @param before the bucket at the event's time, without it
   * @param after the bucket with it
   */
  public Impact {
    requireNonNull(event, "event");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
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
   * The change in level: positive for a drop, negative for a drain.
   *
   * @return {@code after.level() - before.level()}
   */
  public double levelChange() {
    return after.level() - before.level();
  }

  /**
   * The scar the event would add.
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
  public boolean changesTier() {
    return before.tier() != after.tier();
  }
}
