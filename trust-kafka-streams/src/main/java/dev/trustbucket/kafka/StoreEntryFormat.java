package dev.trustbucket.kafka;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The store's entry in binary, format 2: what the fold reads and writes for every event, so it is
 * a few dozen bytes of fixed-width fields rather than codec text. Big-endian:
 *
 * <pre>
 * byte    0xB5, a byte that never starts UTF-8 text (format 1 entries are text: "trust-stored...")
 * byte    2, the format version
 * long    the policy: the first 16 hexadecimal digits of its fingerprint, as a number
 * int     settled events, in [0, event count]
 * byte    the tier last published: 0 MICROMANAGED, 1 SUPERVISED, 2 TRUSTED, 3 AUTONOMOUS
 * long    checkpoint: time, microseconds since the epoch
 * double  checkpoint: level
 * double  checkpoint: scar
 * byte    checkpoint: tier, coded as above
 * long    checkpoint: promotion time in microseconds, or Long.MIN_VALUE for none
 * float   checkpoint: positive evidence
 * float   checkpoint: negative evidence
 * int     event count
 * per event:
 *   long    time, microseconds since the epoch
 *   int     behaviour: its index in the policy's catalogue
 *   double  weight
 *   byte    disclosure: 0 not recorded, 1 self-reported, 2 discovered
 *   long    discovery delay in nanoseconds (0 unless discovered)
 *   int     note length in UTF-8 bytes, then the bytes
 * int     CRC-32C of every byte before it
 * </pre>
 *
 * <p>Reading checks the marker, the version, the checksum, the policy and the length, then
 * rebuilds the checkpoint with {@link TrustBucket#ofState} and replays the events onto it, so every
 * value is validated as the codec validates it, and the entry reads back equal to the one written,
 * bit for bit. Damage is an {@link InvalidTrustInputException} naming the field. Stateless.
 */
final class StoreEntryFormat {
  /** The first byte of a binary entry: a UTF-8 continuation byte, so no text entry starts with it. */
  static final byte MARKER = (byte) 0xB5;
  /** The binary format's version; format 1 is the codec-text entry. */
  static final byte VERSION = 2;
  private static final long NO_PROMOTION = Long.MIN_VALUE;
  private static final int HEADER = 2 + 8 + 4 + 1;
  private static final int BUCKET = 8 + 8 + 8 + 1 + 8 + 4 + 4;
  private static final int EVENT = 8 + 4 + 8 + 1 + 8 + 4;
  private static final int CHECKSUM = 4;
  /** The tiers by their code in an entry: fixed here, not the enum's order, which may grow. */
  private static final AutonomyTier[] TIERS = {
      AutonomyTier.MICROMANAGED, AutonomyTier.SUPERVISED, AutonomyTier.TRUSTED, AutonomyTier.AUTONOMOUS};
  /** The disclosure kinds by their code in an entry. */
  private static final Disclosure.Kind[] KINDS = {
      Disclosure.Kind.NOT_RECORDED, Disclosure.Kind.SELF_REPORTED, Disclosure.Kind.DISCOVERED};

  private StoreEntryFormat() {}

  /** True when {@code bytes} is a binary entry (format 2 or later), false for a text entry. */
  static boolean isBinary(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == MARKER;
  }

  /** Writes an entry. */
  static byte[] write(StoredRelationship entry) {
    TrustLedger ledger = entry.ledger();
    TrustPolicy policy = ledger.policy();
    BehaviourCatalogue catalogue = policy.catalogue();
    int n = ledger.size();
    byte[][] notes = new byte[n][];
    int size = HEADER + BUCKET + 4 + n * EVENT + CHECKSUM;
    for (int i = 0; i < n; i++) {
      notes[i] = ledger.event(i).note().getBytes(StandardCharsets.UTF_8);
      size += notes[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.put(MARKER).put(VERSION).putLong(policyId(policy)).putInt(entry.settled())
        .put(code(TIERS, entry.reportedTier()));
    TrustBucket c = ledger.initial();
    b.putLong(micros(c.time())).putDouble(c.level()).putDouble(c.scar()).put(code(TIERS, c.tier()))
        .putLong(c.promotedAt().map(StoreEntryFormat::micros).orElse(NO_PROMOTION))
        .putFloat((float) c.positiveEvidence()).putFloat((float) c.negativeEvidence());
    b.putInt(n);
    for (int i = 0; i < n; i++) {
      TrustEvent e = ledger.event(i);
      b.putLong(micros(e.time())).putInt(catalogue.all().indexOf(e.behaviour())).putDouble(e.weight())
          .put(code(KINDS, e.disclosure().kind())).putLong(e.disclosure().delay().toNanos())
          .putInt(notes[i].length).put(notes[i]);
    }
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, size - CHECKSUM);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * Reads a binary entry written under {@code policy}.
   *
   * @throws InvalidTrustInputException naming the field at fault: {@code version}, {@code
   *     checksum}, {@code policy}, {@code length}, {@code tier}, {@code behaviour}, {@code
   *     disclosure}, {@code settled}, or the field the library refuses
   */
  static StoredRelationship read(byte[] bytes, TrustPolicy policy) {
    if (bytes.length < 2 || bytes[0] != MARKER) {
      throw new InvalidTrustInputException("version", "a binary store entry must start with 0xB5 but had "
          + bytes.length + " bytes" + (bytes.length > 0 ? " starting with " + (bytes[0] & 0xFF) : ""));
    }
    if (bytes[1] != VERSION) {
      throw new InvalidTrustInputException("version",
          "a binary store entry must be version " + VERSION + " but was version " + (bytes[1] & 0xFF));
    }
    if (bytes.length < HEADER + BUCKET + 4 + CHECKSUM) {
      throw new InvalidTrustInputException("length", "a binary store entry must have at least "
          + (HEADER + BUCKET + 4 + CHECKSUM) + " bytes but had " + bytes.length);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - CHECKSUM);
    int stored = b.getInt(bytes.length - CHECKSUM);
    if (stored != (int) crc.getValue()) {
      throw new InvalidTrustInputException("checksum", String.format(
          "the store entry's CRC-32C must be %08x but was %08x: the entry is damaged", (int) crc.getValue(), stored));
    }
    b.position(2);
    long policyId = b.getLong();
    if (policyId != policyId(policy)) {
      throw new InvalidTrustInputException("policy", String.format("the store entry was written under the policy "
          + "with fingerprint %016x... but the topology runs %s (%s...)", policyId, policy.name(),
          policy.fingerprint().substring(0, 16)));
    }
    try {
      int settled = b.getInt();
      AutonomyTier reported = tier(b.get(), "reportedTier");
      Instant time = instant(b.getLong());
      double level = b.getDouble();
      double scar = b.getDouble();
      AutonomyTier tier = tier(b.get(), "tier");
      long promoted = b.getLong();
      float positive = b.getFloat();
      float negative = b.getFloat();
      TrustBucket checkpoint = TrustBucket.ofState(policy, time, level, scar, tier,
          promoted == NO_PROMOTION ? Optional.empty() : Optional.of(instant(promoted)), positive, negative);
      int n = b.getInt();
      if (n < 0 || n > (bytes.length - b.position()) / EVENT) {
        throw new InvalidTrustInputException("length", "the store entry claims " + n + " events but has room for "
            + Math.max(0, (bytes.length - b.position() - CHECKSUM) / EVENT));
      }
      BehaviourCatalogue catalogue = policy.catalogue();
      List<TrustEvent> events = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Instant at = instant(b.getLong());
        int behaviour = b.getInt();
        if (behaviour < 0 || behaviour >= catalogue.all().size()) {
          throw new InvalidTrustInputException("behaviour", "event " + i + "'s behaviour must be an index in [0, "
              + catalogue.all().size() + ") of the policy's catalogue but was " + behaviour);
        }
        double weight = b.getDouble();
        int kind = b.get();
        if (kind < 0 || kind >= KINDS.length) {
          throw new InvalidTrustInputException("disclosure", "event " + i + "'s disclosure kind must be in [0, "
              + KINDS.length + ") but was " + kind);
        }
        long delay = b.getLong();
        int length = b.getInt();
        if (length < 0 || length > bytes.length - CHECKSUM - b.position()) {
          throw new InvalidTrustInputException("length", "event " + i + "'s note claims " + length
              + " bytes but " + (bytes.length - CHECKSUM - b.position()) + " are left");
        }
        String note = new String(bytes, b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        events.add(new TrustEvent(catalogue.all().get(behaviour), at, weight, disclosure(KINDS[kind], delay), note));
      }
      if (b.position() != bytes.length - CHECKSUM) {
        throw new InvalidTrustInputException("length", "the store entry has " + (bytes.length - CHECKSUM - b.position())
            + " bytes after its last event");
      }
      TrustLedger ledger = TrustLedger.from(checkpoint).plusAll(events);
      if (settled < 0 || settled > ledger.size()) {
        throw new InvalidTrustInputException("settled",
            "settled must be in [0, " + ledger.size() + "] but was " + settled);
      }
      return new StoredRelationship(ledger, settled, reported);
    } catch (BufferUnderflowException e) {
      throw new InvalidTrustInputException("length", "the store entry ends early, after " + bytes.length + " bytes", e);
    }
  }

  /** The policy's identity in an entry: the first 64 bits of its fingerprint. */
  private static long policyId(TrustPolicy policy) {
    return Long.parseUnsignedLong(policy.fingerprint().substring(0, 16), 16);
  }

  private static long micros(Instant instant) {
    return Instant.EPOCH.until(instant, ChronoUnit.MICROS);
  }

  private static Instant instant(long micros) {
    try {
      return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    } catch (DateTimeException | ArithmeticException e) {
      throw new InvalidTrustInputException("time",
          "a time in the store entry must be within Instant's range but was " + micros + " microseconds", e);
    }
  }

  /** The code of {@code value}: its index in {@code table}. */
  private static <T> byte code(T[] table, T value) {
    for (int i = 0; i < table.length; i++) {
      if (table[i] == value) {
        return (byte) i;
      }
    }
    throw new IllegalStateException("no code for " + value + " in the store entry format");
  }

  private static AutonomyTier tier(byte ordinal, String field) {
    if (ordinal < 0 || ordinal >= TIERS.length) {
      throw new InvalidTrustInputException(field,
          field + " must be a tier's number in [0, " + TIERS.length + ") but was " + ordinal);
    }
    return TIERS[ordinal];
  }

  /** The disclosure of those parts, validated by {@link Disclosure}'s constructor; the shared instances when they fit. */
  private static Disclosure disclosure(Disclosure.Kind kind, long delayNanos) {
    if (delayNanos == 0 && kind == Disclosure.Kind.NOT_RECORDED) {
      return Disclosure.notRecorded();
    }
    if (delayNanos == 0 && kind == Disclosure.Kind.SELF_REPORTED) {
      return Disclosure.selfReported();
    }
    return new Disclosure(kind, Duration.ofNanos(delayNanos));
  }
}
