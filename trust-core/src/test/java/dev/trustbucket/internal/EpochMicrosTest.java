package dev.trustbucket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.InvalidTrustInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EpochMicros: range and truncation")
class EpochMicrosTest {

  @Test
  @DisplayName("microseconds since the epoch; sub-microsecond parts are truncated toward the past")
  void truncation() {
    assertThat(EpochMicros.of(Instant.EPOCH, "t")).isZero();
    assertThat(EpochMicros.of(Instant.EPOCH.plusNanos(999), "t")).isZero();
    assertThat(EpochMicros.of(Instant.EPOCH.plusNanos(1_999), "t")).isEqualTo(1);
    assertThat(EpochMicros.of(Instant.EPOCH.minusNanos(1), "t")).isEqualTo(-1);
    assertThat(EpochMicros.of(Instant.EPOCH.minusNanos(1_000), "t")).isEqualTo(-1);
    assertThat(EpochMicros.of(Instant.EPOCH.minusNanos(1_001), "t")).isEqualTo(-2);
    assertThat(EpochMicros.of(Instant.parse("2025-01-06T09:00:00.123456789Z"), "t")).isEqualTo(1_736_154_000_123_456L);
  }

  @Test
  @DisplayName("a duration in whole microseconds, saturating at Long.MAX_VALUE (forever)")
  void durations() {
    assertThat(EpochMicros.ofDuration(Duration.ZERO)).isZero();
    assertThat(EpochMicros.ofDuration(Duration.ofNanos(999))).isZero();
    assertThat(EpochMicros.ofDuration(Duration.ofNanos(1_999))).isEqualTo(1);
    assertThat(EpochMicros.ofDuration(Duration.ofDays(365))).isEqualTo(31_536_000_000_000L);
    assertThat(EpochMicros.ofDuration(Duration.ofSeconds(9_223_372_036_853L, 999_999_999)))
        .isEqualTo(9_223_372_036_853_999_999L);
    // From Long.MAX_VALUE / 10^6 seconds on, the microseconds would not fit: saturated.
    assertThat(EpochMicros.ofDuration(Duration.ofSeconds(9_223_372_036_854L))).isEqualTo(Long.MAX_VALUE);
    assertThat(EpochMicros.ofDuration(Duration.of(Long.MAX_VALUE, ChronoUnit.MICROS))).isEqualTo(Long.MAX_VALUE);
    assertThat(EpochMicros.ofDuration(ChronoUnit.FOREVER.getDuration())).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  @DisplayName("toInstant inverts of() for whole microseconds, before and after the epoch")
  void roundTrip() {
    for (long micros : new long[] {0, 1, -1, 999_999, -999_999, 1_000_000, -1_000_001, 1_736_154_000_123_456L}) {
      assertThat(EpochMicros.of(EpochMicros.toInstant(micros), "t")).isEqualTo(micros);
    }
    assertThat(EpochMicros.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    Instant i = Instant.parse("1901-03-04T05:06:07.891011121Z");
    assertThat(EpochMicros.toInstant(EpochMicros.of(i, "t"))).isEqualTo(Instant.parse("1901-03-04T05:06:07.891011Z"));
    assertThat(EpochMicros.toInstant(EpochMicros.of(EpochMicros.MIN, "t"))).isEqualTo(EpochMicros.MIN);
    assertThat(EpochMicros.toInstant(EpochMicros.of(EpochMicros.MAX, "t"))).isEqualTo(EpochMicros.MAX);
  }

  @Test
  @DisplayName("instants from -290000 to +290000 are accepted; others rejected naming the field and the value")
  void range() {
    assertThat(EpochMicros.of(EpochMicros.MIN, "t")).isLessThan(0);
    assertThat(EpochMicros.of(EpochMicros.MAX, "t")).isGreaterThan(0);
    assertThatThrownBy(() -> EpochMicros.of(EpochMicros.MIN.minusNanos(1), "time"))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("time must be between -290000-01-01T00:00:00Z and +290000-12-31T23:59:59Z but was ");
    assertThatThrownBy(() -> EpochMicros.of(EpochMicros.MAX.plusNanos(1), "promotedAt"))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageStartingWith("promotedAt must be between")
        .hasMessageEndingWith("but was +290000-12-31T23:59:59.000000001Z");
    assertThatThrownBy(() -> EpochMicros.of(Instant.MIN, "time")).isInstanceOf(InvalidTrustInputException.class);
  }
}
