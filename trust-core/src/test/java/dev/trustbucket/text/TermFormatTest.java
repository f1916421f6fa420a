package dev.trustbucket.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.Disclosure;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TermFormat")
class TermFormatTest {
  private static final TermFormat EN = TermFormat.of(Locale.ENGLISH);
  private static final TermFormat DE = TermFormat.of(Locale.GERMAN);

  @Test
  @DisplayName("tiers, confidence bands and disclosures, in English and German")
  void terms() {
    assertThat(EN.format(AutonomyTier.TRUSTED)).isEqualTo("trusted");
    assertThat(DE.format(AutonomyTier.TRUSTED)).isEqualTo("vertraut");
    assertThat(EN.format(AutonomyTier.MICROMANAGED)).isEqualTo("micromanaged");
    assertThat(DE.format(AutonomyTier.AUTONOMOUS)).isEqualTo("eigenständig");
    assertThat(EN.format(new Confidence(0, 0))).isEqualTo("no evidence");
    assertThat(DE.format(new Confidence(5, 5))).isEqualTo("starke Belege");
    assertThat(EN.format(Disclosure.discovered(Duration.ofDays(9)))).isEqualTo("discovered after 9 days");
    assertThat(EN.format(Disclosure.discovered(Duration.ofDays(1)))).isEqualTo("discovered after 1 day");
    assertThat(DE.format(Disclosure.discovered(Duration.ofDays(1_200)))).isEqualTo("nach 1.200 Tagen entdeckt");
    assertThat(EN.format(Disclosure.selfReported())).isEqualTo("self-reported");
    assertThat(DE.format(Disclosure.notRecorded())).isEqualTo("nicht erfasst");
  }

  @Test
  @DisplayName("every tier, confidence band, disclosure and stock behaviour has its own words in both languages")
  void everyKindInBothLanguages() {
    for (TermFormat t : new TermFormat[] {EN, DE}) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (AutonomyTier tier : AutonomyTier.values()) {
        assertThat(seen.add(t.format(tier))).as("%s in %s", tier, t.locale()).isTrue();
      }
      for (Confidence.Strength band : Confidence.Strength.values()) {
        assertThat(seen.add(t.format(band))).as("%s in %s", band, t.locale()).isTrue();
      }
      for (Disclosure.Kind kind : Disclosure.Kind.values()) {
        assertThat(seen.add(t.format(kind))).as("%s in %s", kind, t.locale()).isTrue();
      }
      for (dev.trustbucket.behaviour.Behaviour b : dev.trustbucket.behaviour.BehaviourCatalogue.defaults().all()) {
        assertThat(seen.add(t.format(b))).as("%s in %s", b.id(), t.locale()).isTrue();
      }
      assertThat(seen).allSatisfy(w -> assertThat(w).isNotBlank().doesNotContain("{").doesNotContain("}"));
    }
    assertThat(EN.format(Disclosure.Kind.DISCOVERED)).isEqualTo("discovered");
    assertThat(DE.format(Disclosure.Kind.SELF_REPORTED)).isEqualTo("selbst gemeldet");
    assertThat(DE.format(Confidence.Strength.LITTLE)).isEqualTo("wenige Belege");
    assertThat(DE.format(AutonomyTier.SUPERVISED)).isEqualTo("beaufsichtigt");
  }

  @Test
  @DisplayName("German for any German locale, English for every other, whatever the JVM's default")
  void languageChoice() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(TermFormat.of(Locale.FRENCH).format(AutonomyTier.TRUSTED)).isEqualTo("trusted");
      assertThat(TermFormat.of(Locale.ROOT).format(AutonomyTier.TRUSTED)).isEqualTo("trusted");
      assertThat(TermFormat.of(Locale.FRENCH).locale()).isEqualTo(Locale.ENGLISH);
      Locale.setDefault(Locale.ENGLISH);
      assertThat(TermFormat.of(new Locale("de", "CH")).format(AutonomyTier.TRUSTED)).isEqualTo("vertraut");
      assertThat(TermFormat.of(Locale.GERMANY).format(AutonomyTier.TRUSTED)).isEqualTo("vertraut");
      assertThat(TermFormat.of(Locale.UK).locale()).isEqualTo(Locale.UK);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  @DisplayName("null arguments are rejected by name")
  void nulls() {
    assertThatThrownBy(() -> TermFormat.of((Locale) null)).isInstanceOf(NullPointerException.class).hasMessage("locale");
    assertThatThrownBy(() -> EN.format((AutonomyTier) null)).isInstanceOf(NullPointerException.class).hasMessage("tier");
  }
}
