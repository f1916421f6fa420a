package dev.trustbucket.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.io.golden.GoldenStories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PolicyForm: a policy's canonical written form and its fingerprint")
class PolicyFormTest {

  /**
   * The fingerprints of every released preset version. A preset version's numbers never change,
   * so neither does its fingerprint: NEVER edit an entry, only add the next version's.
   */
  static final Map<String, String> PRESET_FINGERPRINTS = Map.of(
      "default@1", "4d86ba02345ccf9b16c627fab7daf1d352684db21829dac0680cd7b4f8b66648",
      "symmetric@1", "d41111fa53e8b859318df1deef4daa3800bb62a0a8e4dada7427f7cccf5fdecd",
      "strict@1", "bc07481f1675c8facf55d710609553dfbb0e5afdac4b2d037796bc83706da959",
      "forgiving@1", "b244e4b43babd5cfb4b0aa936f4c1a4b0298520975390ceffa5d891864e5216b");

  @Test
  @DisplayName("writes the default policy exactly like this")
  void pinnedDefaultForm() {
    List<String> lines = TrustPolicy.defaults().writtenForm();
    assertThat(lines.subList(0, 24)).containsExactly(
        "trust-policy\t1",
        "name\tdefault",
        "baseline\t0.5",
        "gainRate\t0.07",
        "lossRate\t0.21",
        "integrityMultiplier\t2.0",
        "majorSeverity\t2.0",
        "integrityBreaches\ttrue",
        "scarRate\t0.25",
        "maxScar\t0.5",
        "selfReportedMultiplier\t0.5",
        "discoveredMultiplier\t1.5",
        "discoveredMultiplierLimit\t2.0",
        "concealmentHalfTime\tPT720H",
        "brokenPromiseMultiplier\t1.75",
        "abandonmentMultiplier\t1.5",
        "renegotiationCost\t0.25",
        "renegotiationNoticeHalfTime\tPT168H",
        "decay\texponential\tPT8760H",
        "scarDecay\texponential\tPT26280H",
        "ladder\t0.35\t0.6\t0.8\t0.05\tPT336H",
        "catalogue\t" + TrustPolicy.defaults().catalogue().size(),
        "behaviour\tdelivered-on-commitment\tDROP\tABILITY\t1.0\tDelivered on a commitment",
        lines.get(23));
    assertThat(lines).hasSize(22 + TrustPolicy.defaults().catalogue().size());
  }

  @Test
  @DisplayName("every preset version and the custom policy read back equal, and their fingerprints are pinned")
  void presetsRoundTripAndKeepTheirFingerprints() {
    for (var e : PRESET_FINGERPRINTS.entrySet()) {
      TrustPolicy p = TrustPolicy.preset(e.getKey()).orElseThrow();
      assertThat(PolicyForm.parse(p.writtenForm())).isEqualTo(p);
      assertThat(p.fingerprint()).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(p.shortFingerprint()).isEqualTo(e.getValue().substring(0, 12));
    }
    TrustPolicy custom = GoldenStories.custom();
    assertThat(PolicyForm.parse(custom.writtenForm())).isEqualTo(custom);
    assertThat(custom.writtenForm()).last().isEqualTo(
        "behaviour\tpaired-on-review\tDROP\tCOMMUNICATION\t0.75\tPaired on a review\\\\u0009(custom \\\\\\\\ team)");
    TrustPolicy none = TrustPolicy.builder().decay(DecayRule.none()).scarDecay(DecayRule.none()).build();
    assertThat(none.writtenForm().get(18)).isEqualTo("decay\tnone");
    assertThat(PolicyForm.parse(none.writtenForm())).isEqualTo(none);
  }

  @Test
  @DisplayName("versioned preset names: the bare name is the newest version, name@1 today's numbers forever")
  void versionedPresets() {
    assertThat(TrustPolicy.preset("default@1")).containsSame(TrustPolicy.defaults());
    assertThat(TrustPolicy.preset("default")).containsSame(TrustPolicy.defaults());
    assertThat(TrustPolicy.preset("strict@1")).containsSame(TrustPolicy.strict());
    assertThat(TrustPolicy.preset("default@2")).isEmpty();
    assertThat(TrustPolicy.preset("default@0")).isEmpty();
    assertThat(TrustPolicy.preset("default@01")).isEmpty();
    assertThat(TrustPolicy.preset("custom@1")).isEmpty();
    assertThat(TrustPolicy.latestPresetVersion("symmetric")).contains(1);
    assertThat(TrustPolicy.latestPresetVersion("custom")).isEmpty();
    assertThat(TrustPolicy.forgiving().presetId()).contains("forgiving@1");
    assertThat(TrustPolicy.builder().name("default").build().presetId()).contains("default@1");
    assertThat(TrustPolicy.builder().name("default").rates(TrustPolicy.defaults().rates().withGainRate(0.08)).build().presetId()).isEmpty();
    assertThat(GoldenStories.custom().presetId()).isEmpty();
  }

  @Test
  @DisplayName("a custom DecayRule has no written form: writing names the rule and the setting")
  void customDecayRuleIsNamed() {
    DecayRule exponential = DecayRule.exponential(Duration.ofDays(1));
    DecayRule odd = new DecayRule() { // an application's own rule, which keeps the contract
      @Override
      public double retained(Duration elapsed) {
        return exponential.retained(elapsed);
      }

      @Override
      public Duration halfLife() {
        return exponential.halfLife();
      }

      @Override
      public String toString() {
        return "step-rule";
      }
    };
    TrustPolicy p = TrustPolicy.builder().scarDecay(odd).decay(odd).build();
    InvalidTrustInputException e = catchThrowableOfType(InvalidTrustInputException.class, () -> p.writtenForm());
    assertThat(e.field()).isEqualTo("decay");
    assertThat(e).hasMessageContaining("step-rule").hasMessageContaining("has no written form");
    assertThatThrownBy(() -> TrustPolicy.builder().decay(DecayRule.exponential(Duration.ofHours(1))).scarDecay(odd).build().fingerprint())
        .isInstanceOf(InvalidTrustInputException.class).hasMessageContaining("scarDecay rule step-rule");
  }

  private static MalformedRecordException damaged(int index, String line) {
    List<String> lines = new ArrayList<>(GoldenStories.custom().writtenForm());
    lines.set(index, line);
    return catchThrowableOfType(MalformedRecordException.class, () -> PolicyForm.parse(lines));
  }

  @Test
  @DisplayName("a damaged form is rejected with the line and the setting")
  void damage() {
    assertError(damaged(0, "trust-policy\t2"), 1, "version");
    assertError(damaged(0, "trust-polic\t1"), 1, "type");
    assertError(damaged(2, "baseline\t0.50"), 3, "baseline");
    assertError(damaged(2, "gainRate\t0.5"), 3, "baseline");
    assertError(damaged(3, "gainRate\t1.5"), 4, "gainRate");
    assertError(damaged(7, "integrityBreaches\tyes"), 8, "integrityBreaches");
    assertError(damaged(9, "maxScar\t0.6"), 10, "maxScar");
    assertError(damaged(13, "concealmentHalfTime\tP21D"), 14, "concealmentHalfTime");
    assertError(damaged(18, "decay\tweibull\tPT1H"), 19, "decay");
    assertError(damaged(18, "decay\texponential\tPT0S"), 19, "decay");
    assertError(damaged(19, "scarDecay\texponential\tPT1H"), 20, "scarDecay");
    assertError(damaged(20, "ladder\t0.7\t0.6\t0.8\t0.05\tPT240H"), 21, "thresholds");
    assertError(damaged(20, "ladder\t0.3\t0.55\t0.78\t0.04"), 21, "fields");
    assertError(damaged(21, "catalogue\t01"), 22, "catalogue");
    assertError(damaged(22, "behaviour\tx\tUP\tABILITY\t1.0\tX"), 23, "direction");
    assertError(damaged(22, "behaviour\tX\tDROP\tABILITY\t1.0\tX"), 23, "id");
    assertError(damaged(22, "behaviour\tx\tDROP\tABILITY\t1.0\tX\\q"), 23, "label");
    List<String> lines = new ArrayList<>(GoldenStories.custom().writtenForm());
    lines.remove(lines.size() - 1);
    assertError(catchThrowableOfType(MalformedRecordException.class, () -> PolicyForm.parse(lines)), lines.size() + 1,
        "behaviour");
    lines.add(lines.get(lines.size() - 1));
    assertError(catchThrowableOfType(MalformedRecordException.class, () -> PolicyForm.parse(lines)), lines.size(), "id");
    lines.clear();
    lines.addAll(GoldenStories.custom().writtenForm());
    lines.add("junk");
    MalformedRecordException trailing = catchThrowableOfType(MalformedRecordException.class, () -> PolicyForm.parse(lines));
    assertError(trailing, lines.size(), "catalogue");
    assertThat(trailing).hasMessage("line " + lines.size() + ": the policy must end after its catalogue on line "
        + (lines.size() - 1) + " but line " + lines.size() + " follows it");
    // Cut short just before a decay rule, and before the name.
    List<String> form = GoldenStories.custom().writtenForm();
    assertError(catchThrowableOfType(MalformedRecordException.class, () -> PolicyForm.parse(form.subList(0, 18))), 19,
        "decay");
    MalformedRecordException cut = catchThrowableOfType(MalformedRecordException.class,
        () -> PolicyForm.parse(form.subList(0, 1)));
    assertError(cut, 2, "name");
    assertThat(cut).hasMessage("line 2: the policy ends before its name line");
  }

  static void assertError(MalformedRecordException e, int line, String field) {
    assertThat(e).as("a MalformedRecordException").isNotNull();
    assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
    assertThat(e).hasMessageStartingWith("line " + line + ": ");
  }
}
