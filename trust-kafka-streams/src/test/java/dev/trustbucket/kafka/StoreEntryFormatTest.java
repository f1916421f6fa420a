package dev.trustbucket.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.io.TrustCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StoreEntryFormatTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Serde<StoredRelationship> SERDE = TrustSerdes.stored(POLICY);
  private static final Instant MONDAY = Instant.parse("2026-01-05T09:00:00.123456Z");

  /** A checkpoint just after a promotion (so it carries a promotion time), then every kind of event. */
  private static StoredRelationship entry() {
    TrustLedger climb = TrustLedger.of(POLICY, MONDAY);
    Instant t = MONDAY;
    while (climb.state().promotedAt().isEmpty()) {
      t = t.plus(Duration.ofDays(3));
      climb = climb.plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, t));
    }
    TrustBucket checkpoint = climb.state();
    TrustLedger kept = TrustLedger.from(checkpoint).plusAll(List.of(
        TrustEvent.of(Behaviours.SMALL_WIN, t.plusSeconds(60)).withNote("café: ✓ shipped 🚀"),
        TrustEvent.of(Behaviours.MISSED_DEADLINE, t.plusSeconds(120)).withDisclosure(Disclosure.selfReported()),
        TrustEvent.of(Behaviours.HID_PROBLEM, t.plusSeconds(180)).withDisclosure(
            Disclosure.discovered(Duration.ofDays(12).plusNanos(7))).withWeight(2.75),
        TrustEvent.of(Behaviours.REGULAR_CHECK_IN, t.plusSeconds(180))));
    return new StoredRelationship(kept, 2, checkpoint.tier());
  }

  @Test
  void anEntryReadsBackEqualBitForBit() {
    StoredRelationship entry = entry();
    assertThat(entry.ledger().initial().promotedAt()).isPresent();

    byte[] bytes = SERDE.serializer().serialize("", entry);
    StoredRelationship back = SERDE.deserializer().deserialize("", bytes);

    assertThat(bytes[0]).isEqualTo(StoreEntryFormat.MARKER);
    assertThat(back).isEqualTo(entry);
    assertThat(back.ledger().events()).isEqualTo(entry.ledger().events());
    assertThat(Double.doubleToRawLongBits(back.state().level()))
        .isEqualTo(Double.doubleToRawLongBits(entry.state().level()));
    assertThat(TrustCodec.formatLedger(back.ledger())).isEqualTo(TrustCodec.formatLedger(entry.ledger()));
    assertThat(SERDE.serializer().serialize("", back)).isEqualTo(bytes);
  }

  @Test
  void anEntryIsAFewDozenBytesPlusItsEvents() {
    TrustLedger one = TrustLedger.of(POLICY, MONDAY).plus(TrustEvent.of(Behaviours.SMALL_WIN, MONDAY));
    byte[] bytes = SERDE.serializer().serialize("", new StoredRelationship(one, 0, one.initial().tier()));
    // 15 header, 41 checkpoint, 4 count, 33 per event without a note, 4 checksum
    assertThat(bytes).hasSize(15 + 41 + 4 + 33 + 4);
  }

  /** Entries written as codec text before the binary format (format 1) still read. */
  @Test
  void aTextEntryOfFormat1StillReads() {
    StoredRelationship entry = entry();
    String text = String.join("\t", "trust-stored", "1", Integer.toString(entry.settled()), entry.reportedTier().name())
        + '\n' + String.join("\n", TrustCodec.formatLedger(entry.ledger()));

    assertThat(SERDE.deserializer().deserialize("", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(entry);
  }

  /** Every single flipped bit and every cut is caught, by the field it damages, and nothing else escapes. */
  @Test
  void damageIsRefusedNamingTheField() {
    byte[] bytes = SERDE.serializer().serialize("", entry());
    Set<String> fields = new HashSet<>();
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] damaged = bytes.clone();
        damaged[i] ^= (byte) (1 << bit);
        fields.add(refusal(damaged).field());
      }
    }
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      if (length > 0) {
        fields.add(refusal(cut).field());
      }
    }
    // Flipping the marker makes the bytes read as text (format 1), which refuses them as such.
    assertThat(fields).contains("checksum", "version", "length").doesNotContain("policy");
  }

  @Test
  void anEntryOfAnotherPolicyIsRefused() {
    TrustPolicy symmetric = TrustPolicy.symmetric();
    TrustLedger other = TrustLedger.of(symmetric, MONDAY).plus(TrustEvent.of(Behaviours.SMALL_WIN, MONDAY));
    byte[] bytes = TrustSerdes.stored(symmetric).serializer()
        .serialize("", new StoredRelationship(other, 1, other.state().tier()));

    assertThatThrownBy(() -> SERDE.deserializer().deserialize("", bytes))
        .isInstanceOfSatisfying(InvalidTrustInputException.class, e -> assertThat(e.field()).isEqualTo("policy"))
        .hasMessageContaining("fingerprint " + symmetric.fingerprint().substring(0, 16))
        .hasMessageContaining(POLICY.fingerprint().substring(0, 16));
  }

  @Test
  void aLaterVersionIsRefusedByName() {
    byte[] bytes = SERDE.serializer().serialize("", entry());
    bytes[1] = 3;

    assertThatThrownBy(() -> SERDE.deserializer().deserialize("", bytes))
        .isInstanceOfSatisfying(InvalidTrustInputException.class, e -> assertThat(e.field()).isEqualTo("version"))
        .hasMessageContaining("must be version 2 but was version 3");
  }

  private static InvalidTrustInputException refusal(byte[] damaged) {
    try {
      SERDE.deserializer().deserialize("", damaged);
    } catch (InvalidTrustInputException e) {
      return e;
    }
    throw new AssertionError("damaged entry was read: " + Arrays.toString(damaged));
  }
}
