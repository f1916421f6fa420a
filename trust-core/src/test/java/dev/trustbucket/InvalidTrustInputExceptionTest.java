package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InvalidTrustInputException: the checks every validation uses")
class InvalidTrustInputExceptionTest {

  @Test
  @DisplayName("checkRange and checkPositive return the value they accept, for use in assignments")
  void checksReturnTheValue() {
    assertThat(InvalidTrustInputException.checkRange(0.3, "x", 0.0, 1.0)).isEqualTo(0.3);
    assertThat(InvalidTrustInputException.checkRange(1.0, "x", 0.0, 1.0)).isEqualTo(1.0);
    assertThat(InvalidTrustInputException.checkPositive(0.7, "x", 1.0)).isEqualTo(0.7);
    assertThat(InvalidTrustInputException.checkPositive(1.0, "x", 1.0)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("the messages name the field and quote the value and the range")
  void messages() {
    assertThatThrownBy(() -> InvalidTrustInputException.checkRange(Double.NaN, "level", 0.0, 1.0))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("level must be a finite number in [0.0, 1.0] but was NaN")
        .satisfies(e -> assertThat(((InvalidTrustInputException) e).field()).isEqualTo("level"));
    assertThatThrownBy(() -> InvalidTrustInputException.checkPositive(0.0, "gainRate", 1.0))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("gainRate must be a finite number in (0, 1.0] but was 0.0");
    assertThatThrownBy(() -> InvalidTrustInputException.check(false, "name", "name must not be %s", "empty"))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessage("name must not be empty");
  }

  @Test
  @DisplayName("check formats its message only when the check fails")
  void formatsOnlyOnFailure() {
    Object unprintable = new Object() {
      @Override
      public String toString() {
        throw new AssertionError("formatted although the check passed");
      }
    };
    InvalidTrustInputException.check(true, "x", "x was %s", unprintable);
  }
}
