package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.explain.Reason;
import dev.trustbucket.forecast.OutOfReach;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.text.ExplanationFormat;
import dev.trustbucket.text.ForecastFormat;
import dev.trustbucket.text.TermFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The text blocks of docs/words.md: the Java blocks run from the page itself ({@link
 * MarkdownSnippetsTest}), which asserts their numbers; this runs the same code and asserts the
 * words the page shows.
 */
@DisplayName("docs/words.md: the words the page shows are the words the code writes")
class WordsSnippetsTest {

  @Test
  void thePagesWords() {
    Instant start = Instant.parse("2025-01-06T09:00:00Z");
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), start);
    for (int week = 1; week <= 38; week++) {
      ledger = ledger.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, start.plus(Duration.ofDays(7L * week))));
    }
    ledger = ledger.plus(TrustEvent.of(Behaviours.MISSED_DEADLINE, start.plus(Duration.ofDays(271)))
        .withNote("quarterly report"));
    Instant today = start.plus(Duration.ofDays(280));
    Explanation why = Explanation.of(ledger, today);

    Reason delivered = why.topUp(1).get(0);
    assertThat(delivered.count()).isEqualTo(38);
    assertThat(delivered.remaining()).isCloseTo(0.398, within(0.0005));

    assertThat(ExplanationFormat.of(Locale.ENGLISH).format(why)).isEqualTo(
        "Level 71% (trusted) on 13 October 2025, backed by strong evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Raised by:\n"
            + "  - Delivered on a commitment, 38 times: +0.40 today\n"
            + "Lowered by:\n"
            + "  - Missed a deadline (quarterly report): \u22120.19 on 4 October 2025, \u22120.19 today\n"
            + "Decay toward the baseline moved it \u22120.16 in all.\n");
    assertThat(ExplanationFormat.of(Locale.GERMAN).format(why)).isEqualTo(
        "Niveau 71 % (vertraut) am 13. Oktober 2025, gestützt auf starke Belege.\n"
            + "Begonnen bei 50 %; die Grundlinie liegt bei 50 %.\n"
            + "Angehoben durch:\n"
            + "  - Zusage eingehalten, 38-mal: heute +0,40\n"
            + "Gesenkt durch:\n"
            + "  - Eine Frist verpasst (quarterly report): \u22120,19 am 4. Oktober 2025, heute \u22120,19\n"
            + "Der Zerfall zur Grundlinie hat es insgesamt um \u22120,16 bewegt.\n");
    assertThat(ExplanationFormat.of(Locale.ENGLISH).withSingleEvents().withReasons(2).format(why)).isEqualTo(
        "Level 71% (trusted) on 13 October 2025, backed by strong evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Raised by:\n"
            + "  - Delivered on a commitment: +0.04 on 13 January 2025, +0.02 today\n"
            + "  - Delivered on a commitment: +0.03 on 20 January 2025, +0.02 today\n"
            + "Lowered by:\n"
            + "  - Missed a deadline (quarterly report): \u22120.19 on 4 October 2025, \u22120.19 today\n"
            + "Decay toward the baseline moved it \u22120.16 in all.\n");

    TrustBucket now = ledger.stateAt(today);
    RecoveryForecast sparse = RecoveryForecast.untilLevel(now, Behaviours.SMALL_WIN, Duration.ofDays(90), 0.95);
    assertThat(sparse.outOfReach().orElseThrow().cause()).isEqualTo(OutOfReach.Cause.DECAY);
    assertThat(sparse.outOfReach().orElseThrow().levelReached()).isCloseTo(0.594, within(0.0005));
    assertThat(ForecastFormat.of(Locale.ENGLISH).format(sparse)).isEqualTo("95% is out of reach: at one \"Small win\" "
        + "every 90 days the level levels off near 0.59, below the target 0.95: decay takes back what the drops add.");
    assertThat(ForecastFormat.of(Locale.GERMAN).format(sparse)).isEqualTo("95 % ist außer Reichweite: bei „Kleiner Erfolg“ "
        + "alle 90 Tage pendelt sich das Niveau bei 0,59 ein, unter dem Ziel 0,95: der Zerfall nimmt zurück, "
        + "was die Tropfen bringen.");
    assertThat(TermFormat.of(Locale.GERMAN).format(now.tier())).isEqualTo("vertraut");
  }
}
