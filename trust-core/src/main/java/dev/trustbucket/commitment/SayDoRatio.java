package dev.trustbucket.commitment;

import static java.util.Objects.requireNonNull;

/**
 * How often a person does what they say: commitments kept ÷ commitments that came due.
 *
 * <p>Open commitments are not counted: a promise that is not yet due has been neither kept nor
 * broken. A renegotiated commitment counts as made but not kept (and not broken).
 *
 * @param made resolved commitments
 * @param kept delivered early or on time
 * @param renegotiated moved with notice
 * @param broken late or abandoned
 */
public record SayDoRatio(int made, int kept, int renegotiated, int broken) {

  /**
   * Checks the counts add up.
   *
   * @param made resolved commitments
   * @param kept delivered early or on time
   * @param renegotiated moved with notice
   * @param broken late or abandoned
   */
  public SayDoRatio {
    if (made < 0 || kept < 0 || renegotiated < 0 || broken < 0 || kept + renegotiated + broken != made) {
      throw new dev.trustbucket.InvalidTrustInputException(
          "made",
          "made must equal kept + renegotiated + broken, all >= 0, but were "
              + made + ", " + kept + ", " + renegotiated + ", " + broken);
    }
  }

  /**
   * Counts the outcomes of resolved commitments.
   *
   * @param outcomes how each resolved commitment ended
   * @return the ratio
   */
  public static SayDoRatio of(Iterable<Outcome> outcomes) {
    int made = 0;
    int kept = 0;
    int renegotiated = 0;
    int broken = 0;
    for (Outcome o : requireNonNull(outcomes, "outcomes")) {
      made++;
      if (o.kind().isKept()) {
        kept++;
      } else if (o.kind().isBroken()) {
        broken++;
      } else {
        renegotiated++;
      }
    }
    return new SayDoRatio(made, kept, renegotiated, broken);
  }

  /**
   * Kept ÷ made; 1 when nothing has come due yet (no evidence against).
   *
   * @return the ratio in [0, 1]
   */
  public double ratio() {
    return made == 0 ? 1.0 : (double) kept / made;
  }
}
