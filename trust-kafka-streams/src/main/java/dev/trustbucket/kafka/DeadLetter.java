package dev.trustbucket.kafka;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Why one record is on the dead-letter topic. The record itself keeps the original key and value
 * bytes; the reason travels in its headers ({@value #KIND}, {@value #FIELD}, {@value #REASON}),
 * next to where it came from ({@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}). Instances
 * are immutable and thread-safe.
 *
 * @param kind what went wrong
 * @param field the field at fault, e.g. {@code key}, {@code time}, {@code checksum}
 * @param reason a message for a person, naming the field and the value
 */
public record DeadLetter(DeadLetterKind kind, String field, String reason) {
  /** Header with the {@link DeadLetterKind} name. */
  public static final String KIND = "trust.dead-letter.kind";
  /** Header with the field at fault. */
  public static final String FIELD = "trust.dead-letter.field";
  /** Header with the message. */
  public static final String REASON = "trust.dead-letter.reason";
  /** Header with the topic the record was read from. */
  public static final String TOPIC = "trust.dead-letter.topic";
  /** Header with the partition the record was read from, in decimal. */
  public static final String PARTITION = "trust.dead-letter.partition";
  /** Header with the offset the record was read from, in decimal. */
  public static final String OFFSET = "trust.dead-letter.offset";

  /**
   * Checks that no part is null.
   *
   * @param kind what went wrong
   * @param field the field at fault
   * @param reason a message for a person
   */
  public DeadLetter {
    requireNonNull(kind, "kind");
    requireNonNull(field, "field");
    requireNonNull(reason, "reason");
  }

  /**
   * Reads the reason from a dead letter's headers.
   *
   * @param headers the headers of a record on the dead-letter topic
   * @return the reason, or empty when the headers are not a dead letter's
   */
  public static Optional<DeadLetter> of(Headers headers) {
    requireNonNull(headers, "headers");
    Optional<String> kind = text(headers, KIND);
    Optional<String> field = text(headers, FIELD);
    Optional<String> reason = text(headers, REASON);
    if (kind.isEmpty() || field.isEmpty() || reason.isEmpty()) {
      return Optional.empty();
    }
    for (DeadLetterKind k : DeadLetterKind.values()) {
      if (k.name().equals(kind.get())) {
        return Optional.of(new DeadLetter(k, field.get(), reason.get()));
      }
    }
    return Optional.empty();
  }

  /**
   * Adds this reason to a record's headers.
   *
   * @param headers the headers to add to
   * @return the same headers
   */
  Headers addTo(Headers headers) {
    return headers.add(KIND, bytes(kind.name())).add(FIELD, bytes(field)).add(REASON, bytes(reason));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Optional<String> text(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
  }
}
