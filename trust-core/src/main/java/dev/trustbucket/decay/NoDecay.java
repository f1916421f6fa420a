package dev.trustbucket.decay;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The rule under which nothing is forgotten. Use {@link DecayRule#none()}. */
final class NoDecay implements DecayRule {
  static final NoDecay INSTANCE = new NoDecay();

  private NoDecay() {}

  @Override
  public double retained(Duration elapsed) {
    ExponentialDecay.checkElapsed(elapsed);
    return 1.0;
  }

  @Override
  public Duration halfLife() {
    return ChronoUnit.FOREVER.getDuration();
  }

  @Override
  public String toString() {
    return "none";
  }
}
