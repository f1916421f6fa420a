package dev.trustbucket.io;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.internal.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Writes bucket states and ledgers as plain, versioned, tab-separated text, with the policy they
 * were kept under, and reads them back exactly.
 *
 * <p>This library writes format version {@value #VERSION} and reads versions 1, 2 and 3. A
 * version 3 state is one line of thirteen fields:
 *
 * <pre>
 * trust-state  3  policy-name  time  level  scar  tier  promoted-at  positive-evidence  negative-evidence  policy  fingerprint  crc32c
 * </pre>
 *
 * <p>{@code time} and {@code promoted-at} are ISO-8601 instants ({@code -} when there is no
 * protecting promotion), {@code level} and {@code scar} are {@code double}s written with {@link
 * Double#toString}, the evidence counts are {@code float}s written with {@link Float#toString}:
 * both read back bit for bit. {@code tier} is the {@link AutonomyTier} name. {@code policy} is the
 * policy the state was computed under: a released preset version by its id ({@code default@1},
 * see {@link TrustPolicy#preset}), or else the policy's whole {@linkplain PolicyForm written form},
 * its lines joined by line feeds and escaped like a note. {@code fingerprint} is the policy's
 * {@linkplain PolicyForm#fingerprint SHA-256 fingerprint}, 64 lowercase hexadecimal digits. {@code
 * crc32c} is eight lowercase hexadecimal digits: the CRC-32C ({@link CRC32C}) of the UTF-8 bytes
 * of the line's text before its last tab.
 *
 * <p>A version 3 ledger is a header line {@code trust-ledger}, the same nine fields as a state
 * from the version to the negative evidence (its initial state), the number of events, the policy
 * ({@code default@1}, or {@code written} when the policy's written form follows on the next
 * lines), and the fingerprint; then the written form, if any; then one line per event with the six
 * fields of an {@link EventRecord}: time, behaviour id, weight, disclosure, delay, note; then a
 * trailer line of three fields: {@code trust-ledger-end}, the number of events again, and the
 * CRC-32C of the UTF-8 bytes of every line before the trailer, each followed by a line feed. Notes
 * escape backslash, tab, and line breaks as {@code \\}, {@code \t}, {@code \n}, {@code \r}.
 *
 * <p>Version 2 is the same without the policy and fingerprint fields and without the written
 * form: it names its policy only. Version 1 also lacks the checksums, the counts and the trailer:
 * a state or a ledger header has ten fields, ending with the negative evidence, and a ledger ends
 * after its last event line. A version 1 or 2 record whose policy name is a preset's ({@code
 * default}, {@code symmetric}, {@code strict}, {@code forgiving}) reads under version 1 of that
 * preset, whatever the newest version is; any other name must be the supplied policy's, and
 * reads under it.
 *
 * <p><b>The stored policy wins.</b> A version 3 record reads under the policy written in it, by
 * default also when the caller supplies another one, so that history replays exactly as it was
 * recorded; {@link PolicyMismatch#REJECT} refuses such a record instead, and {@link
 * dev.trustbucket.PolicyRebase} moves a history onto another policy on purpose. Nothing is
 * rejected because another policy's ladder would give another tier: the stored policy decides.
 *
 * <p>Reading checks the first field and the version, the policy (a known preset version, or a
 * written form that is canonical and valid, with a fingerprint that matches it), and every field,
 * line by line; any damage throws a {@link MalformedRecordException} with the line number and the
 * field, and nothing is returned. Numbers must be plain decimals and the version and counts ASCII
 * digits: surrounding spaces or control characters, hexadecimal and Java's {@code d}/{@code f}
 * suffixes count as damage. From version 2, the counts and checksums then also catch damage that
 * leaves every line valid by itself (two numbers swapped, an event line dropped, added or moved, a
 * file cut short after a whole line). Version 1 has neither, so such damage to a version 1 file
 * reads as what the damaged lines say. This class is stateless and thread-safe.
 */
public final class TrustCodec {
  /** The format version this library writes; it reads this version and every earlier one. */
  public static final int VERSION = 3;

  private static final String STATE = "trust-state";
  private static final String LEDGER = "trust-ledger";
  private static final String END = "trust-ledger-end";
  /** The fields of a version 1 state or ledger header; version 2 adds one last field, version 3 three. */
  private static final int STATE_FIELDS = 10;
  /** The policy field of a version 3 ledger header whose policy's written form follows it. */
  private static final String WRITTEN = "written";
  private static final Pattern PRESET_ID = Pattern.compile("[a-z]+@[0-9]{1,9}");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
  private static final int EVENT_FIELDS = 6;
  private static final int END_FIELDS = 3;
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
  private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{8}");
  private static final Pattern NUMBER_SYNTAX =
      Pattern.compile("[+-]?((\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|Infinity)");

  private TrustCodec() {}

  /**
   * Writes a bucket state as one line (without a line terminator), with its policy and ending with
   * its checksum.
   *
   * @param state the state
   * @return the line
   * @throws InvalidTrustInputException when the state's policy has no {@linkplain PolicyForm
   *     written form} (a custom {@code DecayRule}; the message names it)
   */
  public static String formatState(TrustBucket state) {
    TrustPolicy policy = requireNonNull(state, "state").policy();
    String fingerprint = policy.fingerprint();
    String text = STATE + '\t' + stateFields(state) + '\t'
        + policy.presetId().orElseGet(() -> escape(String.join("\n", policy.writtenForm()))) + '\t' + fingerprint;
    return text + '\t' + hex(crc(new CRC32C(), text));
  }

  /**
   * Reads a bucket state written by {@link #formatState}, in format version 1, 2 or 3; a version 3
   * state reads under the policy stored in it, even when that is not {@code policy}.
   *
   * @param line the line
   * @param policy the policy the state is expected under; for a version 1 or 2 state, its name
   *     must match the record's, and it is the policy unless the name is a preset's
   * @return the state, equal to the one written; its {@code policy()} is the stored policy
   * @throws MalformedRecordException when the line is damaged or of another version
   */
  public static TrustBucket parseState(String line, TrustPolicy policy) {
    return parseState(line, policy, PolicyMismatch.STORED_WINS);
  }

  /**
   * Reads a bucket state written by {@link #formatState} under the policy stored with it: any
   * version 3 state, or a version 1 or 2 state kept under a preset.
   *
   * @param line the line
   * @return the state, equal to the one written
   * @throws MalformedRecordException when the line is damaged, or a version 1 or 2 state names a
   *     policy that is not a preset (read it with {@link #parseState(String, TrustPolicy)})
   */
  public static TrustBucket parseState(String line) {
    return state(line, null, PolicyMismatch.STORED_WINS);
  }

  /**
   * Reads a bucket state written by {@link #formatState}, choosing what happens when it was kept
   * under another policy than {@code policy}.
   *
   * @param line the line
   * @param policy the policy the state is expected under
   * @param onMismatch what to do when the stored policy is not equal to {@code policy}
   * @return the state, equal to the one written
   * @throws MalformedRecordException when the line is damaged, or with field {@code policy} when
   *     the policies differ and {@code onMismatch} is {@link PolicyMismatch#REJECT}
   */
  public static TrustBucket parseState(String line, TrustPolicy policy, PolicyMismatch onMismatch) {
    return state(line, requireNonNull(policy, "policy"), requireNonNull(onMismatch, "onMismatch"));
  }

  private static TrustBucket state(String line, @Nullable TrustPolicy supplied, PolicyMismatch onMismatch) {
    requireNonNull(line, "line");
    String[] f = line.split("\t", -1);
    int version = checkRecord(f, STATE, 1);
    TrustPolicy stored;
    if (version < 3) {
      stored = legacyPolicy(f[2], supplied, 1);
    } else {
      stored = storedPolicy(f[10], f[11], f[2], 1, () -> inlinePolicy(f[10]));
    }
    checkSupplied(stored, supplied, onMismatch, 1);
    TrustBucket state = parseState(f, stored, 1);
    if (version > 1) {
      String text = line.substring(0, line.lastIndexOf('\t'));
      checkChecksum(parseChecksum(f[f.length - 1], 1), hex(crc(new CRC32C(), text)), 1,
          "the text before it", "the line was changed after it was written");
    }
    return state;
  }

  /** A written form stored in one field of a state line: its lines joined by line feeds, escaped. */
  private static TrustPolicy inlinePolicy(String field) {
    if (!field.startsWith(PolicyForm.TYPE)) {
      throw new MalformedRecordException(1, "policy", "policy must be a preset version such as default@1 or a "
          + "policy's written form starting with " + PolicyForm.TYPE + " but was \"" + Texts.clip(field) + "\"", null);
    }
    List<String> form = List.of(unescape(field, 1, "policy").split("\n", -1));
    PolicyForm.Reader reader = PolicyForm.reader(form, 0, i -> 1);
    TrustPolicy policy = reader.read();
    if (reader.next < form.size()) {
      throw new MalformedRecordException(1, "policy", "policy must end after its catalogue but "
          + (form.size() - reader.next) + " more lines follow it", null);
    }
    return policy;
  }

  /**
   * Resolves a version 3 record's policy: a preset version by its id, or a written form; checks the
   * fingerprint and the name.
   */
  private static TrustPolicy storedPolicy(String ref, String fingerprint, String name, int line,
      java.util.function.Supplier<TrustPolicy> written) {
    TrustPolicy policy;
    if (PRESET_ID.matcher(ref).matches()) {
      policy = TrustPolicy.preset(ref).orElseThrow(() -> unknownPreset(ref, line));
    } else {
      policy = written.get();
    }
    // A form that reads is canonical: its policy's fingerprint is the hash of the lines read.
    String computed = policy.fingerprint();
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw new MalformedRecordException(line, "fingerprint",
          "fingerprint must be 64 lowercase hexadecimal digits but was \"" + Texts.clip(fingerprint) + "\"", null);
    }
    if (!fingerprint.equals(computed)) {
      throw new MalformedRecordException(line, "fingerprint", "fingerprint must be " + computed
          + " (the SHA-256 of the stored policy's written form) but was " + fingerprint
          + ": the policy or its fingerprint was changed after it was written", null);
    }
    if (!name.equals(policy.name())) {
      throw new MalformedRecordException(line, "name", "name must be \"" + policy.name()
          + "\" (the stored policy's name) but was \"" + Texts.clip(name) + "\"", null);
    }
    return policy;
  }

  private static MalformedRecordException unknownPreset(String ref, int line) {
    String name = ref.substring(0, ref.indexOf('@'));
    String known = TrustPolicy.latestPresetVersion(name)
        .map(v -> "this library knows " + name + "@1 to " + name + "@" + v)
        .orElse("this library has no preset called \"" + name + "\"");
    return new MalformedRecordException(line, "preset", "preset must be a released preset version but was \""
        + ref + "\": " + known + "; a newer release may have written it", null);
  }

  /** The policy a version 1 or 2 record was kept under: version 1 of a preset, or the one supplied. */
  private static TrustPolicy legacyPolicy(String name, @Nullable TrustPolicy supplied, int line) {
    if (supplied != null && !name.equals(supplied.name())) {
      throw new MalformedRecordException(line, "policy",
          "policy must be \"" + supplied.name() + "\" (the policy supplied) but the record was written under \""
              + Texts.clip(name) + "\"", null);
    }
    Optional<TrustPolicy> preset = PRESET_ID.matcher(name + "@1").matches()
        ? TrustPolicy.preset(name + "@1") : Optional.empty();
    if (preset.isPresent()) {
      return preset.get();
    }
    if (supplied == null) {
      throw new MalformedRecordException(line, "policy", "policy \"" + Texts.clip(name) + "\" is not a preset and a "
          + "format 1 or 2 record does not store its policy: supply the policy it was kept under", null);
    }
    return supplied;
  }

  private static void checkSupplied(
      TrustPolicy stored, @Nullable TrustPolicy supplied, PolicyMismatch onMismatch, int line) {
    if (supplied != null && onMismatch == PolicyMismatch.REJECT && !stored.equals(supplied)) {
      throw new MalformedRecordException(line, "policy", "policy must be the one supplied, " + describe(supplied)
          + ", but the record was kept under " + describe(stored)
          + "; read it under its own policy, or move it with PolicyRebase", null);
    }
  }

  private static String describe(TrustPolicy p) {
    String id = p.presetId().orElse("\"" + Texts.clip(p.name()) + "\"");
    try {
      return id + " (fingerprint " + PolicyForm.shortFingerprint(p) + ")";
    } catch (InvalidTrustInputException e) {
      return id + " (no written form)";
    }
  }

  /**
   * Writes a ledger as lines (without line terminators): a header with the initial state, the
   * number of events and the policy, the policy's written form unless it is a released preset
   * version, one line per event, and a trailer with the number of events and the checksum of the
   * lines before it.
   *
   * @param ledger the ledger
   * @return the lines
   * @throws InvalidTrustInputException when the ledger's policy has no {@linkplain PolicyForm
   *     written form} (a custom {@code DecayRule}; the message names it)
   */
  public static ImmutableList<String> formatLedger(TrustLedger ledger) {
    requireNonNull(ledger, "ledger");
    TrustPolicy policy = ledger.policy();
    ImmutableList<String> form = policy.writtenForm();
    Optional<String> preset = policy.presetId();
    ImmutableList.Builder<String> out = ImmutableList.builderWithExpectedSize(ledger.size() + form.size() + 2);
    CRC32C crc = new CRC32C();
    String header = LEDGER + '\t' + stateFields(ledger.initial()) + '\t' + ledger.size() + '\t'
        + preset.orElse(WRITTEN) + '\t' + policy.fingerprint();
    out.add(header);
    crcLine(crc, header);
    if (preset.isEmpty()) {
      for (String line : form) {
        out.add(line);
        crcLine(crc, line);
      }
    }
    for (int i = 0; i < ledger.size(); i++) {
      EventRecord r = EventRecord.from(ledger.event(i));
      String line = String.join("\t", r.time(), r.behaviour(), Double.toString(r.weight()), r.disclosure(),
          r.delay(), escape(r.note()));
      out.add(line);
      crcLine(crc, line);
    }
    out.add(END + '\t' + ledger.size() + '\t' + hex(crc));
    return out.build();
  }

  /**
   * Reads a ledger written by {@link #formatLedger}, in format version 1, 2 or 3: all of it, or
   * nothing. A version 3 ledger reads under the policy stored in it, even when that is not {@code
   * policy}, and replays exactly as it was recorded.
   *
   * @param lines the lines, header first
   * @param policy the policy the ledger is expected under; for a version 1 or 2 ledger, its name
   *     must match the header's, and it is the policy unless the name is a preset's
   * @return the ledger, equal to the one written; its {@code policy()} is the stored policy
   * @throws MalformedRecordException when any line is damaged, of another version, or breaks the
   *     ledger's rules (e.g. events out of time order), when the stored policy is damaged, unknown
   *     or does not match its fingerprint, or, from version 2, when the trailer is missing or the
   *     counts or the checksum do not match the lines; the message gives the line number
   */
  public static TrustLedger parseLedger(List<String> lines, TrustPolicy policy) {
    return parseLedger(lines, policy, PolicyMismatch.STORED_WINS);
  }

  /**
   * Reads a ledger written by {@link #formatLedger} under the policy stored with it: any version 3
   * ledger, or a version 1 or 2 ledger kept under a preset.
   *
   * @param lines the lines, header first
   * @return the ledger, equal to the one written
   * @throws MalformedRecordException as {@link #parseLedger(List, TrustPolicy)} does, and when a
   *     version 1 or 2 ledger names a policy that is not a preset
   */
  public static TrustLedger parseLedger(List<String> lines) {
    return ledger(lines, null, PolicyMismatch.STORED_WINS);
  }

  /**
   * Reads a ledger written by {@link #formatLedger}, choosing what happens when it was kept under
   * another policy than {@code policy}.
   *
   * @param lines the lines, header first
   * @param policy the policy the ledger is expected under
   * @param onMismatch what to do when the stored policy is not equal to {@code policy}
   * @return the ledger, equal to the one written
   * @throws MalformedRecordException as {@link #parseLedger(List, TrustPolicy)} does, and with
   *     field {@code policy} on line 1 when the policies differ and {@code onMismatch} is {@link
   *     PolicyMismatch#REJECT}
   */
  public static TrustLedger parseLedger(List<String> lines, TrustPolicy policy, PolicyMismatch onMismatch) {
    return ledger(lines, requireNonNull(policy, "policy"), requireNonNull(onMismatch, "onMismatch"));
  }

  private static TrustLedger ledger(List<String> lines, @Nullable TrustPolicy supplied, PolicyMismatch onMismatch) {
    requireNonNull(lines, "lines");
    if (lines.isEmpty()) {
      throw new MalformedRecordException(1, "header", "header must be a trust-ledger line but the input was empty", null);
    }
    String[] h = requireNonNull(lines.get(0), "line").split("\t", -1);
    int version = checkRecord(h, LEDGER, 1);
    TrustPolicy stored;
    int first = 1; // the index of the first event line
    if (version < 3) {
      stored = legacyPolicy(h[2], supplied, 1);
    } else {
      int[] next = {1};
      stored = storedPolicy(h[11], h[12], h[2], 1, () -> {
        if (!h[11].equals(WRITTEN)) {
          throw new MalformedRecordException(1, "policy", "policy must be a preset version such as default@1, "
              + "or \"written\" when the policy's written form follows, but was \"" + Texts.clip(h[11]) + "\"", null);
        }
        PolicyForm.Reader reader = PolicyForm.reader(lines, 1, i -> i + 1);
        TrustPolicy p = reader.read();
        next[0] = reader.next;
        return p;
      });
      first = next[0];
    }
    checkSupplied(stored, supplied, onMismatch, 1);
    TrustLedger start = TrustLedger.from(parseState(h, stored, 1));
    if (version == 1) {
      return appendEvents(start, lines, 1, lines.size(), stored, true); // every line after the header is an event
    }
    int announced = parseWhole(h[STATE_FIELDS], "count", 1);
    // The events end at the trailer, or at the end of the input when the trailer is missing.
    int end = first;
    while (end < lines.size() && !isTrailer(requireNonNull(lines.get(end), "line"))) {
      end++;
    }
    TrustLedger ledger = appendEvents(start, lines, first, end, stored, version < 3);
    int events = end - first;
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

  /**
   * Reads the event lines from index {@code first} up to but not including index {@code end}. In a
   * {@code legacy} (version 1 or 2) ledger a note may hold characters that {@link TextRule} has
   * refused since: such a note reads in its {@linkplain TextRule#visible visible form}, so that old
   * files stay readable and every number in them replays exactly.
   */
  private static TrustLedger appendEvents(
      TrustLedger start, List<String> lines, int first, int end, TrustPolicy policy, boolean legacy) {
    TrustLedger ledger = start;
    for (int i = first; i < end; i++) {
      int lineNo = i + 1;
      String[] f = split(requireNonNull(lines.get(i), "line"), EVENT_FIELDS, lineNo);
      try {
        String note = unescape(f[5], lineNo);
        if (legacy && TextRule.problem(note, Integer.MAX_VALUE).isPresent()) {
          note = TextRule.visible(note);
        }
        EventRecord r = new EventRecord(f[0], f[1], parseDouble(f[2], "weight", lineNo), f[3], f[4], note);
        ledger = ledger.plus(r.toEvent(policy.catalogue()));
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
      Instant time = EventRecord.parseInstant(f[3], "time");
      double level = parseDouble(f[4], "level", line);
      double scar = parseDouble(f[5], "scar", line);
      AutonomyTier tier = parseTier(f[6], line);
      Optional<Instant> promoted =
          f[7].equals("-") ? Optional.empty() : Optional.of(EventRecord.parseInstant(f[7], "promotedAt"));
      double pos = parseFloat(f[8], "positiveEvidence", line);
      double neg = parseFloat(f[9], "negativeEvidence", line);
      return TrustBucket.ofState(policy, time, level, scar, tier, promoted, pos, neg);
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
   * @return the version, 1, 2 or 3
   */
  private static int checkRecord(String[] f, String type, int line) {
    expect(f[0], type, line);
    int version = f.length > 1 ? checkVersion(f[1], line) : VERSION;
    // Version 2 adds one last field: a state's checksum, a ledger header's event count. Version 3
    // adds the policy and its fingerprint before it (a state) or after it (a ledger header).
    checkFields(f, version == 1 ? STATE_FIELDS : version == 2 ? STATE_FIELDS + 1 : STATE_FIELDS + 3, line);
    return version;
  }

  private static int checkVersion(String text, int line) {
    int version = parseWhole(text, "version", line);
    if (version < 1 || version > VERSION) {
      throw new MalformedRecordException(line, "version",
          "version must be 1, 2 or 3 (the versions this library reads) but was " + version, null);
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
    return Texts.escape(s);
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
