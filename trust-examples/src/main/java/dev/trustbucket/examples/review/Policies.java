package dev.trustbucket.examples.review;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policies a relationship can be kept under, by the name stored in the database: the
 * library's presets {@code default}, {@code strict}, {@code forgiving} and {@code symmetric}.
 */
public final class Policies {
  private static final Map<String, TrustPolicy> BY_NAME = new LinkedHashMap<>();

  static {
    for (TrustPolicy p :
        new TrustPolicy[] {
          TrustPolicy.defaults(), TrustPolicy.strict(), TrustPolicy.forgiving(), TrustPolicy.symmetric()
        }) {
      BY_NAME.put(p.name(), p);
    }
  }

  private Policies() {}

  /**
   * Returns the policy with a name.
   *
   * @param name a preset's name
   * @return the policy
   * @throws InvalidTrustInputException when no preset has that name
   */
  public static TrustPolicy byName(String name) {
    TrustPolicy p = BY_NAME.get(name);
    if (p == null) {
      throw new InvalidTrustInputException(
          "policy", "policy must be one of " + BY_NAME.keySet() + " but was \"" + EventRow.clip(name) + "\"");
    }
    return p;
  }
}
