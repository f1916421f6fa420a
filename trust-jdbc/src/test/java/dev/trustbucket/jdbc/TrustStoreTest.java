package dev.trustbucket.jdbc;

import static dev.trustbucket.behaviour.Behaviours.DELIVERED_ON_COMMITMENT;
import static dev.trustbucket.behaviour.Behaviours.HID_PROBLEM;
import static dev.trustbucket.behaviour.Behaviours.MISSED_DEADLINE;
import static dev.trustbucket.behaviour.Behaviours.PROACTIVE_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's behaviour on each of its databases. */
class TrustStoreTest {
  static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
  static final Relationship ANA = Relationship.of("ana", "ben");
  static final Relationship CAL = Relationship.of("cal", "ben");

  static TrustEvent event(int day) {
    return TrustEvent.of(day % 5 == 4 ? MISSED_DEADLINE : DELIVERED_ON_COMMITMENT, T0.plus(Duration.ofDays(day)));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void recordsEventsAndReadsThemBackAsTheLedgerTheyMake(Dialect dialect) {
    DataSource ds = Databases.migrated(dialect);
    TrustStore store = TrustStore.open(ds, TrustPolicy.defaults());
    TrustLedger expected = TrustLedger.of(TrustPolicy.defaults(), T0);
    for (int day = 0; day < 150; day++) {
      TrustEvent e = event(day);
      if (day == 77) {
        e = TrustEvent.of(HID_PROBLEM, e.time()).withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
            .withNote("escaped \\t and \\n, back\\slash, ünïcode, an emoji \uD83D\uDE00");
      }
      Recorded r = store.record(ANA, e);
      expected = expected.plus(e);
      assertThat(r.state()).isEqualTo(expected.state());
      assertThat(r.recorded()).isEqualTo(1);
      assertThat(r.eventCount()).isEqualTo(day + 1);
    }
    assertThat(store.ledger(ANA)).isEqualTo(expected);
    assertThat(store.state(ANA)).contains(expected.state());
    assertThat(store.state(CAL)).isEmpty();
    assertThat(store.relationships()).containsExactly(ANA);
    for (int hour = -1; hour < 160 * 24; hour += 7) {
      Instant t = T0.plus(Duration.ofHours(hour + 1));
      assertThat(store.stateAt(ANA, t)).as("at %s", t).isEqualTo(expected.stateAt(t));
    }
    assertThatThrownBy(() -> store.stateAt(ANA, T0.minusSeconds(1)))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("time");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void anEventWithAnIdIsRecordedOnceHoweverOftenItIsSubmitted(Dialect dialect) {
    TrustStore store = TrustStore.open(Databases.migrated(dialect), TrustPolicy.defaults());
    EventSubmission first = EventSubmission.of("req-1", event(0));
    assertThat(store.record(ANA, first).recorded()).isEqualTo(1);
    Recorded again = store.record(ANA, first);
    assertThat(again.recorded()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.eventCount()).isEqualTo(1);
    // A batch with a known id, a new one and the new one twice.
    List<EventSubmission> batch = List.of(first, EventSubmission.of("req-2", event(1)),
        EventSubmission.of("req-2", event(1)), EventSubmission.of(event(2)));
    Recorded r = store.recordAll(ANA, batch);
    assertThat(r.recorded()).isEqualTo(2);
    assertThat(r.duplicates()).isEqualTo(2);
    assertThat(store.events(ANA)).extracting(e -> e.id().orElse("-")).containsExactly("req-1", "req-2", "-");
    // The same id for another event is a producer's bug.
    assertThatThrownBy(() -> store.record(ANA, EventSubmission.of("req-1", event(3))))
        .isInstanceOf(EventIdConflictException.class)
        .hasMessageContaining("req-1");
    assertThat(store.events(ANA)).hasSize(3);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aBatchWithOneBadEventRecordsNothing(Dialect dialect) {
    TrustStore store = TrustStore.open(Databases.migrated(dialect), TrustPolicy.defaults());
    store.record(ANA, event(10));
    List<EventSubmission> batch = new ArrayList<>();
    batch.add(EventSubmission.of(event(11)));
    batch.add(EventSubmission.of(event(5))); // earlier than the last
    assertThatThrownBy(() -> store.recordAll(ANA, batch))
        .isInstanceOf(InvalidTrustInputException.class)
        .hasMessageContaining("event 2")
        .hasMessageContaining("nothing was recorded");
    assertThat(store.events(ANA)).hasSize(1);
    // An import touching two relationships, the second one bad: neither is written.
    assertThatThrownBy(() -> store.importAll(java.util.Map.of(
            CAL, List.of(EventSubmission.of(event(1))),
            ANA, List.of(EventSubmission.of(event(2))))))
        .isInstanceOf(InvalidTrustInputException.class);
    assertThat(store.state(CAL)).isEmpty();
    assertThat(store.events(ANA)).hasSize(1);
    var done = store.importAll(java.util.Map.of(
        CAL, List.of(EventSubmission.of(event(1)), EventSubmission.of(event(3))),
        ANA, List.of(EventSubmission.of(TrustEvent.of(PROACTIVE_UPDATE, event(12).time())))));
    assertThat(done.keySet()).containsExactly(ANA, CAL);
    assertThat(store.events(CAL)).hasSize(2);
    assertThat(store.events(ANA)).hasSize(2);
  }

  @org.junit.jupiter.api.Test
  void aHistoryKeptUnderAnotherPolicyIsNeverReadOrExtendedUnderThisOne() {
    DataSource ds = Databases.migrated(Dialect.H2);
    TrustStore defaults = TrustStore.open(ds, TrustPolicy.defaults());
    defaults.record(ANA, event(0));
    TrustStore strict = TrustStore.open(ds, TrustPolicy.strict());
    List<String> before = SchemaTest.snapshot(ds);
    assertThatThrownBy(() -> strict.record(ANA, event(1)))
        .isInstanceOfSatisfying(PolicyMismatchException.class, e -> {
          assertThat(e.storedPolicy()).isEqualTo(TrustPolicy.defaults().fingerprint());
          assertThat(e.storePolicy()).isEqualTo(TrustPolicy.strict().fingerprint());
        })
        .hasMessageContaining("ana")
        .hasMessageContaining(TrustPolicy.defaults().fingerprint())
        .hasMessageContaining(TrustPolicy.strict().fingerprint());
    assertThatThrownBy(() -> strict.stateAt(ANA, T0)).isInstanceOf(PolicyMismatchException.class);
    assertThat(SchemaTest.snapshot(ds)).isEqualTo(before);
    assertThat(strict.relationships()).isEmpty();
    assertThat(defaults.relationships()).containsExactly(ANA);
  }

  @org.junit.jupiter.api.Test
  void startOpensARelationshipAtTheBaselineOnceAndUnknownOnesAreReportedByName() {
    TrustStore store = TrustStore.open(Databases.migrated(Dialect.H2), TrustPolicy.defaults());
    assertThatThrownBy(() -> store.stateAt(CAL, T0))
        .isInstanceOf(UnknownRelationshipException.class)
        .hasMessageContaining("cal");
    Recorded started = store.start(CAL, T0);
    assertThat(started.state()).isEqualTo(dev.trustbucket.TrustBucket.of(TrustPolicy.defaults(), T0));
    assertThat(started.eventCount()).isZero();
    store.record(CAL, event(3));
    assertThat(store.start(CAL, T0.plusSeconds(5)).eventCount()).isEqualTo(1); // already there: unchanged
    assertThat(store.stateAt(CAL, T0.plus(Duration.ofDays(1))))
        .isEqualTo(dev.trustbucket.TrustBucket.of(TrustPolicy.defaults(), T0).at(T0.plus(Duration.ofDays(1))));
    assertThat(store.ledger(CAL).start()).isEqualTo(T0);
  }
}
