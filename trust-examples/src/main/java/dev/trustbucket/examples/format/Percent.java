package dev.trustbucket.examples.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one percentage formatter of the examples: a level or a fraction in [0, 1] (or a difference
 * of two) written as a percentage, the same on every machine ({@link Locale#ROOT}, half-up
 * rounding of the decimal the {@code double} stands for, never {@code -0}).
 *
 * <pre>{@code
 * Percent.of(0.718)        // "71.8 %"
 * Percent.of(0.718, 0)     // "72 %"
 * Percent.exact(0.05)      // "5 %"
 * Percent.points(-0.1234)  // "-12.3"
 * Percent.compact(0.2)     // "20%"
 * Percent.compact(0.718, 1) // "71.8%"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Percent {
  private Percent() {}

  /**
   * Writes a level with one decimal and a spaced percent sign.
   *
   * @param fraction a level, 0.718 for 71.8 %
   * @return e.g. {@code "71.8 %"}
   */
  public static String of(double fraction) {
    return of(fraction, 1);
  }

  /**
   * Writes a level with a given number of decimals and a spaced percent sign.
   *
   * @param fraction a level, 0.718 for 71.8 %
   * @param decimals digits after the point, 0 to 6
   * @return e.g. {@code "72 %"} for {@code (0.718, 0)}
   * @throws IllegalArgumentException when {@code decimals} is out of range
   */
  public static String of(double fraction, int decimals) {
    return number(fraction * 100, decimals) + " %";
  }

  /**
   * Writes a fraction as a percentage without float noise and without trailing zeros, for the
   * settings of a policy: {@code 0.05} prints as {@code "5 %"}, {@code 0.075} as {@code "7.5 %"}.
   *
   * @param fraction any finite fraction
   * @return the percentage, at most six decimals
   */
  public static String exact(double fraction) {
    return plain(fraction * 100) + " %";
  }

  /**
   * Writes a difference of two levels in percentage points with one decimal and no unit.
   *
   * @param delta a difference of levels, -0.1234 for 12.3 points down
   * @return e.g. {@code "-12.3"}; {@code "0.0"} for a tiny negative difference
   */
  public static String points(double delta) {
    return number(delta * 100, 1);
  }

  /**
   * Writes a difference of two levels in percentage points with one decimal and a sign.
   *
   * @param delta a difference of levels
   * @return e.g. {@code "+4.2"} or {@code "-12.3"}
   */
  public static String signedPoints(double delta) {
    String s = points(delta);
    return s.startsWith("-") ? s : "+" + s;
  }

  /**
   * Writes a level as a whole percentage with no space, for the narrow axis of a terminal chart.
   *
   * @param fraction a level
   * @return e.g. {@code "20%"}
   */
  public static String compact(double fraction) {
    return compact(fraction, 0);
  }

  /**
   * Writes a level with a given number of decimals and no space before the percent sign, for
   * narrow columns.
   *
   * @param fraction a level
   * @param decimals digits after the point, 0 to 6
   * @return e.g. {@code "71.8%"} for {@code (0.718, 1)}
   * @throws IllegalArgumentException when {@code decimals} is out of range
   */
  public static String compact(double fraction, int decimals) {
    return number(fraction * 100, decimals) + "%";
  }

  /**
   * Writes a number without float noise: {@code 7.000000000000001} prints as {@code 7}, {@code
   * 0.05 * 100} as {@code 5}.
   *
   * @param x any finite number
   * @return the number rounded to six decimals, trailing zeros removed
   * @throws IllegalArgumentException when {@code x} is not finite
   */
  public static String plain(double x) {
    return decimal(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private static String number(double x, int decimals) {
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals must be 0 to 6 but was " + decimals);
    }
    String s = decimal(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    // A negative number that rounds to zero is written without its sign.
    return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s;
  }

  private static BigDecimal decimal(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("a percentage needs a finite number but was " + x);
    }
    return BigDecimal.valueOf(x);
  }
}
