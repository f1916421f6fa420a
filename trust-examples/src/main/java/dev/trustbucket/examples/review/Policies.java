package dev.trustbucket.examples.review;

import dev.trustbucket.examples.format.Clip;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustPolicy;

/**
 * The policies a relationship can be kept under, by the name stored in the database: the
 * library's presets {@code default}, {@code strict}, {@code forgiving} and {@code symmetric}.
 */
public final class Policies {
  private Policies() {}

  /**
   * Returns the policy with a name.
   *
   * @param name a preset's name
   * @return the policy
   * @throws InvalidTrustInputException when no preset has that name
   */
  public static TrustPolicy byName(String name) {
    return TrustPolicy.preset(name)
        .orElseThrow(() -> new InvalidTrustInputException("policy",
            "policy must be one of " + TrustPolicy.presets().stream().map(TrustPolicy::name).toList()
                + " but was \"" + Clip.visible(name, 80) + "\""));
  }
}
