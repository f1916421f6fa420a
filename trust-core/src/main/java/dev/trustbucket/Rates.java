package dev.trustbucket;

import static dev.trustbucket.InvalidTrustInputException.checkPositive;

/**
 * How far one ordinary event moves the level: the asymmetry of "built in drops, lost in buckets".
 *
 * <p>A drop of weight {@code w} fills {@code min(1, gainRate * w)} of the room left below the
 * ceiling; a drain of weight {@code w} and multiplier {@code m} empties {@code min(1, lossRate * w
 * * m)} of the level. At the baseline an ordinary drain therefore moves the level {@link #ratio()}
 * times as far as an ordinary drop. The shape follows Pant &amp; Yu (2025, arXiv:2510.24909),
 * scaled by 0.7 (see {@code docs/policy.md}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param gainRate the fraction of the room below the ceiling that an ordinary drop fills, in (0,
 *     1]; default 0.07
 * @param lossRate the fraction of the level that an ordinary drain empties, in (0, 1]; default
 *     0.21
 */
public record Rates(double gainRate, double lossRate) {
  private static final Rates DEFAULT = new Rates(0.07, 0.21);

  /**
   * Validates both rates.
   *
   * @param gainRate the fraction of the room below the ceiling that an ordinary drop fills, in (0,
   *     1]
   * @param lossRate the fraction of the level that an ordinary drain empties, in (0, 1]
   * @throws InvalidTrustInputException when a rate is not in (0, 1] (field {@code gainRate} or
   *     {@code lossRate})
   */
  public Rates {
    checkPositive(gainRate, "gainRate", 1.0);
    checkPositive(lossRate, "lossRate", 1.0);
  }

  /**
   * Returns the default rates, 0.07 and 0.21: a drain weighs three drops at the baseline.
   *
   * @return the default rates
   */
  public static Rates defaults() {
    return DEFAULT;
  }

  /**
   * Returns how many times as far an ordinary drain moves the level as an ordinary drop, at the
   * baseline 0.5: {@code lossRate / gainRate}. Law 4 of the model asks for 2.25 to 5.
   *
   * @return the ratio, positive
   */
  public double ratio() {
    return lossRate / gainRate;
  }

  /**
   * Returns a copy with another gain rate.
   *
   * @param gainRate in (0, 1]
   * @return the new rates
   * @throws InvalidTrustInputException when the rate is out of range (field {@code gainRate})
   */
  public Rates withGainRate(double gainRate) {
    return new Rates(gainRate, lossRate);
  }

  /**
   * Returns a copy with another loss rate.
   *
   * @param lossRate in (0, 1]
   * @return the new rates
   * @throws InvalidTrustInputException when the rate is out of range (field {@code lossRate})
   */
  public Rates withLossRate(double lossRate) {
    return new Rates(gainRate, lossRate);
  }
}
