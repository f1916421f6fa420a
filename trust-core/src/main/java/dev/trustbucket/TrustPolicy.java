package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.internal.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Every rule of the model and every number in it: immutable, validated when built, comparable by
 * value.
 *
 * <p>The settings come in the model's parts, each an immutable, validated value of its own:
 *
 * <ul>
 *   <li>{@link #baseline()}: where a relationship starts and where memory leads back to;
 *   <li>{@link #rates()}: how far a drop fills and a drain empties (the asymmetry);
 *   <li>{@link #drainMultipliers()}: what makes a drain weigh more or less (integrity, disclosure);
 *   <li>{@link #breachRules()}: which drains are breaches and how deep they scar;
 *   <li>{@link #decay()} and {@link #scarDecay()}: how the level and scars fade between events;
 *   <li>{@link #ladder()}: the autonomy tiers the level earns;
 *   <li>{@link #commitmentRules()}: what a broken promise costs;
 *   <li>{@link #catalogue()}: the behaviours the policy accepts.
 * </ul>
 *
 * <p>The dynamics, for a level {@code L} in [0, 1], a scar {@code S} and an event of weight {@code
 * w} (after Pant &amp; Yu 2025, arXiv:2510.24909):
 *
 * <ul>
 *   <li><b>Drop</b>: {@code L += min(1, gainRate * w) * max(0, (1 - S) - L)}: a drop fills part of
 *       the room left below the ceiling {@code 1 - S}, so it adds less the fuller the bucket.
 *   <li><b>Drain</b>: {@code L -= min(1, lossRate * w * m) * L}: a drain removes part of what is
 *       there, so it removes more the fuller the bucket. {@code m} is the {@linkplain
 *       DrainMultipliers#multiplier drain multiplier}: the integrity multiplier for integrity
 *       drains, times the disclosure multiplier (below one when self-reported, above one and
 *       growing with the delay when discovered).
 *   <li><b>Breach</b>: a drain that is {@linkplain BreachRules#majorSeverity() major} or (unless
 *       {@link BreachRules#hasIntegrityBreaches()} is off) of the integrity dimension or
 *       discovered. It scars: {@code S += (maxScar - S) * min(1, scarRate * w * m)}, and it demotes
 *       at once, ignoring the ladder's minimum stay.
 *   <li><b>Decay</b>: between events the level relaxes toward the baseline as {@code B + (L - B) *
 *       decay.retained(t)} and the scar fades as {@code S * scarDecay.retained(t)}.
 * </ul>
 *
 * <p>Start from a preset and change what you need, one part at a time:
 *
 * <pre>{@code
 * TrustPolicy patient = TrustPolicy.defaults()
 *     .withName("patient")
 *     .withDecay(DecayRule.exponential(Duration.ofDays(730)))
 *     .withRates(Rates.defaults().withLossRate(0.28));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
// Immutables' @Value annotations sit on public members, but they only drive code generation while
// trust-core compiles (module-info: requires static, not transitive); callers never need them.
@SuppressWarnings("exports")
public abstract class TrustPolicy {

  TrustPolicy() {}

  /**
   * Returns a builder whose every setting starts at the {@linkplain #defaults() default}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link TrustPolicy} a part at a time ({@code rates(...)}, {@code breachRules(...)},
   * ...), every part not set at its default, or at a policy's with {@code from(policy)}; {@code
   * build()} checks the parts against each other. To change one part of a policy, its {@code
   * with...} methods are shorter.
   *
   * <p>Every setter returns this builder, so calls chain: {@code
   * TrustPolicy.builder().name("patient").baseline(0.5).rates(rates).build()}. A setter stores its
   * part and checks only that it is not null; {@link #build()} checks the whole policy. A builder
   * is not thread-safe; use it where it was made.
   */
  public static final class Builder {
    // The generated builder does the storing and the building; this class only gives it a
    // public type and documentation of its own, so that callers never see a generated type.
    private final ImmutableTrustPolicy.Builder parts = new ImmutableTrustPolicy.Builder();

    Builder() {}

    /**
     * Sets every part to the given policy's, its name included.
     *
     * @param policy the policy to start from
     * @return this builder
     */
    public Builder from(TrustPolicy policy) {
      parts.from(requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#name() name}; default {@code "custom"}.
     *
     * @param name 1 to 100 characters, not blank (checked by {@link #build()})
     * @return this builder
     */
    public Builder name(String name) {
      parts.name(requireNonNull(name, "name"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#baseline() baseline}, where a new relationship starts and
     * decay leads; default 0.5.
     *
     * @param baseline a level in (0, 1) (checked by {@link #build()})
     * @return this builder
     */
    public Builder baseline(double baseline) {
      parts.baseline(baseline);
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#rates() rates} of an ordinary drop and drain.
     *
     * @param rates the rates
     * @return this builder
     */
    public Builder rates(Rates rates) {
      parts.rates(requireNonNull(rates, "rates"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#drainMultipliers() drain multipliers}.
     *
     * @param drainMultipliers the multipliers
     * @return this builder
     */
    public Builder drainMultipliers(DrainMultipliers drainMultipliers) {
      parts.drainMultipliers(requireNonNull(drainMultipliers, "drainMultipliers"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#breachRules() breach rules}; their deepest scar must not
     * exceed 1 - baseline (checked by {@link #build()}).
     *
     * @param breachRules the rules
     * @return this builder
     */
    public Builder breachRules(BreachRules breachRules) {
      parts.breachRules(requireNonNull(breachRules, "breachRules"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#commitmentRules() commitment rules}.
     *
     * @param commitmentRules the rules
     * @return this builder
     */
    public Builder commitmentRules(CommitmentRules commitmentRules) {
      parts.commitmentRules(requireNonNull(commitmentRules, "commitmentRules"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#decay() level's decay rule}.
     *
     * @param decay the rule
     * @return this builder
     */
    public Builder decay(DecayRule decay) {
      parts.decay(requireNonNull(decay, "decay"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#scarDecay() scars' decay rule}, which must forget no faster
     * than the level's (checked by {@link #build()}).
     *
     * @param scarDecay the rule
     * @return this builder
     */
    public Builder scarDecay(DecayRule scarDecay) {
      parts.scarDecay(requireNonNull(scarDecay, "scarDecay"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#ladder() autonomy ladder}.
     *
     * @param ladder the ladder
     * @return this builder
     */
    public Builder ladder(AutonomyLadder ladder) {
      parts.ladder(requireNonNull(ladder, "ladder"));
      return this;
    }

    /**
     * Sets the {@linkplain TrustPolicy#catalogue() behaviour catalogue}.
     *
     * @param catalogue the behaviours the policy accepts
     * @return this builder
     */
    public Builder catalogue(BehaviourCatalogue catalogue) {
      parts.catalogue(requireNonNull(catalogue, "catalogue"));
      return this;
    }

    /**
     * Builds the policy and checks its parts against each other. The builder can be changed and
     * built again afterwards.
     *
     * @return the new policy
     * @throws InvalidTrustInputException when a part is out of range or the parts disagree (the
     *     message names the setting and the value)
     */
    public TrustPolicy build() {
      return parts.build();
    }
  }

  /**
   * Returns the research-grounded default policy. Drains weigh three times a drop at the
   * baseline (between the loss aversion of 2.25 measured by Tversky &amp; Kahneman 1992 and
   * Gottman's 5:1 ratio), integrity failures twice a competence failure (Kim et al. 2004), a
   * self-reported mistake half and a discovered one 1.5–2× (John, Barasz &amp; Norton 2016), memory
   * halves in a year and scars in three. {@code docs/policy.md} lists every number and its source.
   *
   * @return the default policy
   */
  public static TrustPolicy defaults() {
    return Presets.DEFAULT;
  }

  /**
   * Returns the symmetric teaching preset: a drop and a drain of equal weight are mirror images
   * at the baseline, with no integrity premium, no scars and no concealment penalty. Run a story
   * under it next to {@link #defaults()} to see what the asymmetry does.
   *
   * @return the symmetric policy
   */
  public static TrustPolicy symmetric() {
    return Presets.SYMMETRIC;
  }

  /**
   * Returns a strict manager: drains weigh five drops (Gottman's ratio as the ceiling), memory
   * halves in two years, scars are deeper, and the top tier needs 0.85.
   *
   * @return the strict policy
   */
  public static TrustPolicy strict() {
    return Presets.STRICT;
  }

  /**
   * Returns a forgiving manager: drains weigh 2.25 drops (the loss-aversion floor), memory halves
   * in six months, scars are shallow and fade in eighteen months.
   *
   * @return the forgiving policy
   */
  public static TrustPolicy forgiving() {
    return Presets.FORGIVING;
  }

  /**
   * Returns the four named presets, in the order {@code default}, {@code symmetric}, {@code
   * strict}, {@code forgiving}.
   *
   * @return the presets
   */
  public static ImmutableList<TrustPolicy> presets() {
    return Presets.ALL;
  }

  /**
   * Returns a preset by its name, or one released version of it.
   *
   * <p>Once released, a preset version's numbers never change. A recalibration ships as a new
   * version: {@code "default"} means the newest version of the default preset, {@code
   * "default@1"} the first version, forever. The numbers the library had before versions existed
   * are version 1 of each preset.
   *
   * @param name {@code default}, {@code symmetric}, {@code strict} or {@code forgiving} for the
   *     newest version, or one of them followed by {@code @} and a version number from 1, e.g.
   *     {@code "strict@1"}
   * @return the preset, or empty for any other name and for a version not released (yet)
   */
  public static Optional<TrustPolicy> preset(String name) {
    requireNonNull(name, "name");
    return Presets.find(name);
  }

  /**
   * Returns the newest released version number of a preset.
   *
   * @param name {@code default}, {@code symmetric}, {@code strict} or {@code forgiving}
   * @return the version, from 1, or empty for any other name
   */
  public static Optional<Integer> latestPresetVersion(String name) {
    requireNonNull(name, "name");
    return Optional.ofNullable(Presets.VERSIONS.get(name)).map(List::size);
  }

  /**
   * Returns which released preset version this policy is, by value: e.g. {@code "default@1"} for
   * {@link #defaults()} today, also when an equal policy was built by hand.
   *
   * @return {@code name@version}, or empty for a policy equal to no released preset version
   */
  public Optional<String> presetId() {
    return Presets.idOf(this);
  }

  /**
   * A short name for reports and charts, e.g. {@code "default"}.
   *
   * @return the name
   */
  @Value.Default
  public String name() {
    return "custom";
  }

  /**
   * Where a new relationship starts, the benefit of the doubt, and where decay leads when nothing
   * happens: in (0, 1), default 0.5. Berg, Dickhaut &amp; McCabe (1995) saw first-time senders in
   * the trust game give about half.
   *
   * @return the baseline level
   */
  @Value.Default
  public double baseline() {
    return 0.5;
  }

  /**
   * How far one ordinary drop and one ordinary drain move the level; default 0.07 and 0.21.
   *
   * @return the rates
   */
  @Value.Default
  public Rates rates() {
    return Rates.defaults();
  }

  /**
   * What multiplies a drain: its dimension (integrity) and how it came to light (self-reported,
   * discovered after a delay).
   *
   * @return the drain multipliers
   */
  @Value.Default
  public DrainMultipliers drainMultipliers() {
    return DrainMultipliers.defaults();
  }

  /**
   * Which drains are breaches and how deep a breach scars. The policy also requires {@code
   * maxScar <= 1 - baseline}.
   *
   * @return the breach rules
   */
  @Value.Default
  public BreachRules breachRules() {
    return BreachRules.defaults();
  }

  /**
   * What a broken, abandoned or renegotiated promise costs, used by {@link
   * dev.trustbucket.commitment.Commitment#resolve}.
   *
   * @return the commitment rules
   */
  @Value.Default
  public CommitmentRules commitmentRules() {
    return CommitmentRules.defaults();
  }

  /**
   * How the level relaxes toward the baseline between events; default exponential with a
   * half-life of 365 days. The evidence behind the level fades by the same rule. A rule that
   * breaks the {@link DecayRule} contract where the policy probes it (after no time, a day, a
   * month, a year and ten years: a fraction that never rises and is memoryless) is rejected.
   *
   * @return the level's decay rule
   */
  @Value.Default
  public DecayRule decay() {
    return DecayRule.exponential(Duration.ofDays(365));
  }

  /**
   * How scars fade; must forget no faster than {@link #decay()}; default exponential with a
   * half-life of 1,095 days (three years).
   *
   * @return the scar's decay rule
   */
  @Value.Default
  public DecayRule scarDecay() {
    return DecayRule.exponential(Duration.ofDays(1_095));
  }

  /**
   * The autonomy tiers' thresholds, hysteresis band and minimum stay.
   *
   * @return the ladder
   */
  @Value.Default
  public AutonomyLadder ladder() {
    return AutonomyLadder.defaults();
  }

  /**
   * The behaviours this policy accepts; events of any other behaviour are rejected.
   *
   * @return the catalogue, by default {@link BehaviourCatalogue#defaults()}
   */
  @Value.Default
  public BehaviourCatalogue catalogue() {
    return BehaviourCatalogue.defaults();
  }

  /**
   * Returns a copy with another name.
   *
   * @param name 1 to 100 characters, not blank
   * @return the new policy
   * @throws InvalidTrustInputException when the name is invalid
   */
  public TrustPolicy withName(String name) {
    return builder().from(this).name(name).build();
  }

  /**
   * Returns a copy with another baseline.
   *
   * @param baseline in (0, 1), and at least the breach rules' {@code maxScar} below 1
   * @return the new policy
   * @throws InvalidTrustInputException when the baseline is out of range
   */
  public TrustPolicy withBaseline(double baseline) {
    return builder().from(this).baseline(baseline).build();
  }

  /**
   * Returns a copy with other rates.
   *
   * @param rates the new rates
   * @return the new policy
   */
  public TrustPolicy withRates(Rates rates) {
    return builder().from(this).rates(rates).build();
  }

  /**
   * Returns a copy with other drain multipliers.
   *
   * @param drainMultipliers the new multipliers
   * @return the new policy
   */
  public TrustPolicy withDrainMultipliers(DrainMultipliers drainMultipliers) {
    return builder().from(this).drainMultipliers(drainMultipliers).build();
  }

  /**
   * Returns a copy with other breach rules.
   *
   * @param breachRules the new rules, whose {@code maxScar} is at most {@code 1 - baseline}
   * @return the new policy
   * @throws InvalidTrustInputException when {@code maxScar} is above {@code 1 - baseline} (field
   *     {@code maxScar})
   */
  public TrustPolicy withBreachRules(BreachRules breachRules) {
    return builder().from(this).breachRules(breachRules).build();
  }

  /**
   * Returns a copy with other commitment rules.
   *
   * @param commitmentRules the new rules
   * @return the new policy
   */
  public TrustPolicy withCommitmentRules(CommitmentRules commitmentRules) {
    return builder().from(this).commitmentRules(commitmentRules).build();
  }

  /**
   * Returns a copy with another decay rule for the level.
   *
   * @param decay the new rule, which must keep the {@link DecayRule} contract and forget no slower
   *     than {@link #scarDecay()}
   * @return the new policy
   * @throws InvalidTrustInputException when the rule breaks its contract (field {@code decay}) or
   *     forgets slower than the scar's rule (field {@code scarDecay})
   */
  public TrustPolicy withDecay(DecayRule decay) {
    return builder().from(this).decay(decay).build();
  }

  /**
   * Returns a copy with another decay rule for scars.
   *
   * @param scarDecay the new rule, which must keep the {@link DecayRule} contract and forget no
   *     faster than {@link #decay()}
   * @return the new policy
   * @throws InvalidTrustInputException when the rule breaks its contract or forgets faster than
   *     the level's rule (field {@code scarDecay})
   */
  public TrustPolicy withScarDecay(DecayRule scarDecay) {
    return builder().from(this).scarDecay(scarDecay).build();
  }

  /**
   * Returns a copy with another autonomy ladder.
   *
   * @param ladder the new ladder
   * @return the new policy
   */
  public TrustPolicy withLadder(AutonomyLadder ladder) {
    return builder().from(this).ladder(ladder).build();
  }

  /**
   * Returns a copy with another behaviour catalogue.
   *
   * @param catalogue the new catalogue
   * @return the new policy
   */
  public TrustPolicy withCatalogue(BehaviourCatalogue catalogue) {
    return builder().from(this).catalogue(catalogue).build();
  }

  /**
   * This policy's canonical written form: one line per setting, then one per behaviour, which
   * {@code dev.trustbucket.io.PolicyForm} documents and reads back to an equal policy. Computed
   * once.
   *
   * @return the lines, without line terminators
   * @throws InvalidTrustInputException when a decay rule has no written form (field {@code decay}
   *     or {@code scarDecay}): only {@link DecayRule#exponential} and {@link DecayRule#none} have one
   */
  @Value.Lazy
  public ImmutableList<String> writtenForm() {
    return PolicyText.lines(this);
  }

  /**
   * The SHA-256 of this policy's {@linkplain #writtenForm() written form} (the UTF-8 bytes of its
   * lines, each followed by a line feed), as 64 lowercase hexadecimal digits. Two policies have
   * the same fingerprint exactly when they are equal; a change to any setting changes it. Computed
   * once.
   *
   * @return the fingerprint
   * @throws InvalidTrustInputException when the policy has no written form (see {@link
   *     #writtenForm()})
   */
  @Value.Lazy
  public String fingerprint() {
    return PolicyText.sha256(writtenForm());
  }

  /**
   * The first twelve hexadecimal digits of the {@linkplain #fingerprint() fingerprint}, for people:
   * in a report, a log line or a file name.
   *
   * @return the short fingerprint
   * @throws InvalidTrustInputException when the policy has no written form (see {@link
   *     #writtenForm()})
   */
  public String shortFingerprint() {
    return fingerprint().substring(0, 12);
  }

  /** The drain multipliers of this policy's behaviours, for ledgers' replays; computed once. */
  @Value.Lazy
  DrainMultiplierTable drainMultiplierTable() {
    return DrainMultiplierTable.of(this);
  }

  /** The dense index of each behaviour of the catalogue, for the engine; computed when built. */
  @Value.Derived
  @Value.Auxiliary
  CatalogueIndex catalogueIndex() {
    return new CatalogueIndex(catalogue());
  }

  /** The multiplier on a drain: {@link DrainMultipliers#multiplier}, for the engine. */
  double drainMultiplier(Behaviour behaviour, Disclosure disclosure) {
    return drainMultipliers().multiplier(behaviour, disclosure);
  }

  /** This policy's dynamics: the engine's update step and its constants; computed once. */
  @Value.Lazy
  Dynamics dynamics() {
    return new Dynamics(this);
  }

  /**
   * Returns whether an event is a breach under this policy's {@link #breachRules()}: a drain that
   * is major or, when {@link BreachRules#hasIntegrityBreaches()}, of the integrity dimension or
   * discovered after being hidden.
   *
   * @param event any event
   * @return {@code true} for a breach
   */
  public boolean isBreach(TrustEvent event) {
    BreachRules rules = breachRules();
    return !event.isDrop()
        && (event.weight() >= rules.majorSeverity()
            || (rules.hasIntegrityBreaches()
                && (event.behaviour().dimension() == Dimension.INTEGRITY
                    || event.disclosure().isDiscovered())));
  }

  /** The delays at which the decay rules are probed when a policy is built. */
  private static final Duration[] DECAY_PROBES = {
    Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(3650)
  };

  /**
   * Probes a rule, which may be an application's own, for the {@link DecayRule} contract: it keeps
   * everything after no time, a fraction in [0, 1] that never rises as time goes on, and is
   * memoryless between the probes: over a gap it keeps what it keeps over the gap's first part
   * times what it keeps over the rest (to 1e-12). A rule that breaks the first laws would push
   * levels and scars out of range or make them NaN; one that is not memoryless would make a level
   * depend on when someone looked at the bucket, since the engine decays a gap in one step.
   */
  private static void checkDecayRule(DecayRule rule, String field) {
    double kept = rule.retained(Duration.ZERO);
    check(kept == 1.0, field, "%s must keep all of a deviation after no time, but %s kept %s",
        field, Texts.clip(String.valueOf(rule)), kept);
    Duration last = Duration.ZERO;
    for (Duration probe : DECAY_PROBES) {
      double before = kept;
      kept = rule.retained(probe);
      check(kept >= 0.0 && kept <= before, field,
          "%s must keep a fraction in [0, 1] that never rises with time, but %s kept %s after %s (%s before)",
          field, Texts.clip(String.valueOf(rule)), kept, probe, before);
      Duration rest = probe.minus(last);
      double inTwoParts = before * rule.retained(rest);
      check(Math.abs(kept - inTwoParts) <= 1e-12, field,
          "%s must be memoryless: keep over %s what it keeps over %s times what it keeps over %s, but %s kept %s, not %s",
          field, probe, last, rest, Texts.clip(String.valueOf(rule)), kept, inTwoParts);
      last = probe;
    }
  }

  @Value.Check
  void validate() {
    TextRule.check("name", name(), 100);
    check(!name().isBlank(), "name", "name must be 1 to 100 characters, not blank, but was \"%s\"", name());
    check(baseline() > 0.0 && baseline() < 1.0, "baseline",
        "baseline must be a finite number in (0, 1) but was %s", baseline());
    checkRange(breachRules().maxScar(), "maxScar", 0.0, 1.0 - baseline());
    checkDecayRule(decay(), "decay");
    checkDecayRule(scarDecay(), "scarDecay");
    for (Duration probe : DECAY_PROBES) {
      check(
          scarDecay().retained(probe) >= decay().retained(probe),
          "scarDecay",
          "scarDecay must forget no faster than decay (%s), but was %s",
          decay(),
          scarDecay());
    }
  }
}
