package dev.trustbucket.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The census behind the tier gauges: one query, whatever the number of relationships. */
class TierCountsTest {
  /** Relationship i gets i % 7 weekly events: none, drains, or drops enough to earn a tier. */
  private static List<TrustEvent> events(int i) {
    List<TrustEvent> out = new ArrayList<>();
    for (int week = 0; week < (i % 7) * 6; week++) {
      TrustEvent e = TrustEvent.of(i % 3 == 0 ? Behaviours.MISSED_DEADLINE : Behaviours.DELIVERED_EARLY,
          TrustStoreTest.T0.plus(Duration.ofDays(7L * week)));
      out.add(e);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void countsEveryRelationshipOfThePolicyByTierInOneQuery(Dialect dialect) {
    DataSource real = Databases.migrated(dialect);
    TrustStore writer = TrustStore.open(real, TrustPolicy.defaults());
    List<Relationship> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Relationship r = Relationship.of("employee-" + i, "manager");
      all.add(r);
      List<TrustEvent> events = events(i);
      if (events.isEmpty()) {
        writer.start(r, TrustStoreTest.T0);
      } else {
        writer.recordAll(r, events.stream().map(EventSubmission::of).collect(Collectors.toList()));
      }
    }
    // Another policy's relationships are not this store's.
    TrustStore.open(real, TrustPolicy.strict()).record(Relationship.of("zed", "manager"), TrustStoreTest.event(0));

    Map<AutonomyTier, Long> expected = new EnumMap<>(AutonomyTier.class);
    for (AutonomyTier t : AutonomyTier.values()) {
      expected.put(t, 0L);
    }
    for (Relationship r : all) {
      expected.merge(writer.state(r).orElseThrow().tier(), 1L, Long::sum);
    }
    assertThat(expected.values().stream().filter(n -> n > 0)).as("the relationships span tiers").hasSizeGreaterThan(2);

    List<String> sql = new CopyOnWriteArrayList<>();
    TrustStore store = TrustStore.open(RoundTripsTest.counting(real, sql), TrustPolicy.defaults());
    sql.clear();
    assertThat(store.tierCounts()).isEqualTo(expected).containsOnlyKeys(AutonomyTier.values());
    assertThat(sql).hasSize(1);
    assertThat(sql.get(0)).contains("GROUP BY tier");
  }

  @Test
  void anEmptyStoreCountsZeroInEveryTier() {
    TrustStore store = TrustStore.open(Databases.migrated(Dialect.H2), TrustPolicy.defaults());
    assertThat(store.tierCounts()).hasSize(AutonomyTier.values().length).allSatisfy((t, n) -> assertThat(n).isZero());
  }

  @Test
  void aTierNameTheLibraryDoesNotKnowIsReportedWithTheRowCount() {
    DataSource ds = Databases.migrated(Dialect.H2);
    TrustStore store = TrustStore.open(ds, TrustPolicy.defaults());
    store.record(TrustStoreTest.ANA, TrustStoreTest.event(0));
    Databases.execute(ds, "UPDATE trust_relationship SET tier = 'GODLIKE'");
    assertThatThrownBy(store::tierCounts)
        .isInstanceOf(TrustStoreException.class)
        .hasMessageContaining("\"GODLIKE\" in 1 rows");
  }
}
