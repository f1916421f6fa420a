package dev.trustbucket.testing;

import static dev.trustbucket.testing.DecayRuleContract.COMPOSITION_TOLERANCE;
import static dev.trustbucket.testing.DecayRuleContract.HALF_LIFE_TOLERANCE;
import static dev.trustbucket.testing.DecayRuleContract.MAX_ELAPSED;

import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** The laws of {@link DecayRuleContract}, written once: its properties and its one-call check both use them. */
final class DecayRuleLaws {
  private DecayRuleLaws() {}

  static List<String> violations(DecayRule rule) {
    Objects.requireNonNull(rule, "rule");
    Map<Law, String> found = new EnumMap<>(Law.class);
    List<Duration> probes = probes(rule);
    for (Duration a : probes) {
      for (Duration b : probes) {
        for (Law law : Law.values()) {
          record(found, law, rule, a, b);
        }
      }
    }
    SplittableRandom random = new SplittableRandom(20_250_106L);
    for (int i = 0; i < 2_000 && found.size() < Law.values().length; i++) {
      Duration a = micros(anyScale(random));
      Duration b = micros(anyScale(random));
      for (Law law : Law.values()) {
        record(found, law, rule, a, b);
      }
    }
    List<String> lines = new ArrayList<>();
    found.forEach((law, counterexample) -> lines.add(law.description + ": " + counterexample));
    return lines;
  }

  static void check(DecayRule rule) {
    List<String> broken = violations(rule);
    if (!broken.isEmpty()) {
      throw new AssertionError(
          "decay rule " + describe(rule) + " breaks the DecayRule contract:\n  - " + String.join("\n  - ", broken));
    }
  }

  // ------------------------------------------------------------------ the laws, in one place

  /** The laws, each a check over one or two elapsed times that returns a counterexample or null. */
  enum Law {
    NO_TIME_NO_CHANGE("no time, no change: retained(0) == 1") {
      @Override
      @Nullable String check(DecayRule rule, Duration a, Duration b) {
        double kept = retained(rule, Duration.ZERO);
        return kept == 1.0 ? null : "retained(PT0S) = " + kept;
      }
    },
    FRACTION("a fraction: retained(t) is finite and in [0, 1]") {
      @Override
      @Nullable String check(DecayRule rule, Duration a, Duration b) {
        double kept = retained(rule, a);
        return kept >= 0.0 && kept <= 1.0 ? null : "retained(" + a + ") = " + kept;
      }
    },
    NEVER_RISES("never rises: retained(b) <= retained(a) when a <= b") {
      @Override
      @Nullable String check(DecayRule rule, Duration a, Duration b) {
        Duration earlier = a.compareTo(b) <= 0 ? a : b;
        Duration later = a.compareTo(b) <= 0 ? b : a;
        double before = retained(rule, earlier);
        double after = retained(rule, later);
        return after <= before || Double.isNaN(before) || Double.isNaN(after)
            ? null
            : "retained(" + earlier + ") = " + before + " but retained(" + later + ") = " + after;
      }
    },
    MEMORYLESS("memoryless: retained(a + b) == retained(a) * retained(b), to " + COMPOSITION_TOLERANCE) {
      @Override
      @Nullable String check(DecayRule rule, Duration a, Duration b) {
        Duration sum = a.plus(b);
        if (sum.compareTo(MAX_ELAPSED.multipliedBy(2)) > 0) {
          return null;
        }
        double whole = retained(rule, sum);
        double product = retained(rule, a) * retained(rule, b);
        return Math.abs(whole - product) <= COMPOSITION_TOLERANCE
            ? null
            : "retained(" + sum + ") = " + whole + " but retained(" + a + ") * retained(" + b + ") = " + product;
      }
    },
    NEGATIVE_TIME_REJECTED("a negative time is rejected: retained(-1 microsecond) throws an IllegalArgumentException") {
      @Override
      @Nullable String check(DecayRule rule, Duration a, Duration b) {
        Duration negative = Duration.of(-1, ChronoUnit.MICROS);
        double kept;
        try {
          kept = rule.retained(negative);
        } catch (IllegalArgumentException e) {
          return null;
        } catch (RuntimeException e) {
          return "retained(" + negative + ") threw " + e + " instead";
        }
        return "retained(" + negative + ") = " + kept + " instead of throwing";
      }
    },
    HALF_LIFE("an honest half-life: positive, half is left after it, and FOREVER keeps everything") {
      @Override
      @Nullable String check(DecayRule rule, Duration a, Duration b) {
        Duration halfLife = rule.halfLife();
        if (halfLife == null || halfLife.isZero() || halfLife.isNegative()) {
          return "halfLife() = " + halfLife;
        }
        if (halfLife.equals(ChronoUnit.FOREVER.getDuration())) {
          double kept = retained(rule, a);
          return kept == 1.0 ? null : "halfLife() is FOREVER but retained(" + a + ") = " + kept;
        }
        if (halfLife.compareTo(Duration.ofMillis(1)) < 0 || halfLife.compareTo(MAX_ELAPSED) > 0) {
          return null;
        }
        double kept = retained(rule, halfLife);
        return Math.abs(kept - 0.5) <= HALF_LIFE_TOLERANCE ? null : "retained(halfLife() = " + halfLife + ") = " + kept;
      }
    };

    final String description;

    Law(String description) {
      this.description = description;
    }

    /** Fails with the law and a counterexample unless the law holds at these times. */
    void assertAt(DecayRule rule, Duration a, Duration b) {
      fail(rule, this, check(rule, a, b));
    }

    /** A counterexample at these times, or null when the law holds there. */
    abstract @Nullable String check(DecayRule rule, Duration a, Duration b);
  }


  /** Microseconds in a Julian year. */
  static final long MICROS_PER_YEAR = 31_557_600_000_000L;

  /** {@link DecayRuleContract#MAX_ELAPSED} in microseconds. */
  static final long MAX_ELAPSED_MICROS = Long.MAX_VALUE / 4;

  /**
   * What the rule keeps after {@code elapsed}: the one place where the contract calls the rule, so
   * that a rule that throws is reported as broken rather than ending the check.
   */
  static double retained(DecayRule rule, Duration elapsed) {
    try {
      return rule.retained(elapsed);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "decay rule " + describe(rule) + " threw " + e + " for retained(" + elapsed + ")", e);
    }
  }

  static void fail(DecayRule rule, Law law, @Nullable String counterexample) {
    if (counterexample != null) {
      throw new AssertionError(
          "decay rule " + describe(rule) + " breaks the DecayRule contract: " + law.description + ": " + counterexample);
    }
  }

  static void record(Map<Law, String> found, Law law, DecayRule rule, Duration a, Duration b) {
    if (found.containsKey(law)) {
      return;
    }
    String counterexample;
    try {
      counterexample = law.check(rule, a, b);
    } catch (AssertionError e) {
      counterexample = e.getMessage();
    }
    if (counterexample != null) {
      found.put(law, counterexample);
    }
  }

  static String describe(DecayRule rule) {
    String text = String.valueOf(rule);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  static Duration micros(long micros) {
    return Duration.ofSeconds(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
  }

  /** The rule's half-life in microseconds, capped far from overflow (FOREVER counts as the cap). */
  static long halfLifeMicros(DecayRule rule) {
    Duration h = rule.halfLife();
    if (h == null || h.isNegative() || h.isZero()) {
      return 1L;
    }
    if (h.compareTo(MAX_ELAPSED.dividedBy(8)) >= 0) {
      return MAX_ELAPSED_MICROS / 8;
    }
    return Math.max(1L, h.getSeconds() * 1_000_000L + h.getNano() / 1_000);
  }

  static List<Duration> probes(DecayRule rule) {
    List<Duration> probes = new ArrayList<>(List.of(
        Duration.ZERO, Duration.of(1, ChronoUnit.MICROS), Duration.ofSeconds(1), Duration.ofHours(1),
        Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(365),
        Duration.ofDays(3_652), Duration.ofDays(36_525), Duration.ofDays(365_250), MAX_ELAPSED));
    long halfLife = halfLifeMicros(rule);
    probes.add(micros(halfLife / 2));
    probes.add(micros(halfLife));
    probes.add(micros(halfLife * 2));
    return probes;
  }

  /** A time from a microsecond to {@link DecayRuleContract#MAX_ELAPSED}, spread evenly over the orders of magnitude. */
  static long anyScale(SplittableRandom random) {
    double log = random.nextDouble() * Math.log((double) MAX_ELAPSED_MICROS);
    return Math.min(MAX_ELAPSED_MICROS, (long) Math.exp(log));
  }
}
