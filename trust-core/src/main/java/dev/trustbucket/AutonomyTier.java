package dev.trustbucket;

/**
 * What the level earns: how much the manager lets the person decide alone.
 *
 * <p>Tiers are ordered from least to most autonomy, so {@code compareTo} says which is higher.
 * The level each tier needs is set by the policy's {@link AutonomyLadder}.
 */
public enum AutonomyTier {
  /** Work is checked step by step; every decision goes through the manager. */
  MICROMANAGED,
  /** Work is reviewed at milestones; important decisions are discussed first. */
  SUPERVISED,
  /** The person owns their work and reports on it; the manager steps in on exceptions. */
  TRUSTED,
  /** The person sets direction and takes on critical initiatives; the manager is informed. */
  AUTONOMOUS;

  private static final AutonomyTier[] VALUES = values();

  /**
   * Returns the tier just above this one, or this tier when it is the top.
   *
   * @return the next higher tier
   */
  @SuppressWarnings("EnumOrdinal") // declaration order is the tiers' meaning (see class doc)
  public AutonomyTier higher() {
    return this == AUTONOMOUS ? this : VALUES[ordinal() + 1];
  }

  /**
   * Returns the tier just below this one, or this tier when it is the bottom.
   *
   * @return the next lower tier
   */
  @SuppressWarnings("EnumOrdinal") // declaration order is the tiers' meaning (see class doc)
  public AutonomyTier lower() {
    return this == MICROMANAGED ? this : VALUES[ordinal() - 1];
  }

  /**
   * Returns whether this tier gives more autonomy than {@code other}.
   *
   * @param other another tier
   * @return {@code true} when this tier is strictly higher
   */
  public boolean isHigherThan(AutonomyTier other) {
    return compareTo(other) > 0;
  }
}
