package dev.trustbucket.io;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.BreachRules;
import dev.trustbucket.CommitmentRules;
import dev.trustbucket.DrainMultipliers;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.Rates;
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
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random valid policies over every setting, custom catalogues included, and single-setting changes
 * of them, for the written form's properties.
 */
public final class RandomPolicies {
  private RandomPolicies() {}

  /** Every setting of a policy, by the name its written form gives it. */
  static final List<String> SETTINGS = List.of("name", "baseline", "gainRate", "lossRate", "integrityMultiplier",
      "majorSeverity", "integrityBreaches", "scarRate", "maxScar", "selfReportedMultiplier", "discoveredMultiplier",
      "discoveredMultiplierLimit", "concealmentHalfTime", "brokenPromiseMultiplier", "abandonmentMultiplier",
      "renegotiationCost", "renegotiationNoticeHalfTime", "decay", "scarDecay", "ladder", "catalogue");

  static Arbitrary<TrustPolicy> policies() {
    return Arbitraries.randomValue(RandomPolicies::policy).withoutEdgeCases();
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

  private static String label(Random r) {
    String[] parts = {"Helped", " a", "\t", "\\", "\\t", "\n", "\r", "ü", "peer", "—", "\"q\""};
    StringBuilder b = new StringBuilder("L");
    for (int i = r.nextInt(6); i > 0; i--) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    return b.toString();
  }

  static BehaviourCatalogue catalogue(Random r) {
    List<Behaviour> own = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      own.add(new Behaviour("own-" + i + "-" + r.nextInt(1_000), r.nextBoolean() ? Direction.DROP : Direction.DRAIN,
          Dimension.values()[r.nextInt(3)], number(r, 0.0, 100.0), label(r)));
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
   */
  static java.util.Optional<TrustPolicy> withOneChange(TrustPolicy p, String setting, Random r) {
    for (int attempt = 0; attempt < 200; attempt++) {
      TrustPolicy q = policy(r);
      try {
        TrustPolicy changed = SET.apply(setting, q).apply(p);
        if (!changed.equals(p)) {
          return java.util.Optional.of(changed);
        }
      } catch (InvalidTrustInputException e) {
        // the value does not fit the other settings: draw again
      }
    }
    return java.util.Optional.empty();
  }

  private interface Change {
    TrustPolicy apply(TrustPolicy p);
  }

  private static final BiFunction<String, TrustPolicy, Change> SET = (setting, q) -> {
    switch (setting) {
      case "name": return p -> p.withName(q.name());
      case "baseline": return p -> p.withBaseline(q.baseline());
      case "gainRate": return p -> p.withRates(p.rates().withGainRate(q.rates().gainRate()));
      case "lossRate": return p -> p.withRates(p.rates().withLossRate(q.rates().lossRate()));
      case "integrityMultiplier":
        return p -> p.withDrainMultipliers(p.drainMultipliers().withIntegrityMultiplier(q.drainMultipliers().integrityMultiplier()));
      case "majorSeverity": return p -> p.withBreachRules(p.breachRules().withMajorSeverity(q.breachRules().majorSeverity()));
      case "integrityBreaches":
        return p -> p.withBreachRules(p.breachRules().withIntegrityBreaches(q.breachRules().hasIntegrityBreaches()));
      case "scarRate": return p -> p.withBreachRules(p.breachRules().withScarRate(q.breachRules().scarRate()));
      case "maxScar": return p -> p.withBreachRules(p.breachRules().withMaxScar(q.breachRules().maxScar()));
      case "selfReportedMultiplier":
        return p -> p.withDrainMultipliers(p.drainMultipliers().withSelfReportedMultiplier(q.drainMultipliers().selfReportedMultiplier()));
      case "discoveredMultiplier":
        return p -> p.withDrainMultipliers(p.drainMultipliers().withDiscoveredMultiplier(q.drainMultipliers().discoveredMultiplier()));
      case "discoveredMultiplierLimit":
        return p -> p.withDrainMultipliers(
            p.drainMultipliers().withDiscoveredMultiplierLimit(q.drainMultipliers().discoveredMultiplierLimit()));
      case "concealmentHalfTime":
        return p -> p.withDrainMultipliers(p.drainMultipliers().withConcealmentHalfTime(q.drainMultipliers().concealmentHalfTime()));
      case "brokenPromiseMultiplier":
        return p -> p.withCommitmentRules(
            p.commitmentRules().withBrokenPromiseMultiplier(q.commitmentRules().brokenPromiseMultiplier()));
      case "abandonmentMultiplier":
        return p -> p.withCommitmentRules(p.commitmentRules().withAbandonmentMultiplier(q.commitmentRules().abandonmentMultiplier()));
      case "renegotiationCost":
        return p -> p.withCommitmentRules(p.commitmentRules().withRenegotiationCost(q.commitmentRules().renegotiationCost()));
      case "renegotiationNoticeHalfTime":
        return p -> p.withCommitmentRules(
            p.commitmentRules().withRenegotiationNoticeHalfTime(q.commitmentRules().renegotiationNoticeHalfTime()));
      case "decay": return p -> p.withDecay(q.decay());
      case "scarDecay": return p -> p.withScarDecay(q.scarDecay());
      case "ladder": return p -> p.withLadder(q.ladder());
      case "catalogue": return p -> p.withCatalogue(q.catalogue());
      default: throw new IllegalArgumentException(setting);
    }
  };
}
