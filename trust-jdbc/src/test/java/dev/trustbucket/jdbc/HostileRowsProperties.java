package dev.trustbucket.jdbc;

import static dev.trustbucket.jdbc.TrustStoreTest.ANA;
import static dev.trustbucket.jdbc.TrustStoreTest.CAL;
import static dev.trustbucket.jdbc.TrustStoreTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile input against the store on real databases: rows damaged outside the library, events out
 * of time order, ids submitted again.
 */
class HostileRowsProperties {
  static final TrustPolicy POLICY = TrustPolicy.defaults();
  static final int EVENTS = 12;

  /** Ways a row can be damaged outside the library (without recomputing any checksum). */
  enum Damage {
    EVENT_WEIGHT("UPDATE trust_event SET weight = weight + 0.5 WHERE %s", "trust_event", "checksum"),
    EVENT_NOTE("UPDATE trust_event SET note = 'edited' WHERE %s", "trust_event", "checksum"),
    EVENT_BEHAVIOUR("UPDATE trust_event SET behaviour = 'small-win' WHERE %s", "trust_event", "checksum"),
    EVENT_TIME("UPDATE trust_event SET occurred_at = '2025-01-01T00:00:00Z' WHERE %s", "trust_event", "checksum"),
    EVENT_STATE_TRUNCATED("UPDATE trust_event SET state_after = SUBSTRING(state_after, 1, 40) WHERE %s",
        "trust_event", "checksum"),
    EVENT_CHECKSUM("UPDATE trust_event SET checksum = '00000000' WHERE %s", "trust_event", "checksum"),
    EVENT_DELETED("DELETE FROM trust_event WHERE %s", null, null),
    RELATIONSHIP_STATE_TRUNCATED("UPDATE trust_relationship SET state = SUBSTRING(state, 1, 30)"
        + " WHERE employee = 'ana'", "trust_relationship", "checksum"),
    RELATIONSHIP_COUNT("UPDATE trust_relationship SET event_count = event_count - 1 WHERE employee = 'ana'",
        "trust_relationship", "checksum");

    final String sql;
    final String table;
    final String field;

    Damage(String sql, String table, String field) {
      this.sql = sql;
      this.table = table;
      this.field = field;
    }
  }

  @Property(tries = 40)
  void aDamagedRowIsReportedWithItsRelationshipAndRowAndNothingElseIsAffected(
      @ForAll Damage damage, @ForAll @IntRange(min = 1, max = EVENTS) int seq) {
    DataSource ds = Databases.migrated(Dialect.H2);
    TrustStore store = TrustStore.open(ds, POLICY);
    for (int day = 0; day < EVENTS; day++) {
      store.record(ANA, event(day));
      store.record(CAL, event(day));
    }
    TrustLedger cal = store.ledger(CAL);
    String where = "seq = " + seq + " AND relationship_id = (SELECT relationship_id FROM trust_relationship"
        + " WHERE employee = 'ana')";
    Databases.execute(ds, String.format(damage.sql, where));

    Throwable thrown = catchThrowable(() -> store.ledger(ANA));
    assertThat(thrown).isInstanceOf(DamagedRowException.class);
    DamagedRowException e = (DamagedRowException) thrown;
    assertThat(e.relationship()).contains(ANA);
    assertThat(e.getMessage()).contains("ana");
    if (damage == Damage.EVENT_DELETED) {
      // A missing row is seen at the next one (a gap), or by the count when it was the last.
      assertThat(e.field()).isIn("seq", "event_count");
    } else {
      assertThat(e.table()).isEqualTo(damage.table);
      assertThat(e.field()).isEqualTo(damage.field);
      assertThat(e.row()).isEqualTo(damage.table.equals("trust_event") ? "seq " + seq : "relationship row");
    }
    // The other relationship reads and writes as before.
    assertThat(store.ledger(CAL)).isEqualTo(cal);
    assertThat(store.record(CAL, event(EVENTS)).eventCount()).isEqualTo(EVENTS + 1);
    // A damaged relationship row also stops writes to that relationship, changing nothing.
    if (damage.name().startsWith("RELATIONSHIP")) {
      List<String> before = SchemaTest.snapshot(ds);
      assertThatThrownBy(() -> store.record(ANA, event(EVENTS))).isInstanceOf(DamagedRowException.class);
      assertThat(SchemaTest.snapshot(ds)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "SQLITE"})
  void damageIsReportedOnTheOtherDatabasesToo(Dialect dialect) {
    DataSource ds = Databases.migrated(dialect);
    TrustStore store = TrustStore.open(ds, POLICY);
    for (int day = 0; day < 5; day++) {
      store.record(ANA, event(day));
    }
    Databases.execute(ds, "UPDATE trust_event SET weight = 3.0 WHERE seq = 3");
    assertThatThrownBy(() -> store.ledger(ANA))
        .isInstanceOfSatisfying(DamagedRowException.class, e -> assertThat(e.row()).isEqualTo("seq 3"))
        .hasMessageContaining("trust_event (seq 3) of relationship ana");
  }

  /** One submission of the hostile sequence: an optional id from a small pool, and a day that may go back. */
  record Submission(Optional<String> id, int day, boolean drain) {
    TrustEvent event() {
      return TrustEvent.of(drain ? Behaviours.MISSED_DEADLINE : Behaviours.DELIVERED_ON_COMMITMENT,
          TrustStoreTest.T0.plus(Duration.ofDays(day)));
    }
  }

  @Provide
  Arbitrary<Submission> submissions() {
    return Combinators.combine(
            Arbitraries.of("a", "b", "c", "d", "e").optional(0.6),
            Arbitraries.integers().between(0, 30),
            Arbitraries.of(true, false))
        .as(Submission::new);
  }

  @Property(tries = 30)
  void outOfOrderEventsAndRepeatedIdsLeaveExactlyWhatAnInMemoryLedgerKeeps(
      @ForAll @Size(min = 1, max = 25) List<@From("submissions") Submission> submissions) {
    TrustStore store = TrustStore.open(Databases.migrated(Dialect.H2), POLICY);
    TrustLedger model = null;
    Map<String, TrustEvent> ids = new HashMap<>();
    for (Submission s : submissions) {
      TrustEvent e = s.event();
      EventSubmission submission = new EventSubmission(s.id(), e);
      TrustEvent known = s.id().map(ids::get).orElse(null);
      if (known != null && !known.equals(e)) {
        assertThatThrownBy(() -> store.record(ANA, submission)).isInstanceOf(EventIdConflictException.class);
      } else if (known != null) {
        assertThat(store.record(ANA, submission).duplicates()).isEqualTo(1);
      } else if (model != null && e.time().isBefore(model.state().time())) {
        assertThatThrownBy(() -> store.record(ANA, submission))
            .isInstanceOf(InvalidTrustInputException.class)
            .hasMessageContaining("time");
      } else {
        model = (model == null ? TrustLedger.of(POLICY, e.time()) : model).plus(e);
        assertThat(store.record(ANA, submission).state()).isEqualTo(model.state());
        s.id().ifPresent(id -> ids.put(id, e));
      }
    }
    if (model == null) {
      assertThat(store.state(ANA)).isEmpty();
    } else {
      assertThat(store.ledger(ANA)).isEqualTo(model);
    }
  }
}
