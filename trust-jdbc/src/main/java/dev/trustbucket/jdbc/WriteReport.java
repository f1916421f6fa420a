package dev.trustbucket.jdbc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One write call as a {@link StoreObserver} sees it: low-cardinality facts for metrics.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param operation which call it was
 * @param mode the write mode it ran in
 * @param relationships how many relationships it wrote to, {@code >= 0}
 * @param recorded how many events it recorded, {@code >= 0} (0 when it failed)
 * @param duplicates how many submitted events it skipped as duplicates, {@code >= 0}
 * @param retries how many times its transaction was rolled back and tried again, {@code >= 0}
 * @param elapsed wall time from the call to its commit or failure, measured with {@link
 *     System#nanoTime()}, {@code >= 0}
 * @param failure the exception the call threw, empty when it committed
 */
public record WriteReport(
    Operation operation,
    WriteMode mode,
    int relationships,
    int recorded,
    int duplicates,
    int retries,
    Duration elapsed,
    Optional<Throwable> failure) {

  /** The write calls of a {@link TrustStore}. */
  public enum Operation {
    /** {@link TrustStore#record}: one event. */
    RECORD,
    /** {@link TrustStore#recordAll}: a batch for one relationship. */
    RECORD_ALL,
    /** {@link TrustStore#importAll}: batches for many relationships in one transaction. */
    IMPORT,
    /** {@link TrustStore#start}: a relationship opened without events. */
    START
  }

  /**
   * Checks the parts.
   *
   * @param operation which call it was
   * @param mode the write mode it ran in
   * @param relationships how many relationships it wrote to
   * @param recorded how many events it recorded
   * @param duplicates how many submitted events it skipped as duplicates
   * @param retries how many times its transaction was tried again
   * @param elapsed wall time from the call to its commit or failure
   * @param failure the exception the call threw, empty when it committed
   */
  public WriteReport {
    requireNonNull(operation, "operation");
    requireNonNull(mode, "mode");
    requireNonNull(elapsed, "elapsed");
    requireNonNull(failure, "failure");
  }

  /**
   * Whether the write committed.
   *
   * @return {@code true} when it committed, {@code false} when it threw
   */
  public boolean succeeded() {
    return failure.isEmpty();
  }
}
