package dev.trustbucket.explain;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;

/**
 * The sample histories that the tests of {@link Explanation} and of its text ({@code
 * ExplanationFormatTest}) explain: one set-up, so that both describe the same ledgers. The tests
 * of what-if questions ({@code WhatIfTest}) ask them of {@link #story}, and the codec's tests
 * ({@code TrustCodecTest}) write it, with its last event changed where they need another weight
 * and note.
 */
public final class SampleHistory {
  /** When every sample history starts: Monday 6 January 2025, 09:00 UTC. */
  public static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

  /** When the short histories are explained: 1 April 2025, after their last event. */
  public static final Instant APRIL = Instant.parse("2025-04-01T00:00:00Z");

  private SampleHistory() {}

  /**
   * The essay's short story, from the baseline: a delivered commitment (10 January), a proactive
   * update (14 February), a problem hidden and discovered after 9 days ("critical bug", 3 March,
   * an integrity breach that leaves a scar) and a mistake owned early ("late config change", 20
   * March).
   *
   * @param policy the policy the ledger follows
   * @return the ledger of four events
   */
  public static TrustLedger story(TrustPolicy policy) {
    return TrustLedger.of(policy, START)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")))
        .plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, Instant.parse("2025-02-14T10:00:00Z")))
        .plus(
            TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
                .withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
                .withNote("critical bug"))
        .plus(
            TrustEvent.of(Behaviours.OWNED_MISTAKE_EARLY, Instant.parse("2025-03-20T10:00:00Z"))
                .withNote("late config change"));
  }

  /**
   * From a full bucket (level 1.0) under the default policy: a delivered commitment at the start,
   * which has no room to add anything, then two breaches that each leave a scar: an over-promise
   * ("the launch date", 3 February) and a problem hidden and discovered after 9 days (3 March).
   *
   * @return the ledger of three events
   */
  public static TrustLedger fullBucketTwoScars() {
    return TrustLedger.from(TrustBucket.of(TrustPolicy.defaults(), START, 1.0))
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, START))
        .plus(TrustEvent.of(Behaviours.OVER_PROMISED, Instant.parse("2025-02-03T10:00:00Z")).withNote("the launch date"))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9))));
  }

  /**
   * Most of a year under the default policy, from the baseline: a delivered commitment every week
   * for 38 weeks (the first on 13 January), and in weeks 10, 20 and 30 a missed deadline the day
   * after the delivery. The tests add their own events after it.
   *
   * @return the ledger of 41 events, the last on 29 September 2025
   */
  public static TrustLedger weeklyDeliveries() {
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), START);
    for (int week = 1; week <= 38; week++) {
      ledger = ledger.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, START.plus(Duration.ofDays(7L * week))));
      if (week % 10 == 0) {
        ledger = ledger.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, START.plus(Duration.ofDays(7L * week + 1))));
      }
    }
    return ledger;
  }
}
