package dev.trustbucket.moduletest;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.text.ExplanationFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

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

  /**
   * Explains the Quick start's level in words, through trust-core's resource bundles, which
   * {@code getBundle} must find inside the named module {@code dev.trustbucket}.
   *
   * @param locale the reader's locale
   * @return the explanation, several lines
   */
  public static String explain(Locale locale) {
    Instant monday = Instant.parse("2025-01-06T09:00:00Z");
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), monday)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, monday.plus(Duration.ofDays(4))))
        .plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, monday.plus(Duration.ofDays(7))))
        .plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, monday.plus(Duration.ofDays(11))));
    return ExplanationFormat.of(locale).format(Explanation.of(ledger, monday.plus(Duration.ofDays(11))));
  }
}
