package dev.trustbucket.micrometer;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.jdbc.StoreObserver;
import dev.trustbucket.jdbc.StoredEvent;
import dev.trustbucket.jdbc.TrustStore;
import dev.trustbucket.jdbc.WriteReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;

/**
 * The meters of a JDBC {@link TrustStore}: a {@link StoreObserver} that counts the events and
 * breaches the store committed, times every write call and counts its optimistic retries.
 *
 * <p>Give it to the store when opening it, bind it, and bind the store's {@linkplain #tierCensus
 * tier census}:
 *
 * <pre>{@code
 * TrustStoreMetrics metrics = new TrustStoreMetrics(Tags.empty());
 * TrustStore store = TrustStore.open(dataSource, policy, StoreOptions.builder().observer(metrics).build());
 * metrics.bindTo(meterRegistry);
 * TrustStoreMetrics.tierCensus(store, Duration.ofMinutes(1), Tags.empty()).bindTo(meterRegistry);
 * }</pre>
 *
 * <p>Only the writes of this application instance are counted; the tier gauges read the database,
 * so they include every instance's writes. This class is thread-safe.
 */
public final class TrustStoreMetrics implements StoreObserver, MeterBinder {
  private final RecordingMetrics recording;

  /**
   * Creates the meters of a store's writes.
   *
   * @param tags tags added to every meter; never one per relationship
   */
  public TrustStoreMetrics(Iterable<Tag> tags) {
    this.recording = new RecordingMetrics(tags, true);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    recording.bindTo(registry);
  }

  @Override
  public void onEventRecorded(StoredEvent event) {
    recording.counted(event.direction(), event.dimension(), event.breach());
  }

  @Override
  public void onWrite(WriteReport report) {
    if (report.operation() == WriteReport.Operation.START) {
      return; // opens a relationship without an event: nothing was recorded
    }
    RecordingMetrics.Outcome outcome =
        report.succeeded()
            ? RecordingMetrics.Outcome.RECORDED
            : report.failure().filter(InvalidTrustInputException.class::isInstance).isPresent()
                ? RecordingMetrics.Outcome.REJECTED
                : RecordingMetrics.Outcome.FAILED;
    recording.timed(outcome, report.elapsed().toNanos());
    recording.retried(report.retries());
  }

  /**
   * The tier gauges of a store. A census is one {@code GROUP BY} query ({@link
   * TrustStore#tierCounts()}), whatever the number of relationships, taken at most once per
   * {@code maxAge} by the registry's clock; the four gauges share it.
   *
   * @param store the store
   * @param maxAge how long one census is reused, zero or positive
   * @param tags tags added to every gauge; never one per relationship
   * @return the binder of the gauges
   */
  public static TierCensus tierCensus(TrustStore store, Duration maxAge, Iterable<Tag> tags) {
    requireNonNull(store, "store");
    return new TierCensus(store::tierCounts, maxAge, tags);
  }
}
