package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.check;
import static dev.trustbucket.InvalidTrustInputException.checkPositive;
import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.internal.Halving;
import dev.trustbucket.internal.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Every rule of the model and every number in it: immutable, validated when built, comparable by
 * value.
 *
 * <p>The dynamics, for a level {@code L} in [0, 1], a scar {@code S} and an event of weight {@code
 * w} (after Pant &amp; Yu 2025, arXiv:2510.24909):
 *
 * <ul>
 *   <li><b>Drop</b>: {@code L += min(1, gainRate * w) * max(0, (1 - S) - L)}: a drop fills part of
 *       the room left below the ceiling {@code 1 - S}, so it adds less the fuller the bucket.
 *   <li><b>Drain</b>: {@code L -= min(1, lossRate * w * m) * L}: a drain removes part of what is
 *       there, so it removes more the fuller the bucket. {@code m} is the {@linkplain
 *       #drainMultiplier drain multiplier}: the integrity multiplier for integrity drains, times
 *       the disclosure multiplier (below one when self-reported, above one and growing with the
 *       delay when discovered).
 *   <li><b>Breach</b>: a drain that is {@linkplain #majorSeverity() major} or (unless {@link
 *       #integrityBreaches()} is off) of the integrity dimension or discovered. It scars: {@code S += (maxScar - S) * min(1, scarRate * w * m)},
 *       and it demotes at once, ignoring the ladder's minimum stay.
 *   <li><b>Decay</b>: between events the level relaxes toward the baseline as {@code B + (L - B) *
 *       decay.retained(t)} and the scar fades as {@code S * scarDecay.retained(t)}.
 * </ul>
 *
 * <p>Start from a preset and change what you need:
 *
 * <pre>{@code
 * TrustPolicy patient = TrustPolicy.builder()
 *     .from(TrustPolicy.defaults())
 *     .name("patient")
 *     .decay(DecayRule.exponential(Duration.ofDays(730)))
 *     .build();
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

  /** Builds a {@link TrustPolicy}; {@code build()} validates every setting. */
  public static final class Builder extends ImmutableTrustPolicy.Builder {
    Builder() {}
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
   * Where a new relationship starts, the benefit of the doubt: in (0, 1), default 0.5. Berg,
   * Dickhaut &amp; McCabe (1995) saw first-time senders in the trust game give about half.
   *
   * @return the baseline level
   */
  @Value.Default
  public double baseline() {
    return 0.5;
  }

  /**
   * The fraction of the room below the ceiling that an ordinary drop fills: in (0, 1], default
   * 0.07.
   *
   * @return the gain rate λ⁺
   */
  @Value.Default
  public double gainRate() {
    return 0.07;
  }

  /**
   * The fraction of the level that an ordinary drain removes: in (0, 1], default 0.21 (three
   * times the gain rate).
   *
   * @return the loss rate λ⁻
   */
  @Value.Default
  public double lossRate() {
    return 0.21;
  }

  /**
   * How much more an integrity drain weighs than a competence drain of the same weight: in [1,
   * 10], default 2 (Kim et al. 2004; Schweitzer, Hershey &amp; Bradlow 2006).
   *
   * @return the integrity multiplier
   */
  @Value.Default
  public double integrityMultiplier() {
    return 2.0;
  }

  /**
   * The weight from which a drain is major, hence a breach: in (0, 100], default 2 (twice an
   * ordinary event).
   *
   * @return the major severity threshold
   */
  @Value.Default
  public double majorSeverity() {
    return 2.0;
  }

  /**
   * Whether integrity drains and discovered concealments are breaches whatever their weight
   * (they scar and demote at once); default {@code true}. The symmetric preset turns it off, so
   * that only major drains are breaches and disclosure changes nothing.
   *
   * @return whether integrity failures are breaches
   */
  @Value.Default
  public boolean integrityBreaches() {
    return true;
  }

  /**
   * The fraction of the remaining scar room that an ordinary breach scars: in [0, 1], default
   * 0.25. Zero disables scars.
   *
   * @return the scar rate
   */
  @Value.Default
  public double scarRate() {
    return 0.25;
  }

  /**
   * The deepest a scar can get: in [0, 1 - baseline], default 0.5. Because the ceiling {@code 1 -
   * scar} never falls below the baseline, decay toward the baseline never fights the ceiling.
   *
   * @return the maximum scar
   */
  @Value.Default
  public double maxScar() {
    return 0.5;
  }

  /**
   * The multiplier on a drain the person reported themselves: in (0, 1], default 0.5.
   *
   * @return the self-report multiplier
   */
  @Value.Default
  public double selfReportedMultiplier() {
    return 0.5;
  }

  /**
   * The multiplier on a drain discovered by others right away: at least 1, default 1.5.
   *
   * @return the concealment multiplier at zero delay
   */
  @Value.Default
  public double discoveredMultiplier() {
    return 1.5;
  }

  /**
   * The multiplier a discovered drain approaches as the delay grows: at least {@link
   * #discoveredMultiplier()}, default 2.
   *
   * @return the concealment multiplier's limit
   */
  @Value.Default
  public double discoveredMultiplierLimit() {
    return 2.0;
  }

  /**
   * How fast the concealment multiplier climbs from {@link #discoveredMultiplier()} to its
   * limit: after this delay it is halfway there; default 30 days.
   *
   * @return the concealment half-time, positive
   */
  @Value.Default
  public Duration concealmentHalfTime() {
    return Duration.ofDays(30);
  }

  /**
   * How much more a broken promise drains than the same miss without a promise: in [1, 5],
   * default 1.75, inside the 1.5–2 range that Gneezy &amp; Epley (2014) found for the penalty of
   * breaking a promise against keeping it. Used by {@link
   * dev.trustbucket.commitment.Commitment#resolve}.
   *
   * @return the broken-promise multiplier
   */
  @Value.Default
  public double brokenPromiseMultiplier() {
    return 1.75;
  }

  /**
   * How much more an abandoned commitment (never delivered) drains than one delivered late with
   * warning: in [1, 5], default 1.5 (a calibration choice: worse than late, less than a surprise).
   *
   * @return the abandonment multiplier
   */
  @Value.Default
  public double abandonmentMultiplier() {
    return 1.5;
  }

  /**
   * The weight, per unit of importance, of renegotiating a commitment on its due date: in [0, 1],
   * default 0.25, a quarter of an ordinary miss. Every {@link #renegotiationNoticeHalfTime()} of
   * notice halves it.
   *
   * @return the renegotiation cost
   */
  @Value.Default
  public double renegotiationCost() {
    return 0.25;
  }

  /**
   * How much notice halves the cost of a renegotiation: positive, default 7 days.
   *
   * @return the notice half-time
   */
  @Value.Default
  public Duration renegotiationNoticeHalfTime() {
    return Duration.ofDays(7);
  }

  /**
   * How the level relaxes toward the baseline between events; default exponential with a
   * half-life of 365 days. The evidence behind the level fades by the same rule. A rule that
   * breaks the {@link DecayRule} contract where the policy probes it (after no time, a day, a
   * month, a year and ten years) is rejected.
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
   * @return the catalogue, by default the standard one
   */
  @Value.Default
  public BehaviourCatalogue catalogue() {
    return BehaviourCatalogue.standard();
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
  DrainMultipliers drainMultipliers() {
    return DrainMultipliers.of(this);
  }

  /** This policy's dynamics: the engine's update step and its constants; computed once. */
  @Value.Lazy
  Dynamics dynamics() {
    return new Dynamics(this);
  }

  /**
   * Returns the multiplier a disclosure puts on a drain.
   *
   * @param disclosure how the drain came to light
   * @return {@link #selfReportedMultiplier()}, {@code 1}, or the concealment multiplier for the
   *     delay, which grows from {@link #discoveredMultiplier()} toward {@link
   *     #discoveredMultiplierLimit()}
   */
  public double disclosureMultiplier(Disclosure disclosure) {
    switch (disclosure.kind()) {
      case SELF_REPORTED:
        return selfReportedMultiplier();
      case DISCOVERED:
        return discoveredMultiplier()
            + (discoveredMultiplierLimit() - discoveredMultiplier())
                * (1 - Halving.remaining(disclosure.delay(), concealmentHalfTime()));
      default:
        return 1.0;
    }
  }

  /**
   * Returns the multiplier on a drain's weight: the integrity multiplier for integrity drains,
   * times the {@linkplain #disclosureMultiplier disclosure multiplier}.
   *
   * @param behaviour the drain's behaviour
   * @param disclosure how it came to light
   * @return the multiplier, positive
   */
  public double drainMultiplier(Behaviour behaviour, Disclosure disclosure) {
    double m = behaviour.dimension() == Dimension.INTEGRITY ? integrityMultiplier() : 1.0;
    return disclosure.kind() == Disclosure.Kind.NOT_RECORDED ? m : m * disclosureMultiplier(disclosure);
  }

  /**
   * Returns whether an event is a breach: a drain that is major or, when {@link
   * #integrityBreaches()} is on, of the integrity dimension or discovered after being hidden.
   *
   * @param event any event
   * @return {@code true} for a breach
   */
  public boolean isBreach(TrustEvent event) {
    return !event.isDrop()
        && (event.weight() >= majorSeverity()
            || (integrityBreaches()
                && (event.behaviour().dimension() == Dimension.INTEGRITY
                    || event.disclosure().isDiscovered())));
  }

  /** The delays at which the decay rules are probed when a policy is built. */
  private static final Duration[] DECAY_PROBES = {
    Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(365), Duration.ofDays(3650)
  };

  /**
   * Probes a rule, which may be an application's own, for the {@link DecayRule} contract: it keeps
   * everything after no time, and a fraction in [0, 1] that never rises as time goes on. A rule
   * that breaks it would push levels and scars out of range or make them NaN.
   */
  private static void checkDecayRule(DecayRule rule, String field) {
    double kept = rule.retained(Duration.ZERO);
    check(kept == 1.0, field, "%s must keep all of a deviation after no time, but %s kept %s",
        field, Texts.clip(String.valueOf(rule)), kept);
    for (Duration probe : DECAY_PROBES) {
      double before = kept;
      kept = rule.retained(probe);
      check(kept >= 0.0 && kept <= before, field,
          "%s must keep a fraction in [0, 1] that never rises with time, but %s kept %s after %s (%s before)",
          field, Texts.clip(String.valueOf(rule)), kept, probe, before);
    }
  }

  @Value.Check
  void validate() {
    TextRule.check("name", name(), 100);
    check(!name().isBlank(), "name", "name must be 1 to 100 characters, not blank, but was \"%s\"", name());
    check(baseline() > 0.0 && baseline() < 1.0, "baseline",
        "baseline must be a finite number in (0, 1) but was %s", baseline());
    checkPositive(gainRate(), "gainRate", 1.0);
    checkPositive(lossRate(), "lossRate", 1.0);
    checkRange(integrityMultiplier(), "integrityMultiplier", 1.0, 10.0);
    checkPositive(majorSeverity(), "majorSeverity", Behaviour.MAX_WEIGHT);
    checkRange(scarRate(), "scarRate", 0.0, 1.0);
    checkRange(maxScar(), "maxScar", 0.0, 1.0 - baseline());
    checkPositive(selfReportedMultiplier(), "selfReportedMultiplier", 1.0);
    checkRange(discoveredMultiplier(), "discoveredMultiplier", 1.0, 10.0);
    checkRange(discoveredMultiplierLimit(), "discoveredMultiplierLimit", discoveredMultiplier(), 10.0);
    check(
        concealmentHalfTime().toMinutes() > 0
            && concealmentHalfTime().compareTo(Disclosure.MAX_DELAY) <= 0,
        "concealmentHalfTime",
        "concealmentHalfTime must be between one minute and 100 years but was %s",
        concealmentHalfTime());
    checkRange(brokenPromiseMultiplier(), "brokenPromiseMultiplier", 1.0, 5.0);
    checkRange(abandonmentMultiplier(), "abandonmentMultiplier", 1.0, 5.0);
    checkRange(renegotiationCost(), "renegotiationCost", 0.0, 1.0);
    check(
        renegotiationNoticeHalfTime().toMinutes() > 0
            && renegotiationNoticeHalfTime().compareTo(Disclosure.MAX_DELAY) <= 0,
        "renegotiationNoticeHalfTime",
        "renegotiationNoticeHalfTime must be between one minute and 100 years but was %s",
        renegotiationNoticeHalfTime());
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
