package dev.trustbucket.forecast;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a {@link RecoveryForecast}'s target is out of reach, in kinds and numbers: what stands in
 * the way ({@link #cause()}), how far the simulation looked before it gave up ({@link #limit()}),
 * and the numbers behind both. {@code dev.trustbucket.text.ForecastFormat} writes it in words.
 *
 * <p>Only a forecast creates one. Instances are immutable and thread-safe.
 */
public final class OutOfReach {

  /** What keeps the level from the target. */
  public enum Cause {
    /** A scar keeps the ceiling, the most the bucket can be refilled to, below the target. */
    SCAR_CEILING,
    /**
     * At this cadence decay takes back what the drops add: the level levels off below the target.
     */
    DECAY
  }

  /** Where the simulation stopped looking. */
  public enum Limit {
    /** The horizon, {@link RecoveryForecast#HORIZON} after the start. */
    HORIZON,
    /** {@link RecoveryForecast#MAX_DROPS} drops, which a cadence under about 53 minutes reaches first. */
    MAX_DROPS,
    /** The end of the supported range of instants, which a state near it reaches first. */
    END_OF_RANGE
  }

  private final Cause cause;
  private final Limit limit;
  private final double ceiling;
  private final double levelReached;
  private final Duration lookedAhead;

  OutOfReach(Cause cause, Limit limit, double ceiling, double levelReached, Duration lookedAhead) {
    this.cause = cause;
    this.limit = limit;
    this.ceiling = ceiling;
    this.levelReached = levelReached;
    this.lookedAhead = lookedAhead;
  }

  /**
   * What keeps the level from the target.
   *
   * @return the cause
   */
  public Cause cause() {
    return cause;
  }

  /**
   * Where the simulation stopped.
   *
   * @return the limit
   */
  public Limit limit() {
    return limit;
  }

  /**
   * The ceiling after the last simulated drop: {@code 1 - scar}, in [0, 1].
   *
   * @return the ceiling; below the target when the cause is {@link Cause#SCAR_CEILING}
   */
  public double ceiling() {
    return ceiling;
  }

  /**
   * The level after the last simulated drop, near where it levels off.
   *
   * @return the level in [0, 1], below the target
   */
  public double levelReached() {
    return levelReached;
  }

  /**
   * How far ahead the simulation looked: from the forecast's start to its last simulated drop for
   * {@link Limit#MAX_DROPS}, to the end of the supported range for {@link Limit#END_OF_RANGE}, and
   * {@link RecoveryForecast#HORIZON} for {@link Limit#HORIZON}.
   *
   * @return a non-negative duration
   */
  public Duration lookedAhead() {
    return lookedAhead;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OutOfReach r
        && cause == r.cause
        && limit == r.limit
        && Double.compare(ceiling, r.ceiling) == 0
        && Double.compare(levelReached, r.levelReached) == 0
        && lookedAhead.equals(r.lookedAhead);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cause, limit, ceiling, levelReached, lookedAhead);
  }

  @Override
  public String toString() {
    return "OutOfReach[cause=" + cause + ", limit=" + limit + ", ceiling=" + ceiling + ", levelReached="
        + levelReached + ", lookedAhead=" + lookedAhead + "]";
  }
}
