package dev.trustbucket.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.io.TrustCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology's laws on {@link org.apache.kafka.streams.TopologyTestDriver}: for any events
 * shuffled within the grace period, mixed with late, refused and undecodable records and decay
 * checks, the final states equal a {@link TrustLedger} replay of the accepted events in time
 * order, bit for bit; the dead-letter topic receives exactly the records that were not accepted,
 * with their reasons; and the tier-change and breach topics equal the ledger's, decay-driven tier
 * changes included.
 */
class TrustTopologyProperties {
  /** The defaults with a 20-day half-life, so that decay changes tiers within the generated months. */
  static final TrustPolicy POLICY = TrustPolicy.builder().from(TrustPolicy.defaults()).name("kafka-test")
      .decay(DecayRule.exponential(Duration.ofDays(20))).scarDecay(DecayRule.exponential(Duration.ofDays(60))).build();
  static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
  static final List<Relationship> PEOPLE = List.of(Relationship.of("ann", "bob"), Relationship.of("cem", "bob"),
      Relationship.of("dia", "eve"));
  static final List<Behaviour> BEHAVIOURS = List.of(Behaviours.DELIVERED_ON_COMMITMENT, Behaviours.DELIVERED_EARLY,
      Behaviours.PROACTIVE_UPDATE, Behaviours.SMALL_WIN, Behaviours.MISSED_DEADLINE, Behaviours.HID_PROBLEM,
      Behaviours.OVER_PROMISED);

  /** One record sent to the events topic, or a decay check. */
  sealed interface Input permits Send, Garbage, Check {}

  record Send(Relationship relationship, TrustEvent event) implements Input {}

  record Garbage(byte[] key, byte[] value, DeadLetterKind expected, String field) implements Input {}

  record Check() implements Input {}

  record Script(Duration grace, int history, List<Input> inputs) {
    @Override
    public String toString() {
      return "Script[grace=" + grace + ", history=" + history + ", " + inputs.size() + " inputs]";
    }
  }

  @Property(tries = 40)
  void theTopologyEqualsALedgerReplayOfTheAcceptedEventsInTimeOrder(@ForAll("scripts") Script script)
      throws Exception {
    Reference expected = Reference.of(script);
    try (TopologyHarness h = new TopologyHarness(POLICY, script.grace(), script.history())) {
      for (Input in : script.inputs()) {
        if (in instanceof Send s) {
          h.send(s.relationship(), s.event());
        } else if (in instanceof Garbage g) {
          h.send(g.key(), g.value(), T0);
        } else {
          h.checkDecay();
        }
      }
      h.checkDecay();

      // Final states: the store, and the last record per relationship on the states topic.
      Map<Relationship, TrustBucket> lastStates = new LinkedHashMap<>();
      for (TestRecord<Relationship, TrustBucket> r : h.states()) {
        lastStates.put(r.key(), r.value());
      }
      assertThat(lastStates.keySet()).containsExactlyInAnyOrderElementsOf(expected.ledgers.keySet());
      for (Map.Entry<Relationship, TrustLedger> e : expected.ledgers.entrySet()) {
        TrustBucket want = e.getValue().state();
        assertThat(TrustCodec.formatState(h.store().get(e.getKey()).state())).isEqualTo(TrustCodec.formatState(want));
        assertThat(h.store().get(e.getKey()).state()).isEqualTo(want);
        assertThat(lastStates.get(e.getKey())).isEqualTo(want);
        assertThat(TrustQueries.of(h.store()).level(e.getKey())).contains(want.level());
      }

      // Restoring: the store rebuilt from its changelog holds the same entries, so the same states.
      Map<Relationship, StoredRelationship> restored = h.restoredFromChangelog();
      assertThat(restored.keySet()).containsExactlyInAnyOrderElementsOf(expected.ledgers.keySet());
      for (Map.Entry<Relationship, StoredRelationship> e : restored.entrySet()) {
        assertThat(e.getValue()).isEqualTo(h.store().get(e.getKey()));
      }

      // Dead letters: exactly the records not accepted, in order, each with its reason.
      List<String> letters = new ArrayList<>();
      for (TestRecord<byte[], byte[]> r : h.deadLetters()) {
        DeadLetter d = DeadLetter.of(r.headers()).orElseThrow();
        assertThat(d.reason()).isNotBlank();
        letters.add(d.kind() + " " + d.field());
      }
      assertThat(letters).containsExactlyElementsOf(expected.deadLetters);

      // Tier changes and breaches, per relationship, in the ledger's order.
      Map<Relationship, List<String>> changes = new LinkedHashMap<>();
      for (TestRecord<Relationship, TierTransition> r : h.tierChanges()) {
        changes.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(describe(r.value()));
      }
      Map<Relationship, List<String>> breaches = new LinkedHashMap<>();
      for (TestRecord<Relationship, BreachNotice> r : h.breaches()) {
        breaches.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(describe(r.value()));
      }
      assertThat(changes).isEqualTo(expected.tierChanges);
      assertThat(breaches).isEqualTo(expected.breaches);
      Statistics.label("decay-driven tier changes").collect(expected.decayChanges > 0);
      Statistics.label("event-driven tier changes").collect(expected.eventChanges > 0);
      Statistics.label("dead letters").collect(!expected.deadLetters.isEmpty());
      Statistics.label("decay-driven tier changes").coverage(c -> c.check(true).percentage(p -> p >= 10));
      Statistics.label("event-driven tier changes").coverage(c -> c.check(true).percentage(p -> p >= 30));
      Statistics.label("dead letters").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }
  }

  static String describe(TierTransition t) {
    return (t.byDecay() ? "decay " : "event ") + t.at() + " " + t.from() + "->" + t.to() + " "
        + TrustCodec.formatState(t.state());
  }

  static String describe(BreachNotice b) {
    return b.event() + " " + TrustCodec.formatState(b.before()) + " " + TrustCodec.formatState(b.after());
  }

  /** What the topology must publish, computed from the inputs by replaying ledgers. */
  static final class Reference {
    final Map<Relationship, TrustLedger> ledgers = new LinkedHashMap<>();
    final List<String> deadLetters = new ArrayList<>();
    final Map<Relationship, List<String>> tierChanges = new LinkedHashMap<>();
    final Map<Relationship, List<String>> breaches = new LinkedHashMap<>();
    int decayChanges;
    int eventChanges;

    static Reference of(Script script) {
      Reference ref = new Reference();
      Map<Relationship, List<TrustEvent>> accepted = new LinkedHashMap<>();
      List<Instant> checks = new ArrayList<>();
      Instant taskTime = null;
      List<Input> inputs = new ArrayList<>(script.inputs());
      inputs.add(new Check());
      for (Input in : inputs) {
        if (in instanceof Send s) {
          Instant t = s.event().time();
          if (taskTime != null && t.isBefore(taskTime.minus(script.grace()))) {
            ref.deadLetters.add(DeadLetterKind.LATE + " time");
            continue;
          }
          accepted.computeIfAbsent(s.relationship(), k -> new ArrayList<>()).add(s.event());
          taskTime = taskTime == null || t.isAfter(taskTime) ? t : taskTime;
        } else if (in instanceof Garbage g) {
          ref.deadLetters.add(g.expected() + " " + g.field());
        } else if (taskTime != null) {
          checks.add(taskTime.minus(script.grace()));
        }
      }
      Instant settledBefore = checks.isEmpty() ? null : checks.get(checks.size() - 1);
      for (Map.Entry<Relationship, List<TrustEvent>> e : accepted.entrySet()) {
        List<TrustEvent> sorted = new ArrayList<>(e.getValue());
        sorted.sort(Comparator.comparing(TrustEvent::time)); // stable: same instant keeps arrival order
        TrustLedger ledger = TrustLedger.of(POLICY, sorted.get(0).time());
        List<TrustBucket> after = new ArrayList<>();
        after.add(ledger.state());
        for (TrustEvent ev : sorted) {
          ledger = ledger.plus(ev);
          after.add(ledger.state());
        }
        ref.ledgers.put(e.getKey(), ledger);
        List<String> changes = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        AutonomyTier reported = after.get(0).tier();
        int i = 0;
        for (Instant q : checks) {
          // Events before the check settle first, in time order; the check observes what decay did since.
          for (; i < sorted.size() && sorted.get(i).time().isBefore(q); i++) {
            TrustEvent ev = sorted.get(i);
            if (POLICY.isBreach(ev)) {
              breaches.add(describe(new BreachNotice(e.getKey(), ev, after.get(i).at(ev.time()), after.get(i + 1))));
            }
            if (after.get(i + 1).tier() != reported) {
              changes.add(describe(new TierTransition(ev.time(), reported, after.get(i + 1).tier(), false, after.get(i + 1))));
              reported = after.get(i + 1).tier();
              ref.eventChanges++;
            }
          }
          if (!q.isBefore(after.get(i).time())) {
            TrustBucket then = after.get(i).at(q);
            if (then.tier() != reported) {
              changes.add(describe(new TierTransition(q, reported, then.tier(), true, then)));
              reported = then.tier();
              ref.decayChanges++;
            }
          }
        }
        if (!changes.isEmpty()) {
          ref.tierChanges.put(e.getKey(), changes);
        }
        if (!breaches.isEmpty()) {
          ref.breaches.put(e.getKey(), breaches);
        }
        assertThat(settledBefore).isNotNull();
      }
      return ref;
    }
  }

  @Provide
  Arbitrary<Script> scripts() {
    Arbitrary<Duration> grace = Arbitraries.of(Duration.ZERO, Duration.ofHours(6), Duration.ofDays(3), Duration.ofDays(20));
    Arbitrary<Integer> history = Arbitraries.of(0, 1, 8);
    Arbitrary<List<Step>> steps = step().list().ofMinSize(12).ofMaxSize(80);
    return Combinators.combine(grace, history, steps, Arbitraries.longs().between(0, Long.MAX_VALUE))
        .as((g, hist, s, seed) -> new Script(g, hist, arrange(g, s, new java.util.Random(seed))));
  }

  /** One generated thing: an event on the global timeline, or a late, refused or undecodable record, or a check. */
  record Step(int kind, int who, int behaviour, double weight, Duration gap, double lateness) {}

  static Arbitrary<Step> step() {
    return Combinators.combine(
            Arbitraries.frequency(
                net.jqwik.api.Tuple.of(30, 0), // an event
                net.jqwik.api.Tuple.of(2, 1), // a late event
                net.jqwik.api.Tuple.of(1, 2), // an undecodable value
                net.jqwik.api.Tuple.of(1, 3), // a key without a tab
                net.jqwik.api.Tuple.of(1, 4), // an event the library refuses
                net.jqwik.api.Tuple.of(5, 5)), // a decay check
            Arbitraries.integers().between(0, PEOPLE.size() - 1),
            Arbitraries.frequency(net.jqwik.api.Tuple.of(6, 0), net.jqwik.api.Tuple.of(2, 1),
                net.jqwik.api.Tuple.of(2, 2), net.jqwik.api.Tuple.of(2, 3), net.jqwik.api.Tuple.of(2, 4),
                net.jqwik.api.Tuple.of(1, 5), net.jqwik.api.Tuple.of(1, 6)),
            Arbitraries.doubles().between(0.2, 3.0).ofScale(2),
            Arbitraries.frequency(net.jqwik.api.Tuple.of(3, 0L), net.jqwik.api.Tuple.of(20, 1L),
                    net.jqwik.api.Tuple.of(10, 2L), net.jqwik.api.Tuple.of(3, 3L))
                .flatMap(band -> band == 0 ? Arbitraries.just(0L)
                    : band == 1 ? Arbitraries.longs().between(1, 48)
                    : band == 2 ? Arbitraries.longs().between(48, 24 * 14)
                    : Arbitraries.longs().between(24 * 14, 24 * 120))
                .map(Duration::ofHours),
            Arbitraries.doubles().between(0.0, 1.0))
        .as(Step::new);
  }

  /**
   * Lays events on a timeline, then delivers them shuffled within the grace: each event's arrival
   * key is its time plus a random delay of at most the grace, so no event arrives more than the
   * grace behind one delivered before it. Late, refused and undecodable records and checks go in
   * at their generated places.
   */
  static List<Input> arrange(Duration grace, List<Step> steps, java.util.Random random) {
    record Timed(Instant key, int index, Input input) {}
    List<Timed> timed = new ArrayList<>();
    Instant clock = T0;
    long graceMicros = grace.toNanos() / 1000; // the random delay within the grace, in whole microseconds
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      clock = clock.plus(s.gap());
      Instant key = clock.plus(graceMicros == 0 ? 0 : (long) (random.nextDouble() * graceMicros), ChronoUnit.MICROS);
      Input in = switch (s.kind()) {
        case 0 -> new Send(PEOPLE.get(s.who()), event(s, clock));
        case 1 -> null; // placed below, relative to what has arrived
        case 2 -> new Garbage(TopologyHarness.key(PEOPLE.get(s.who())), "trust-ledger\t2\tnot a ledger".getBytes(
            StandardCharsets.UTF_8), DeadLetterKind.UNDECODABLE, "fields");
        case 3 -> new Garbage("no-tab-here".getBytes(StandardCharsets.UTF_8),
            TrustSerdes.events(POLICY).serializer().serialize("", event(s, clock)), DeadLetterKind.UNDECODABLE, "key");
        case 4 -> new Garbage(TopologyHarness.key(PEOPLE.get(s.who())), refused(event(s, clock)),
            DeadLetterKind.REJECTED, "behaviour");
        default -> new Check();
      };
      if (in != null) {
        timed.add(new Timed(key, i, in));
      }
    }
    timed.sort(Comparator.comparing(Timed::key).thenComparingInt(Timed::index));
    List<Input> out = new ArrayList<>();
    for (Timed t : timed) {
      out.add(t.input());
    }
    // Late events: well behind the latest time sent so far, minus the grace.
    Instant latest = null;
    for (int i = 0, s = 0; i < out.size(); i++) {
      if (out.get(i) instanceof Send send) {
        latest = latest == null || send.event().time().isAfter(latest) ? send.event().time() : latest;
      }
      while (s < steps.size() && steps.get(s).kind() != 1) {
        s++;
      }
      if (latest != null && s < steps.size() && random.nextInt(4) == 0) {
        Step late = steps.get(s++);
        Instant when = latest.minus(grace).minus(Duration.ofMinutes(1 + (long) (late.lateness() * 60 * 24 * 30)));
        out.add(i + 1, new Send(PEOPLE.get(late.who()), event(late, when)));
        i++;
      }
    }
    return out;
  }

  static TrustEvent event(Step s, Instant at) {
    return TrustEvent.of(BEHAVIOURS.get(s.behaviour()), at).withWeight(s.weight());
  }

  /** A well-formed record, checksums and all, of an event whose behaviour no catalogue knows. */
  static byte[] refused(TrustEvent e) {
    List<String> lines = new ArrayList<>(TrustCodec.formatLedger(TrustLedger.of(POLICY, e.time()).plus(e)));
    // The event line is the one before the trailer (a custom policy's written form may precede it).
    int event = lines.size() - 2;
    lines.set(event, lines.get(event).replace(e.behaviour().id(), "teleported-to-work"));
    CRC32C crc = new CRC32C();
    for (String l : lines.subList(0, event + 1)) {
      crc.update((l + "\n").getBytes(StandardCharsets.UTF_8));
    }
    lines.set(event + 1, "trust-ledger-end\t1\t" + HexFormat.of().toHexDigits((int) crc.getValue()));
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
