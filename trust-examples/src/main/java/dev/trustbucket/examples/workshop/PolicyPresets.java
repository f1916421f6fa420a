package dev.trustbucket.examples.workshop;

import dev.trustbucket.TrustPolicy;
import java.util.List;
import java.util.Optional;

/** The four policy presets of trust-core, looked up by the names scenario files and the CLI use. */
final class PolicyPresets {
  private PolicyPresets() {}

  /** The presets in the order the workshop lists them. */
  static final List<TrustPolicy> ALL = TrustPolicy.presets();

  /**
   * Returns the preset with this name.
   *
   * @param name {@code default}, {@code symmetric}, {@code strict} or {@code forgiving}
   * @return the preset, or empty for any other name
   */
  static Optional<TrustPolicy> byName(String name) {
    return TrustPolicy.preset(name);
  }

  /**
   * Returns the names of the presets, for messages.
   *
   * @return e.g. {@code "default, symmetric, strict, forgiving"}
   */
  static String names() {
    return String.join(", ", ALL.stream().map(TrustPolicy::name).toList());
  }
}
