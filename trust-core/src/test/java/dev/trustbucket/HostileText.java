package dev.trustbucket;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generators of the text {@link TextRule} refuses, shared by every hostile-input property. */
public final class HostileText {
  private HostileText() {}

  /** Code points the rule is about: the refused ones and their allowed neighbours. */
  public static Arbitrary<Integer> codePoints() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, refusedCodePoints()),
        Tuple.of(1, Arbitraries.of(0x20, 0x7E, 0xA0, 0x200E, 0x200F, 0x061C, 0x2027, 0x202F, 0x2065, 0x206A,
            0xFDCF, 0xFDF0, 0xFFFD, 0xFEFF, 0x1F600, 0x10FFFD)));
  }

  /** Code points the rule refuses anywhere: controls, line breaks, non-characters, bidi controls, surrogates. */
  public static Arbitrary<Integer> refusedCodePoints() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0x00, 0x1F),
        Arbitraries.integers().between(0x7F, 0x9F),
        Arbitraries.of(0x2028, 0x2029),
        Arbitraries.integers().between(0xFDD0, 0xFDEF),
        Arbitraries.integers().between(0, 16).flatMap(plane -> Arbitraries.of(plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF)),
        Arbitraries.integers().between(0x202A, 0x202E),
        Arbitraries.integers().between(0x2066, 0x2069),
        Arbitraries.integers().between(0xD800, 0xDFFF));
  }

  /**
   * Valid text spoiled by one refused code point (a surrogate code point stands alone, so it is a
   * lone surrogate) at a random place.
   *
   * @param valid the text to spoil
   * @return spoiled text, no longer than {@code valid} plus two chars
   */
  public static Arbitrary<String> spoiled(Arbitrary<String> valid) {
    return net.jqwik.api.Combinators.combine(valid, refusedCodePoints(), Arbitraries.doubles().between(0, 1))
        .as((text, cp, where) -> {
          int at = (int) (where * text.length());
          if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) && Character.isHighSurrogate(text.charAt(at - 1))) {
            at--;
          }
          return text.substring(0, at) + new String(Character.toChars(cp)) + text.substring(at);
        });
  }
}
