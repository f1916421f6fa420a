package dev.trustbucket.history;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import java.time.Instant;

/**
 * One sample of a relationship's history, for charts: the level, tier and scar at an instant.
 *
 * @param time the instant sampled
 * @param level the level then, in [0, 1]
 * @param tier the tier then
 * @param scar the scar then, in [0, 1)
 * @param events how many events the ledger held up to and including {@code time}
 */
public record TimelinePoint(Instant time, double level, AutonomyTier tier, double scar, int events) {
  /**
   * Checks that no part is null.
   *
   * @param time the instant sampled
   * @param level the level then, in [0, 1]
   * @param tier the tier then
   * @param scar the scar then, in [0, 1)
   * @param events how many events the ledger held up to and including {@code time}
   */
  public TimelinePoint {
    requireNonNull(time, "time");
    requireNonNull(tier, "tier");
  }
}
