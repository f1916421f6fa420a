package dev.trustbucket.testing;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.BreachRules;
import dev.trustbucket.CommitmentRules;
import dev.trustbucket.DrainMultipliers;
import dev.trustbucket.Rates;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random valid custom policies over every setting, with custom behaviour catalogues, and
 * single-setting changes of them: for properties that must hold under any policy a user might
 * configure, not only the presets.
 *
 * <p>Every setting is drawn over its whole valid range, numbers often with few digits (as in
 * configuration files) and otherwise at full precision; names and labels carry tabs, backslashes,
 * quotes and non-ASCII letters; catalogues are the stock one, the stock one plus custom behaviours,
 * or custom behaviours only. The generators draw from jqwik's random source and do not shrink: a
 * failure reports jqwik's seed, which reproduces it.
 */
public final class PolicyGenerators {
  private PolicyGenerators() {}

  /** Every setting of a policy, by the name its written form gives it. */
  public static final List<String> SETTINGS = List.of("name", "baseline", "gainRate", "lossRate", "integrityMultiplier",
      "majorSeverity", "integrityBreaches", "scarRate", "maxScar", "selfReportedMultiplier", "discoveredMultiplier",
      "discoveredMultiplierLimit", "concealmentHalfTime", "brokenPromiseMultiplier", "abandonmentMultiplier",
      "renegotiationCost", "renegotiationNoticeHalfTime", "decay", "scarDecay", "ladder", "catalogue");

  /**
   * Random valid custom policies over every setting (see the class description).
   *
   * @return policies that build, none of them a preset
   */
  public static Arbitrary<TrustPolicy> policies() {
    return Arbitraries.randomValue(PolicyGenerators::policy).withoutEdgeCases();
  }

  /**
   * Behaviour catalogues: the stock one, the stock one with up to four custom behaviours, or up to
   * four custom behaviours alone (none at all included: an empty catalogue is valid).
   *
   * @return catalogues
   */
  public static Arbitrary<BehaviourCatalogue> catalogues() {
    return Arbitraries.randomValue(PolicyGenerators::catalogue).withoutEdgeCases();
  }

  /**
   * Custom behaviours: a drop or a drain of any dimension, any default weight in [0, 100] and a
   * label with tabs, backslashes and non-ASCII letters; ids start with {@code own-}.
   *
   * @return behaviours that are not in the stock catalogue
   */
  public static Arbitrary<Behaviour> customBehaviours() {
    return Arbitraries.randomValue(r -> customBehaviour(r, "own-" + r.nextInt(1_000_000))).withoutEdgeCases();
  }

  private static final String[] NAME_PARTS = {"team", "custom", "Sales", "ü", " ", "\\", "é✓", "x", "0", "@1", "default"};

  /** A number with few digits (typical of configuration) or a full-precision one. */
  private static double number(Random r, double min, double max) {
    double x = min + (max - min) * r.nextDouble();
    if (r.nextBoolean()) {
      x = Math.round(x * 100) / 100.0;
    }
    return Math.max(min, Math.min(max, x));
  }

  private static Duration duration(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return Duration.ofDays(1 + r.nextInt(3_000));
      case 1:
        return Duration.ofMinutes(1 + r.nextInt(100_000));
      case 2:
        return Duration.ofSeconds(60 + r.nextInt(1_000_000), r.nextInt(1_000) * 1_000_000L);
      default:
        return Duration.ofHours(1 + r.nextInt(50_000));
    }
  }

  /** A label: one line without control characters (TextRule refuses them in a label), with backslashes, quotes and non-ASCII letters. */
  private static String label(Random r) {
    String[] parts = {"Helped", " a", "\\", "\\t", "ü", "peer", "—", "\"q\""};
    StringBuilder b = new StringBuilder("L");
    for (int i = r.nextInt(6); i > 0; i--) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    return b.toString();
  }

  private static final List<Dimension> DIMENSIONS = List.of(Dimension.values());

  private static Behaviour customBehaviour(Random r, String id) {
    return new Behaviour(id, r.nextBoolean() ? Direction.DROP : Direction.DRAIN,
        DIMENSIONS.get(r.nextInt(DIMENSIONS.size())), number(r, 0.0, 100.0), label(r));
  }

  /**
   * A catalogue drawn from a random source, as {@link #catalogues()} draws them.
   *
   * @param r the random source
   * @return a catalogue
   */
  public static BehaviourCatalogue catalogue(Random r) {
    List<Behaviour> own = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      own.add(customBehaviour(r, "own-" + i + "-" + r.nextInt(1_000)));
    }
    switch (r.nextInt(3)) {
      case 0:
        return BehaviourCatalogue.defaults();
      case 1:
        return BehaviourCatalogue.defaults().plus(own.toArray(new Behaviour[0]));
      default:
        return BehaviourCatalogue.of(own);
    }
  }

  /**
   * A policy drawn from a random source, as {@link #policies()} draws them.
   *
   * @param r the random source
   * @return a valid policy
   */
  public static TrustPolicy policy(Random r) {
    while (true) {
      try {
        TrustPolicy.Builder b = TrustPolicy.builder();
        StringBuilder name = new StringBuilder();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
          name.append(NAME_PARTS[r.nextInt(NAME_PARTS.length)]);
        }
        b.name(name.toString().isBlank() ? "n" + name : name.toString());
        double baseline = number(r, 0.01, 0.99);
        b.baseline(baseline);
        b.rates(new Rates(number(r, 0.001, 1.0), number(r, 0.001, 1.0)));
        double integrity = number(r, 1.0, 10.0);
        b.breachRules(BreachRules.of(number(r, 0.01, 100.0), r.nextBoolean(), number(r, 0.0, 1.0),
            number(r, 0.0, 1.0 - baseline)));
        double selfReported = number(r, 0.01, 1.0);
        double discovered = number(r, 1.0, 10.0);
        b.drainMultipliers(new DrainMultipliers(integrity, selfReported, discovered, number(r, discovered, 10.0),
            duration(r)));
        b.commitmentRules(new CommitmentRules(number(r, 1.0, 5.0), number(r, 1.0, 5.0), number(r, 0.0, 1.0),
            duration(r)));
        if (r.nextInt(5) == 0) {
          b.decay(DecayRule.none()).scarDecay(DecayRule.none());
        } else {
          Duration half = duration(r);
          b.decay(DecayRule.exponential(half));
          b.scarDecay(r.nextInt(4) == 0 ? DecayRule.none() : DecayRule.exponential(half.multipliedBy(1 + r.nextInt(4))));
        }
        double supervised = number(r, 0.01, 0.9);
        double trusted = number(r, supervised, 0.99);
        double autonomous = number(r, trusted, 1.0);
        b.ladder(new AutonomyLadder(supervised, trusted, autonomous, number(r, 0.0, supervised * 0.99),
            r.nextBoolean() ? Duration.ZERO : duration(r)));
        b.catalogue(catalogue(r));
        return b.build();
      } catch (InvalidTrustInputException e) {
        // e.g. two thresholds rounded to the same value: draw again
      }
    }
  }

  /**
   * The same policy with one setting taken from another random policy, different and valid; empty
   * when the other settings pin this one (the symmetric preset's discovered multiplier can only be
   * 1, its limit's value).
   *
   * @param p the policy to change
   * @param setting the setting to change, one of {@link #SETTINGS}
   * @param r the random source
   * @return the changed policy, or empty when no valid different value was found in 200 draws
   * @throws IllegalArgumentException when {@code setting} is not one of {@link #SETTINGS}
   */
  public static java.util.Optional<TrustPolicy> withOneChange(TrustPolicy p, String setting, Random r) {
    if (!SETTINGS.contains(setting)) {
      throw new IllegalArgumentException("setting must be one of " + SETTINGS + " but was \"" + setting + "\"");
    }
    for (int attempt = 0; attempt < 200; attempt++) {
      TrustPolicy q = policy(r);
      try {
        TrustPolicy changed = copySetting(p, setting, q);
        if (!changed.equals(p)) {
          return java.util.Optional.of(changed);
        }
      } catch (InvalidTrustInputException e) {
        // the value does not fit the other settings: draw again
      }
    }
    return java.util.Optional.empty();
  }

  /** {@code p} with one setting copied from {@code q}, through the policy's parts. */
  private static TrustPolicy copySetting(TrustPolicy p, String setting, TrustPolicy q) {
    switch (setting) {
      case "name":
        return p.withName(q.name());
      case "baseline":
        return p.withBaseline(q.baseline());
      case "gainRate":
        return p.withRates(p.rates().withGainRate(q.rates().gainRate()));
      case "lossRate":
        return p.withRates(p.rates().withLossRate(q.rates().lossRate()));
      case "integrityMultiplier":
        return p.withDrainMultipliers(
            p.drainMultipliers().withIntegrityMultiplier(q.drainMultipliers().integrityMultiplier()));
      case "majorSeverity":
        return p.withBreachRules(p.breachRules().withMajorSeverity(q.breachRules().majorSeverity()));
      case "integrityBreaches":
        return p.withBreachRules(p.breachRules().withIntegrityBreaches(q.breachRules().hasIntegrityBreaches()));
      case "scarRate":
        return p.withBreachRules(p.breachRules().withScarRate(q.breachRules().scarRate()));
      case "maxScar":
        return p.withBreachRules(p.breachRules().withMaxScar(q.breachRules().maxScar()));
      case "selfReportedMultiplier":
        return p.withDrainMultipliers(
            p.drainMultipliers().withSelfReportedMultiplier(q.drainMultipliers().selfReportedMultiplier()));
      case "discoveredMultiplier":
        return p.withDrainMultipliers(
            p.drainMultipliers().withDiscoveredMultiplier(q.drainMultipliers().discoveredMultiplier()));
      case "discoveredMultiplierLimit":
        return p.withDrainMultipliers(
            p.drainMultipliers().withDiscoveredMultiplierLimit(q.drainMultipliers().discoveredMultiplierLimit()));
      case "concealmentHalfTime":
        return p.withDrainMultipliers(
            p.drainMultipliers().withConcealmentHalfTime(q.drainMultipliers().concealmentHalfTime()));
      case "brokenPromiseMultiplier":
        return p.withCommitmentRules(
            p.commitmentRules().withBrokenPromiseMultiplier(q.commitmentRules().brokenPromiseMultiplier()));
      case "abandonmentMultiplier":
        return p.withCommitmentRules(
            p.commitmentRules().withAbandonmentMultiplier(q.commitmentRules().abandonmentMultiplier()));
      case "renegotiationCost":
        return p.withCommitmentRules(
            p.commitmentRules().withRenegotiationCost(q.commitmentRules().renegotiationCost()));
      case "renegotiationNoticeHalfTime":
        return p.withCommitmentRules(p.commitmentRules()
            .withRenegotiationNoticeHalfTime(q.commitmentRules().renegotiationNoticeHalfTime()));
      case "decay":
        return p.withDecay(q.decay());
      case "scarDecay":
        return p.withScarDecay(q.scarDecay());
      case "ladder":
        return p.withLadder(q.ladder());
      case "catalogue":
        return p.withCatalogue(q.catalogue());
      default:
        throw new IllegalArgumentException("setting must be one of " + SETTINGS + " but was \"" + setting + "\"");
    }
  }
}
