package dev.trustbucket.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.internal.Texts;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Writes bucket states and ledgers as plain, versioned, tab-separated text, and reads them back
 * exactly.
 *
 * <p>This library writes format version {@value #VERSION} and reads versions 1 and 2. A version 2
 * state is one line of eleven fields:
 *
 * <pre>
 * trust-state  2  policy-name  time  level  scar  tier  promoted-at  positive-evidence  negative-evidence  crc32c
 * </pre>
 *
 * <p>{@code time} and {@code promoted-at} are ISO-8601 instants ({@code -} when there is no
 * protecting promotion), {@code level} and {@code scar} are {@code double}s written with {@link
 * Double#toString}, the evidence counts are {@code float}s written with {@link Float#toString}:
 * both read back bit for bit. {@code tier} is the {@link AutonomyTier} name. {@code crc32c} is
 * eight lowercase hexadecimal digits: the CRC-32C ({@link CRC32C}) of the UTF-8 bytes of the
 * line's text before its last tab.
 *
 * <p>A version 2 ledger is a header line {@code trust-ledger}, the same nine fields as a state
 * from the version to the negative evidence (its initial state) and the number of events; then
 * one line per event with the six fields of an {@link EventRecord}: time, behaviour id, weight,
 * disclosure, delay, note; then a trailer line of three fields: {@code trust-ledger-end}, the
 * number of events again, and the CRC-32C of the UTF-8 bytes of every line before the trailer,
 * each followed by a line feed. Notes escape backslash, tab, and line breaks as {@code \\},
 * {@code \t}, {@code \n}, {@code \r}.
 *
 * <p>Version 1 is the same without the checksums, the counts and the trailer: a state or a ledger
 * header has ten fields, ending with the negative evidence, and a ledger ends after its last event
 * line.
 *
 * <p>Reading checks the first field and the version, that the policy name matches the policy
 * supplied, and every field, line by line; any damage throws a {@link MalformedRecordException}
 * with the line number and the field, and nothing is returned. Numbers must be plain decimals and
 * the version and counts ASCII digits: surrounding spaces or control characters, hexadecimal and
 * Java's {@code d}/{@code f} suffixes count as damage. In version 2, the counts and checksums then
 * also catch damage that leaves every line valid by itself (two numbers swapped, an event line
 * dropped, added or moved, a file cut short after a whole line). Version 1 has neither, so such
 * damage to a version 1 file reads as what the damaged lines say. This class is stateless and
 * thread-safe.
 */
public final class TrustCodec {
  /** The format version this library writes; it reads this version and version 1. */
  public static final int VERSION = 2;

  private static final String STATE = "trust-state";
  private static final String LEDGER = "trust-ledger";
  private static final String END = "trust-ledger-end";
  /** The fields of a version 1 state or ledger header; version 2 adds one last field. */
  private static final int STATE_FIELDS = 10;
  private static final int EVENT_FIELDS = 6;
  private static final int END_FIELDS = 3;
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{8}");
  private static final Pattern NUMBER_SYNTAX =
      Pattern.compile("[+-]?((\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|Infinity)");

  private TrustCodec() {}

  /**
   * Writes a bucket state as one line (without a line terminator), ending with its checksum.
   *
   * @param state the state
   * @return the line
   */
  public static String writeState(TrustBucket state) {
    String text = STATE + '\t' + stateFields(requireNonNull(state, "state"));
    return text + '\t' + hex(crc(new CRC32C(), text));
  }

  /**
   * Reads a bucket state written by {@link #writeState}, in format version 1 or 2.
   *
   * @param line the line
   * @param policy the policy the state was computed under; its name must match the record's
   * @return the state, equal to the one written
   * @throws MalformedRecordException when the line is damaged or of another version
   */
  public static TrustBucket readState(String line, TrustPolicy policy) {
    requireNonNull(line, "line");
    requireNonNull(policy, "policy");
    String[] f = line.split("\t", -1);
    int version = checkRecord(f, STATE, 1);
    TrustBucket state = parseState(f, policy, 1);
    if (version > 1) {
      String text = line.substring(0, line.lastIndexOf('\t'));
      checkChecksum(parseChecksum(f[STATE_FIELDS], 1), hex(crc(new CRC32C(), text)), 1,
          "the text before it", "the line was changed after it was written");
    }
    return state;
  }

  /**
   * Writes a ledger as lines (without line terminators): a header with the initial state and the
   * number of events, one line per event, and a trailer with the number of events and the
   * checksum of the lines before it.
   *
   * @param ledger the ledger
   * @return the lines
   */
  public static ImmutableList<String> writeLedger(TrustLedger ledger) {
    requireNonNull(ledger, "ledger");
    ImmutableList.Builder<String> out = ImmutableList.builderWithExpectedSize(ledger.size() + 2);
    CRC32C crc = new CRC32C();
    String header = LEDGER + '\t' + stateFields(ledger.initial()) + '\t' + ledger.size();
    out.add(header);
    crcLine(crc, header);
    for (int i = 0; i < ledger.size(); i++) {
      EventRecord r = EventRecord.of(ledger.event(i));
      String line = String.join("\t", r.time(), r.behaviour(), Double.toString(r.weight()), r.disclosure(),
          r.delay(), escape(r.note()));
      out.add(line);
      crcLine(crc, line);
    }
    out.add(END + '\t' + ledger.size() + '\t' + hex(crc));
    return out.build();
  }

  /**
   * Reads a ledger written by {@link #writeLedger}, in format version 1 or 2: all of it, or
   * nothing.
   *
   * @param lines the lines, header first
   * @param policy the policy the ledger was kept under; its name must match the header's
   * @return the ledger, equal to the one written
   * @throws MalformedRecordException when any line is damaged, of another version, or breaks the
   *     ledger's rules (e.g. events out of time order), or, in version 2, when the trailer is
   *     missing or the counts or the checksum do not match the lines; the message gives the line
   *     number
   */
  public static TrustLedger readLedger(List<String> lines, TrustPolicy policy) {
    requireNonNull(lines, "lines");
    requireNonNull(policy, "policy");
    if (lines.isEmpty()) {
      throw new MalformedRecordException(1, "header", "header must be a trust-ledger line but the input was empty", null);
    }
    String[] h = requireNonNull(lines.get(0), "line").split("\t", -1);
    int version = checkRecord(h, LEDGER, 1);
    TrustLedger start = TrustLedger.startingFrom(parseState(h, policy, 1));
    if (version == 1) {
      return appendEvents(start, lines, lines.size(), policy); // every line after the header is an event
    }
    int announced = parseWhole(h[STATE_FIELDS], "count", 1);
    // The events end at the trailer, or at the end of the input when the trailer is missing.
    int end = 1;
    while (end < lines.size() && !isTrailer(requireNonNull(lines.get(end), "line"))) {
      end++;
    }
    TrustLedger ledger = appendEvents(start, lines, end, policy);
    int events = end - 1;
    if (end == lines.size()) {
      throw new MalformedRecordException(end + 1, "trailer", "the ledger ends before its trailer: " + events
          + " events were read, the header announced " + announced, null);
    }
    int endLine = end + 1;
    String[] t = split(lines.get(end), END_FIELDS, endLine);
    int counted = parseWhole(t[1], "count", endLine);
    String checksum = parseChecksum(t[2], endLine);
    if (end + 1 < lines.size()) {
      throw new MalformedRecordException(endLine + 1, "trailer",
          "the ledger must end with its trailer on line " + endLine + " but line " + (endLine + 1) + " follows it", null);
    }
    // Every line is valid by itself; only the counts and the checksum can still see damage.
    checkCount(announced, events, 1, "header");
    checkCount(counted, events, endLine, "trailer");
    CRC32C crc = new CRC32C();
    for (String line : lines.subList(0, end)) {
      crcLine(crc, line);
    }
    checkChecksum(checksum, hex(crc), endLine, "the lines before the trailer",
        "the file was changed after it was written: a line was altered, dropped, added or moved");
    return ledger;
  }

  /** Reads the event lines from index 1 (line 2) up to but not including index {@code end}. */
  private static TrustLedger appendEvents(TrustLedger start, List<String> lines, int end, TrustPolicy policy) {
    TrustLedger ledger = start;
    for (int i = 1; i < end; i++) {
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

  /** The trailer is recognised by its type alone, so that a damaged trailer is reported as one. */
  private static boolean isTrailer(String line) {
    return line.startsWith(END + '\t') || line.equals(END);
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

  /** Parses the state in fields 2 to 10 of a state or ledger header that {@link #checkRecord} accepted. */
  private static TrustBucket parseState(String[] f, TrustPolicy policy, int line) {
    try {
      if (!f[2].equals(policy.name())) {
        throw new MalformedRecordException(line, "policy",
            "policy must be \"" + policy.name() + "\" (the policy supplied) but the record was written under \""
                + Texts.clip(f[2]) + "\"", null);
      }
      Instant time = EventRecord.parseInstant(f[3], "time");
      double level = parseDouble(f[4], "level", line);
      double scar = parseDouble(f[5], "scar", line);
      AutonomyTier tier = parseTier(f[6], line);
      Optional<Instant> promoted =
          f[7].equals("-") ? Optional.empty() : Optional.of(EventRecord.parseInstant(f[7], "promotedAt"));
      double pos = parseFloat(f[8], "positiveEvidence", line);
      double neg = parseFloat(f[9], "negativeEvidence", line);
      return TrustBucket.restore(policy, time, level, scar, tier, promoted, pos, neg);
    } catch (MalformedRecordException e) {
      throw e;
    } catch (InvalidTrustInputException e) {
      throw new MalformedRecordException(line, e.field(), requireNonNull(e.getMessage()), e);
    }
  }

  /**
   * Checks a state's or ledger header's type and version before its layout: a record of another
   * version may have another number of fields, and must be reported as another version.
   *
   * @return the version, 1 or 2
   */
  private static int checkRecord(String[] f, String type, int line) {
    expect(f[0], type, line);
    int version = f.length > 1 ? checkVersion(f[1], line) : VERSION;
    // Version 2 adds one last field: a state's checksum, a ledger header's event count.
    checkFields(f, version == 1 ? STATE_FIELDS : STATE_FIELDS + 1, line);
    return version;
  }

  private static int checkVersion(String text, int line) {
    int version = parseWhole(text, "version", line);
    if (version != 1 && version != 2) {
      throw new MalformedRecordException(line, "version",
          "version must be 1 or 2 (the versions this library reads) but was " + version, null);
    }
    return version;
  }

  private static int parseWhole(String text, String field, int line) {
    if (!WHOLE_NUMBER.matcher(text).matches()) { // Integer.parseInt would take "+1" and other scripts' digits
      throw new MalformedRecordException(line, field,
          field + " must be a whole number but was \"" + Texts.clip(text) + "\"", null);
    }
    return Integer.parseInt(text);
  }

  private static void checkCount(int announced, int events, int line, String where) {
    if (announced != events) {
      throw new MalformedRecordException(line, "count", "count must be " + events
          + " (the event lines read) but the " + where + " announced " + announced, null);
    }
  }

  private static String parseChecksum(String text, int line) {
    if (!CHECKSUM.matcher(text).matches()) {
      throw new MalformedRecordException(line, "checksum",
          "checksum must be 8 lowercase hexadecimal digits but was \"" + Texts.clip(text) + "\"", null);
    }
    return text;
  }

  private static void checkChecksum(String written, String computed, int line, String of, String meaning) {
    if (!written.equals(computed)) {
      throw new MalformedRecordException(line, "checksum", "checksum must be " + computed + " (the CRC-32C of "
          + of + ") but was " + written + ": " + meaning, null);
    }
  }

  private static CRC32C crc(CRC32C crc, String text) {
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc;
  }

  /** A ledger's checksum covers each line with the line feed it is stored with. */
  private static void crcLine(CRC32C crc, String line) {
    crc(crc, line).update('\n');
  }

  private static String hex(CRC32C crc) {
    return HexFormat.of().toHexDigits((int) crc.getValue());
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

  static double parseDouble(String text, String field, int line) {
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

  static String[] split(String line, int fields, int lineNo) {
    return checkFields(line.split("\t", -1), fields, lineNo);
  }

  private static String[] checkFields(String[] f, int fields, int lineNo) {
    if (f.length != fields) {
      throw new MalformedRecordException(lineNo, "fields",
          "a record must have " + fields + " tab-separated fields but had " + f.length, null);
    }
    return f;
  }

  static void expect(String actual, String expected, int line) {
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
    return unescape(s, line, "note");
  }

  /** Reverses {@link #escape}; damage is reported as the field {@code field} of line {@code line}. */
  static String unescape(String s, int line, String field) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i + 1 == s.length()) {
        throw new MalformedRecordException(line, field, field + " must not end with a lone backslash", null);
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
          throw new MalformedRecordException(line, field,
              field + " must escape only \\\\, \\t, \\n and \\r but had \"\\" + n + "\" at character " + i, null);
      }
    }
    return b.toString();
  }
}
