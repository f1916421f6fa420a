package dev.trustbucket.jdbc;

import static dev.trustbucket.jdbc.TrustStoreTest.ANA;
import static dev.trustbucket.jdbc.TrustStoreTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.TierChange;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.behaviour.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a StoreObserver hears: committed events only, with what metrics need. */
class StoreObserverTest {
  static final class Recorder implements StoreObserver {
    final List<StoredEvent> events = new CopyOnWriteArrayList<>();
    final List<BreachNotice> breaches = new CopyOnWriteArrayList<>();
    final List<TierChange> tiers = new CopyOnWriteArrayList<>();
    final List<WriteReport> writes = new CopyOnWriteArrayList<>();

    @Override
    public void onEventRecorded(StoredEvent event) {
      events.add(event);
    }

    @Override
    public void onBreach(BreachNotice breach) {
      breaches.add(breach);
    }

    @Override
    public void onTierChange(TierChange change) {
      tiers.add(change);
    }

    @Override
    public void onWrite(WriteReport report) {
      writes.add(report);
    }
  }

  @Test
  void observersHearEveryCommittedEventBreachAndTierChangeAndEveryWrite() {
    Recorder seen = new Recorder();
    TrustStore store = TrustStore.open(Databases.migrated(Dialect.H2), TrustPolicy.defaults(),
        StoreOptions.builder().observer(seen).build());
    List<EventSubmission> drops = new ArrayList<>();
    for (int week = 0; week < 30; week++) {
      drops.add(EventSubmission.of("w" + week,
          TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, T0.plus(Duration.ofDays(7L * week)))));
    }
    Recorded r = store.recordAll(ANA, drops);
    store.recordAll(ANA, drops); // all duplicates: no events heard
    TrustEvent hid = TrustEvent.of(Behaviours.HID_PROBLEM, T0.plus(Duration.ofDays(7 * 31)))
        .withWeight(3.0);
    store.record(ANA, hid);

    assertThat(seen.events).hasSize(31);
    assertThat(seen.events.get(0).dimension()).isEqualTo(Dimension.ABILITY);
    assertThat(seen.events.get(0).direction()).isEqualTo(Direction.DROP);
    assertThat(seen.events.get(30).direction()).isEqualTo(Direction.DRAIN);
    assertThat(seen.events.get(30).breach()).isTrue();
    assertThat(seen.breaches).singleElement().satisfies(b -> {
      assertThat(b.relationship()).isEqualTo(ANA);
      assertThat(b.cost()).isPositive();
    });
    assertThat(r.changedTier()).isTrue();
    assertThat(seen.tiers).isNotEmpty();
    assertThat(seen.tiers.get(0).from()).isEqualTo(r.tierBefore());
    assertThat(seen.tiers.get(seen.tiers.size() - 1).to()).isNotEqualTo(AutonomyTier.AUTONOMOUS);
    assertThat(seen.writes).extracting(WriteReport::recorded).containsExactly(30, 0, 1);
    assertThat(seen.writes).extracting(WriteReport::duplicates).containsExactly(0, 30, 0);
    assertThat(seen.writes).allSatisfy(w -> {
      assertThat(w.succeeded()).isTrue();
      assertThat(w.mode()).isEqualTo(WriteMode.OPTIMISTIC);
      assertThat(w.elapsed()).isPositive();
    });
  }

  @Test
  void aFailedWriteIsReportedAsAFailureAndItsEventsAreNotHeard() {
    Recorder seen = new Recorder();
    TrustStore store = TrustStore.open(Databases.migrated(Dialect.H2), TrustPolicy.defaults(),
        StoreOptions.builder().observer(seen).build());
    store.record(ANA, TrustStoreTest.event(5));
    assertThatThrownBy(() -> store.record(ANA, TrustStoreTest.event(1)))
        .isInstanceOf(InvalidTrustInputException.class);
    assertThat(seen.events).hasSize(1);
    assertThat(seen.writes).hasSize(2);
    assertThat(seen.writes.get(1).succeeded()).isFalse();
    assertThat(seen.writes.get(1).failure()).containsInstanceOf(InvalidTrustInputException.class);
  }

  @Test
  void anObserverThatThrowsDoesNotFailOrUndoTheWrite() {
    List<RuntimeException> errors = new CopyOnWriteArrayList<>();
    StoreObserver broken = new StoreObserver() {
      @Override
      public void onEventRecorded(StoredEvent event) {
        throw new IllegalStateException("metrics backend down");
      }
    };
    TrustStore store = TrustStore.open(Databases.migrated(Dialect.H2), TrustPolicy.defaults(),
        StoreOptions.builder().observer(broken).observerErrors(errors::add).build());
    assertThat(store.record(ANA, TrustStoreTest.event(0)).recorded()).isEqualTo(1);
    assertThat(store.events(ANA)).hasSize(1);
    assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("metrics backend down");
  }
}
