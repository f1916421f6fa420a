package dev.trustbucket.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.forecast.OutOfReach;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.internal.EpochMicros;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ForecastFormat")
class ForecastFormatTest {
  private static final Instant MONDAY = Instant.parse("2025-01-06T09:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final ForecastFormat EN = ForecastFormat.of(Locale.ENGLISH);
  private static final ForecastFormat DE = ForecastFormat.of(Locale.GERMAN);

  private static TrustBucket scarred() {
    return TrustBucket.ofState(POLICY, MONDAY, 0.3, 0.5, AutonomyTier.MICROMANAGED, Optional.empty(), 0, 0);
  }

  @Test
  @DisplayName("reached: the target, the drops, the cadence and the date")
  void reached() {
    RecoveryForecast f = RecoveryForecast.untilTier(
        TrustBucket.of(POLICY, MONDAY), Behaviours.DELIVERED_ON_COMMITMENT, WEEK, AutonomyTier.AUTONOMOUS);

    assertThat(EN.format(f)).isEqualTo(
        "autonomous after 15 drops of \"Delivered on a commitment\", one every 7 days, on 21 April 2025.");
    assertThat(DE.format(f)).isEqualTo(
        "eigenständig nach 15 Tropfen „Zusage eingehalten“, alle 7 Tage einer, am 21. April 2025.");
    assertThat(EN.formatOutOfReach(f)).isEmpty();
    RecoveryForecast already = RecoveryForecast.untilLevel(
        TrustBucket.of(POLICY, MONDAY, 0.85), Behaviours.SMALL_WIN, WEEK, 0.85);
    assertThat(EN.format(already)).isEqualTo("Already at 85%.");
    assertThat(DE.format(already)).isEqualTo("Bereits bei 85 %.");
  }

  @Test
  @DisplayName("every cause and every limit, in both languages")
  void everyReason() {
    RecoveryForecast decay = RecoveryForecast.untilLevel(
        TrustBucket.of(POLICY, MONDAY), Behaviours.SMALL_WIN, Duration.ofDays(90), 0.95);
    RecoveryForecast horizon = RecoveryForecast.untilLevel(
        scarred(), Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofHours(1), 0.99);
    RecoveryForecast maxDrops = RecoveryForecast.untilLevel(
        scarred(), Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofMinutes(1), 0.9);
    TrustBucket nearEnd = TrustBucket.of(POLICY, EpochMicros.MAX.minus(Duration.ofDays(400)))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, EpochMicros.MAX.minus(Duration.ofDays(399))).withWeight(10.0));
    RecoveryForecast endOfRange = RecoveryForecast.untilLevel(nearEnd, Behaviours.SMALL_WIN, Duration.ofDays(7), 0.99);

    Set<OutOfReach.Cause> causes = EnumSet.noneOf(OutOfReach.Cause.class);
    Set<OutOfReach.Limit> limits = EnumSet.noneOf(OutOfReach.Limit.class);
    for (RecoveryForecast f : new RecoveryForecast[] {decay, horizon, maxDrops, endOfRange}) {
      OutOfReach o = f.outOfReach().orElseThrow();
      causes.add(o.cause());
      if (o.cause() == OutOfReach.Cause.SCAR_CEILING) {
        limits.add(o.limit());
      }
    }
    assertThat(causes).containsExactlyInAnyOrder(OutOfReach.Cause.values());
    assertThat(limits).containsExactlyInAnyOrder(OutOfReach.Limit.values());

    assertThat(EN.format(decay)).isEqualTo("95% is out of reach: at one \"Small win\" every 90 days the level levels off "
        + "near 0.59, below the target 0.95: decay takes back what the drops add.");
    assertThat(DE.format(decay)).isEqualTo("95 % ist außer Reichweite: bei „Kleiner Erfolg“ alle 90 Tage pendelt sich "
        + "das Niveau bei 0,59 ein, unter dem Ziel 0,95: der Zerfall nimmt zurück, was die Tropfen bringen.");
    assertThat(EN.formatOutOfReach(horizon))
        .contains("a scar keeps the ceiling at 0.95, below the target 0.99, for longer than 10 years");
    assertThat(DE.formatOutOfReach(horizon))
        .contains("eine Narbe hält die Obergrenze bei 0,95, unter dem Ziel 0,99, für länger als 10 Jahre");
    assertThat(EN.formatOutOfReach(maxDrops)).contains(
        "a scar keeps the ceiling at 0.52, below the target 0.90, for all 100,000 drops simulated (69 days)");
    assertThat(DE.formatOutOfReach(maxDrops)).contains(
        "eine Narbe hält die Obergrenze bei 0,52, unter dem Ziel 0,90, für alle 100.000 simulierten Tropfen (69 Tage)");
    assertThat(EN.formatOutOfReach(endOfRange)).hasValueSatisfying(r -> assertThat(r)
        .endsWith(", below the target 0.99, for the 399 days left before the end of the supported range, 31 December 290000"));
    assertThat(DE.formatOutOfReach(endOfRange)).hasValueSatisfying(r -> assertThat(r)
        .endsWith(", unter dem Ziel 0,99, für die 399 Tage bis zum Ende des unterstützten Zeitraums, 31. Dezember 290000"));
  }

  @Test
  @DisplayName("cadences read in whole days, hours, minutes or seconds")
  void cadences() {
    TrustBucket b = TrustBucket.of(POLICY, MONDAY);
    String[][] expected = {
      {"P1D", "every day", "täglich"},
      {"PT36H", "every 36 hours", "alle 36 Stunden"},
      {"PT1H", "every hour", "stündlich"},
      {"PT90M", "every 90 minutes", "alle 90 Minuten"},
      {"PT1M", "every minute", "jede Minute"},
      {"PT61S", "every 61 seconds", "alle 61 Sekunden"},
    };
    for (String[] row : expected) {
      RecoveryForecast f = RecoveryForecast.untilLevel(b, Behaviours.REGULAR_CHECK_IN, Duration.parse(row[0]), 0.999);
      assertThat(EN.format(f)).as(row[0]).contains(" " + row[1]);
      assertThat(DE.format(f)).as(row[0]).contains(" " + row[2]);
    }
  }
}
