package dev.trustbucket;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named policies, in every released version; each number's source is in {@code
 * docs/policy.md}.
 *
 * <p>A released version's numbers never change: a recalibration adds a version at the end of its
 * preset's list (see {@code docs/compatibility.md}), and the unversioned name then means the new
 * one. The golden fixtures and {@code PresetVersionsTest} pin every version's fingerprint.
 */
final class Presets {
  private Presets() {}

  static final TrustPolicy DEFAULT = TrustPolicy.builder().name("default").build();

  static final TrustPolicy SYMMETRIC =
      TrustPolicy.builder()
          .name("symmetric")
          .rates(new Rates(0.1, 0.1))
          .drainMultipliers(new DrainMultipliers(1.0, 1.0, 1.0, 1.0, Duration.ofDays(30)))
          .breachRules(BreachRules.of(2.0, false, 0.0, 0.0))
          .commitmentRules(new CommitmentRules(1.0, 1.0, 0.25, Duration.ofDays(7)))
          .build();

  static final TrustPolicy STRICT =
      TrustPolicy.builder()
          .name("strict")
          .rates(new Rates(0.05, 0.25))
          .drainMultipliers(new DrainMultipliers(2.5, 0.5, 1.75, 2.5, Duration.ofDays(30)))
          .breachRules(BreachRules.of(2.0, true, 0.35, 0.5))
          .decay(DecayRule.exponential(Duration.ofDays(730)))
          .scarDecay(DecayRule.exponential(Duration.ofDays(1_825)))
          .ladder(new AutonomyLadder(0.4, 0.65, 0.85, 0.05, Duration.ofDays(30)))
          .build();

  static final TrustPolicy FORGIVING =
      TrustPolicy.builder()
          .name("forgiving")
          .rates(new Rates(0.08, 0.18))
          .drainMultipliers(new DrainMultipliers(1.5, 0.4, 1.25, 1.5, Duration.ofDays(30)))
          .breachRules(BreachRules.of(2.0, true, 0.15, 0.3))
          .decay(DecayRule.exponential(Duration.ofDays(182)))
          .scarDecay(DecayRule.exponential(Duration.ofDays(548)))
          .ladder(new AutonomyLadder(0.3, 0.55, 0.75, 0.05, Duration.ofDays(7)))
          .build();

  /** The newest version of each preset, in the order {@link TrustPolicy#presets()} lists them. */
  static final ImmutableList<TrustPolicy> ALL = ImmutableList.of(DEFAULT, SYMMETRIC, STRICT, FORGIVING);

  /** Every released version of each preset, version 1 first. Only ever append. */
  static final ImmutableMap<String, ImmutableList<TrustPolicy>> VERSIONS =
      ImmutableMap.of(
          "default", ImmutableList.of(DEFAULT),
          "symmetric", ImmutableList.of(SYMMETRIC),
          "strict", ImmutableList.of(STRICT),
          "forgiving", ImmutableList.of(FORGIVING));

  private static final Pattern VERSIONED = Pattern.compile("([a-z]+)@([1-9][0-9]{0,8})");

  /** Finds {@code name} (the newest version) or {@code name@version}. */
  static Optional<TrustPolicy> find(String id) {
    Matcher m = VERSIONED.matcher(id);
    if (m.matches()) {
      ImmutableList<TrustPolicy> versions = VERSIONS.get(m.group(1));
      int version = Integer.parseInt(m.group(2));
      return versions == null || version > versions.size()
          ? Optional.empty()
          : Optional.of(versions.get(version - 1));
    }
    ImmutableList<TrustPolicy> versions = VERSIONS.get(id);
    return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The {@code name@version} of the released preset version equal to {@code policy}, if any. */
  static Optional<String> idOf(TrustPolicy policy) {
    ImmutableList<TrustPolicy> versions = VERSIONS.get(policy.name());
    if (versions != null) {
      for (int v = versions.size(); v >= 1; v--) {
        if (versions.get(v - 1).equals(policy)) {
          return Optional.of(policy.name() + '@' + v);
        }
      }
    }
    return Optional.empty();
  }
}
