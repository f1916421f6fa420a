package dev.trustbucket.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.explain.Contribution;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.explain.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The computed results are values: computed twice from the same input they are equal, with equal
 * hash codes; computed from different input they differ; and they say what they are.
 */
@DisplayName("Computed results are values: equal when computed alike, different otherwise")
class ResultValuesTest {
  private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
  private static final Instant APRIL = Instant.parse("2025-04-01T00:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  private static TrustLedger ledger(String note) {
    return TrustLedger.of(TrustPolicy.defaults(), START)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, START.plus(Duration.ofDays(4))))
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, START.plus(Duration.ofDays(11))))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, START.plus(Duration.ofDays(20)))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9))).withNote(note));
  }

  /** Equal to {@code same} (and its hash), different from each of {@code others}, and named. */
  private static void valueLaws(Object value, Object same, List<?> others, String name) {
    assertThat(value).isEqualTo(value).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(value).isNotEqualTo(null).isNotEqualTo(name);
    for (Object o : others) {
      assertThat(value).isNotEqualTo(o);
    }
    assertThat(value.toString()).startsWith(name + "[");
  }

  @Test
  void explanationsContributionsAndReasons() {
    Explanation e = Explanation.of(ledger("bug"), APRIL);
    Explanation same = Explanation.of(ledger("bug"), APRIL);
    valueLaws(e, same, List.of(
        Explanation.of(ledger("bug"), APRIL.plusSeconds(1)),
        Explanation.of(ledger("other bug"), APRIL),
        Explanation.of(TrustLedger.from(TrustBucket.of(TrustPolicy.defaults(), START, 0.6)), APRIL)),
        "Explanation");

    Contribution first = e.contributions().get(0);
    valueLaws(first, same.contributions().get(0), List.of(
        e.contributions().get(1),
        Explanation.of(ledger("bug"), APRIL.plusSeconds(1)).contributions().get(0)), "Contribution");
    Contribution hidden = e.contributions().get(2);
    valueLaws(hidden, same.contributions().get(2), List.of(
        Explanation.of(ledger("other bug"), APRIL).contributions().get(2)), "Contribution");

    Reason delivered = e.reasons().get(0);
    valueLaws(delivered, same.reasons().get(0), List.of(e.reasons().get(1),
        Explanation.of(ledger("bug"), START.plus(Duration.ofDays(5))).reasons().get(0)), "Reason");
    assertThat(delivered.toString()).contains("delivered-on-commitment").contains("count=2");
  }

  @Test
  void forecastsAndWhyTheyFail() {
    TrustBucket from = TrustBucket.of(TrustPolicy.defaults(), START);
    RecoveryForecast f = RecoveryForecast.untilTier(from, Behaviours.DELIVERED_ON_COMMITMENT, WEEK, AutonomyTier.TRUSTED);
    valueLaws(f, RecoveryForecast.untilTier(from, Behaviours.DELIVERED_ON_COMMITMENT, WEEK, AutonomyTier.TRUSTED),
        List.of(
            RecoveryForecast.untilTier(from, Behaviours.DELIVERED_ON_COMMITMENT, WEEK, AutonomyTier.AUTONOMOUS),
            RecoveryForecast.untilTier(from, Behaviours.DELIVERED_ON_COMMITMENT, WEEK.plusDays(1), AutonomyTier.TRUSTED),
            RecoveryForecast.untilTier(from, Behaviours.SMALL_WIN, WEEK, AutonomyTier.TRUSTED),
            RecoveryForecast.untilTier(from.at(START.plusSeconds(1)), Behaviours.DELIVERED_ON_COMMITMENT, WEEK,
                AutonomyTier.TRUSTED),
            RecoveryForecast.untilLevel(from, Behaviours.DELIVERED_ON_COMMITMENT, WEEK, f.targetLevel())),
        "RecoveryForecast");

    RecoveryForecast sparse = RecoveryForecast.untilLevel(from, Behaviours.SMALL_WIN, Duration.ofDays(90), 0.95);
    OutOfReach why = sparse.outOfReach().orElseThrow();
    valueLaws(why, RecoveryForecast.untilLevel(from, Behaviours.SMALL_WIN, Duration.ofDays(90), 0.95).outOfReach().get(),
        List.of(
            RecoveryForecast.untilLevel(from, Behaviours.SMALL_WIN, Duration.ofDays(91), 0.95).outOfReach().get(),
            RecoveryForecast.untilLevel(from, Behaviours.SMALL_WIN, Duration.ofDays(180), 0.95).outOfReach().get()),
        "OutOfReach");
    assertThat(sparse).isNotEqualTo(
        RecoveryForecast.untilLevel(from, Behaviours.SMALL_WIN, Duration.ofDays(90), 0.96));
  }

  @Test
  void impactsAndWhatIfs() {
    TrustBucket now = ledger("bug").stateAt(APRIL);
    TrustEvent miss = TrustEvent.of(Behaviours.MISSED_DEADLINE, APRIL);
    Impact i = Impact.of(now, miss);
    valueLaws(i, Impact.of(now, miss), List.of(
        Impact.of(now, miss.withWeight(2.0)),
        Impact.of(now, TrustEvent.of(Behaviours.MISSED_DEADLINE, APRIL.plusSeconds(60))),
        Impact.of(ledger("bug").stateAt(APRIL.minusSeconds(60)), miss)), "Impact");

    WhatIf w = WhatIf.ofSelfReport(ledger("bug"), 2, APRIL);
    valueLaws(w, WhatIf.ofSelfReport(ledger("bug"), 2, APRIL), List.of(
        WhatIf.ofSelfReport(ledger("bug"), 2, APRIL.plusSeconds(1)),
        WhatIf.ofRemoval(ledger("bug"), 2, APRIL),
        WhatIf.ofRemoval(ledger("bug"), 1, APRIL),
        WhatIf.ofSelfReport(ledger("other bug"), 2, APRIL)), "WhatIf");
  }
}
