package dev.trustbucket.spring.boot;

import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code trustbucket.*} properties: a preset, any overrides of its numbers and of its
 * autonomy ladder, and the organisation's own behaviours. {@link TrustPolicyFactory} turns them into
 * a {@link dev.trustbucket.TrustPolicy}; a value the model refuses stops the application from
 * starting, with the property's name and the reason.
 */
@ConfigurationProperties("trustbucket")
public class TrustBucketProperties {
  /**
   * The preset the policy starts from: default, symmetric, strict or forgiving (the names
   * TrustPolicy.preset accepts).
   */
  private String preset = "default";

  /** Overrides of the preset's numbers; each one left unset keeps the preset's value. */
  private final Policy policy = new Policy();

  /** Overrides of the preset's autonomy ladder; each one left unset keeps the preset's value. */
  private final Ladder ladder = new Ladder();

  /** The organisation's own behaviours, added to the preset's catalogue. */
  private final List<CustomBehaviour> behaviours = new ArrayList<>();

  /** How the meters are taken, when Micrometer is on the classpath. */
  private final Metrics metrics = new Metrics();

  /** The JDBC store, used when trust-jdbc and a DataSource are present. */
  private final Jdbc jdbc = new Jdbc();

  /**
   * The preset's name.
   *
   * @return e.g. {@code default}
   */
  public String getPreset() {
    return preset;
  }

  /**
   * Sets the preset's name.
   *
   * @param preset e.g. {@code strict}
   */
  public void setPreset(String preset) {
    this.preset = preset;
  }

  /**
   * The overrides of the preset's numbers.
   *
   * @return the overrides, never null
   */
  public Policy getPolicy() {
    return policy;
  }

  /**
   * The overrides of the preset's autonomy ladder.
   *
   * @return the overrides, never null
   */
  public Ladder getLadder() {
    return ladder;
  }

  /**
   * The organisation's own behaviours.
   *
   * @return a mutable list, bound from {@code trustbucket.behaviours[i].*}
   */
  public List<CustomBehaviour> getBehaviours() {
    return behaviours;
  }

  /**
   * The metrics settings.
   *
   * @return the settings, never null
   */
  public Metrics getMetrics() {
    return metrics;
  }

  /**
   * The JDBC store settings.
   *
   * @return the settings, never null
   */
  public Jdbc getJdbc() {
    return jdbc;
  }

  /** Overrides of a preset's numbers; {@code docs/policy.md} explains each one. */
  public static class Policy {
    /** The policy's name in reports and next to stored ledgers; "custom" when anything is overridden. */
    private @Nullable String name;

    /** Where a new relationship starts, in (0, 1). */
    private @Nullable Double baseline;

    /** The fraction of the room below the ceiling that an ordinary drop fills, in (0, 1]. */
    private @Nullable Double gainRate;

    /** The fraction of the level that an ordinary drain removes, in (0, 1]. */
    private @Nullable Double lossRate;

    /** How much more an integrity drain costs than a competence one, in [1, 10]. */
    private @Nullable Double integrityMultiplier;

    /** The weight from which a drain is a major breach, in (0, 100]. */
    private @Nullable Double majorSeverity;

    /** Whether every integrity drain and every discovered concealment is a breach. */
    private @Nullable Boolean integrityBreaches;

    /** How much of the room up to the maximum scar a breach scars, in [0, 1]. */
    private @Nullable Double scarRate;

    /** The deepest scar, which lowers the ceiling; in [0, 1 - baseline]. */
    private @Nullable Double maxScar;

    /** The multiplier of a drain that was self-reported early, in (0, 1]. */
    private @Nullable Double selfReportedMultiplier;

    /** The multiplier of a drain discovered by others right away, in [1, 10]. */
    private @Nullable Double discoveredMultiplier;

    /** The multiplier a discovered drain grows toward as the delay grows, in [discovered-multiplier, 10]. */
    private @Nullable Double discoveredMultiplierLimit;

    /** The delay of discovery at which the multiplier is half way to its limit, e.g. 30d. */
    private @Nullable Duration concealmentHalfTime;

    /** The multiplier of a broken promise over the same miss without one, in [1, 5]. */
    private @Nullable Double brokenPromiseMultiplier;

    /** The multiplier of an abandoned commitment, in [1, 5]. */
    private @Nullable Double abandonmentMultiplier;

    /** The share of a miss that renegotiating with notice costs, in [0, 1]. */
    private @Nullable Double renegotiationCost;

    /** The notice at which a renegotiation's cost is halved, e.g. 7d. */
    private @Nullable Duration renegotiationNoticeHalfTime;

    /** The half-life of the level's relaxation toward the baseline, e.g. 365d. */
    private @Nullable Duration decayHalfLife;

    /** The half-life of a scar, no shorter than decay-half-life, e.g. 1095d. */
    private @Nullable Duration scarDecayHalfLife;

    /** {@return the name, or null to keep the preset's (or "custom" when anything is overridden)} */
    public @Nullable String getName() {
      return name;
    }

    /**
     * Sets the policy's name.
     *
     * @param name the policy's name
     */
    public void setName(@Nullable String name) {
      this.name = name;
    }

    /** {@return the baseline, or null to keep the preset's} */
    public @Nullable Double getBaseline() {
      return baseline;
    }

    /**
     * Sets the baseline.
     *
     * @param baseline the baseline
     */
    public void setBaseline(@Nullable Double baseline) {
      this.baseline = baseline;
    }

    /** {@return the gain rate, or null to keep the preset's} */
    public @Nullable Double getGainRate() {
      return gainRate;
    }

    /**
     * Sets the gain rate.
     *
     * @param gainRate the gain rate
     */
    public void setGainRate(@Nullable Double gainRate) {
      this.gainRate = gainRate;
    }

    /** {@return the loss rate, or null to keep the preset's} */
    public @Nullable Double getLossRate() {
      return lossRate;
    }

    /**
     * Sets the loss rate.
     *
     * @param lossRate the loss rate
     */
    public void setLossRate(@Nullable Double lossRate) {
      this.lossRate = lossRate;
    }

    /** {@return the integrity multiplier, or null to keep the preset's} */
    public @Nullable Double getIntegrityMultiplier() {
      return integrityMultiplier;
    }

    /**
     * Sets the integrity multiplier.
     *
     * @param integrityMultiplier the integrity multiplier
     */
    public void setIntegrityMultiplier(@Nullable Double integrityMultiplier) {
      this.integrityMultiplier = integrityMultiplier;
    }

    /** {@return the major severity, or null to keep the preset's} */
    public @Nullable Double getMajorSeverity() {
      return majorSeverity;
    }

    /**
     * Sets the major severity.
     *
     * @param majorSeverity the major severity
     */
    public void setMajorSeverity(@Nullable Double majorSeverity) {
      this.majorSeverity = majorSeverity;
    }

    /** {@return whether integrity drains are breaches, or null to keep the preset's} */
    public @Nullable Boolean getIntegrityBreaches() {
      return integrityBreaches;
    }

    /**
     * Sets whether integrity drains are breaches.
     *
     * @param integrityBreaches whether integrity drains are breaches
     */
    public void setIntegrityBreaches(@Nullable Boolean integrityBreaches) {
      this.integrityBreaches = integrityBreaches;
    }

    /** {@return the scar rate, or null to keep the preset's} */
    public @Nullable Double getScarRate() {
      return scarRate;
    }

    /**
     * Sets the scar rate.
     *
     * @param scarRate the scar rate
     */
    public void setScarRate(@Nullable Double scarRate) {
      this.scarRate = scarRate;
    }

    /** {@return the maximum scar, or null to keep the preset's} */
    public @Nullable Double getMaxScar() {
      return maxScar;
    }

    /**
     * Sets the maximum scar.
     *
     * @param maxScar the maximum scar
     */
    public void setMaxScar(@Nullable Double maxScar) {
      this.maxScar = maxScar;
    }

    /** {@return the self-reported multiplier, or null to keep the preset's} */
    public @Nullable Double getSelfReportedMultiplier() {
      return selfReportedMultiplier;
    }

    /**
     * Sets the self-reported multiplier.
     *
     * @param selfReportedMultiplier the self-reported multiplier
     */
    public void setSelfReportedMultiplier(@Nullable Double selfReportedMultiplier) {
      this.selfReportedMultiplier = selfReportedMultiplier;
    }

    /** {@return the discovered multiplier, or null to keep the preset's} */
    public @Nullable Double getDiscoveredMultiplier() {
      return discoveredMultiplier;
    }

    /**
     * Sets the discovered multiplier.
     *
     * @param discoveredMultiplier the discovered multiplier
     */
    public void setDiscoveredMultiplier(@Nullable Double discoveredMultiplier) {
      this.discoveredMultiplier = discoveredMultiplier;
    }

    /** {@return the discovered multiplier's limit, or null to keep the preset's} */
    public @Nullable Double getDiscoveredMultiplierLimit() {
      return discoveredMultiplierLimit;
    }

    /**
     * Sets the discovered multiplier's limit.
     *
     * @param discoveredMultiplierLimit the discovered multiplier's limit
     */
    public void setDiscoveredMultiplierLimit(@Nullable Double discoveredMultiplierLimit) {
      this.discoveredMultiplierLimit = discoveredMultiplierLimit;
    }

    /** {@return the concealment half-time, or null to keep the preset's} */
    public @Nullable Duration getConcealmentHalfTime() {
      return concealmentHalfTime;
    }

    /**
     * Sets the concealment half-time.
     *
     * @param concealmentHalfTime the concealment half-time
     */
    public void setConcealmentHalfTime(@Nullable Duration concealmentHalfTime) {
      this.concealmentHalfTime = concealmentHalfTime;
    }

    /** {@return the broken-promise multiplier, or null to keep the preset's} */
    public @Nullable Double getBrokenPromiseMultiplier() {
      return brokenPromiseMultiplier;
    }

    /**
     * Sets the broken-promise multiplier.
     *
     * @param brokenPromiseMultiplier the broken-promise multiplier
     */
    public void setBrokenPromiseMultiplier(@Nullable Double brokenPromiseMultiplier) {
      this.brokenPromiseMultiplier = brokenPromiseMultiplier;
    }

    /** {@return the abandonment multiplier, or null to keep the preset's} */
    public @Nullable Double getAbandonmentMultiplier() {
      return abandonmentMultiplier;
    }

    /**
     * Sets the abandonment multiplier.
     *
     * @param abandonmentMultiplier the abandonment multiplier
     */
    public void setAbandonmentMultiplier(@Nullable Double abandonmentMultiplier) {
      this.abandonmentMultiplier = abandonmentMultiplier;
    }

    /** {@return the renegotiation cost, or null to keep the preset's} */
    public @Nullable Double getRenegotiationCost() {
      return renegotiationCost;
    }

    /**
     * Sets the renegotiation cost.
     *
     * @param renegotiationCost the renegotiation cost
     */
    public void setRenegotiationCost(@Nullable Double renegotiationCost) {
      this.renegotiationCost = renegotiationCost;
    }

    /** {@return the renegotiation notice half-time, or null to keep the preset's} */
    public @Nullable Duration getRenegotiationNoticeHalfTime() {
      return renegotiationNoticeHalfTime;
    }

    /**
     * Sets the renegotiation notice half-time.
     *
     * @param renegotiationNoticeHalfTime the renegotiation notice half-time
     */
    public void setRenegotiationNoticeHalfTime(@Nullable Duration renegotiationNoticeHalfTime) {
      this.renegotiationNoticeHalfTime = renegotiationNoticeHalfTime;
    }

    /** {@return the level's decay half-life, or null to keep the preset's decay} */
    public @Nullable Duration getDecayHalfLife() {
      return decayHalfLife;
    }

    /**
     * Sets the level's decay half-life.
     *
     * @param decayHalfLife the level's decay half-life
     */
    public void setDecayHalfLife(@Nullable Duration decayHalfLife) {
      this.decayHalfLife = decayHalfLife;
    }

    /** {@return the scar's decay half-life, or null to keep the preset's scar decay} */
    public @Nullable Duration getScarDecayHalfLife() {
      return scarDecayHalfLife;
    }

    /**
     * Sets the scar's decay half-life.
     *
     * @param scarDecayHalfLife the scar's decay half-life
     */
    public void setScarDecayHalfLife(@Nullable Duration scarDecayHalfLife) {
      this.scarDecayHalfLife = scarDecayHalfLife;
    }
  }

  /** Overrides of a preset's autonomy ladder. */
  public static class Ladder {
    /** The level from which the supervised tier is earned, in (0, 1). */
    private @Nullable Double supervised;

    /** The level from which the trusted tier is earned, above supervised. */
    private @Nullable Double trusted;

    /** The level from which the autonomous tier is earned, above trusted and at most 1. */
    private @Nullable Double autonomous;

    /** How far below its threshold the level must fall before a tier is lost, in [0, supervised). */
    private @Nullable Double hysteresisBand;

    /** How long after a promotion ordinary dips cannot demote, e.g. 14d. */
    private @Nullable Duration minimumStay;

    /** {@return the supervised threshold, or null to keep the preset's} */
    public @Nullable Double getSupervised() {
      return supervised;
    }

    /**
     * Sets the supervised threshold.
     *
     * @param supervised the supervised threshold
     */
    public void setSupervised(@Nullable Double supervised) {
      this.supervised = supervised;
    }

    /** {@return the trusted threshold, or null to keep the preset's} */
    public @Nullable Double getTrusted() {
      return trusted;
    }

    /**
     * Sets the trusted threshold.
     *
     * @param trusted the trusted threshold
     */
    public void setTrusted(@Nullable Double trusted) {
      this.trusted = trusted;
    }

    /** {@return the autonomous threshold, or null to keep the preset's} */
    public @Nullable Double getAutonomous() {
      return autonomous;
    }

    /**
     * Sets the autonomous threshold.
     *
     * @param autonomous the autonomous threshold
     */
    public void setAutonomous(@Nullable Double autonomous) {
      this.autonomous = autonomous;
    }

    /** {@return the hysteresis band, or null to keep the preset's} */
    public @Nullable Double getHysteresisBand() {
      return hysteresisBand;
    }

    /**
     * Sets the hysteresis band.
     *
     * @param hysteresisBand the hysteresis band
     */
    public void setHysteresisBand(@Nullable Double hysteresisBand) {
      this.hysteresisBand = hysteresisBand;
    }

    /** {@return the minimum stay, or null to keep the preset's} */
    public @Nullable Duration getMinimumStay() {
      return minimumStay;
    }

    /**
     * Sets the minimum stay.
     *
     * @param minimumStay the minimum stay
     */
    public void setMinimumStay(@Nullable Duration minimumStay) {
      this.minimumStay = minimumStay;
    }
  }

  /** One of the organisation's own behaviours. */
  public static class CustomBehaviour {
    /** Stable id: lower-case letters, digits and single dashes, e.g. "paired-on-incident". */
    private @Nullable String id;

    /** Whether it adds trust (drop) or takes it away (drain). */
    private @Nullable Direction direction;

    /** The facet of trust it speaks to: ability, integrity or communication. */
    private @Nullable Dimension dimension;

    /** The weight of an ordinary occurrence, in [0, 100]; 1 is an ordinary event. */
    private double weight = 1.0;

    /** A short description used in explanations, e.g. "Paired on an incident". */
    private @Nullable String label;

    /** {@return the id} */
    public @Nullable String getId() {
      return id;
    }

    /**
     * Sets the id.
     *
     * @param id the id
     */
    public void setId(@Nullable String id) {
      this.id = id;
    }

    /** {@return drop or drain} */
    public @Nullable Direction getDirection() {
      return direction;
    }

    /**
     * Sets drop or drain.
     *
     * @param direction drop or drain
     */
    public void setDirection(@Nullable Direction direction) {
      this.direction = direction;
    }

    /** {@return the dimension} */
    public @Nullable Dimension getDimension() {
      return dimension;
    }

    /**
     * Sets the dimension.
     *
     * @param dimension the dimension
     */
    public void setDimension(@Nullable Dimension dimension) {
      this.dimension = dimension;
    }

    /** {@return the ordinary weight} */
    public double getWeight() {
      return weight;
    }

    /**
     * Sets the ordinary weight.
     *
     * @param weight the ordinary weight
     */
    public void setWeight(double weight) {
      this.weight = weight;
    }

    /** {@return the label} */
    public @Nullable String getLabel() {
      return label;
    }

    /**
     * Sets the label.
     *
     * @param label the label
     */
    public void setLabel(@Nullable String label) {
      this.label = label;
    }
  }

  /** Metrics settings. */
  public static class Metrics {
    /**
     * How long one count of the relationships per tier is reused by the tier gauges; by default
     * 10s for the in-memory registry and 5m for the JDBC store, whose count is a query on the
     * database (one {@code GROUP BY}).
     */
    private @Nullable Duration censusMaxAge;

    /** {@return how long a census is reused, or null for the store's default} */
    public @Nullable Duration getCensusMaxAge() {
      return censusMaxAge;
    }

    /**
     * Sets how long a census is reused.
     *
     * @param censusMaxAge zero or positive
     */
    public void setCensusMaxAge(@Nullable Duration censusMaxAge) {
      this.censusMaxAge = censusMaxAge;
    }

    /**
     * How long a census is reused, with a default for when it is not set.
     *
     * @param otherwise the store's default
     * @return the set value, or {@code otherwise}
     */
    public Duration censusMaxAgeOr(Duration otherwise) {
      return censusMaxAge != null ? censusMaxAge : otherwise;
    }
  }

  /**
   * JDBC store settings. They name no trust-jdbc type, so that they bind without trust-jdbc on
   * the classpath.
   */
  public static class Jdbc {
    /** The store's write modes (trust-jdbc's {@code WriteMode}). */
    public enum WriteMode {
      /** Retry when another writer committed first. */
      OPTIMISTIC,
      /** Lock the relationship's row and wait. */
      PESSIMISTIC
    }

    /** Whether to keep the relationships in the application's DataSource when trust-jdbc is present. */
    private boolean enabled = true;

    /** Whether to create or upgrade the store's tables at start-up (TrustSchema.migrate). */
    private boolean migrate = true;

    /** How concurrent writers of one relationship are serialised: optimistic or pessimistic. */
    private WriteMode writeMode = WriteMode.OPTIMISTIC;

    /** How often a write is tried again after a conflict, a deadlock or a lost connection, in [0, 1000]. */
    private int maxRetries = 16;

    /** {@return whether the JDBC store is used} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the JDBC store is used.
     *
     * @param enabled whether the JDBC store is used
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return whether the tables are created or upgraded at start-up} */
    public boolean isMigrate() {
      return migrate;
    }

    /**
     * Sets whether the tables are created or upgraded at start-up.
     *
     * @param migrate whether the tables are created or upgraded at start-up
     */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }

    /** {@return the write mode} */
    public WriteMode getWriteMode() {
      return writeMode;
    }

    /**
     * Sets the write mode.
     *
     * @param writeMode optimistic or pessimistic
     */
    public void setWriteMode(WriteMode writeMode) {
      this.writeMode = writeMode;
    }

    /** {@return how often a write is tried again} */
    public int getMaxRetries() {
      return maxRetries;
    }

    /**
     * Sets how often a write is tried again.
     *
     * @param maxRetries in [0, 1000]
     */
    public void setMaxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
    }
  }
}
