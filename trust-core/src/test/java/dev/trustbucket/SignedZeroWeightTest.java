package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.io.EventRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A weight of -0.0 is accepted as the weight 0.0, so stores that drop the sign round-trip exactly. */
class SignedZeroWeightTest {
  private static final Instant T = Instant.parse("2025-03-03T10:00:00Z");

  @Test
  void negativeZeroBecomesZero() {
    TrustEvent e = TrustEvent.of(Behaviours.SMALL_WIN, T).withWeight(-0.0);
    assertThat(Double.doubleToRawLongBits(e.weight())).isEqualTo(Double.doubleToRawLongBits(0.0));
    assertThat(EventRecord.from(e).weight()).isEqualTo(0.0);
  }

  @Test
  void aLedgerReloadedFromAStoreThatDropsTheSignIsEqual() {
    TrustEvent written = new EventRecord(T.toString(), "small-win", -0.0, "not-recorded", "PT0S", "")
        .toEvent(BehaviourCatalogue.standard());
    // What SQLite gives back for a REAL column that was written -0.0.
    TrustEvent reloaded = new EventRecord(T.toString(), "small-win", 0.0, "not-recorded", "PT0S", "")
        .toEvent(BehaviourCatalogue.standard());
    TrustLedger start = TrustLedger.of(TrustPolicy.defaults(), T);
    assertThat(start.plus(reloaded)).isEqualTo(start.plus(written));
    assertThat(written).isEqualTo(reloaded);
  }
}
