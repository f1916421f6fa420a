package dev.trustbucket.moduletest;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;

/** The README's Quick start, called from a module that reads {@code dev.trustbucket}. */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Plays the Quick start's three events from a fresh bucket.
   *
   * @return the bucket after the two drops and the drain
   */
  public static TrustBucket play() {
    TrustPolicy policy = TrustPolicy.defaults();
    Instant monday = Instant.parse("2025-01-06T09:00:00Z");
    TrustBucket bucket = TrustBucket.of(policy, monday);
    bucket = bucket.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(4))));
    bucket = bucket.plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, monday.plus(Duration.ofDays(7))));
    return bucket.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday.plus(Duration.ofDays(11))));
  }
}
