package dev.trustbucket.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.explain.Reason;
import dev.trustbucket.explain.SampleHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ExplanationFormat")
class ExplanationFormatTest {
  private static final Instant START = SampleHistory.START;
  private static final Instant APRIL = SampleHistory.APRIL;
  private static final ExplanationFormat EN = ExplanationFormat.of(Locale.ENGLISH);
  private static final ExplanationFormat DE = ExplanationFormat.of(Locale.GERMAN);

  /** {@link SampleHistory#weeklyDeliveries()}, then two hidden problems, discovered after 3 and 30 days. */
  static TrustLedger year() {
    return SampleHistory.weeklyDeliveries()
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, START.plus(Duration.ofDays(280)))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(3))))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, START.plus(Duration.ofDays(290)))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(30))));
  }

  @Test
  @DisplayName("English: the level, the reasons, the effect of time and the open scars, exactly like this")
  void english() {
    Explanation e = Explanation.of(SampleHistory.story(TrustPolicy.defaults()), APRIL);

    assertThat(EN.format(e)).isEqualTo(
        "Level 23% (micromanaged) on 1 April 2025, backed by some evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Raised by:\n"
            + "  - Delivered on a commitment: +0.04 on 10 January 2025, +0.03 today\n"
            + "  - Owned a mistake early (late config change): +0.03 on 20 March 2025, +0.03 today\n"
            + "  - Gave a proactive update: +0.02 on 14 February 2025, +0.01 today\n"
            + "Lowered by:\n"
            + "  - Hid a problem or mistake (critical bug), discovered after 9 days: \u22120.37 on 3 March 2025, \u22120.35 today\n"
            + "Decay toward the baseline moved it +0.01 in all.\n"
            + "1 open scar keeps the ceiling at 61%:\n"
            + "  - Hid a problem or mistake (critical bug) on 3 March 2025, scar 0.39 left\n");
  }

  @Test
  @DisplayName("German: the same explanation, every word and number in German")
  void german() {
    Explanation e = Explanation.of(SampleHistory.story(TrustPolicy.defaults()), APRIL);

    assertThat(DE.format(e)).isEqualTo(
        "Niveau 23 % (eng geführt) am 1. April 2025, gestützt auf einige Belege.\n"
            + "Begonnen bei 50 %; die Grundlinie liegt bei 50 %.\n"
            + "Angehoben durch:\n"
            + "  - Zusage eingehalten: +0,04 am 10. Januar 2025, heute +0,03\n"
            + "  - Einen Fehler früh eingestanden (late config change): +0,03 am 20. März 2025, heute +0,03\n"
            + "  - Von sich aus informiert: +0,02 am 14. Februar 2025, heute +0,01\n"
            + "Gesenkt durch:\n"
            + "  - Ein Problem oder einen Fehler verschwiegen (critical bug), nach 9 Tagen entdeckt: \u22120,37 am 3. März 2025, heute \u22120,35\n"
            + "Der Zerfall zur Grundlinie hat es insgesamt um +0,01 bewegt.\n"
            + "1 offene Narbe hält die Obergrenze bei 61 %:\n"
            + "  - Ein Problem oder einen Fehler verschwiegen (critical bug) am 3. März 2025, Narbe 0,39 verbleibend\n");
  }

  @Test
  @DisplayName("grouped by default: 38 deliveries are one line; single events on request")
  void grouped() {
    Explanation e = Explanation.of(year(), START.plus(Duration.ofDays(300)));

    assertThat(EN.format(e)).isEqualTo(
        "Level 8% (micromanaged) on 2 November 2025, backed by strong evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Raised by:\n"
            + "  - Delivered on a commitment, 38 times: +0.62 today\n"
            + "Lowered by:\n"
            + "  - Hid a problem or mistake, discovered, 2 times: \u22120.68 today\n"
            + "  - Missed a deadline, 3 times: \u22120.36 today\n"
            + "Decay toward the baseline moved it \u22120.09 in all.\n"
            + "2 open scars keep the ceiling at 52%; the deepest:\n"
            + "  - Hid a problem or mistake on 13 October 2025, scar 0.38 left\n"
            + "  - Hid a problem or mistake on 23 October 2025, scar 0.10 left\n");
    assertThat(DE.format(e)).isEqualTo(
        "Niveau 8 % (eng geführt) am 2. November 2025, gestützt auf starke Belege.\n"
            + "Begonnen bei 50 %; die Grundlinie liegt bei 50 %.\n"
            + "Angehoben durch:\n"
            + "  - Zusage eingehalten, 38-mal: heute +0,62\n"
            + "Gesenkt durch:\n"
            + "  - Ein Problem oder einen Fehler verschwiegen, entdeckt, 2-mal: heute \u22120,68\n"
            + "  - Eine Frist verpasst, 3-mal: heute \u22120,36\n"
            + "Der Zerfall zur Grundlinie hat es insgesamt um \u22120,09 bewegt.\n"
            + "2 offene Narben halten die Obergrenze bei 52 %; die tiefsten:\n"
            + "  - Ein Problem oder einen Fehler verschwiegen am 13. Oktober 2025, Narbe 0,38 verbleibend\n"
            + "  - Ein Problem oder einen Fehler verschwiegen am 23. Oktober 2025, Narbe 0,10 verbleibend\n");
    assertThat(EN.withSingleEvents().withReasons(2).format(e)).isEqualTo(
        "Level 8% (micromanaged) on 2 November 2025, backed by strong evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Raised by:\n"
            + "  - Delivered on a commitment: +0.03 on 11 August 2025, +0.02 today\n"
            + "  - Delivered on a commitment: +0.02 on 18 August 2025, +0.02 today\n"
            + "Lowered by:\n"
            + "  - Hid a problem or mistake, discovered after 3 days: \u22120.49 on 13 October 2025, \u22120.48 today\n"
            + "  - Hid a problem or mistake, discovered after 30 days: \u22120.20 on 23 October 2025, \u22120.20 today\n"
            + "Decay toward the baseline moved it \u22120.09 in all.\n"
            + "2 open scars keep the ceiling at 52%; the deepest:\n"
            + "  - Hid a problem or mistake on 13 October 2025, scar 0.38 left\n"
            + "  - Hid a problem or mistake on 23 October 2025, scar 0.10 left\n");
  }

  @Test
  @DisplayName("one reason alone: several events give a count and what is left of them; one event gives its date and note")
  void reasonLines() {
    Explanation e = Explanation.of(year(), START.plus(Duration.ofDays(300)));
    Reason delivered = e.topUp(1).get(0);

    assertThat(EN.format(delivered)).isEqualTo("Delivered on a commitment, 38 times: +0.62 today");
    assertThat(DE.format(delivered)).isEqualTo("Zusage eingehalten, 38-mal: heute +0,62");
    Explanation one = Explanation.of(SampleHistory.story(TrustPolicy.defaults()), APRIL);
    assertThat(EN.format(one.topDown(1).get(0))).isEqualTo(EN.format(one.topEventsDown(1).get(0)));
  }

  @Test
  @DisplayName("an empty history and the symmetric preset: no lists, no scars")
  void nothingToList() {
    Explanation empty = Explanation.of(TrustLedger.of(TrustPolicy.defaults(), START), START);
    assertThat(EN.format(empty)).isEqualTo(
        "Level 50% (supervised) on 6 January 2025, backed by no evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Decay toward the baseline moved it +0.00 in all.\n");
    assertThat(DE.format(empty)).isEqualTo(
        "Niveau 50 % (beaufsichtigt) am 6. Januar 2025, gestützt auf keine Belege.\n"
            + "Begonnen bei 50 %; die Grundlinie liegt bei 50 %.\n"
            + "Der Zerfall zur Grundlinie hat es insgesamt um +0,00 bewegt.\n");
    assertThat(EN.format(Explanation.of(SampleHistory.story(TrustPolicy.symmetric()), APRIL))).doesNotContain("scar");
  }

  @Test
  @DisplayName("from a full bucket: two open scars, deepest first, and withReasons(1) lists one")
  void twoScars() {
    TrustLedger ledger = SampleHistory.fullBucketTwoScars();
    Explanation e = Explanation.of(ledger, APRIL);

    assertThat(EN.format(e)).isEqualTo(
        "Level 20% (micromanaged) on 1 April 2025, backed by some evidence.\n"
            + "Started at 100%; the baseline is 50%.\n"
            + "Lowered by:\n"
            + "  - Over-promised (the launch date): \u22120.41 on 3 February 2025, \u22120.37 today\n"
            + "  - Hid a problem or mistake, discovered after 9 days: \u22120.38 on 3 March 2025, \u22120.36 today\n"
            + "Decay toward the baseline moved it \u22120.01 in all.\n"
            + "2 open scars keep the ceiling at 56%; the deepest:\n"
            + "  - Over-promised (the launch date) on 3 February 2025, scar 0.24 left\n"
            + "  - Hid a problem or mistake on 3 March 2025, scar 0.20 left\n");
    assertThat(EN.withReasons(1).format(e)).endsWith(
        "2 open scars keep the ceiling at 56%; the deepest:\n"
            + "  - Over-promised (the launch date) on 3 February 2025, scar 0.24 left\n");
    assertThat(DE.format(e)).isEqualTo(
        "Niveau 20 % (eng geführt) am 1. April 2025, gestützt auf einige Belege.\n"
            + "Begonnen bei 100 %; die Grundlinie liegt bei 50 %.\n"
            + "Gesenkt durch:\n"
            + "  - Zu viel versprochen (the launch date): \u22120,41 am 3. Februar 2025, heute \u22120,37\n"
            + "  - Ein Problem oder einen Fehler verschwiegen, nach 9 Tagen entdeckt: \u22120,38 am 3. März 2025, heute \u22120,36\n"
            + "Der Zerfall zur Grundlinie hat es insgesamt um \u22120,01 bewegt.\n"
            + "2 offene Narben halten die Obergrenze bei 56 %; die tiefsten:\n"
            + "  - Zu viel versprochen (the launch date) am 3. Februar 2025, Narbe 0,24 verbleibend\n"
            + "  - Ein Problem oder einen Fehler verschwiegen am 3. März 2025, Narbe 0,20 verbleibend\n");
  }

  @Test
  @DisplayName("a negative number of reasons is rejected by name")
  void negativeReasons() {
    assertThatThrownBy(() -> EN.withReasons(-1))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("reasons must be at least 0 but was -1");
  }
}
