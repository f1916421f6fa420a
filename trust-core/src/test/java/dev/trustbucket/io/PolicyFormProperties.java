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
    List<String> form = PolicyForm.write(p);
    TrustPolicy read = PolicyForm.read(form);
    assertThat(read).isEqualTo(p);
    assertThat(PolicyForm.write(read)).isEqualTo(form);
    assertThat(form).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r"));
    assertThat(PolicyForm.fingerprint(p)).matches("[0-9a-f]{64}").isEqualTo(PolicyForm.fingerprint(read));
    Statistics.label("catalogue").collect(p.catalogue().size() == 19 ? "standard size" : "own");
  }

  @Property(tries = 150)
  @Label("two policies have equal fingerprints exactly when their written forms are equal, exactly when they are equal")
  void fingerprintsEqualExactlyWhenFormsAre(@ForAll("policies") TrustPolicy a, @ForAll("policies") TrustPolicy b) {
    boolean sameForm = PolicyForm.write(a).equals(PolicyForm.write(b));
    assertThat(PolicyForm.fingerprint(a).equals(PolicyForm.fingerprint(b))).isEqualTo(sameForm);
    assertThat(a.equals(b)).isEqualTo(sameForm);
    // The same policy built again has the same form.
    TrustPolicy again = TrustPolicy.builder().from(a).build();
    assertThat(PolicyForm.fingerprint(again)).isEqualTo(PolicyForm.fingerprint(a));
  }

  @Property(tries = 200)
  @Label("changing any single setting changes the written form and the fingerprint")
  void everySettingCounts(@ForAll("policies") TrustPolicy p, @ForAll("settings") String setting, @ForAll long seed) {
    java.util.Optional<TrustPolicy> change = PolicyGenerators.withOneChange(p, setting, new Random(seed));
    Statistics.label("changed").collect(change.isPresent());
    net.jqwik.api.Assume.that(change.isPresent());
    TrustPolicy changed = change.get();
    assertThat(PolicyForm.write(changed)).isNotEqualTo(PolicyForm.write(p));
    assertThat(PolicyForm.fingerprint(changed)).isNotEqualTo(PolicyForm.fingerprint(p));
    assertThat(PolicyForm.shortFingerprint(changed)).isNotEqualTo(PolicyForm.shortFingerprint(p));
    assertThat(PolicyForm.read(PolicyForm.write(changed))).isEqualTo(changed);
    Statistics.label("setting").collect(setting);
  }
}
