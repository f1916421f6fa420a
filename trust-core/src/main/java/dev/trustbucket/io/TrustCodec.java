package dev.trustbucket.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.internal.Texts;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes bucket states and ledgers as plain, versioned, tab-separated text, and reads them back
 * exactly.
 *
 * <p>Format version {@value #VERSION}. A state is one line of ten fields:
 *
 * <pre>
 * trust-state  1  policy-name  time  level  scar  tier  promoted-at  positive-evidence  negative-evidence
 * </pre>
 *
 * <p>{@code time} and {@code promoted-at} are ISO-8601 instants ({@code -} when there is no
 * protecting promotion), {@code level} and {@code scar} are {@code double}s written with {@link
 * Double#toString}, the evidence counts are {@code float}s written with {@link Float#toString}:
 * both read back bit for bit. {@code tier} is the {@link AutonomyTier} name.
 *
 * <p>A ledger is a header line {@code trust-ledger} followed by the same nine fields as a state
 * (its initial state), then one line per event with the six fields of an {@link EventRecord}:
 * time, behaviour id, weight, disclosure, delay, note. Notes escape backslash, tab, and line
 * breaks as {@code \\}, {@code \t}, {@code \n}, {@code \r}.
 *
 * <p>Reading checks the first field and the version, that the policy name matches the policy
 * supplied, and every field; any damage throws a {@link MalformedRecordException} with the line
 * number, and nothing is returned. Numbers must be plain decimals and the version ASCII digits:
 * surrounding spaces or control characters, hexadecimal and Java's {@code d}/{@code f} suffixes
 * count as damage. The format has no checksum, so damage that leaves valid lines (two numbers
 * swapped, an event line dropped) reads as what those lines say. This class is stateless and
 * thread-safe.
 */
public final class TrustCodec {
  /** The format version this library writes and reads. */
  public static final int VERSION = 1;

  private static final String STATE = "trust-state";
  private static final String LEDGER = "trust-ledger";
  private static final int STATE_FIELDS = 10;
  private static final int EVENT_FIELDS = 6;
  private static final Pattern VERSION_SYNTAX = Pattern.compile("[0-9]{1,9}");
  private static final Pattern NUMBER_SYNTAX =
      Pattern.compile("[+-]?((\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|Infinity)");

  private TrustCodec() {}

  /**
   * Writes a bucket state as one line (without a line terminator).
   *
   * @param state the state
   * @return the line
   */
  public static String writeState(TrustBucket state) {
    return STATE + '\t' + stateFields(requireNonNull(state, "state"));
  }

  /**
   * Reads a bucket state written by {@link #writeState}.
   *
   * @param line the line
   * @param policy the policy the state was computed under; its name must match the record's
   * @return the state, equal to the one written
   * @throws MalformedRecordException when the line is damaged or of another version
   */
  public static TrustBucket readState(String line, TrustPolicy policy) {
    requireNonNull(line, "line");
    requireNonNull(policy, "policy");
    String[] f = splitRecord(line, STATE, STATE_FIELDS, 1);
    return parseState(f, 1, policy, 1);
  }

  /**
   * Writes a ledger as lines (without line terminators): a header with the initial state, then
   * one line per event.
   *
   * @param ledger the ledger
   * @return the lines
   */
  public static ImmutableList<String> writeLedger(TrustLedger ledger) {
    requireNonNull(ledger, "ledger");
    ImmutableList.Builder<String> out = ImmutableList.builderWithExpectedSize(ledger.size() + 1);
    out.add(LEDGER + '\t' + stateFields(ledger.initial()));
    for (int i = 0; i < ledger.size(); i++) {
      EventRecord r = EventRecord.of(ledger.event(i));
      out.add(String.join("\t", r.time(), r.behaviour(), Double.toString(r.weight()), r.disclosure(),
          r.delay(), escape(r.note())));
    }
    return out.build();
  }

  /**
   * Reads a ledger written by {@link #writeLedger}: all of it, or nothing.
   *
   * @param lines the lines, header first
   * @param policy the policy the ledger was kept under; its name must match the header's
   * @return the ledger, equal to the one written
   * @throws MalformedRecordException when any line is damaged, of another version, or breaks the
   *     ledger's rules (e.g. events out of time order); the message gives the line number
   */
  public static TrustLedger readLedger(List<String> lines, TrustPolicy policy) {
    requireNonNull(lines, "lines");
    requireNonNull(policy, "policy");
    if (lines.isEmpty()) {
      throw new MalformedRecordException(1, "header", "header must be a trust-ledger line but the input was empty", null);
    }
    String[] h = splitRecord(requireNonNull(lines.get(0), "line"), LEDGER, STATE_FIELDS, 1);
    TrustLedger ledger = TrustLedger.startingFrom(parseState(h, 1, policy, 1));
    for (int i = 1; i < lines.size(); i++) {
      int lineNo = i + 1;
      String[] f = split(requireNonNull(lines.get(i), "line"), EVENT_FIELDS, lineNo);
      try {
        EventRecord r = new EventRecord(f[0], f[1], parseDouble(f[2], "weight", lineNo), f[3], f[4], unescape(f[5], lineNo));
        ledger = ledger.append(r.toEvent(policy.catalogue()));
      } catch (MalformedRecordException e) {
        throw e;
      } catch (InvalidTrustInputException e) {
        throw new MalformedRecordException(lineNo, e.field(), requireNonNull(e.getMessage()), e);
      }
    }
    return ledger;
  }

  private static String stateFields(TrustBucket s) {
    return String.join("\t",
        Integer.toString(VERSION),
        s.policy().name(),
        s.time().toString(),
        Double.toString(s.level()),
        Double.toString(s.scar()),
        s.tier().name(),
        s.promotedAt().map(Instant::toString).orElse("-"),
        Float.toString((float) s.positiveEvidence()),
        Float.toString((float) s.negativeEvidence()));
  }

  private static TrustBucket parseState(String[] f, int o, TrustPolicy policy, int line) {
    try {
      checkVersion(f[o], line);
      if (!f[o + 1].equals(policy.name())) {
        throw new MalformedRecordException(line, "policy",
            "policy must be \"" + policy.name() + "\" (the policy supplied) but the record was written under \""
                + Texts.clip(f[o + 1]) + "\"", null);
      }
      Instant time = EventRecord.parseInstant(f[o + 2], "time");
      double level = parseDouble(f[o + 3], "level", line);
      double scar = parseDouble(f[o + 4], "scar", line);
      AutonomyTier tier = parseTier(f[o + 5], line);
      Optional<Instant> promoted =
          f[o + 6].equals("-") ? Optional.empty() : Optional.of(EventRecord.parseInstant(f[o + 6], "promotedAt"));
      double pos = parseFloat(f[o + 7], "positiveEvidence", line);
      double neg = parseFloat(f[o + 8], "negativeEvidence", line);
      return TrustBucket.restore(policy, time, level, scar, tier, promoted, pos, neg);
    } catch (MalformedRecordException e) {
      throw e;
    } catch (InvalidTrustInputException e) {
      throw new MalformedRecordException(line, e.field(), requireNonNull(e.getMessage()), e);
    }
  }

  private static int parseVersion(String text, int line) {
    if (!VERSION_SYNTAX.matcher(text).matches()) { // Integer.parseInt would take "+1" and other scripts' digits
      throw new MalformedRecordException(line, "version",
          "version must be a whole number but was \"" + Texts.clip(text) + "\"", null);
    }
    return Integer.parseInt(text);
  }

  private static AutonomyTier parseTier(String text, int line) {
    for (AutonomyTier t : AutonomyTier.values()) {
      if (t.name().equals(text)) {
        return t;
      }
    }
    throw new MalformedRecordException(line, "tier",
        "tier must be one of MICROMANAGED, SUPERVISED, TRUSTED, AUTONOMOUS but was \"" + Texts.clip(text) + "\"", null);
  }

  private static double parseDouble(String text, String field, int line) {
    return Double.parseDouble(checkNumber(text, field, line));
  }

  private static double parseFloat(String text, String field, int line) {
    return Float.parseFloat(checkNumber(text, field, line));
  }

  /**
   * Accepts decimal numbers only. Double.parseDouble would also take hexadecimal ("0x1p-1"), Java
   * type suffixes ("0.5d") and surrounding spaces and control characters ("\u00010"), none of
   * which this codec writes; NaN and the infinities pass here and are refused by the range checks,
   * which name the field.
   */
  private static String checkNumber(String text, String field, int line) {
    if (!NUMBER_SYNTAX.matcher(text).matches()) {
      throw new MalformedRecordException(line, field,
          field + " must be a number but was \"" + Texts.clip(text) + "\"", null);
    }
    return text;
  }

  /**
   * Splits a state or ledger header, checking its type and version before its layout: a record of
   * another version may have another number of fields, and must be reported as another version.
   */
  private static String[] splitRecord(String line, String type, int fields, int lineNo) {
    String[] f = line.split("\t", -1);
    expect(f[0], type, lineNo);
    if (f.length > 1) {
      checkVersion(f[1], lineNo);
    }
    return split(line, fields, lineNo);
  }

  private static void checkVersion(String text, int line) {
    int version = parseVersion(text, line);
    if (version != VERSION) {
      throw new MalformedRecordException(line, "version",
          "version must be " + VERSION + " (the version this library reads) but was " + version, null);
    }
  }

  private static String[] split(String line, int fields, int lineNo) {
    String[] f = line.split("\t", -1);
    if (f.length != fields) {
      throw new MalformedRecordException(lineNo, "fields",
          "a record must have " + fields + " tab-separated fields but had " + f.length, null);
    }
    return f;
  }

  private static void expect(String actual, String expected, int line) {
    if (!actual.equals(expected)) {
      throw new MalformedRecordException(line, "type",
          "the record type must be \"" + expected + "\" but was \"" + Texts.clip(actual) + "\"", null);
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          b.append("\\\\");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  static String unescape(String s, int line) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i + 1 == s.length()) {
        throw new MalformedRecordException(line, "note", "note must not end with a lone backslash", null);
      }
      char n = s.charAt(++i);
      switch (n) {
        case '\\':
          b.append('\\');
          break;
        case 't':
          b.append('\t');
          break;
        case 'n':
          b.append('\n');
          break;
        case 'r':
          b.append('\r');
          break;
        default:
          throw new MalformedRecordException(line, "note",
              "note must escape only \\\\, \\t, \\n and \\r but had \"\\" + n + "\" at character " + i, null);
      }
    }
    return b.toString();
  }
}
