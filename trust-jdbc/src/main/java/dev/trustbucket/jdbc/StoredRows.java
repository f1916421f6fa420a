package dev.trustbucket.jdbc;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.io.EventRecord;
import dev.trustbucket.io.TrustCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The text the store's rows hold and their checksums: states as {@link TrustCodec} state lines
 * (each with its own CRC-32C; see {@link StateLines} for how they refer to a custom policy),
 * events as the codec's {@link EventRecord} fields, and a CRC-32C over each row's columns so that
 * a row changed outside the library is detected.
 */
final class StoredRows {
  static final String RELATIONSHIPS = "trust_relationship";
  static final String EVENTS = "trust_event";
  static final String RELATIONSHIP_ROW = "relationship row";

  private StoredRows() {}

  /** The checksum of a relationship row: the pair, the event count and both codec lines. */
  static String relationshipChecksum(Relationship r, int eventCount, String startState, String state) {
    return crc(r.employee(), r.manager(), Integer.toString(eventCount), startState, state);
  }

  /** The checksum of an event row: every column but the audit stamp, the note last. */
  static String eventChecksum(long relationshipId, int seq, @Nullable String eventId, long timeMicros,
      EventRecord r, String stateAfter) {
    return crc(Long.toString(relationshipId), Integer.toString(seq), eventId == null ? "" : "=" + eventId,
        Long.toString(timeMicros), r.time(), r.behaviour(), Double.toString(r.weight()), r.disclosure(), r.delay(),
        stateAfter, r.note());
  }

  private static String crc(String... fields) {
    CRC32C crc = new CRC32C();
    for (String f : fields) {
      crc.update(f.getBytes(StandardCharsets.UTF_8));
      crc.update('\t');
    }
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  /**
   * Microseconds since the epoch, truncated like the library's own clock unit; saturates
   * outside the range of a {@code long} (the library rejects such instants anyway).
   */
  static long micros(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / 1_000_000L) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / 1_000_000L) {
      return Long.MIN_VALUE;
    }
    return seconds * 1_000_000L + t.getNano() / 1_000;
  }

  /**
   * Reads a state line of a row (a codec line, or one that refers to the store's policy: see
   * {@link StateLines}), reporting damage with the relationship and the row.
   */
  static TrustBucket readState(String line, StateLines lines, TrustPolicy policy, Relationship r, String table,
      String row, String column) {
    try {
      return TrustCodec.parseState(lines.expand(line), policy);
    } catch (InvalidTrustInputException e) {
      throw new DamagedRowException(r, table, row, column + "." + e.field(), String.valueOf(e.getMessage()), e);
    }
  }

  /** Reads an event row's fields back into an event, reporting damage with the row. */
  static StoredEvent readEvent(Relationship r, long relationshipId, StateLines lines, TrustPolicy policy, int seq,
      @Nullable String eventId, long timeMicros, EventRecord record, String stateAfter, String checksum) {
    String row = "seq " + seq;
    String expected = eventChecksum(relationshipId, seq, eventId, timeMicros, record, stateAfter);
    if (!expected.equals(checksum)) {
      throw new DamagedRowException(r, EVENTS, row, "checksum", "checksum must be " + expected
          + " (the CRC-32C of the row's columns) but was " + checksum
          + ": the row was changed after it was written", null);
    }
    TrustEvent event;
    try {
      event = record.toEvent(policy.catalogue());
    } catch (InvalidTrustInputException e) {
      throw new DamagedRowException(r, EVENTS, row, e.field(), String.valueOf(e.getMessage()), e);
    }
    if (micros(event.time()) != timeMicros) {
      throw new DamagedRowException(r, EVENTS, row, "time_micros", "time_micros must be "
          + micros(event.time()) + " (the microseconds of " + record.time() + ") but was " + timeMicros, null);
    }
    TrustBucket after = readState(stateAfter, lines, policy, r, EVENTS, row, "state_after");
    return new StoredEvent(r, seq, Optional.ofNullable(eventId), event, after);
  }
}
