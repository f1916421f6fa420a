package dev.trustbucket.examples.format;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.Disclosure;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.text.TermFormat;
import java.util.Locale;

/**
 * The one way the examples name the model's terms for people: a tier, a behaviour, how a drain
 * came to light, how much evidence backs a level. Each is written by trust-core's {@link
 * TermFormat} in English, the same words the library's explanations and forecasts use, so that one
 * report or page never shows a tier as {@code TRUSTED} in one place and {@code trusted} in another.
 *
 * <pre>{@code
 * Terms.format(AutonomyTier.TRUSTED)              // "trusted"
 * Terms.format(Behaviours.MISSED_DEADLINE)        // "Missed a deadline"
 * Terms.format(Disclosure.discovered(Duration.ofDays(9)))   // "discovered after 9 days"
 * }</pre>
 *
 * <p>Machine formats (scenario files, CSV columns, JSON keys and codes) keep the enum names and
 * ids. Stateless and thread-safe.
 */
public final class Terms {
  private static final TermFormat ENGLISH = TermFormat.of(Locale.ENGLISH);

  private Terms() {}

  /**
   * Names a tier.
   *
   * @param tier the tier
   * @return e.g. {@code "trusted"}
   */
  public static String format(AutonomyTier tier) {
    return ENGLISH.format(tier);
  }

  /**
   * Names a behaviour: a stock behaviour's English name, or the label of one of the user's own.
   *
   * @param behaviour the behaviour
   * @return e.g. {@code "Missed a deadline"}
   */
  public static String format(Behaviour behaviour) {
    return ENGLISH.format(behaviour);
  }

  /**
   * Says how a drain came to light, with the delay of a discovered one.
   *
   * @param disclosure the disclosure
   * @return e.g. {@code "discovered after 9 days"}
   */
  public static String format(Disclosure disclosure) {
    return ENGLISH.format(disclosure);
  }

  /**
   * Says how a drain came to light, without a delay.
   *
   * @param kind the kind of disclosure
   * @return e.g. {@code "self-reported"}
   */
  public static String format(Disclosure.Kind kind) {
    return ENGLISH.format(kind);
  }

  /**
   * Says how much evidence backs a level.
   *
   * @param confidence the confidence
   * @return e.g. {@code "strong evidence"}
   */
  public static String format(Confidence confidence) {
    return ENGLISH.format(confidence);
  }
}
