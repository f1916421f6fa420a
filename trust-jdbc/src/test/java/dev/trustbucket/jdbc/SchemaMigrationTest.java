package dev.trustbucket.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database written by the schema version 1 store (the rows in {@code schema-v1/rows.sql},
 * dumped from that store before version 2 existed) is refused until it is migrated, and then reads
 * the same states and histories, and takes new writes.
 */
class SchemaMigrationTest {
  static final TrustPolicy TEAM = StoredPolicyTest.TEAM;
  static final Relationship ANA = TrustStoreTest.ANA;
  static final Relationship CAL = TrustStoreTest.CAL;
  static final Relationship DEE = Relationship.of("dee", "ben");

  /** The events the fixture's store recorded for ana under TEAM; even days carried ids. */
  static TrustLedger anaLedger() {
    TrustLedger ledger = TrustLedger.of(TEAM, TrustStoreTest.T0);
    for (int day = 0; day < 6; day++) {
      TrustEvent e = TrustStoreTest.event(day);
      if (day == 3) {
        e = TrustEvent.of(Behaviours.HID_PROBLEM, e.time())
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9))).withNote("it's a note, with a quote");
      }
      ledger = ledger.plus(e);
    }
    return ledger;
  }

  static TrustLedger deeLedger() {
    TrustLedger ledger = TrustLedger.of(TrustPolicy.defaults(), TrustStoreTest.T0);
    for (int day = 0; day < 4; day++) {
      ledger = ledger.plus(TrustStoreTest.event(day));
    }
    return ledger;
  }

  /** A database holding schema version 1 and the rows its store wrote. */
  static DataSource versionOneDatabase(Dialect dialect) {
    DataSource ds = emptyVersionOne(dialect);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String line : fixture().split("\n")) {
        if (!line.isBlank() && !line.startsWith("--")) {
          s.execute(dialect == Dialect.SQLITE ? line.replace("CHR(", "CHAR(") : line);
        }
      }
      if (dialect != Dialect.SQLITE) {
        // The fixture gives its ids; new rows must be numbered after them.
        s.execute("ALTER TABLE trust_policy ALTER COLUMN policy_id RESTART WITH 100");
        s.execute("ALTER TABLE trust_relationship ALTER COLUMN relationship_id RESTART WITH 100");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ds;
  }

  /** A fresh database with the tables of schema version 1 and no rows. */
  static DataSource emptyVersionOne(Dialect dialect) {
    DataSource ds = Databases.fresh(dialect);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String sql : TrustSchema.statements(dialect, 1)) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ds;
  }

  private static String fixture() {
    try (InputStream in = SchemaMigrationTest.class.getResourceAsStream("/schema-v1/rows.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void versionOneRowsAreRefusedUntilMigratedThenReadTheSame(Dialect dialect) {
    DataSource ds = versionOneDatabase(dialect);
    List<String> before = SchemaTest.snapshot(ds);
    assertThatThrownBy(() -> TrustStore.open(ds, TEAM))
        .isInstanceOfSatisfying(SchemaVersionException.class, e -> assertThat(e.found()).contains(1))
        .hasMessageContaining("needs version 2");
    assertThat(SchemaTest.snapshot(ds)).isEqualTo(before);

    assertThat(TrustSchema.migrate(ds)).isEqualTo(2);
    TrustStore team = TrustStore.open(ds, TEAM);
    TrustLedger ana = anaLedger();
    assertThat(team.ledger(ANA)).isEqualTo(ana);
    assertThat(team.state(ANA)).contains(ana.state());
    assertThat(team.events(ANA)).extracting(e -> e.id().orElse("-"))
        .containsExactly("ana-0", "-", "ana-2", "-", "ana-4", "-");
    assertThat(team.stateAt(ANA, TrustStoreTest.T0.plus(Duration.ofDays(3))))
        .isEqualTo(ana.stateAt(TrustStoreTest.T0.plus(Duration.ofDays(3))));
    assertThat(team.state(CAL)).contains(TrustBucket.of(TEAM, TrustStoreTest.T0));
    TrustStore defaults = TrustStore.open(ds, TrustPolicy.defaults());
    assertThat(defaults.ledger(DEE)).isEqualTo(deeLedger());

    // The tier column was filled from each row's state line.
    Map<AutonomyTier, Long> expected = new java.util.EnumMap<>(AutonomyTier.class);
    for (AutonomyTier t : AutonomyTier.values()) {
      expected.put(t, 0L);
    }
    expected.merge(ana.state().tier(), 1L, Long::sum);
    expected.merge(TrustBucket.of(TEAM, TrustStoreTest.T0).tier(), 1L, Long::sum);
    assertThat(team.tierCounts()).isEqualTo(expected);

    // Old rows take new writes: a retried id is recognised, a new event lands after them.
    assertThat(team.record(ANA, EventSubmission.of("ana-0", TrustStoreTest.event(0))).duplicates()).isEqualTo(1);
    TrustEvent next = TrustStoreTest.event(9);
    assertThat(team.record(ANA, EventSubmission.of("ana-9", next)).eventCount()).isEqualTo(7);
    assertThat(TrustStore.open(ds, TEAM).ledger(ANA)).isEqualTo(ana.plus(next));
    // Version 1's event rows keep the written form; the new one and the relationship row refer to it.
    assertThat(SchemaTest.rows(ds, "SELECT state_after FROM trust_event WHERE relationship_id = 1 ORDER BY seq"))
        .hasSize(7)
        .satisfies(lines -> {
          assertThat(lines.subList(0, 6)).allSatisfy(line -> assertThat(line).contains("trust-policy"));
          assertThat(lines.get(6)).contains(StateLines.REFERENCE).doesNotContain("trust-policy");
        });
    assertThat(SchemaTest.rows(ds, "SELECT state FROM trust_relationship WHERE relationship_id = 1").get(0))
        .contains(StateLines.REFERENCE);
    Relationship eve = Relationship.of("eve", "ben");
    team.record(eve, next);
    assertThat(TrustStore.open(ds, TEAM).ledger(eve)).isEqualTo(TrustLedger.of(TEAM, next.time()).plus(next));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aDamagedVersionOneRowStillMigratesAndIsReportedWhenRead(Dialect dialect) {
    DataSource ds = versionOneDatabase(dialect);
    Databases.execute(ds, "UPDATE trust_relationship SET state = 'trust-state' WHERE employee = 'cal'");
    Databases.execute(ds, "UPDATE trust_relationship SET state = state || '" + "x".repeat(30)
        + "' WHERE employee = 'dee'");
    assertThat(TrustSchema.migrate(ds)).isEqualTo(2);
    assertThat(SchemaTest.rows(ds, "SELECT employee, tier FROM trust_relationship ORDER BY employee"))
        .containsExactly("ana|" + anaLedger().state().tier(), "cal|", "dee|" + deeLedger().state().tier());
    assertThatThrownBy(() -> TrustStore.open(ds, TEAM).state(CAL)).isInstanceOf(DamagedRowException.class);
    assertThatThrownBy(() -> TrustStore.open(ds, TEAM).tierCounts())
        .isInstanceOf(TrustStoreException.class)
        .hasMessageContaining("\"\" in 1 rows");
    assertThat(TrustStore.open(ds, TEAM).ledger(ANA)).isEqualTo(anaLedger());
  }

  /**
   * The tier that version 2 reads from a version 1 state line, by the rule the three scripts
   * share: the seventh tab-separated field when the line has at least seven and that field is a
   * tier name (0 to 20 of {@code A-Z} and {@code _}), otherwise {@code ""}.
   */
  static String tierOf(String stateLine) {
    String[] fields = stateLine.split("\t", -1);
    return fields.length >= 7 && fields[6].matches("[A-Z_]{0,20}") ? fields[6] : "";
  }

  /**
   * Damaged state lines of every shape around the tier field (too few fields, exactly seven,
   * eight, a tier field of 20 and 21 characters, line breaks, lower case and characters outside
   * ASCII in it, 15 characters outside the BMP, which do not fit H2's VARCHAR(20))
   * get the same tier on H2, SQLite and PostgreSQL, the one {@link #tierOf} gives; the healthy
   * rows keep theirs.
   */
  @Test
  void everyShapeOfDamagedLineGetsTheSameTierOnEveryDatabase() {
    String six = "trust-state\t3\tteam\t2025-01-06T09:00:00Z\t0.5\t0.0";
    List<String> lines = List.of(
        "",
        "trust-state",
        "trust-state\t3\tteam\t2025-01-06T09:00:00Z\t0.5",
        six,
        six + "\t",
        six + "\tSUPERVISED",
        six + "\tSUPERVISED\t",
        six + "\tSUPERVISED\t-",
        six + "\tSUPERVISED\t-\t0.0\t0.0\tdefault@1",
        six + "\t" + "T".repeat(20),
        six + "\t" + "T".repeat(21),
        six + "\t" + "T".repeat(20) + "\t-",
        six + "\t" + "T".repeat(21) + "\t-",
        six + "\tSUPERVISED\n",
        six + "\tSUPER\nVISED\t-",
        six + "\tTRUSTED\r\n-\t",
        six + "\t\u00C9T\u00C9 \uD83D\uDE00",
        six + "\t" + "\uD83D\uDE00".repeat(15) + "\t-",
        "\t\t\t\t\t\t",
        "\t\t\t\t\t\tTRUSTED",
        "\t\t\t\t\tTRUSTED",
        "\t\t\t\t\t\t\t\t",
        six + "\ttrusted\t-",
        six + "\tSupervised",
        six + "\t\u00C9T\u00C9",
        six + "\tTRUST_ED\t-",
        six + "\tTRUSTED \t-");
    List<String> expected = new java.util.ArrayList<>(List.of(
        "ana|" + anaLedger().state().tier(),
        "cal|" + TrustBucket.of(TEAM, TrustStoreTest.T0).tier(),
        "dee|" + deeLedger().state().tier()));
    for (int i = 0; i < lines.size(); i++) {
      expected.add(String.format("shape-%02d|%s", i, tierOf(lines.get(i))));
    }
    assertThat(expected).as("the shapes reach both sides of the rule").contains("shape-05|SUPERVISED",
        "shape-10|", "shape-09|" + "T".repeat(20), "shape-03|", "shape-25|TRUST_ED", "shape-22|");
    for (Dialect dialect : Dialect.values()) {
      DataSource ds = versionOneDatabase(dialect);
      try (Connection c = ds.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO"
          + " trust_relationship (employee, manager, policy_id, row_version, event_count, start_state, state,"
          + " updated_at, checksum) VALUES (?, 'ben', 1, 0, 0, ?, ?, '2025-01-06T09:00:00Z', '00000000')")) {
        for (int i = 0; i < lines.size(); i++) {
          insert.setString(1, String.format("shape-%02d", i));
          insert.setString(2, lines.get(i));
          insert.setString(3, lines.get(i));
          insert.executeUpdate();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(dialect.name(), e);
      }
      assertThat(TrustSchema.migrate(ds)).isEqualTo(2);
      assertThat(SchemaTest.rows(ds, "SELECT employee, tier FROM trust_relationship ORDER BY employee"))
          .as(dialect.name()).containsExactlyElementsOf(expected);
    }
  }
}
