package dev.trustbucket.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustPolicy;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.PolicyGenerators;

@Label("A policy's written form and fingerprint")
class PolicyFormProperties {

  @Provide
  Arbitrary<TrustPolicy> policies() {
    return Arbitraries.oneOf(PolicyGenerators.policies(), Arbitraries.of(TrustPolicy.presets()));
  }

  @Provide
  Arbitrary<String> settings() {
    return Arbitraries.of(PolicyGenerators.SETTINGS);
  }

  @Property(tries = 150)
  @Label("every policy reads back from its written form to an equal policy, and writes the same form again")
  void roundTrip(@ForAll("policies") TrustPolicy p) {
    List<String> form = p.writtenForm();
    TrustPolicy read = PolicyForm.parse(form);
    assertThat(read).isEqualTo(p);
    assertThat(read.writtenForm()).isEqualTo(form);
    assertThat(form).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r"));
    assertThat(p.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(read.fingerprint());
    Statistics.label("catalogue").collect(p.catalogue().size() == 19 ? "standard size" : "own");
  }

  @Property(tries = 150)
  @Label("two policies have equal fingerprints exactly when their written forms are equal, exactly when they are equal")
  void fingerprintsEqualExactlyWhenFormsAre(@ForAll("policies") TrustPolicy a, @ForAll("policies") TrustPolicy b) {
    boolean sameForm = a.writtenForm().equals(b.writtenForm());
    assertThat(a.fingerprint().equals(b.fingerprint())).isEqualTo(sameForm);
    assertThat(a.equals(b)).isEqualTo(sameForm);
    // The same policy built again has the same form.
    TrustPolicy again = TrustPolicy.builder().from(a).build();
    assertThat(again.fingerprint()).isEqualTo(a.fingerprint());
  }

  @Property(tries = 200)
  @Label("changing any single setting changes the written form and the fingerprint")
  void everySettingCounts(@ForAll("policies") TrustPolicy p, @ForAll("settings") String setting, @ForAll long seed) {
    java.util.Optional<TrustPolicy> change = PolicyGenerators.withOneChange(p, setting, new Random(seed));
    Statistics.label("changed").collect(change.isPresent());
    net.jqwik.api.Assume.that(change.isPresent());
    TrustPolicy changed = change.get();
    assertThat(changed.writtenForm()).isNotEqualTo(p.writtenForm());
    assertThat(changed.fingerprint()).isNotEqualTo(p.fingerprint());
    assertThat(changed.shortFingerprint()).isNotEqualTo(p.shortFingerprint());
    assertThat(PolicyForm.parse(changed.writtenForm())).isEqualTo(changed);
    Statistics.label("setting").collect(setting);
  }
}
