package dev.trustbucket;

import static dev.trustbucket.HostileInput.clip;
import static dev.trustbucket.HostileInput.names;
import static dev.trustbucket.HostileInput.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trustbucket.testing.HistoryGenerators.EventSpec;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.account.TierChange;
import dev.trustbucket.account.TrustAccount;
import dev.trustbucket.account.TrustListener;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import dev.trustbucket.decay.DecayRule;
import dev.trustbucket.history.Sampling;
import dev.trustbucket.history.TimelinePoint;
import dev.trustbucket.internal.EpochMicros;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import dev.trustbucket.testing.TrustGenerators;
import dev.trustbucket.testing.HistoryGenerators;

/**
 * Hostile input at the library's front door: malformed events, instants outside the supported
 * range, sampling periods that overflow, and malformed policies. Every attempt must end in an
 * {@link InvalidTrustInputException} that names the field and quotes the value, never in another
 * exception or an endless loop, and must leave every bucket, ledger and account exactly as it was,
 * with no listener notified.
 */
@Label("Hostile input · events, instants and policies")
class HostileEventInputProperties {
  private static final Relationship REL = Relationship.of("alice", "bob");

  // ---------------------------------------------------------------- events

  /** What is wrong with a hostile event. */
  enum Harm {
    BAD_WEIGHT,
    NOTE_TOO_LONG,
    NOTE_MULTILINE,
    NOTE_REFUSED_CHARACTER,
    BEHAVIOUR_TEXT,
    DISCLOSURE_ON_DROP,
    BAD_DELAY,
    UNKNOWN_BEHAVIOUR,
    OUT_OF_ORDER,
    OUT_OF_RANGE_TIME;

    /** Whether the event can be built at all: the others are rejected by its constructor. */
    boolean constructible() {
      return this == UNKNOWN_BEHAVIOUR || this == OUT_OF_ORDER || this == OUT_OF_RANGE_TIME;
    }
  }

  /**
   * A way to spoil a valid event.
   *
   * @param harm what is wrong
   * @param field the field the rejection must name
   * @param quote a fragment of the value the message must quote
   * @param spoil turns a valid event and the time of the last one into the hostile event
   */
  record Spoiler(Harm harm, String field, String quote, BiFunction<TrustEvent, Instant, TrustEvent> spoil) {
    @Override
    public String toString() {
      return harm + " (" + field + ": " + clip(quote) + ")";
    }
  }

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(40, Duration.ofDays(400));
  }

  @Provide
  Arbitrary<EventSpec> nextEvents() {
    return HistoryGenerators.eventSpecs(Duration.ofDays(30));
  }

  static Arbitrary<Double> badWeights() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE,
            -1.0, Math.nextUp(Behaviour.MAX_WEIGHT), 1e300, Double.MAX_VALUE, -Double.MAX_VALUE)),
        Tuple.of(2, Arbitraries.doubles().between(-1e12, -0.01)),
        Tuple.of(2, Arbitraries.doubles().between(100.01, 1e12)));
  }

  static Arbitrary<String> longNotes() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(TrustEvent.MAX_NOTE_LENGTH + 1, TrustEvent.MAX_NOTE_LENGTH + 50)),
            Tuple.of(2, Arbitraries.integers().between(TrustEvent.MAX_NOTE_LENGTH + 1, 20_000)),
            Tuple.of(1, Arbitraries.just(1 << 20)))
        .flatMap(n -> Arbitraries.of("n", "é", "\t", "\\", " ").map(s -> s.repeat(n)));
  }

  static Arbitrary<String> multiLineNotes() {
    return Combinators.combine(
            HistoryGenerators.notes(), Arbitraries.of("\n", "\r", "\r\n", "\n\n"), Arbitraries.doubles().between(0, 1))
        .as((note, brk, where) -> {
          int at = (int) (where * note.length());
          if (at > 0 && at < note.length() && Character.isLowSurrogate(note.charAt(at))
              && Character.isHighSurrogate(note.charAt(at - 1))) {
            at--; // never between the two halves of a pair: that would be a lone surrogate, another harm
          }
          return note.substring(0, at) + brk + note.substring(at);
        });
  }

  static Arbitrary<Duration> badDelays() {
    return Arbitraries.of(
        Duration.ofNanos(-1), Duration.ofDays(-1), Duration.ofSeconds(Long.MIN_VALUE),
        Disclosure.MAX_DELAY.plusNanos(1), Duration.ofDays(36_526), Duration.ofDays(10_000_000),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
  }

  /** Instants the library cannot hold: beyond ±290,000 years, up to the limits of {@link Instant}. */
  static Arbitrary<Instant> outOfRange() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(Instant.MIN, Instant.MAX, EpochMicros.MIN.minusNanos(1), EpochMicros.MAX.plusNanos(1),
            EpochMicros.MAX.plusSeconds(1), EpochMicros.MIN.minusSeconds(86_400))),
        Tuple.of(2, Arbitraries.longs().between(EpochMicros.MAX.getEpochSecond() + 1, Instant.MAX.getEpochSecond())
            .map(Instant::ofEpochSecond)),
        Tuple.of(2, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), EpochMicros.MIN.getEpochSecond() - 1)
            .map(Instant::ofEpochSecond)));
  }

  /** Behaviours the stock catalogue does not hold: made-up ids, enormous ids, stock ids with other settings. */
  static Arbitrary<Behaviour> strangers() {
    Arbitrary<Behaviour> madeUp = Combinators.combine(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
            Arbitraries.of(Direction.class),
            Arbitraries.of(Dimension.class),
            Arbitraries.doubles().between(0, 100))
        .as((id, direction, dimension, w) -> new Behaviour("made-up-" + id, direction, dimension, w, "Made up"));
    Arbitrary<Behaviour> enormous = Arbitraries.integers().between(50, Behaviour.MAX_ID_LENGTH)
        .map(n -> Behaviour.drop("x".repeat(n), Dimension.ABILITY, 1.0, "Enormous"));
    Arbitrary<Behaviour> impostor = Combinators.combine(TrustGenerators.behaviours(), Arbitraries.doubles().between(0, 100))
        .as((b, w) -> new Behaviour(b.id(), b.direction(), b.dimension(), w, b.label()))
        .filter(b -> !BehaviourCatalogue.defaults().contains(b));
    return Arbitraries.frequencyOf(Tuple.of(3, madeUp), Tuple.of(1, enormous), Tuple.of(2, impostor));
  }

  @Provide
  Arbitrary<Spoiler> spoilers() {
    Arbitrary<Duration> back = Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(1L)),
            Tuple.of(3, Arbitraries.longs().between(1, 86_400_000_000L)),
            Tuple.of(1, Arbitraries.longs().between(1, 100 * 365 * 86_400_000_000L)))
        .map(m -> Duration.of(m, ChronoUnit.MICROS));
    return Arbitraries.oneOf(List.of(
        badWeights().map(w -> new Spoiler(Harm.BAD_WEIGHT, "weight", String.valueOf(w), (e, last) -> e.withWeight(w))),
        longNotes().map(n -> new Spoiler(Harm.NOTE_TOO_LONG, "note", n.length() + " characters", (e, last) -> e.withNote(n))),
        multiLineNotes().map(n -> new Spoiler(Harm.NOTE_MULTILINE, "note", "single line", (e, last) -> e.withNote(n))),
        HostileText.spoiled(HistoryGenerators.notes()).map(n -> new Spoiler(Harm.NOTE_REFUSED_CHARACTER, "note",
            "note must not contain U+", (e, last) -> e.withNote(n))),
        Arbitraries.integers().between(Behaviour.MAX_ID_LENGTH + 1, 1 << 20).map(n -> new Spoiler(Harm.BEHAVIOUR_TEXT,
            "id", "at most 100 characters but was " + n,
            (e, last) -> TrustEvent.of(Behaviour.drop("x".repeat(n), Dimension.ABILITY, 1.0, "Enormous"), e.time()))),
        HostileText.spoiled(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40)).map(l -> new Spoiler(
            Harm.BEHAVIOUR_TEXT, "label", "label must not contain U+",
            (e, last) -> TrustEvent.of(Behaviour.drain("made-up", Dimension.ABILITY, 1.0, l), e.time()))),
        Combinators.combine(TrustGenerators.drops(), Arbitraries.oneOf(
                Arbitraries.just(Disclosure.selfReported()), TrustGenerators.delays().map(Disclosure::discovered)))
            .as((drop, d) -> new Spoiler(Harm.DISCLOSURE_ON_DROP, "disclosure", drop.id(),
                (e, last) -> TrustEvent.of(drop, e.time()).withNote(e.note()).withDisclosure(d))),
        badDelays().map(d -> new Spoiler(Harm.BAD_DELAY, "delay", d.toString(),
            (e, last) -> e.withDisclosure(Disclosure.discovered(d)))),
        Arbitraries.of(Disclosure.Kind.NOT_RECORDED, Disclosure.Kind.SELF_REPORTED).map(k -> new Spoiler(Harm.BAD_DELAY,
            "delay", "PT24H", (e, last) -> e.withDisclosure(new Disclosure(k, Duration.ofDays(1))))),
        strangers().map(b -> new Spoiler(Harm.UNKNOWN_BEHAVIOUR, "behaviour", b.id().substring(0, Math.min(40, b.id().length())),
            (e, last) -> new TrustEvent(b, e.time(), b.defaultWeight(), Disclosure.notRecorded(), e.note()))),
        back.map(m -> new Spoiler(Harm.OUT_OF_ORDER, "time", "must not be before",
            (e, last) -> e.withTime(last.minus(m)))),
        outOfRange().map(t -> new Spoiler(Harm.OUT_OF_RANGE_TIME, "time", t.toString(), (e, last) -> e.withTime(t)))));
  }

  /** Records every notice, to check that rejected events notify nobody. */
  static final class Ears implements TrustListener {
    final List<String> heard = new ArrayList<>();

    @Override
    public void onTierChange(TierChange change) {
      heard.add("tier " + change.from() + "->" + change.to());
    }

    @Override
    public void onBreach(BreachNotice breach) {
      heard.add("breach " + breach.event().behaviour());
    }
  }

  @Property(tries = 500)
  @Label("a hostile event is rejected by the event, the bucket, the ledger and the account, naming the field; nothing changes and nobody is notified")
  void hostileEventsAreRejectedAndChangeNothing(
      @ForAll("histories") LedgerCase c, @ForAll("spoilers") Spoiler s, @ForAll("nextEvents") EventSpec next) {
    TrustLedger ledger = c.ledger();
    TrustLedger ledgerCopy = c.ledger();
    TrustBucket bucket = ledger.state();
    TrustBucket bucketCopy = BadInputProperties.copyOf(bucket);
    Instant last = bucket.time();
    TrustEvent valid = next.after(last);
    List<RuntimeException> listenerErrors = new ArrayList<>();
    TrustAccount account = TrustAccount.of(REL, ledger, listenerErrors::add);
    Ears ears = new Ears();
    account.addListener(ears);
    Statistics.label("harm").collect(s.harm());

    Throwable building = catchThrowable(() -> s.spoil().apply(valid, last));
    assertThat(building == null).as("%s can be built", s).isEqualTo(s.harm().constructible());

    List<Tuple.Tuple2<String, ThrowingCallable>> attempts = List.of(
        Tuple.of("TrustBucket.apply", () -> bucket.plus(s.spoil().apply(valid, last))),
        Tuple.of("TrustLedger.append", () -> ledger.plus(s.spoil().apply(valid, last))),
        Tuple.of("TrustLedger.appendAll", () -> ledger.plusAll(List.of(valid, s.spoil().apply(valid, last)))),
        Tuple.of("TrustAccount.record", () -> account.record(s.spoil().apply(valid, last))),
        Tuple.of("TrustAccount.recordAll", () -> account.recordAll(List.of(valid, s.spoil().apply(valid, last)))));
    for (Tuple.Tuple2<String, ThrowingCallable> attempt : attempts) {
      InvalidTrustInputException e =
          rejected(InvalidTrustInputException.class, attempt.get1() + " of " + s, attempt.get2());
      names(e, s.field());
      assertThat(e.getMessage()).contains(s.quote());
      if (s.harm().constructible() && attempt.get1().endsWith("All")) {
        assertThat(e.getMessage()).startsWith("event 2: ").endsWith("; nothing was appended");
      }
    }

    // Nothing changed, nobody heard anything, and everything carries on as if the attempts never happened.
    assertThat(ledger).isEqualTo(ledgerCopy);
    assertThat(ledger.state()).isEqualTo(ledgerCopy.state());
    assertThat(bucket).isEqualTo(bucketCopy);
    assertThat(account.ledger()).isSameAs(ledger);
    assertThat(ears.heard).isEmpty();
    assertThat(listenerErrors).isEmpty();
    TrustBucket after = account.record(valid);
    assertThat(after).isEqualTo(ledgerCopy.plus(valid).state()).isEqualTo(bucketCopy.plus(valid));
    Statistics.label("harm").coverage(checker -> {
      for (Harm h : Harm.values()) {
        checker.check(h).count(n -> n > 0);
      }
    });
  }

  @Property(tries = 150)
  @Label("an instant outside the supported range is rejected by every method that takes one, naming the parameter")
  void instantsOutsideTheRangeAreRejected(@ForAll("histories") LedgerCase c, @ForAll("outOfRangeInstants") Instant t) {
    TrustPolicy policy = c.policy();
    TrustLedger ledger = c.ledger();
    TrustBucket state = ledger.state();
    TrustAccount account = TrustAccount.of(REL, ledger);
    Statistics.label("side").collect(t.isBefore(EpochMicros.MIN) ? "before" : "after");
    List<Tuple.Tuple3<String, String, ThrowingCallable>> attempts = List.of(
        Tuple.of("TrustBucket.start", "time", () -> TrustBucket.of(policy, t)),
        Tuple.of("TrustBucket.of(policy, time, level)", "time", () -> TrustBucket.of(policy, t, 0.5)),
        Tuple.of("TrustBucket.restore(time)", "time", () -> TrustBucket.ofState(
            policy, t, state.level(), state.scar(), state.tier(), Optional.empty(), 0, 0)),
        Tuple.of("TrustBucket.restore(promotedAt)", "promotedAt", () -> TrustBucket.ofState(
            policy, state.time(), state.level(), state.scar(), state.tier(), Optional.of(t), 0, 0)),
        Tuple.of("TrustBucket.at", "time", () -> state.at(t)),
        Tuple.of("TrustBucket.levelAt", "time", () -> state.levelAt(t)),
        Tuple.of("TrustBucket.tierAt", "time", () -> state.tierAt(t)),
        Tuple.of("TrustLedger.start", "time", () -> TrustLedger.of(policy, t)),
        Tuple.of("TrustLedger.stateAt", "time", () -> ledger.stateAt(t)),
        Tuple.of("TrustLedger.levelAt", "time", () -> ledger.levelAt(t)),
        Tuple.of("TrustLedger.tierAt", "time", () -> ledger.tierAt(t)),
        Tuple.of("TrustLedger.timeline(every event)", "end", () -> ledger.timeline(Sampling.everyEvent(), t)),
        Tuple.of("TrustLedger.timeline(weekly)", "end", () -> ledger.timeline(Sampling.weekly(), t)),
        Tuple.of("TrustAccount.open", "time", () -> TrustAccount.of(REL, policy, t)),
        Tuple.of("TrustAccount.stateAt", "time", () -> account.stateAt(t)));
    for (Tuple.Tuple3<String, String, ThrowingCallable> a : attempts) {
      InvalidTrustInputException e = rejected(InvalidTrustInputException.class, a.get1() + " at " + t, a.get3());
      names(e, a.get2());
      assertThat(e.getMessage()).contains(t.toString());
    }
    assertThat(ledger).isEqualTo(c.ledger());
    assertThat(account.ledger()).isSameAs(ledger);
  }

  @Provide
  Arbitrary<Instant> outOfRangeInstants() {
    return outOfRange();
  }

  // ---------------------------------------------------------------- sampling periods

  /** A span of the supported range and a sampling period long enough for at most ~2,000 samples. */
  record Span(Instant start, Instant end, Duration period) {}

  @Provide
  Arbitrary<Span> spans() {
    long min = EpochMicros.MIN.getEpochSecond();
    long max = EpochMicros.MAX.getEpochSecond();
    Arbitrary<Long> starts = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(min)), Tuple.of(3, Arbitraries.longs().between(min, max)));
    return starts.flatMap(from -> Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(max)), Tuple.of(3, Arbitraries.longs().between(from, max)))
            .flatMap(to -> {
              long least = Math.max(1, (to - from) / 2_000 + 1);
              return Arbitraries.frequencyOf(
                      Tuple.of(1, Arbitraries.of(least, Long.MAX_VALUE, Long.MAX_VALUE / 1_000_000L + 1)),
                      Tuple.of(2, Arbitraries.longs().between(least, Math.min(Long.MAX_VALUE / 4, least * 20))),
                      Tuple.of(2, Arbitraries.longs().between(least, Long.MAX_VALUE)))
                  .map(p -> new Span(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to), Duration.ofSeconds(p)));
            }));
  }

  private static final ExecutorService WATCHDOG = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "timeline-watchdog");
    t.setDaemon(true);
    return t;
  });

  @AfterContainer
  static void stopWatchdog() {
    WATCHDOG.shutdownNow();
  }

  @Property(tries = 200)
  @Label("a timeline ends at its end whatever the sampling period, even one of 292 billion years across the whole range")
  void timelinesEndWhateverThePeriod(@ForAll("spans") Span span) throws Exception {
    TrustLedger ledger = TrustLedger.of(HistoryGenerators.NEVER_FORGETS, span.start());
    Statistics.label("period").collect(span.period().getSeconds() > Long.MAX_VALUE / 1_000_000L ? "overflows µs" : "fits µs");
    Future<List<TimelinePoint>> f = WATCHDOG.submit(() -> ledger.timeline(Sampling.every(span.period()), span.end()));
    List<TimelinePoint> points;
    try {
      points = f.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("timeline " + span + " did not return within 10 s: an endless loop", e);
    }
    assertThat(points.get(0).time()).isEqualTo(span.start());
    assertThat(points.get(points.size() - 1).time()).isEqualTo(span.end());
    for (int i = 1; i < points.size(); i++) {
      Instant before = points.get(i - 1).time();
      Instant at = points.get(i).time();
      assertThat(at).isAfter(before);
      if (i < points.size() - 1) {
        assertThat(Duration.between(before, at)).isEqualTo(span.period());
      }
    }
  }

  @Example
  @Label("a sampling period under a second is rejected naming \"period\"")
  void shortPeriodsAreRejected() {
    for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(999), Duration.ofNanos(-1), Duration.ofSeconds(Long.MIN_VALUE))) {
      names(rejected(InvalidTrustInputException.class, "Sampling.every(" + d + ")", () -> Sampling.every(d)), "period");
    }
  }

  // ---------------------------------------------------------------- huge spans

  /** A short history whose start, events and instant of interest lie anywhere in the range, ends included. */
  record FarCase(TrustPolicy policy, Instant start, List<Instant> times, List<Behaviour> behaviours, Instant at,
      Duration cadence, Duration period) {
    TrustLedger ledger() {
      TrustLedger l = TrustLedger.of(policy, start);
      for (int i = 0; i < times.size(); i++) {
        l = l.plus(TrustEvent.of(behaviours.get(i), times.get(i)));
      }
      return l;
    }
  }

  @Provide
  Arbitrary<FarCase> farCases() {
    long min = EpochMicros.MIN.getEpochSecond();
    long max = EpochMicros.MAX.getEpochSecond();
    Arbitrary<Long> anywhere = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(min, max, max - 86_400, min + 86_400, 0L)),
        Tuple.of(3, Arbitraries.longs().between(min, max)));
    Arbitrary<Duration> cadences = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofMinutes(1))),
        Tuple.of(1, Arbitraries.longs().between(60, RecoveryForecastHorizon.SECONDS).map(Duration::ofSeconds)));
    Arbitrary<Duration> periods = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.of(Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofDays(7))),
        Tuple.of(1, Arbitraries.longs().between(1, Long.MAX_VALUE).map(Duration::ofSeconds)));
    return Combinators.combine(TrustGenerators.presets(), anywhere.list().ofMinSize(2).ofMaxSize(7),
            TrustGenerators.behaviours().list().ofSize(6), cadences, periods)
        .as((policy, raw, behaviours, cadence, period) -> {
          List<Long> sorted = raw.stream().sorted().toList();
          List<Instant> times = sorted.subList(1, sorted.size() - 1).stream().map(Instant::ofEpochSecond).toList();
          return new FarCase(policy, Instant.ofEpochSecond(sorted.get(0)), times, behaviours.subList(0, times.size()),
              Instant.ofEpochSecond(sorted.get(sorted.size() - 1)), cadence, period);
        });
  }

  /** The forecast horizon in seconds, for cadence generators. */
  static final class RecoveryForecastHorizon {
    static final long SECONDS = dev.trustbucket.forecast.RecoveryForecast.HORIZON.toSeconds();

    private RecoveryForecastHorizon() {}
  }

  @Property(tries = 120)
  @Label("across spans of up to 580,000 years, explanations, forecasts and timelines give finite numbers, proleptic years and bounded work")
  void hugeSpansGiveRightNumbersAndBoundedWork(@ForAll("farCases") FarCase c) throws Exception {
    TrustLedger ledger = c.ledger();
    dev.trustbucket.explain.Explanation e = dev.trustbucket.explain.Explanation.of(ledger, c.at());
    double sum = e.baseline() + e.startRemaining();
    for (dev.trustbucket.explain.Contribution k : e.contributions()) {
      assertThat(k.remaining()).isFinite();
      assertThat(k.scarRemaining()).isFinite().isBetween(0.0, 1.0);
      sum += k.remaining();
    }
    assertThat(e.startRemaining()).isFinite();
    assertThat(e.decayTotal()).isFinite();
    assertThat(sum).as("the remainders add up to the level").isCloseTo(e.level(), org.assertj.core.api.Assertions.within(1e-9));
    String text = dev.trustbucket.text.ExplanationFormat.of(java.util.Locale.ENGLISH).format(e);
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity").doesNotContainPattern("\\d [A-Z][a-z]+ \\+\\d");
    int year = java.time.LocalDateTime.ofInstant(c.at(), java.time.ZoneOffset.UTC).getYear();
    assertThat(text).contains(" " + year + ", backed by");
    String german = dev.trustbucket.text.ExplanationFormat.of(java.util.Locale.GERMAN).format(e);
    assertThat(german).doesNotContain("NaN").doesNotContain("Infinity").contains(" " + year + ", gest\u00fctzt auf");
    Statistics.label("span").collect(
        Duration.between(c.start(), c.at()).toDays() > 292_000L * 365 ? "beyond 292,000 years" : "within a long");

    TrustBucket now = ledger.stateAt(c.at());
    dev.trustbucket.forecast.RecoveryForecast f =
        dev.trustbucket.forecast.RecoveryForecast.untilLevel(now, Behaviours.SMALL_WIN, c.cadence(), 0.95);
    assertThat(f.finalLevel()).isFinite().isBetween(0.0, 1.0);
    assertThat(f.reachedAt().orElse(now.time())).isBeforeOrEqualTo(EpochMicros.MAX);
    dev.trustbucket.forecast.RecoveryForecast.untilTier(now, Behaviours.SMALL_WIN, c.cadence(), AutonomyTier.AUTONOMOUS);

    Future<List<TimelinePoint>> timeline = WATCHDOG.submit(() -> ledger.timeline(Sampling.every(c.period()), c.at()));
    try {
      List<TimelinePoint> points = timeline.get(10, TimeUnit.SECONDS);
      assertThat(points).hasSizeLessThanOrEqualTo(TrustLedger.MAX_TIMELINE_POINTS);
      Statistics.label("timeline").collect("drawn");
    } catch (java.util.concurrent.ExecutionException rejected) {
      InvalidTrustInputException x = rejected(InvalidTrustInputException.class, "timeline " + c.period(), rejected.getCause());
      names(x, "sampling");
      Statistics.label("timeline").collect("over the cap");
    } catch (TimeoutException endless) {
      timeline.cancel(true);
      throw new AssertionError("timeline every " + c.period() + " did not return within 10 s", endless);
    }
  }

  // ---------------------------------------------------------------- user code that throws

  /** What a custom decay rule throws for long gaps. */
  enum Fault {
    ASSERTION_ERROR, RUNTIME_EXCEPTION, STACK_OVERFLOW;

    Throwable make() {
      switch (this) {
        case ASSERTION_ERROR:
          return new AssertionError("decay rule assertion");
        case RUNTIME_EXCEPTION:
          return new UnsupportedOperationException("decay rule bug");
        default:
          return new StackOverflowError("decay rule recursion");
      }
    }
  }

  /** A decay rule that keeps the contract for the policy's probes (up to ten years) but throws beyond a threshold. */
  static DecayRule faulty(Fault fault, long thresholdDays) {
    DecayRule inner = DecayRule.exponential(Duration.ofDays(90));
    Duration limit = Duration.ofDays(thresholdDays);
    return new DecayRule() {
      @Override
      public double retained(Duration elapsed) {
        if (elapsed.compareTo(limit) > 0) {
          HostileEventInputProperties.<RuntimeException>sneaky(fault.make());
        }
        return inner.retained(elapsed);
      }

      @Override
      public Duration halfLife() {
        return inner.halfLife();
      }

      @Override
      public String toString() {
        return "faulty(" + fault + " after " + thresholdDays + " days)";
      }
    };
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> void sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Property(tries = 50)
  @Label("whatever a custom decay rule throws leaves apply, append, appendAll, record and recordAll as thrown; nothing changes and nobody hears")
  void throwingDecayRulesChangeNothing(@ForAll Fault fault, @ForAll @net.jqwik.api.constraints.LongRange(min = 3_651, max = 40_000) long thresholdDays,
      @ForAll("nextEvents") EventSpec first) {
    TrustPolicy policy = TrustPolicy.builder().name("faulty").decay(faulty(fault, thresholdDays)).build();
    Instant t0 = Instant.parse("2000-01-01T00:00:00Z");
    TrustLedger ledger = TrustLedger.of(policy, t0).plus(TrustEvent.of(Behaviours.HID_PROBLEM, t0.plusSeconds(60)));
    TrustLedger copy = TrustLedger.of(policy, t0).plus(TrustEvent.of(Behaviours.HID_PROBLEM, t0.plusSeconds(60)));
    TrustBucket bucket = ledger.state();
    List<RuntimeException> handled = new ArrayList<>();
    TrustAccount account = TrustAccount.of(REL, ledger, handled::add);
    Ears ears = new Ears();
    account.addListener(ears);
    TrustEvent far = first.after(bucket.time().plus(Duration.ofDays(thresholdDays + 1)));
    TrustEvent near = TrustEvent.of(Behaviours.HID_PROBLEM, bucket.time().plusSeconds(1));
    List<Tuple.Tuple2<String, ThrowingCallable>> attempts = List.of(
        Tuple.of("TrustBucket.apply", () -> bucket.plus(far)),
        Tuple.of("TrustLedger.append", () -> ledger.plus(far)),
        Tuple.of("TrustLedger.appendAll", () -> ledger.plusAll(List.of(near, far))),
        Tuple.of("TrustAccount.record", () -> account.record(far)),
        Tuple.of("TrustAccount.recordAll", () -> account.recordAll(List.of(near, far))));
    for (Tuple.Tuple2<String, ThrowingCallable> a : attempts) {
      Throwable thrown = catchThrowable(a.get2());
      assertThat(thrown).as(a.get1()).isNotNull();
      assertThat(thrown.getClass()).as(a.get1()).isEqualTo(fault.make().getClass());
    }
    assertThat(ledger).isEqualTo(copy);
    assertThat(account.ledger()).isSameAs(ledger);
    assertThat(ears.heard).isEmpty();
    assertThat(handled).isEmpty();
    assertThat(account.record(near)).isEqualTo(copy.plus(near).state());
    assertThat(ears.heard).containsExactly("breach " + Behaviours.HID_PROBLEM);
  }

  // ---------------------------------------------------------------- policies

  /**
   * A policy built with one hostile setting, or a pair of settings that contradict each other.
   *
   * @param field the field the rejection must name
   * @param quote a fragment of the value the message must quote
   * @param build builds the policy from a base: must throw
   */
  record BadPolicy(String field, String quote, UnaryOperator<TrustPolicy.Builder> build) {
    @Override
    public String toString() {
      return field + " (" + clip(quote) + ")";
    }
  }

  /** Numbers outside {@code [lo, hi]} (bounds excluded when not inclusive), NaN and the infinities. */
  static Arbitrary<Double> outside(double lo, boolean loInclusive, double hi, boolean hiInclusive) {
    List<Double> specials = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, -Double.MAX_VALUE, loInclusive ? Math.nextDown(lo) : lo, hiInclusive ? Math.nextUp(hi) : hi));
    if (lo == 0.0 && !loInclusive) {
      specials.add(-0.0);
    }
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(specials)),
        Tuple.of(1, Arbitraries.doubles().between(-1e6, lo).filter(v -> v < lo)),
        Tuple.of(1, Arbitraries.doubles().between(hi, 1e6).filter(v -> v > hi)));
  }

  static Arbitrary<BadPolicy> number(String field, double lo, boolean loInc, double hi, boolean hiInc,
      BiFunction<TrustPolicy.Builder, Double, TrustPolicy.Builder> setter) {
    return outside(lo, loInc, hi, hiInc).map(v -> new BadPolicy(field, String.valueOf(v), b -> setter.apply(b, v)));
  }

  static Arbitrary<Duration> badHalfTimes() {
    return Arbitraries.of(Duration.ZERO, Duration.ofSeconds(59, 999_999_999), Duration.ofNanos(-1), Duration.ofDays(-1),
        Duration.ofSeconds(Long.MIN_VALUE), Disclosure.MAX_DELAY.plusNanos(1), Duration.ofDays(36_526),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
  }

  /** Decay rules that break the {@link DecayRule} contract: NaN, above one, negative, rising, not 1 at 0. */
  static Arbitrary<DecayRule> brokenRules() {
    return Arbitraries.of(
        TrustGenerators.decayRule("hostile rule that keeps NaN", t -> Double.NaN),
        TrustGenerators.decayRule("hostile rule that keeps 2", t -> 2.0),
        TrustGenerators.decayRule("hostile rule that keeps -0.5", t -> -0.5),
        TrustGenerators.decayRule("hostile rule that keeps infinity", t -> Double.POSITIVE_INFINITY),
        TrustGenerators.decayRule("hostile rule that keeps 0.5 at 0", t -> t.isZero() ? 0.5 : 0.25),
        TrustGenerators.decayRule("hostile rule that rises", t -> t.isZero() ? 1.0 : Math.min(1.0, 0.1 + t.getSeconds() / (3650 * 86_400.0))),
        TrustGenerators.decayRule("hostile rule that keeps 1 then 1.5", t -> t.compareTo(Duration.ofDays(365)) < 0 ? 1.0 : 1.5));
  }

  /** The bad settings for each base policy, built once: jqwik memoises the generators of an arbitrary it sees again. */
  private static final java.util.Map<TrustPolicy, Arbitrary<BadPolicy>> BAD_SETTINGS = new java.util.concurrent.ConcurrentHashMap<>();

  @Provide
  Arbitrary<Tuple.Tuple2<TrustPolicy, BadPolicy>> badPolicies() {
    return TrustGenerators.presets().flatMap(base -> BAD_SETTINGS.computeIfAbsent(base, HostileEventInputProperties::badSettings)
        .map(bad -> Tuple.of(base, bad)));
  }

  static Arbitrary<BadPolicy> badSettings(TrustPolicy base) {
    AutonomyLadder d = AutonomyLadder.defaults();
    return Arbitraries.oneOf(List.of(
        number("baseline", 0.0, false, 1.0, false, TrustPolicy.Builder::baseline),
        number("gainRate", 0.0, false, 1.0, true, (b, v) -> b.rates(base.rates().withGainRate(v))),
        number("lossRate", 0.0, false, 1.0, true, (b, v) -> b.rates(base.rates().withLossRate(v))),
        number("integrityMultiplier", 1.0, true, 10.0, true, (b, v) -> b.drainMultipliers(base.drainMultipliers().withIntegrityMultiplier(v))),
        number("majorSeverity", 0.0, false, 100.0, true, (b, v) -> b.breachRules(base.breachRules().withMajorSeverity(v))),
        number("scarRate", 0.0, true, 1.0, true, (b, v) -> b.breachRules(base.breachRules().withScarRate(v))),
        number("maxScar", 0.0, true, 1.0 - base.baseline(), true, (b, v) -> b.breachRules(base.breachRules().withMaxScar(v))),
        number("selfReportedMultiplier", 0.0, false, 1.0, true, (b, v) -> b.drainMultipliers(base.drainMultipliers().withSelfReportedMultiplier(v))),
        number("discoveredMultiplier", 1.0, true, 10.0, true, (b, v) -> b.drainMultipliers(base.drainMultipliers().withDiscoveredMultiplier(v))),
        number("discoveredMultiplierLimit", base.drainMultipliers().discoveredMultiplier(), true, 10.0, true,
            (b, v) -> b.drainMultipliers(base.drainMultipliers().withDiscoveredMultiplierLimit(v))),
        number("brokenPromiseMultiplier", 1.0, true, 5.0, true, (b, v) -> b.commitmentRules(base.commitmentRules().withBrokenPromiseMultiplier(v))),
        number("abandonmentMultiplier", 1.0, true, 5.0, true, (b, v) -> b.commitmentRules(base.commitmentRules().withAbandonmentMultiplier(v))),
        number("renegotiationCost", 0.0, true, 1.0, true, (b, v) -> b.commitmentRules(base.commitmentRules().withRenegotiationCost(v))),
        badHalfTimes().map(h -> new BadPolicy("concealmentHalfTime", h.toString(), b -> b.drainMultipliers(base.drainMultipliers().withConcealmentHalfTime(h)))),
        badHalfTimes().map(h -> new BadPolicy("renegotiationNoticeHalfTime", h.toString(),
            b -> b.commitmentRules(base.commitmentRules().withRenegotiationNoticeHalfTime(h)))),
        // Inconsistent pairs: each setting is fine on its own.
        Arbitraries.doubles().between(1.0, 10.0).filter(m -> m > base.drainMultipliers().discoveredMultiplierLimit())
            .map(m -> new BadPolicy("discoveredMultiplierLimit", String.valueOf(m), b -> b.drainMultipliers(base.drainMultipliers().withDiscoveredMultiplier(m)))),
        Combinators.combine(Arbitraries.doubles().between(0.01, 0.99), Arbitraries.doubles().between(0.0, 1.0))
            .as((scar, f) -> Tuple.of(scar, (1.0 - scar) + f * scar))
            .filter(p -> p.get1() > 1.0 - p.get2() && p.get2() < 1.0)
            .map(p -> new BadPolicy("maxScar", String.valueOf(p.get1()), b -> b.breachRules(base.breachRules().withMaxScar(p.get1())).baseline(p.get2()))),
        Combinators.combine(Arbitraries.longs().between(2, 10_000), Arbitraries.doubles().between(0.0, 0.99))
            .as((days, f) -> {
              DecayRule faster = DecayRule.exponential(Duration.ofDays(Math.max(1, (long) (days * f))));
              return new BadPolicy("scarDecay", faster.toString(),
                  b -> b.decay(DecayRule.exponential(Duration.ofDays(days))).scarDecay(faster));
            }),
        Arbitraries.longs().between(1, 10_000).map(days -> new BadPolicy("scarDecay", "exponential",
            b -> b.decay(DecayRule.none()).scarDecay(DecayRule.exponential(Duration.ofDays(days))))),
        brokenRules().map(r -> new BadPolicy("decay", r.toString(), b -> b.decay(r))),
        brokenRules().map(r -> new BadPolicy("scarDecay", r.toString(), b -> b.scarDecay(r))),
        badHalfTimes().filter(h -> h.isNegative() || h.isZero() || h.getSeconds() >= 1L << 40)
            .map(h -> new BadPolicy("halfLife", h.toString(), b -> b.decay(DecayRule.exponential(h)))),
        // The ladder validates itself.
        outside(0.0, false, 1.0, true).map(v -> new BadPolicy("supervised", String.valueOf(v),
            b -> b.ladder(new AutonomyLadder(v, d.trusted(), d.autonomous(), d.hysteresisBand(), d.minimumStay())))),
        outside(0.0, true, 1.0, true).map(v -> new BadPolicy("autonomous", String.valueOf(v),
            b -> b.ladder(new AutonomyLadder(d.supervised(), d.trusted(), v, d.hysteresisBand(), d.minimumStay())))),
        Arbitraries.doubles().between(0.0, d.supervised()).map(v -> new BadPolicy("thresholds", String.valueOf(v),
            b -> b.ladder(new AutonomyLadder(d.supervised(), v, d.autonomous(), d.hysteresisBand(), d.minimumStay())))),
        Arbitraries.doubles().between(d.supervised(), 1.0).map(v -> new BadPolicy("hysteresisBand", String.valueOf(v),
            b -> b.ladder(new AutonomyLadder(d.supervised(), d.trusted(), d.autonomous(), v, d.minimumStay())))),
        Arbitraries.of(Duration.ofNanos(-1), Duration.ofDays(36_526), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999))
            .map(v -> new BadPolicy("minimumStay", v.toString(),
                b -> b.ladder(new AutonomyLadder(d.supervised(), d.trusted(), d.autonomous(), d.hysteresisBand(), v)))),
        TrustGenerators.behaviours().map(dup -> new BadPolicy("id", dup.id(),
            b -> b.catalogue(BehaviourCatalogue.defaults().plus(dup)))),
        Arbitraries.oneOf(
                Arbitraries.of("", " ", "\t", "tab\there", "line\nbreak", "carriage\rreturn", "crlf\r\n", "\n",
                    "x".repeat(101), "y".repeat(1 << 20)),
                HostileText.spoiled(Arbitraries.strings().alpha().numeric().withChars(" -").ofMaxLength(98)))
            .map(n -> new BadPolicy("name", visiblePrefix(n), b -> b.name(n)))));
  }

  /** The start of a text as a message quotes it: in its visible form, at most 40 characters. */
  static String visiblePrefix(String text) {
    String quoted = dev.trustbucket.internal.Texts.clip(text);
    return quoted.substring(0, Math.min(quoted.length(), 40));
  }

  private static final Set<String> POLICY_FIELDS = Set.of("baseline", "gainRate", "lossRate", "integrityMultiplier",
      "majorSeverity", "scarRate", "maxScar", "selfReportedMultiplier", "discoveredMultiplier",
      "discoveredMultiplierLimit", "brokenPromiseMultiplier", "abandonmentMultiplier", "renegotiationCost",
      "concealmentHalfTime", "renegotiationNoticeHalfTime", "decay", "scarDecay", "halfLife", "supervised",
      "autonomous", "thresholds", "hysteresisBand", "minimumStay", "id", "name");

  @Property(tries = 500)
  @Label("a hostile or self-contradicting policy setting is rejected when built, naming the field and quoting the value")
  void hostilePoliciesAreRejected(@ForAll("badPolicies") Tuple.Tuple2<TrustPolicy, BadPolicy> baseAndBad) {
    TrustPolicy base = baseAndBad.get1();
    BadPolicy bad = baseAndBad.get2();
    Statistics.label("field").collect(bad.field());
    InvalidTrustInputException e = rejected(InvalidTrustInputException.class, "building " + base.name() + " with " + bad,
        () -> bad.build().apply(TrustPolicy.builder().from(base)).build());
    names(e, bad.field());
    assertThat(e.getMessage()).contains(bad.quote());
    // The base is untouched and still builds.
    assertThat(TrustPolicy.builder().from(base).build()).isEqualTo(base);
    Statistics.label("field").coverage(checker -> {
      for (String f : POLICY_FIELDS) {
        checker.check(f).count(n -> n > 0);
      }
    });
  }

  @Example
  @Label("a literal null for a policy setting is a NullPointerException naming the setting")
  void nullSettingsNameTheSetting() {
    List<Tuple.Tuple2<String, Supplier<TrustPolicy.Builder>>> nulls = List.of(
        Tuple.of("name", () -> TrustPolicy.builder().name(null)),
        Tuple.of("concealmentHalfTime", () -> TrustPolicy.builder().drainMultipliers(DrainMultipliers.defaults().withConcealmentHalfTime(null))),
        Tuple.of("renegotiationNoticeHalfTime", () -> TrustPolicy.builder().commitmentRules(CommitmentRules.defaults().withRenegotiationNoticeHalfTime(null))),
        Tuple.of("decay", () -> TrustPolicy.builder().decay(null)),
        Tuple.of("scarDecay", () -> TrustPolicy.builder().scarDecay(null)),
        Tuple.of("ladder", () -> TrustPolicy.builder().ladder(null)),
        Tuple.of("catalogue", () -> TrustPolicy.builder().catalogue(null)));
    for (Tuple.Tuple2<String, Supplier<TrustPolicy.Builder>> n : nulls) {
      NullPointerException e = rejected(NullPointerException.class, n.get1() + "(null)", n.get2()::get);
      assertThat(e.getMessage()).contains(n.get1());
    }
  }
}
