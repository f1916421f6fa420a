package dev.trustbucket.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.TrustPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema scripts, their version table, and the store's refusal of any other version. */
class SchemaTest {
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void migrateAppliesTheScriptOnceAndAgainChangesNothing(Dialect dialect) {
    DataSource ds = Databases.fresh(dialect);
    assertThat(TrustSchema.version(ds)).isEmpty();
    assertThat(TrustSchema.migrate(ds)).isEqualTo(TrustSchema.VERSION);
    assertThat(TrustSchema.migrate(ds)).isEqualTo(TrustSchema.VERSION);
    assertThat(TrustSchema.version(ds)).contains(2);
    assertThat(rows(ds, "SELECT version FROM trust_schema_version ORDER BY version")).containsExactly("1", "2");
    assertThat(TrustSchema.statements(dialect, 1)).hasSize(6);
    assertThat(dialect.script(1)).isEqualTo("db/trustbucket/" + dialect.name().toLowerCase() + "/V1__trust_bucket.sql");
    assertThat(dialect.script(2)).isEqualTo("db/trustbucket/" + dialect.name().toLowerCase() + "/V2__trust_bucket.sql");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aDatabaseWithoutTheSchemaIsRefusedAndLeftEmpty(Dialect dialect) {
    DataSource ds = Databases.fresh(dialect);
    assertThatThrownBy(() -> TrustStore.open(ds, TrustPolicy.defaults()))
        .isInstanceOfSatisfying(SchemaVersionException.class, e -> {
          assertThat(e.found()).isEmpty();
          assertThat(e.supported()).isEqualTo(2);
        })
        .hasMessageContaining("TrustSchema.migrate")
        .hasMessageContaining(dialect.scriptFolder());
    assertThat(TrustSchema.version(ds)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aNewerSchemaIsRefusedByTheStoreAndByMigrateChangingNothing(Dialect dialect) {
    DataSource ds = Databases.migrated(dialect);
    TrustStore.open(ds, TrustPolicy.defaults()).record(TrustStoreTest.ANA, TrustStoreTest.event(0));
    Databases.execute(ds, "INSERT INTO trust_schema_version (version, description) VALUES (3, 'from the future')");
    List<String> before = snapshot(ds);
    assertThatThrownBy(() -> TrustStore.open(ds, TrustPolicy.defaults()))
        .isInstanceOfSatisfying(SchemaVersionException.class, e -> assertThat(e.found()).contains(3))
        .hasMessageContaining("newer")
        .hasMessageContaining("nothing was changed");
    assertThatThrownBy(() -> TrustSchema.migrate(ds)).isInstanceOf(SchemaVersionException.class);
    assertThat(snapshot(ds)).isEqualTo(before);
  }

  @Test
  void serversMigratingAtTheSameTimeBothSucceed() {
    DataSource ds = Databases.fresh(Dialect.POSTGRESQL);
    List<CompletableFuture<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> TrustSchema.migrate(ds)));
    }
    runs.forEach(r -> assertThat(r.join()).isEqualTo(2));
    assertThat(rows(ds, "SELECT version FROM trust_schema_version ORDER BY version")).containsExactly("1", "2");
  }

  /** Every row of every table, as text. */
  static List<String> snapshot(DataSource ds) {
    List<String> out = new ArrayList<>();
    for (String t : List.of("trust_schema_version", "trust_policy", "trust_relationship", "trust_event")) {
      out.add(t + ": " + rows(ds, "SELECT * FROM " + t));
    }
    return out;
  }

  static List<String> rows(DataSource ds, String sql) {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return out;
  }
}
