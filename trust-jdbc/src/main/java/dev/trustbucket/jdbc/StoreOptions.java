package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a {@link TrustStore} writes: the {@linkplain WriteMode write mode}, how often and how long it
 * retries a transaction that lost a race, the clock it stamps rows with and reads "now" from, and
 * who hears about writes.
 *
 * <p>A retry waits a random time between zero and {@code min(maxBackoff, initialBackoff × 2^(n-1))}
 * before attempt {@code n + 1} ("full jitter"), so that writers that collided do not collide again
 * in step. {@link #defaults()}: optimistic, 16 retries, backoff from 2 ms up to 200 ms, the system
 * UTC clock, no observer, observer failures logged at WARNING.
 *
 * <pre>{@code
 * StoreOptions options = StoreOptions.builder()
 *     .writeMode(WriteMode.PESSIMISTIC)
 *     .maxRetries(5)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StoreOptions {
  private static final System.Logger LOG = System.getLogger(TrustStore.class.getName());
  private static final StoreOptions DEFAULTS = builder().build();

  private final WriteMode writeMode;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Clock clock;
  private final StoreObserver observer;
  private final Consumer<RuntimeException> observerErrors;

  private StoreOptions(Builder b) {
    this.writeMode = b.writeMode;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.clock = b.clock;
    this.observer = b.observer;
    this.observerErrors = b.observerErrors;
  }

  /**
   * The default options.
   *
   * @return optimistic writes, 16 retries, 2 ms to 200 ms backoff, the system UTC clock, no
   *     observer
   */
  public static StoreOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.writeMode = writeMode;
    b.maxRetries = maxRetries;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.clock = clock;
    b.observer = observer;
    b.observerErrors = observerErrors;
    return b;
  }

  /**
   * How writes meet other writers.
   *
   * @return the write mode
   */
  public WriteMode writeMode() {
    return writeMode;
  }

  /**
   * How many times a write's transaction is tried again after a retryable failure (an optimistic
   * conflict, a deadlock or serialization failure, a lost connection before commit).
   *
   * @return retries, in {@code [0, 1000]}
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * The longest wait before the first retry.
   *
   * @return a duration in {@code [0, 1 min]}
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest wait before any retry.
   *
   * @return a duration in {@code [initialBackoff, 1 min]}
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The clock rows are stamped with and "now" is read from.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Who hears about writes.
   *
   * @return the observer; {@link StoreObserver#NONE} by default
   */
  public StoreObserver observer() {
    return observer;
  }

  /**
   * What happens to an exception an observer throws.
   *
   * @return the handler; logs at WARNING by default
   */
  public Consumer<RuntimeException> observerErrors() {
    return observerErrors;
  }

  @Override
  public String toString() {
    return "StoreOptions[" + writeMode + ", maxRetries=" + maxRetries + ", backoff " + initialBackoff + ".."
        + maxBackoff + ", " + clock + "]";
  }

  /** Builds {@link StoreOptions}; every setter validates at once. Not thread-safe. */
  public static final class Builder {
    private WriteMode writeMode = WriteMode.OPTIMISTIC;
    private int maxRetries = 16;
    private Duration initialBackoff = Duration.ofMillis(2);
    private Duration maxBackoff = Duration.ofMillis(200);
    private Clock clock = Clock.systemUTC();
    private StoreObserver observer = StoreObserver.NONE;
    private Consumer<RuntimeException> observerErrors =
        e -> LOG.log(System.Logger.Level.WARNING, "trust store observer failed", e);

    private Builder() {}

    /**
     * Sets the write mode.
     *
     * @param mode {@link WriteMode#OPTIMISTIC} (the default) or {@link WriteMode#PESSIMISTIC}
     * @return this builder
     */
    public Builder writeMode(WriteMode mode) {
      this.writeMode = requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets how many times a transaction is tried again.
     *
     * @param retries in {@code [0, 1000]}; 0 never retries
     * @return this builder
     * @throws InvalidTrustInputException when out of range
     */
    public Builder maxRetries(int retries) {
      InvalidTrustInputException.check(retries >= 0 && retries <= 1000, "maxRetries",
          "maxRetries must be in [0, 1000] but was %s", retries);
      this.maxRetries = retries;
      return this;
    }

    /**
     * Sets the backoff between retries.
     *
     * @param initial the longest wait before the first retry, in {@code [0, 1 min]}
     * @param max the longest wait before any retry, in {@code [initial, 1 min]}
     * @return this builder
     * @throws InvalidTrustInputException when out of range or {@code max < initial}
     */
    public Builder backoff(Duration initial, Duration max) {
      requireNonNull(initial, "initial");
      requireNonNull(max, "max");
      Duration limit = Duration.ofMinutes(1);
      InvalidTrustInputException.check(!initial.isNegative() && initial.compareTo(limit) <= 0, "initialBackoff",
          "initialBackoff must be in [PT0S, PT1M] but was %s", initial);
      InvalidTrustInputException.check(max.compareTo(initial) >= 0 && max.compareTo(limit) <= 0, "maxBackoff",
          "maxBackoff must be in [initialBackoff %s, PT1M] but was %s", initial, max);
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock stamps rows and gives "now"
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the observer.
     *
     * @param observer hears about every write
     * @return this builder
     */
    public Builder observer(StoreObserver observer) {
      this.observer = requireNonNull(observer, "observer");
      return this;
    }

    /**
     * Sets what happens to an exception an observer throws.
     *
     * @param handler receives it; the write stays committed
     * @return this builder
     */
    public Builder observerErrors(Consumer<RuntimeException> handler) {
      this.observerErrors = requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public StoreOptions build() {
      return new StoreOptions(this);
    }
  }
}
