package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.checkRange;

/**
 * How much evidence backs a level, after the beta reputation system of Jøsang &amp; Ismail (2002)
 * read as a subjective-logic opinion.
 *
 * <p>From the faded positive evidence {@code r} (drop weights) and negative evidence {@code s}
 * (drain weights times their multipliers), with base rate {@code a = 1/2}:
 *
 * <ul>
 *   <li>belief {@code b = r / (r + s + 2)}, disbelief {@code d = s / (r + s + 2)}, uncertainty
 *       {@code u = 2 / (r + s + 2)}, so {@code b + d + u = 1};
 *   <li>expectation {@code E = b + a * u = (r + 1) / (r + s + 2)}, the mean of Beta(r + 1, s + 1).
 * </ul>
 *
 * <p>A new relationship has {@code u = 1}: its level of 0.5 is the benefit of the doubt, not a
 * judgement. Five years of weekly evidence drive {@code u} toward 0. Evidence fades by the same
 * rule as the level (the "forgetting factor" of the beta reputation system), so uncertainty grows
 * back when nothing happens.
 *
 * @param positiveEvidence r, finite and {@code >= 0}
 * @param negativeEvidence s, finite and {@code >= 0}
 */
public record Confidence(double positiveEvidence, double negativeEvidence) {

  /**
   * Validates the evidence.
   *
   * @param positiveEvidence r, finite and {@code >= 0}
   * @param negativeEvidence s, finite and {@code >= 0}
   * @throws InvalidTrustInputException when either count is negative, NaN or infinite
   */
  public Confidence {
    checkRange(positiveEvidence, "positiveEvidence", 0.0, Double.MAX_VALUE);
    checkRange(negativeEvidence, "negativeEvidence", 0.0, Double.MAX_VALUE);
  }

  private double total() {
    return positiveEvidence + negativeEvidence + 2.0;
  }

  /**
   * Belief {@code r / (r + s + 2)}.
   *
   * @return belief in [0, 1)
   */
  public double belief() {
    return positiveEvidence / total();
  }

  /**
   * Disbelief {@code s / (r + s + 2)}.
   *
   * @return disbelief in [0, 1)
   */
  public double disbelief() {
    return negativeEvidence / total();
  }

  /**
   * Uncertainty {@code 2 / (r + s + 2)}: 1 with no evidence, toward 0 with much.
   *
   * @return uncertainty in (0, 1]
   */
  public double uncertainty() {
    return 2.0 / total();
  }

  /**
   * Certainty {@code 1 - uncertainty}: how much of the picture is evidence rather than the
   * benefit of the doubt.
   *
   * @return certainty in [0, 1)
   */
  public double certainty() {
    return 1.0 - uncertainty();
  }

  /**
   * The expected probability of a good outcome, {@code (r + 1) / (r + s + 2)}.
   *
   * @return the expectation in (0, 1)
   */
  public double expectation() {
    return (positiveEvidence + 1.0) / total();
  }

  /**
   * How strong the evidence is, in four bands of {@link #certainty()}: below 0.2, below 0.5,
   * below 0.8, and from 0.8. {@code dev.trustbucket.text.TermFormat} gives each band its words.
   *
   * @return the band
   */
  public Strength strength() {
    double c = certainty();
    return c < 0.2 ? Strength.NONE : c < 0.5 ? Strength.LITTLE : c < 0.8 ? Strength.SOME : Strength.STRONG;
  }

  /** A band of certainty, from no evidence to strong evidence. */
  public enum Strength {
    /** Certainty below 0.2: the level is mostly the benefit of the doubt. */
    NONE,
    /** Certainty from 0.2 to below 0.5. */
    LITTLE,
    /** Certainty from 0.5 to below 0.8. */
    SOME,
    /** Certainty of 0.8 or more: the level rests on evidence. */
    STRONG
  }
}
