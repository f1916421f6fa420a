package dev.trustbucket.micrometer;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The meters of writes: events recorded by direction and dimension ({@value
 * TrustMeterNames#EVENTS}), breaches by dimension ({@value TrustMeterNames#BREACHES}), the time to
 * record an event ({@value TrustMeterNames#RECORD}) and, for stores that write optimistically,
 * retries ({@value TrustMeterNames#RETRIES}).
 *
 * <p>Whatever records events reports here, through {@link #record} (which times the write and
 * counts its event) or, for a writer that times itself, {@link #timed} once per write call and
 * {@link #counted} once per recorded event. Every
 * combination of tags is registered when the binder is bound, so a series reads 0 before its
 * first event rather than being missing. Reports made before any binding are not kept. The
 * binder may be bound to several registries; each one counts every report made after its binding.
 * This class is thread-safe.
 */
public final class RecordingMetrics implements MeterBinder {
  private final Tags tags;
  private final boolean retries;
  private final List<Meters> bound = new CopyOnWriteArrayList<>();

  /**
   * Creates the meters of a writer.
   *
   * @param tags tags added to every meter, e.g. the application's name; never one per relationship
   * @param retries whether the writer retries optimistic writes, so that {@value
   *     TrustMeterNames#RETRIES} is registered
   */
  public RecordingMetrics(Iterable<Tag> tags, boolean retries) {
    this.tags = Tags.of(requireNonNull(tags, "tags"));
    this.retries = retries;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    bound.add(new Meters(requireNonNull(registry, "registry"), tags, retries));
  }

  /** How a write ended: the values of the {@value TrustMeterNames#OUTCOME} tag. */
  public enum Outcome {
    /** It committed. */
    RECORDED,
    /** The model refused an event ({@link InvalidTrustInputException}); nothing changed. */
    REJECTED,
    /** Anything else went wrong, e.g. the database; nothing changed. */
    FAILED
  }

  /**
   * Runs a write of one event, times it and counts the event if the write succeeded.
   *
   * @param <T> what the write returns
   * @param policy the policy the event was recorded under, which says whether it is a breach
   * @param event the event being recorded
   * @param write records the event; what it throws is timed as {@code rejected} (an {@link
   *     InvalidTrustInputException}) or {@code failed} (anything else) and rethrown
   * @return what the write returned
   */
  public <T> T record(TrustPolicy policy, TrustEvent event, Supplier<T> write) {
    requireNonNull(policy, "policy");
    requireNonNull(event, "event");
    requireNonNull(write, "write");
    long start = System.nanoTime();
    T result;
    try {
      result = write.get();
    } catch (InvalidTrustInputException e) {
      timed(Outcome.REJECTED, System.nanoTime() - start);
      throw e;
    } catch (RuntimeException | Error e) {
      timed(Outcome.FAILED, System.nanoTime() - start);
      throw e;
    }
    timed(Outcome.RECORDED, System.nanoTime() - start);
    counted(event.behaviour().direction(), event.behaviour().dimension(), policy.isBreach(event));
    return result;
  }

  /**
   * Counts one recorded event.
   *
   * @param direction whether it was a drop or a drain
   * @param dimension the trust dimension of its behaviour
   * @param breach whether its policy counts it as a breach
   */
  public void counted(Direction direction, Dimension dimension, boolean breach) {
    requireNonNull(direction, "direction");
    requireNonNull(dimension, "dimension");
    for (Meters m : bound) {
      m.event(direction, dimension).increment();
      if (breach) {
        m.breach(dimension).increment();
      }
    }
  }

  /**
   * Times one write call.
   *
   * @param outcome how it ended
   * @param nanos how long it took, in nanoseconds, {@code >= 0}
   */
  public void timed(Outcome outcome, long nanos) {
    requireNonNull(outcome, "outcome");
    for (Meters m : bound) {
      m.timer(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Counts writes that were tried again because another writer changed the stored state first.
   *
   * @param count how many retries, {@code >= 0}
   * @throws IllegalArgumentException when {@code count} is negative
   * @throws IllegalStateException when this writer was created without retries
   */
  public void retried(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more but was " + count);
    }
    if (!retries) {
      throw new IllegalStateException("retried: this writer was created without retries");
    }
    for (Meters m : bound) {
      Counter counter = m.retries;
      if (counter != null) {
        counter.increment(count);
      }
    }
  }

  static String tagValue(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The meters of one registry. */
  private static final class Meters {
    final Map<Direction, Map<Dimension, Counter>> events = new EnumMap<>(Direction.class);
    final Map<Dimension, Counter> breaches = new EnumMap<>(Dimension.class);
    final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);
    final @Nullable Counter retries;

    Meters(MeterRegistry registry, Tags tags, boolean withRetries) {
      for (Direction direction : Direction.values()) {
        Map<Dimension, Counter> byDimension = new EnumMap<>(Dimension.class);
        events.put(direction, byDimension);
        for (Dimension dimension : Dimension.values()) {
          byDimension.put(dimension,
              Counter.builder(TrustMeterNames.EVENTS)
                  .description("Events recorded: drops add trust, drains take it away")
                  .baseUnit("events")
                  .tags(tags)
                  .tag(TrustMeterNames.DIRECTION, tagValue(direction))
                  .tag(TrustMeterNames.DIMENSION, tagValue(dimension))
                  .register(registry));
        }
      }
      for (Dimension dimension : Dimension.values()) {
        breaches.put(dimension,
            Counter.builder(TrustMeterNames.BREACHES)
                .description("Recorded drains that were breaches: major, of integrity or discovered")
                .baseUnit("breaches")
                .tags(tags)
                .tag(TrustMeterNames.DIMENSION, tagValue(dimension))
                .register(registry));
      }
      for (Outcome outcome : Outcome.values()) {
        timers.put(outcome, timer(registry, tags, tagValue(outcome)));
      }
      retries =
          withRetries
              ? Counter.builder(TrustMeterNames.RETRIES)
                  .description("Writes tried again because another writer changed the relationship first")
                  .baseUnit("retries")
                  .tags(tags)
                  .register(registry)
              : null;
    }

    Counter event(Direction direction, Dimension dimension) {
      return requireNonNull(requireNonNull(events.get(direction)).get(dimension));
    }

    Timer timer(Outcome outcome) {
      return requireNonNull(timers.get(outcome));
    }

    Counter breach(Dimension dimension) {
      return requireNonNull(breaches.get(dimension));
    }

    private static Timer timer(MeterRegistry registry, Tags tags, String outcome) {
      return Timer.builder(TrustMeterNames.RECORD)
          .description("Time of one write call, from the call to its commit or failure")
          .tags(tags)
          .tag(TrustMeterNames.OUTCOME, outcome)
          .register(registry);
    }
  }
}
