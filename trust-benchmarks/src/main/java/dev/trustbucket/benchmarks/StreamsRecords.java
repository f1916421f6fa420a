package dev.trustbucket.benchmarks;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.kafka.TrustSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The records the Kafka Streams benchmarks feed both topologies: {@code people} relationships
 * (eight people per manager), one event a week each for {@code weeks} weeks at a random moment of
 * Monday to Thursday, a mix of four drops and two drains, sorted by time, as the key and value bytes
 * a producer writes with {@link TrustSerdes}; and the same events decoded, for the ledger replay.
 */
final class StreamsRecords {
  static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Behaviour[] MIX = {Behaviours.REGULAR_CHECK_IN, Behaviours.DELIVERED_ON_COMMITMENT,
      Behaviours.SMALL_WIN, Behaviours.PROACTIVE_UPDATE, Behaviours.MISSED_DEADLINE, Behaviours.OVER_PROMISED};

  final int size;
  final int people;
  final byte[][] keys;
  final byte[][] values;
  final long[] timestamps;
  final Relationship[] owners;
  final TrustEvent[] events;

  private StreamsRecords(int people, int weeks) {
    this.people = people;
    this.size = people * weeks;
    Random random = new Random(42);
    record Timed(Relationship who, TrustEvent event) {}
    List<Timed> all = new ArrayList<>(size);
    Instant start = Instant.parse("2026-01-05T09:00:00Z");
    for (int p = 0; p < people; p++) {
      Relationship r = Relationship.of("e" + p, "m" + p / 8);
      for (int w = 0; w < weeks; w++) {
        Instant at = start.plus(Duration.ofDays(7L * w)).plusSeconds(random.nextInt(4 * 86_400));
        all.add(new Timed(r, TrustEvent.of(MIX[random.nextInt(MIX.length)], at)));
      }
    }
    all.sort(Comparator.comparing(t -> t.event().time()));
    keys = new byte[size][];
    values = new byte[size][];
    timestamps = new long[size];
    owners = new Relationship[size];
    events = new TrustEvent[size];
    Serializer<Relationship> keySerde = TrustSerdes.relationship().serializer();
    Serializer<TrustEvent> eventSerde = TrustSerdes.events(POLICY).serializer();
    for (int i = 0; i < size; i++) {
      Timed t = all.get(i);
      keys[i] = keySerde.serialize("", t.who());
      values[i] = eventSerde.serialize("", t.event());
      timestamps[i] = t.event().time().toEpochMilli();
      owners[i] = t.who();
      events[i] = t.event();
    }
  }

  /** Generates the records (seeded: the same every time). */
  static StreamsRecords of(int people, int weeks) {
    return new StreamsRecords(people, weeks);
  }

  /**
   * The context figure: the same events, already decoded, added to one {@link TrustLedger} per
   * relationship in memory.
   *
   * @return how many ledgers there are
   */
  int foldIntoLedgers() {
    Map<Relationship, TrustLedger> ledgers = new HashMap<>(people * 2);
    for (int i = 0; i < size; i++) {
      TrustEvent e = events[i];
      ledgers.compute(owners[i], (r, l) -> (l == null ? TrustLedger.of(POLICY, e.time()) : l).plus(e));
    }
    return ledgers.size();
  }
}
