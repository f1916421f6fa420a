package dev.trustbucket.examples.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void percentagesReadTheSameEverywhere() {
    assertThat(Percent.of(0.718)).isEqualTo("71.8 %");
    assertThat(Percent.of(0.718, 0)).isEqualTo("72 %");
    assertThat(Percent.of(0.00049)).isEqualTo("0.0 %");
    assertThat(Percent.exact(0.05)).isEqualTo("5 %");
    assertThat(Percent.exact(0.075)).isEqualTo("7.5 %");
    assertThat(Percent.points(-0.1234)).isEqualTo("-12.3");
    assertThat(Percent.points(-0.0004)).isEqualTo("0.0");
    assertThat(Percent.signedPoints(0.042)).isEqualTo("+4.2");
    assertThat(Percent.signedPoints(-0.042)).isEqualTo("-4.2");
    assertThat(Percent.compact(0.2)).isEqualTo("20%");
    assertThat(Percent.compact(0.718, 1)).isEqualTo("71.8%");
    assertThat(Percent.plain(7.000000000000001)).isEqualTo("7");
    assertThatThrownBy(() -> Percent.of(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Percent.of(0.5, 7)).hasMessageContaining("decimals");
  }

  @Test
  void clipsWithoutSplittingACharacter() {
    assertThat(Clip.to("short", 12)).isEqualTo("short");
    assertThat(Clip.to("Said yes to a third project", 12)).isEqualTo("Said yes ...");
    assertThat(Clip.to("abcdefghijkl", 12)).isEqualTo("abcdefghijkl");
    String emoji = "abcdefgh\uD83D\uDCA5xyz";
    assertThat(Clip.to(emoji, 13)).isEqualTo(emoji);
    assertThat(Clip.to(emoji, 12)).isEqualTo("abcdefgh...");
    assertThat(Clip.to(emoji + "more", 12)).isEqualTo("abcdefgh...");
    assertThatThrownBy(() -> Clip.to("abc", 3)).hasMessageContaining("max");
  }

  @Test
  void clipsAValueForAMessageInVisibleFormWithoutCuttingAnEscape() {
    assertThat(Clip.visible("2025\u001b]0;x", 80)).isEqualTo("2025\\u001B]0;x");
    assertThat(Clip.visible("C:\\temp", 80)).isEqualTo("C:\\\\temp");
    String clipped = Clip.visible("\u001b".repeat(100), 80);
    assertThat(clipped).hasSize(12 * 6 + 3).startsWith("\\u001B").endsWith("\\u001B...");
    assertThat(Clip.visible("a".repeat(76) + "\uD83D\uDE00" + "b".repeat(10), 80)).isEqualTo("a".repeat(76) + "...");
    assertThat(Clip.visible("abc", 4)).isEqualTo("abc");
    assertThatThrownBy(() -> Clip.visible("abc", 3)).hasMessageContaining("max");
  }

  @Test
  void pointsCarryAnAsciiSign() {
    assertThat(Percent.signedPoints(-0.1234)).isEqualTo("-12.3");
    assertThat(Percent.signedPoints(0.042)).isEqualTo("+4.2");
    assertThat(Percent.signedPoints(-0.0001)).isEqualTo("+0.0");
  }
}
