package dev.trustbucket.kafka;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Splitter;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.io.MalformedRecordException;
import dev.trustbucket.io.PolicyMismatch;
import dev.trustbucket.io.TrustCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serdes for the topology's keys and values. Every value is UTF-8 text written by {@link
 * TrustCodec}, so it carries the codec's format version, the policy (a preset version, or its
 * written form) with its fingerprint, and CRC-32C checksums, and reads back bit for bit. A value
 * stored under another policy than the serde's is refused ({@link PolicyMismatch#REJECT}), never
 * folded under a policy it was not written with:
 *
 * <ul>
 *   <li>{@link #relationship()}: a key, {@code employee TAB manager};
 *   <li>{@link #events}: an event, written as a ledger of that one event (header, event line,
 *       trailer with its checksum);
 *   <li>{@link #states}: a bucket, one {@link TrustCodec#formatState} line;
 *   <li>{@link #tierTransitions}: a {@code trust-tier-change} line, then the state line;
 *   <li>{@link #breaches}: a {@code trust-breach} line with the relationship, the states before
 *       and after, then the event's ledger lines;
 *   <li>{@link #stored}: the store's entry, a {@code trust-stored} line, then its ledger's lines.
 * </ul>
 *
 * <p>Deserializers throw {@link InvalidTrustInputException} (for the codec's part its subclass
 * {@link MalformedRecordException}, with the line) naming the field at fault; the topology turns
 * that into a dead letter. A {@code null} payload (a tombstone) maps to {@code null} and back.
 * This class is stateless; its serdes are thread-safe.
 */
public final class TrustSerdes {
  private static final String TIER_CHANGE = "trust-tier-change";
  private static final String BREACH = "trust-breach";
  private static final String STORED = "trust-stored";
  private static final String FORMAT = "1";
  private static final Splitter LINES = Splitter.on('\n');
  private static final Splitter TABS = Splitter.on('\t');

  private TrustSerdes() {}

  /**
   * Relationships as keys: {@code employee TAB manager} in UTF-8 (ids never contain tabs).
   *
   * @return the serde
   */
  public static Serde<Relationship> relationship() {
    return text(r -> r.employee() + '\t' + r.manager(), TrustSerdes::readRelationship);
  }

  /**
   * Events of a policy, each written as a one-event ledger by {@link TrustCodec#formatLedger}.
   *
   * @param policy the policy whose catalogue the behaviours are looked up in; its name must match
   *     the name written
   * @return the serde
   */
  public static Serde<TrustEvent> events(TrustPolicy policy) {
    requireNonNull(policy, "policy");
    return text(e -> writeEvent(e, policy), s -> readEvent(LINES.splitToList(s), policy));
  }

  /**
   * Bucket states, one {@link TrustCodec#formatState} line each.
   *
   * @param policy the policy the states were computed under
   * @return the serde
   */
  public static Serde<TrustBucket> states(TrustPolicy policy) {
    requireNonNull(policy, "policy");
    return text(TrustCodec::formatState, s -> TrustCodec.parseState(s, policy, PolicyMismatch.REJECT));
  }

  /**
   * Tier changes: {@code trust-tier-change TAB 1 TAB at TAB from TAB to TAB event|decay}, a line
   * feed, and the state line.
   *
   * @param policy the policy the states were computed under
   * @return the serde
   */
  public static Serde<TierTransition> tierTransitions(TrustPolicy policy) {
    requireNonNull(policy, "policy");
    return text(
        t -> String.join("\t", TIER_CHANGE, FORMAT, t.at().toString(), t.from().name(), t.to().name(),
            t.byDecay() ? "decay" : "event") + '\n' + TrustCodec.formatState(t.state()),
        s -> readTransition(s, policy));
  }

  /**
   * Breaches: {@code trust-breach TAB 1 TAB employee TAB manager}, the state just before and the
   * state just after (one line each), then the event's ledger lines.
   *
   * @param policy the policy of the states and the event
   * @return the serde
   */
  public static Serde<BreachNotice> breaches(TrustPolicy policy) {
    requireNonNull(policy, "policy");
    return text(
        b -> String.join("\t", BREACH, FORMAT, b.relationship().employee(), b.relationship().manager()) + '\n'
            + TrustCodec.formatState(b.before()) + '\n' + TrustCodec.formatState(b.after()) + '\n'
            + writeEvent(b.event(), policy),
        s -> readBreach(s, policy));
  }

  /**
   * The store's entries: {@code trust-stored TAB 1 TAB settled TAB reported-tier}, then the
   * ledger's lines.
   *
   * @param policy the policy of the ledgers
   * @return the serde
   */
  public static Serde<StoredRelationship> stored(TrustPolicy policy) {
    requireNonNull(policy, "policy");
    return text(
        r -> String.join("\t", STORED, FORMAT, Integer.toString(r.settled()), r.reportedTier().name()) + '\n'
            + String.join("\n", TrustCodec.formatLedger(r.ledger())),
        s -> readStored(s, policy));
  }

  static String writeEvent(TrustEvent event, TrustPolicy policy) {
    return String.join("\n", TrustCodec.formatLedger(TrustLedger.of(policy, event.time()).plus(event)));
  }

  static TrustEvent readEvent(List<String> lines, TrustPolicy policy) {
    TrustLedger one = TrustCodec.parseLedger(lines, policy, PolicyMismatch.REJECT);
    if (one.size() != 1) {
      throw new MalformedRecordException(1, "count", "an event record must hold exactly 1 event but held "
          + one.size(), null);
    }
    return one.event(0);
  }

  static Relationship readRelationship(String key) {
    int tab = key.indexOf('\t');
    if (tab < 0) {
      throw new InvalidTrustInputException("key",
          "key must be employee TAB manager but had no tab: \"" + clip(key) + "\"");
    }
    return new Relationship(key.substring(0, tab), key.substring(tab + 1));
  }

  private static TierTransition readTransition(String s, TrustPolicy policy) {
    List<String> lines = LINES.splitToList(s);
    List<String> f = header(lines, TIER_CHANGE, 6, 2);
    try {
      Instant at = Instant.parse(f.get(2));
      boolean decay = switch (f.get(5)) {
        case "decay" -> true;
        case "event" -> false;
        default -> throw new InvalidTrustInputException("cause",
            "cause must be event or decay but was \"" + clip(f.get(5)) + "\"");
      };
      return new TierTransition(at, tier(f.get(3)), tier(f.get(4)), decay,
          TrustCodec.parseState(lines.get(1), policy, PolicyMismatch.REJECT));
    } catch (DateTimeParseException e) {
      throw new InvalidTrustInputException("at", "at must be an ISO-8601 instant but was \"" + clip(f.get(2)) + "\"", e);
    } catch (IllegalArgumentException e) {
      if (e instanceof InvalidTrustInputException) {
        throw e;
      }
      throw new InvalidTrustInputException("tier", requireNonNull(e.getMessage()), e);
    }
  }

  private static BreachNotice readBreach(String s, TrustPolicy policy) {
    List<String> lines = LINES.splitToList(s);
    List<String> f = header(lines, BREACH, 4, 6);
    return new BreachNotice(new Relationship(f.get(2), f.get(3)), readEvent(lines.subList(3, lines.size()), policy),
        TrustCodec.parseState(lines.get(1), policy, PolicyMismatch.REJECT),
        TrustCodec.parseState(lines.get(2), policy, PolicyMismatch.REJECT));
  }

  private static StoredRelationship readStored(String s, TrustPolicy policy) {
    List<String> lines = LINES.splitToList(s);
    List<String> f = header(lines, STORED, 4, 3);
    TrustLedger ledger = TrustCodec.parseLedger(lines.subList(1, lines.size()), policy, PolicyMismatch.REJECT);
    int settled;
    try {
      settled = Integer.parseInt(f.get(2));
    } catch (NumberFormatException e) {
      throw new InvalidTrustInputException("settled", "settled must be a whole number but was \"" + clip(f.get(2)) + "\"", e);
    }
    if (settled < 0 || settled > ledger.size()) {
      throw new InvalidTrustInputException("settled",
          "settled must be in [0, " + ledger.size() + "] but was " + settled);
    }
    return new StoredRelationship(ledger, settled, tier(f.get(3)));
  }

  /** Checks the first line's type, version and field count, and that at least {@code minLines} lines follow. */
  private static List<String> header(List<String> lines, String type, int fields, int minLines) {
    List<String> f = TABS.splitToList(lines.get(0));
    if (!f.get(0).equals(type)) {
      throw new InvalidTrustInputException("type",
          "the record type must be \"" + type + "\" but was \"" + clip(f.get(0)) + "\"");
    }
    if (f.size() != fields || !f.get(1).equals(FORMAT)) {
      throw new InvalidTrustInputException("version",
          "a " + type + " record must be version " + FORMAT + " with " + fields + " fields but was \""
              + clip(lines.get(0)) + "\"");
    }
    if (lines.size() < minLines) {
      throw new InvalidTrustInputException("lines",
          "a " + type + " record must have at least " + minLines + " lines but had " + lines.size());
    }
    return f;
  }

  private static AutonomyTier tier(String name) {
    for (AutonomyTier t : AutonomyTier.values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new InvalidTrustInputException("tier",
        "tier must be one of MICROMANAGED, SUPERVISED, TRUSTED, AUTONOMOUS but was \"" + clip(name) + "\"");
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  private static <T> Serde<T> text(Function<T, String> write, Function<String, T> read) {
    Serializer<T> serializer = (topic, value) -> value == null ? null : write.apply(value).getBytes(StandardCharsets.UTF_8);
    Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : read.apply(decode(bytes));
    return Serdes.serdeFrom(serializer, deserializer);
  }

  /** Decodes UTF-8 strictly: malformed bytes are an error, not replacement characters. */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidTrustInputException("encoding", "a record must be UTF-8 text but was not: " + e, e);
    }
  }
}
