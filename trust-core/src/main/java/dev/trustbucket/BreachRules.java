package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.checkPositive;
import static dev.trustbucket.InvalidTrustInputException.checkRange;

import dev.trustbucket.behaviour.Behaviour;
import org.jspecify.annotations.Nullable;

/**
 * Which drains are breaches and what a breach leaves behind: a scar, a memory that lowers the
 * ceiling the bucket can be refilled to.
 *
 * <p>A drain is a breach when its weight is at least {@link #majorSeverity()} or, when {@link
 * #hasIntegrityBreaches()}, when it is of the integrity dimension or was discovered after being
 * hidden. A breach demotes at once, ignoring the ladder's minimum stay, and scars: {@code S +=
 * (maxScar - S) * min(1, scarRate * w * m)} for an event of weight {@code w} and drain multiplier
 * {@code m}. The ceiling is {@code 1 - S}. How scars fade is the policy's {@link
 * TrustPolicy#scarDecay() scarDecay}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BreachRules {
  private static final BreachRules DEFAULT = new BreachRules(2.0, true, 0.25, 0.5);

  private final double majorSeverity;
  private final boolean integrityBreaches;
  private final double scarRate;
  private final double maxScar;

  private BreachRules(double majorSeverity, boolean integrityBreaches, double scarRate, double maxScar) {
    checkPositive(majorSeverity, "majorSeverity", Behaviour.MAX_WEIGHT);
    checkRange(scarRate, "scarRate", 0.0, 1.0);
    checkRange(maxScar, "maxScar", 0.0, 1.0);
    this.majorSeverity = majorSeverity;
    this.integrityBreaches = integrityBreaches;
    this.scarRate = scarRate;
    this.maxScar = maxScar;
  }

  /**
   * Returns validated breach rules.
   *
   * @param majorSeverity the weight from which a drain is major, hence a breach, in (0, 100]
   * @param integrityBreaches whether integrity drains and discovered drains are breaches whatever
   *     their weight
   * @param scarRate the fraction of the remaining scar room that an ordinary breach scars, in [0,
   *     1]; zero disables scars
   * @param maxScar the deepest a scar can get, in [0, 1]; a policy further requires at most {@code
   *     1 - baseline}
   * @return the rules
   * @throws InvalidTrustInputException when a value is out of range; the field is {@code
   *     majorSeverity}, {@code scarRate} or {@code maxScar}
   */
  public static BreachRules of(double majorSeverity, boolean integrityBreaches, double scarRate, double maxScar) {
    return new BreachRules(majorSeverity, integrityBreaches, scarRate, maxScar);
  }

  /**
   * Returns the default rules: major from weight 2, integrity failures are breaches, a scar rate
   * of 0.25 and a deepest scar of 0.5.
   *
   * @return the default breach rules
   */
  public static BreachRules defaults() {
    return DEFAULT;
  }

  /**
   * The weight from which a drain is major, hence a breach: in (0, 100], default 2 (twice an
   * ordinary event).
   *
   * @return the major severity threshold
   */
  public double majorSeverity() {
    return majorSeverity;
  }

  /**
   * Whether integrity drains and discovered concealments are breaches whatever their weight (they
   * scar and demote at once); default {@code true}. The symmetric preset turns it off, so that
   * only major drains are breaches and disclosure changes nothing.
   *
   * @return whether integrity failures are breaches
   */
  public boolean hasIntegrityBreaches() {
    return integrityBreaches;
  }

  /**
   * The fraction of the remaining scar room that an ordinary breach scars: in [0, 1], default
   * 0.25. Zero disables scars.
   *
   * @return the scar rate
   */
  public double scarRate() {
    return scarRate;
  }

  /**
   * The deepest a scar can get: in [0, 1 - baseline], default 0.5. Because the ceiling {@code 1 -
   * scar} never falls below the baseline, decay toward the baseline never fights the ceiling.
   *
   * @return the maximum scar
   */
  public double maxScar() {
    return maxScar;
  }

  /**
   * Returns a copy with another major severity.
   *
   * @param majorSeverity in (0, 100]
   * @return the new rules
   * @throws InvalidTrustInputException when it is out of range
   */
  public BreachRules withMajorSeverity(double majorSeverity) {
    return new BreachRules(majorSeverity, integrityBreaches, scarRate, maxScar);
  }

  /**
   * Returns a copy that does or does not make every integrity and discovered drain a breach.
   *
   * @param integrityBreaches whether integrity failures are breaches whatever their weight
   * @return the new rules
   */
  public BreachRules withIntegrityBreaches(boolean integrityBreaches) {
    return new BreachRules(majorSeverity, integrityBreaches, scarRate, maxScar);
  }

  /**
   * Returns a copy with another scar rate.
   *
   * @param scarRate in [0, 1]
   * @return the new rules
   * @throws InvalidTrustInputException when it is out of range
   */
  public BreachRules withScarRate(double scarRate) {
    return new BreachRules(majorSeverity, integrityBreaches, scarRate, maxScar);
  }

  /**
   * Returns a copy with another deepest scar.
   *
   * @param maxScar in [0, 1]
   * @return the new rules
   * @throws InvalidTrustInputException when it is out of range
   */
  public BreachRules withMaxScar(double maxScar) {
    return new BreachRules(majorSeverity, integrityBreaches, scarRate, maxScar);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BreachRules
        && Double.compare(majorSeverity, ((BreachRules) o).majorSeverity) == 0
        && integrityBreaches == ((BreachRules) o).integrityBreaches
        && Double.compare(scarRate, ((BreachRules) o).scarRate) == 0
        && Double.compare(maxScar, ((BreachRules) o).maxScar) == 0;
  }

  @Override
  public int hashCode() {
    int h = Double.hashCode(majorSeverity);
    h = 31 * h + Boolean.hashCode(integrityBreaches);
    h = 31 * h + Double.hashCode(scarRate);
    return 31 * h + Double.hashCode(maxScar);
  }

  @Override
  public String toString() {
    return "BreachRules[majorSeverity=" + majorSeverity + ", integrityBreaches=" + integrityBreaches
        + ", scarRate=" + scarRate + ", maxScar=" + maxScar + "]";
  }
}
