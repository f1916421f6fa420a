package dev.trustbucket.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.io.PolicyForm;
import dev.trustbucket.io.TrustCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The policy a store keeps its histories under: keyed by fingerprint, its written form kept once. */
class StoredPolicyTest {
  private static final Relationship ANA = TrustStoreTest.ANA;
  /** A format 2 state line under the default preset, as trust-core's golden file v2/state-default-2 holds it. */
  private static final String FORMAT_TWO_STATE = "trust-state\t2\tdefault\t2024-12-07T14:00:00Z\t0.35005839364730706"
      + "\t0.44785230285866917\tSUPERVISED\t2024-12-07T14:00:00Z\t19.38896\t8.489031\t33e49a29";

  static final TrustPolicy TEAM = TrustPolicy.builder().from(TrustPolicy.defaults()).name("team").rates(TrustPolicy.defaults().rates().withLossRate(0.6)).build();

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aPolicyIsKeptOnceByItsFingerprintWithAWrittenFormThatReadsBackToIt(Dialect dialect) throws SQLException {
    DataSource ds = Databases.migrated(dialect);
    TrustStore store = TrustStore.open(ds, TEAM);
    TrustLedger expected = TrustLedger.of(TEAM, TrustStoreTest.T0);
    for (int day = 0; day < 5; day++) {
      TrustEvent e = TrustStoreTest.event(day);
      store.record(ANA, e);
      expected = expected.plus(e);
    }
    TrustStore.open(ds, TEAM);
    List<String[]> rows = policies(ds);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)[0]).isEqualTo(TEAM.fingerprint());
    assertThat(rows.get(0)[1]).isEqualTo("team");
    assertThat(PolicyForm.parse(List.of(rows.get(0)[2].split("\n", -1)))).isEqualTo(TEAM);
    assertThat(TrustStore.open(ds, TEAM).ledger(ANA)).isEqualTo(expected);
    // The written form is in trust_policy only: every state line refers to it.
    List<String> lines = SchemaTest.rows(ds, "SELECT state_after FROM trust_event");
    lines.addAll(SchemaTest.rows(ds, "SELECT start_state FROM trust_relationship"));
    lines.addAll(SchemaTest.rows(ds, "SELECT state FROM trust_relationship"));
    assertThat(lines).hasSize(7).allSatisfy(line -> {
      assertThat(line).doesNotContain("trust-policy").contains("\t" + StateLines.REFERENCE + "\t" + TEAM.fingerprint());
      assertThat(line.length()).isLessThan(250);
    });
  }

  @Test
  void aLineThatRefersToThePolicyIsTheCodecsLineWithoutTheWrittenForm() {
    StateLines lines = StateLines.of(TEAM);
    TrustBucket state = TrustBucket.of(TEAM, TrustStoreTest.T0).plus(TrustStoreTest.event(0));
    String codec = TrustCodec.formatState(state);
    String stored = lines.format(state);
    assertThat(stored).hasSizeLessThan(codec.length() / 5);
    assertThat(lines.expand(stored)).isEqualTo(codec);
    // Codec lines (rows of schema version 1, other policies' states) are stored and read as they are.
    assertThat(lines.expand(codec)).isEqualTo(codec);
    TrustBucket other = TrustBucket.of(TrustPolicy.strict(), TrustStoreTest.T0);
    assertThat(lines.format(other)).isEqualTo(TrustCodec.formatState(other));
    assertThat(StateLines.of(TrustPolicy.defaults()).format(other)).isEqualTo(TrustCodec.formatState(other));
    TrustBucket preset = TrustBucket.of(TrustPolicy.defaults(), TrustStoreTest.T0);
    assertThat(StateLines.of(TrustPolicy.defaults()).format(preset)).isEqualTo(TrustCodec.formatState(preset));
    assertThat(lines.expand("trust-state\t2\tteam")).isEqualTo("trust-state\t2\tteam");
  }

  @Test
  void aReferringLineWithAnotherFingerprintIsDamageEvenWithItsRowChecksumRecomputed() throws SQLException {
    DataSource ds = Databases.migrated(Dialect.H2);
    TrustStore store = TrustStore.open(ds, TEAM);
    store.record(ANA, TrustStoreTest.event(0));
    store.record(ANA, TrustStoreTest.event(1));
    String stored = SchemaTest.rows(ds, "SELECT state FROM trust_relationship").get(0);
    String forged = stored.replace(TEAM.fingerprint(), TrustPolicy.strict().fingerprint());
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE trust_relationship SET state = ?, checksum = ?")) {
      ps.setString(1, forged);
      ps.setString(2, StoredRows.relationshipChecksum(ANA, 2, SchemaTest.rows(ds,
          "SELECT start_state FROM trust_relationship").get(0), forged));
      ps.executeUpdate();
    }
    assertThatThrownBy(() -> TrustStore.open(ds, TEAM).state(ANA))
        .isInstanceOfSatisfying(DamagedRowException.class, e -> assertThat(e.getMessage()).contains("fingerprint"));
  }

  @Test
  void anEqualPolicyUnderAnotherNameIsAnotherPolicy() {
    DataSource ds = Databases.migrated(Dialect.H2);
    TrustStore.open(ds, TEAM).record(ANA, TrustStoreTest.event(0));
    TrustPolicy renamed = TrustPolicy.builder().from(TEAM).name("squad").build();
    assertThatThrownBy(() -> TrustStore.open(ds, renamed).state(ANA))
        .isInstanceOfSatisfying(PolicyMismatchException.class, e -> {
          assertThat(e.storedPolicy()).isEqualTo(TEAM.fingerprint());
          assertThat(e.storePolicy()).isEqualTo(renamed.fingerprint());
        });
  }

  @Test
  void rowsWrittenInFormatTwoStayReadableAndTheirPolicyRowGetsItsFingerprint() throws SQLException {
    // Written by a release before format 3, so with schema version 1.
    DataSource ds = SchemaMigrationTest.emptyVersionOne(Dialect.H2);
    insertFormatTwoRelationship(ds);
    TrustSchema.migrate(ds);
    // Another policy does not take over the format 2 row, and cannot read its history.
    assertThatThrownBy(() -> TrustStore.open(ds, TrustPolicy.strict()).state(ANA))
        .isInstanceOf(PolicyMismatchException.class);
    TrustStore store = TrustStore.open(ds, TrustPolicy.defaults());
    TrustBucket stored = TrustCodec.parseState(FORMAT_TWO_STATE, TrustPolicy.defaults());
    assertThat(store.state(ANA)).contains(stored);
    assertThat(store.tierCounts().get(stored.tier())).as("the tier column, filled from a format 2 line").isEqualTo(1L);
    assertThat(policies(ds)).extracting(r -> r[0])
        .containsExactlyInAnyOrder(TrustPolicy.strict().fingerprint(), TrustPolicy.defaults().fingerprint());
    TrustEvent next = TrustEvent.of(dev.trustbucket.behaviour.Behaviours.PROACTIVE_UPDATE,
        stored.time().plus(Duration.ofDays(1)));
    assertThat(store.record(ANA, next).state()).isEqualTo(stored.plus(next));
    assertThat(TrustStore.open(ds, TrustPolicy.defaults()).ledger(ANA).state()).isEqualTo(stored.plus(next));
  }

  private static void insertFormatTwoRelationship(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO trust_policy (policy_key, name, written_form) VALUES ('default', 'default', NULL)")) {
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO trust_relationship (employee, manager, policy_id,"
          + " row_version, event_count, start_state, state, updated_at, checksum) VALUES (?, ?,"
          + " (SELECT policy_id FROM trust_policy WHERE policy_key = 'default'), 0, 0, ?, ?, ?, ?)")) {
        ps.setString(1, ANA.employee());
        ps.setString(2, ANA.manager());
        ps.setString(3, FORMAT_TWO_STATE);
        ps.setString(4, FORMAT_TWO_STATE);
        ps.setString(5, "2024-12-07T14:00:00Z");
        ps.setString(6, StoredRows.relationshipChecksum(ANA, 0, FORMAT_TWO_STATE, FORMAT_TWO_STATE));
        ps.executeUpdate();
      }
    }
  }

  /** Each trust_policy row as its key, name and written form. */
  private static List<String[]> policies(DataSource ds) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT policy_key, name, written_form FROM trust_policy");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    return out;
  }
}
