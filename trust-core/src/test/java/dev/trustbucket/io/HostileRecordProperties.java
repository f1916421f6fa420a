package dev.trustbucket.io;

import static dev.trustbucket.HostileInput.junk;
import static dev.trustbucket.HostileInput.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.PolicyGenerators;

/**
 * Damaged serialised states and ledgers. Each property starts from lines that {@link TrustCodec}
 * wrote itself and damages them: fields dropped, duplicated, swapped or rotated, values of the
 * wrong type, huge numbers, NaN, empty strings, binary junk (random bytes read as ISO-8859-1),
 * enormous values and lines, wrong versions and record types, truncated lines, invalid escapes,
 * lines dropped, duplicated or reordered, a ledger cut short after a whole line, lines after its
 * trailer, a trailer with another count or checksum.
 *
 * <p>Damage that cannot leave a valid record must end in a {@link MalformedRecordException} whose
 * {@link MalformedRecordException#line() line()} is the damaged line's number, whose message
 * starts with {@code "line N: "} and names the field, and nothing else: no {@code
 * NumberFormatException}, {@code DateTimeParseException}, {@code ArrayIndexOutOfBoundsException}
 * or other leak. Some damage leaves every line valid by itself (two numbers swapped, an event line
 * dropped); format versions 2 and 3 catch it with their event counts and checksums, so the reader
 * must reject it, at the header ({@code count}) or the trailer ({@code checksum}), unless the API
 * itself rejects the damaged content first, at the same line and field. The policy a format 3
 * record carries is damaged too ({@link #damagedPolicySections}): its line and setting are blamed,
 * or, for a valid but different policy, the fingerprint.
 */
@Label("Hostile input · serialised states and ledgers")
class HostileRecordProperties {
  static final List<String> STATE_FIELDS = List.of("type", "version", "name", "time", "level", "scar", "tier",
      "promotedAt", "positiveEvidence", "negativeEvidence", "policy", "fingerprint", "checksum");
  /** A ledger header: the fields of a state, but the event count before the policy, and no checksum. */
  static final List<String> HEADER_FIELDS = List.of("type", "version", "name", "time", "level", "scar", "tier",
      "promotedAt", "positiveEvidence", "negativeEvidence", "count", "policy", "fingerprint");
  static final List<String> EVENT_FIELDS = List.of("time", "behaviour", "weight", "disclosure", "delay", "note");

  /** What a field holds, for swaps and wrong types: fields of one class can hold each other's values. */
  private static final String[] STATE_CLASSES = {"type", "version", "name", "instant", "number", "number", "tier",
      "instant", "number", "number", "policy", "fingerprint", "checksum"};
  private static final String[] HEADER_CLASSES = {"type", "version", "name", "instant", "number", "number", "tier",
      "instant", "number", "number", "count", "policy", "fingerprint"};
  private static final String[] EVENT_CLASSES = {"instant", "behaviour", "number", "disclosure", "duration", "note"};
  private static final int NOTE = 5;

  /** Values of every class, for {@link Kind#WRONG_TYPE}. */
  private static final List<String[]> TYPED_VALUES = List.of(
      new String[] {"word", "abc"}, new String[] {"word", "true"}, new String[] {"word", "null"},
      new String[] {"word", "{}"}, new String[] {"number", "12.5"}, new String[] {"number", "-3"},
      new String[] {"instant", "2025-03-03T10:00:00Z"}, new String[] {"tier", "TRUSTED"},
      new String[] {"behaviour", "missed-deadline"}, new String[] {"duration", "PT3H"},
      new String[] {"disclosure", "self-reported"}, new String[] {"version", "1"},
      new String[] {"policy", "default@1"}, new String[] {"policy", "strict@1"});

  private static final int ENORMOUS = 1 << 20;

  /** Code points the text rule refuses, one of each kind and the ends of each range. */
  private static final int[] REFUSED = {0x00, 0x07, 0x09, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x2028, 0x2029,
      0x202A, 0x202E, 0x2066, 0x2069, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFF, 0x10FFFE, 0xD800, 0xDBFF, 0xDC00, 0xDFFF};

  /** How a record or a ledger is damaged. */
  enum Kind {
    // One field of one line.
    DROP_FIELD, DUPLICATE_FIELD, SWAP_FIELDS, ROTATE_FIELDS, WRONG_TYPE, HUGE_NUMBER, NOT_A_NUMBER,
    JAVA_NUMBER_SYNTAX, EMPTY, BINARY_JUNK, PADDED, ENORMOUS_FIELD, TRUNCATED,
    // The first fields of a state or a ledger header.
    WRONG_VERSION, WRONG_RECORD_TYPE,
    // The note of an event line.
    INVALID_ESCAPE, RAW_LINE_BREAK, NOTE_TOO_LONG, NOTE_REFUSED_CHARACTER,
    // Whole lines of a ledger.
    EMPTY_INPUT, DROP_HEADER, DUPLICATE_HEADER, HEADER_SWAPPED, EVENTS_REORDERED, EVENT_BEFORE_START, BLANK_LINE,
    JUNK_LINE, ENORMOUS_LINE,
    // The end of a ledger: it is cut short after a whole line, or its trailer is damaged or followed.
    MISSING_TRAILER, LINE_AFTER_TRAILER, TRAILER_COUNT, TRAILER_CHECKSUM;

    static final Set<Kind> RECORD = EnumSet.range(DROP_FIELD, WRONG_RECORD_TYPE);
    static final Set<Kind> EVENT = EnumSet.complementOf(EnumSet.of(WRONG_VERSION, WRONG_RECORD_TYPE));
  }

  /**
   * Damaged lines and what reading them must report.
   *
   * @param lines the damaged lines
   * @param line the 1-based number of the line the reader must blame
   * @param fields the fields it may name (several when the damage hits more than one)
   * @param what the damage, for failure messages
   */
  record Damage(List<String> lines, int line, Set<String> fields, String what) {
    @Override
    public String toString() {
      return what + " -> line " + line + " " + fields;
    }
  }

  // ---------------------------------------------------------------- generators

  /**
   * Histories under a preset version, whose records name the policy by its id: line 2 is the first
   * event. {@link #damagedPolicySections} damages written policies.
   */
  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(25, Duration.ofDays(400))
        .filter(c -> c.policy().presetId().isPresent())
        .filter(c -> c.events().size() >= 2 && micros(c.events().get(0).time()) < micros(c.end()));
  }

  @Provide
  Arbitrary<Kind> recordKinds() {
    return Arbitraries.of(Kind.RECORD);
  }

  @Provide
  Arbitrary<Kind> ledgerKinds() {
    return Arbitraries.of(Kind.class);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  // ---------------------------------------------------------------- damage to one record

  /**
   * Damages one record line (a state, a ledger header, or an event line).
   *
   * @param line the valid line
   * @param lineNo its 1-based number
   * @param names its fields' names
   * @param classes its fields' classes
   * @param kind the damage
   * @param r the random source
   * @return the damaged line and the fields the reader may blame
   */
  static Damage damageRecord(String line, int lineNo, List<String> names, String[] classes, Kind kind, Random r) {
    List<String> f = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
    boolean header = names.get(0).equals("type"); // a state or a ledger header
    int n = f.size();
    // The fields a value may go into: all but the free-text note.
    List<Integer> valued = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!classes[i].equals("note")) {
        valued.add(i);
      }
      if (classes[i].equals("number") || whole(classes[i])) {
        numbers.add(i);
      }
    }
    int i = valued.get(r.nextInt(valued.size()));
    Set<String> blame = Set.of(names.get(i));
    String what = kind + " " + names.get(i);
    switch (kind) {
      case DROP_FIELD: {
        int d = r.nextInt(n);
        f.remove(d);
        what = kind + " " + names.get(d);
        blame = Set.of(header && d == 0 ? "type" : header && d == 1 ? "version" : "fields");
        break;
      }
      case DUPLICATE_FIELD: {
        int d = r.nextInt(n);
        f.add(d, f.get(d));
        what = kind + " " + names.get(d);
        blame = Set.of(header && d == 0 ? "version" : "fields");
        break;
      }
      case SWAP_FIELDS: {
        int j;
        do {
          j = valued.get(r.nextInt(valued.size()));
        } while (classes[j].equals(classes[i]) || f.get(j).equals(f.get(i))); // equal values: no damage
        String t = f.get(i);
        f.set(i, f.get(j));
        f.set(j, t);
        what = kind + " " + names.get(i) + "<->" + names.get(j);
        int version = names.indexOf("version");
        if ((i == version || j == version) && Set.of("1", "2").contains(f.get(version))) {
          // The line now claims an earlier format (a count of 1 or 2 moved into the version), which
          // has fewer fields: it is read as that format and blamed on its field count.
          blame = Set.of(names.get(i), names.get(j), "fields");
        } else {
          blame = Set.of(names.get(i), names.get(j));
        }
        break;
      }
      case ROTATE_FIELDS: {
        int k = 1 + r.nextInt(n - 1);
        java.util.Collections.rotate(f, k);
        what = kind + " by " + k;
        blame = Set.copyOf(names);
        break;
      }
      case WRONG_TYPE: {
        List<String[]> others = TYPED_VALUES.stream()
            .filter(v -> !v[0].equals(classes[i]) && !(classes[i].equals("instant") && v[1].equals("-"))
                && !(classes[i].equals("number") && v[0].equals("version"))
                && !(classes[i].equals("version") && v[1].equals("1")))
            .collect(Collectors.toList());
        String v = others.get(r.nextInt(others.size()))[1];
        f.set(i, v);
        what = kind + " " + names.get(i) + "=" + v;
        break;
      }
      case HUGE_NUMBER: {
        int k = numbers.get(r.nextInt(numbers.size()));
        String v = pick(r, "1e309", "-1e309", "1" + "0".repeat(400), "9".repeat(40), "3.5e38", "1e400",
            "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858369");
        f.set(k, v);
        blame = Set.of(names.get(k));
        what = kind + " " + names.get(k) + "=" + v.substring(0, Math.min(20, v.length()));
        break;
      }
      case NOT_A_NUMBER: {
        int k = numbers.get(r.nextInt(numbers.size()));
        String v = pick(r, "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf");
        f.set(k, v);
        blame = Set.of(names.get(k));
        what = kind + " " + names.get(k) + "=" + v;
        break;
      }
      case JAVA_NUMBER_SYNTAX: {
        // Values Java's parsers accept but TrustCodec never writes: hex, type suffixes, other digits.
        int k = numbers.get(r.nextInt(numbers.size()));
        String v = f.get(k);
        if (whole(classes[k])) {
          v = pick(r, "+1", "\u0661", "\uff11", "1L");
        } else {
          double x = Double.parseDouble(v);
          v = pick(r, Double.toHexString(x), v + "d", v + "f", v + "D", v + "F", "0x" + Long.toHexString((long) x));
        }
        f.set(k, v);
        blame = Set.of(names.get(k));
        what = kind + " " + names.get(k) + "=" + v;
        break;
      }
      case EMPTY:
        f.set(i, "");
        break;
      case BINARY_JUNK: {
        String v = junk(r, 200);
        f.set(i, v);
        blame = v.indexOf('\t') >= 0 ? Set.of(names.get(i), "fields") : blame;
        what = kind + " " + names.get(i);
        break;
      }
      case PADDED: {
        String pad = pick(r, " ", "\u0000", "\u0001", "\u001f", "\u000b", "\f", "\u00a0", "\u2003", "  ");
        int side = r.nextInt(3);
        f.set(i, (side != 1 ? pad : "") + f.get(i) + (side != 0 ? pad : ""));
        what = kind + " " + names.get(i) + " with U+" + Integer.toHexString(pad.charAt(0));
        break;
      }
      case ENORMOUS_FIELD: {
        int k = r.nextInt(n);
        String v = classes[k].equals("number") || whole(classes[k]) ? "9".repeat(ENORMOUS)
            : classes[k].equals("note") ? "n".repeat(ENORMOUS) : "x".repeat(ENORMOUS);
        f.set(k, v);
        blame = Set.of(names.get(k));
        what = kind + " " + names.get(k);
        break;
      }
      case TRUNCATED: {
        // Cut before the last tab, so a field is lost: a cut inside the last field can leave a valid
        // shorter number or note, which the undetectable-damage property covers instead.
        int lastTab = line.lastIndexOf('\t');
        int cut = r.nextInt(lastTab);
        String cutLine = line.substring(0, cut);
        int typeEnd = line.indexOf('\t');
        blame = header && cut < typeEnd ? Set.of("type") : header && cut > typeEnd && cut < line.indexOf('\t', typeEnd + 1)
            ? Set.of("version", "fields") : Set.of("fields");
        return new Damage(List.of(cutLine), lineNo, blame, kind + " at " + cut + " of " + line.length());
      }
      case WRONG_VERSION: {
        String v = pick(r, "0", "1", "2", "4", "-1", "10", "99999999999", "1.0", "v1", "one", "", " 3", "3 ", "2147483648");
        f.set(1, v);
        // Versions 1 and 2 are known, but their records have fewer fields than this version 3 record.
        blame = Set.of(v.equals("1") || v.equals("2") ? "fields" : "version");
        what = kind + " '" + v + "'";
        break;
      }
      case WRONG_RECORD_TYPE: {
        String v = pick(r, f.get(0).equals("trust-state") ? "trust-ledger" : "trust-state",
            f.get(0).toUpperCase(java.util.Locale.ROOT), f.get(0).replace('-', '_'), "", "trust-event", "#");
        f.set(0, v);
        blame = Set.of("type");
        what = kind + " '" + v + "'";
        break;
      }
      case INVALID_ESCAPE: {
        String note = f.get(NOTE);
        String bad = pick(r, "\\q", "\\u0041", "\\x", "\\0", "\\N", "\\\"", "\\");
        // At the start or the end of the escaped note: never inside another escape.
        f.set(NOTE, bad.equals("\\") || r.nextBoolean() ? note + bad : bad + note);
        blame = Set.of("note");
        what = kind + " " + bad;
        break;
      }
      case RAW_LINE_BREAK: {
        String note = f.get(NOTE);
        int at = r.nextInt(note.length() + 1);
        f.set(NOTE, note.substring(0, at) + pick(r, "\n", "\r", "\r\n") + note.substring(at));
        blame = Set.of("note");
        what = kind + " at " + at;
        break;
      }
      case NOTE_TOO_LONG: {
        int len = TrustEvent.MAX_NOTE_LENGTH + 1 + r.nextInt(r.nextBoolean() ? 5 : 5_000);
        f.set(NOTE, pick(r, "x", "\\t", "\\\\", "é").repeat(len));
        blame = Set.of("note");
        what = kind + " " + len;
        break;
      }
      case NOTE_REFUSED_CHARACTER: {
        // A character the TextRule refuses, raw (a control, a lone surrogate, U+FFFF, U+202E ...)
        // or written as an escape the codec decodes (\t): the reader must refuse to hold it.
        String note = f.get(NOTE);
        int cp;
        do {
          cp = REFUSED[r.nextInt(REFUSED.length)];
        } while (cp == '\n' || cp == '\r');
        String bad = cp == '\t' ? "\\t" : new String(Character.toChars(cp));
        f.set(NOTE, r.nextBoolean() ? note + bad : bad + note);
        blame = Set.of("note");
        what = kind + " U+" + Integer.toHexString(cp);
        break;
      }
      default:
        throw new IllegalArgumentException("not a record damage: " + kind);
    }
    return new Damage(List.of(String.join("\t", f)), lineNo, blame, what);
  }

  /** Versions and counts: ASCII digits only. */
  static boolean whole(String fieldClass) {
    return fieldClass.equals("version") || fieldClass.equals("count");
  }

  @SafeVarargs
  static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  // ---------------------------------------------------------------- damage to a ledger

  static Damage damageLedger(List<String> lines, Kind kind, Random r) {
    List<String> out = new ArrayList<>(lines);
    int events = lines.size() - 2; // between the header and the trailer
    int trailer = lines.size() - 1;
    int k = 1 + r.nextInt(events); // an event line's index in the list
    switch (kind) {
      case EMPTY_INPUT:
        return new Damage(List.of(), 1, Set.of("header"), kind.toString());
      case DROP_HEADER:
        out.remove(0);
        return new Damage(out, 1, Set.of("type"), kind.toString());
      case DUPLICATE_HEADER:
        out.add(1, lines.get(0));
        return new Damage(out, 2, Set.of("fields"), kind.toString());
      case HEADER_SWAPPED:
        out.set(0, lines.get(k));
        out.set(k, lines.get(0));
        return new Damage(out, 1, Set.of("type"), kind + " with line " + (k + 1));
      case EVENTS_REORDERED: {
        // Move a later event before an earlier one that happened strictly before it.
        List<Integer> pairs = new ArrayList<>();
        for (int a = 1; a <= events; a++) {
          for (int b = a + 1; b <= events; b++) {
            if (time(lines.get(b)) > time(lines.get(a))) {
              pairs.add(a * 1_000 + b);
            }
          }
        }
        int p = pairs.get(r.nextInt(pairs.size()));
        int a = p / 1_000;
        int b = p % 1_000;
        out.add(a, out.remove(b));
        int blamed = 2;
        long latest = Long.MIN_VALUE;
        for (int i = 1; i < out.size(); i++) {
          long t = time(out.get(i));
          if (t < latest) {
            blamed = i + 1;
            break;
          }
          latest = t;
        }
        return new Damage(out, blamed, Set.of("time"), kind + " line " + (b + 1) + " before line " + (a + 1));
      }
      case EVENT_BEFORE_START: {
        String[] f = lines.get(k).split("\t", -1);
        Instant start = Instant.parse(lines.get(0).split("\t", -1)[3]);
        f[0] = start.minusSeconds(1 + r.nextInt(1_000_000)).toString();
        out.set(k, String.join("\t", f));
        return new Damage(out, k + 1, Set.of("time"), kind + " line " + (k + 1));
      }
      case BLANK_LINE: {
        int at = 1 + r.nextInt(events + 1);
        out.add(at, pick(r, "", " ", "\t\t\t\t\t"));
        return new Damage(out, at + 1, Set.of("fields", "weight"), kind + " at line " + (at + 1));
      }
      case JUNK_LINE: {
        int at = 1 + r.nextInt(events + 1);
        out.add(at, junk(r, 300));
        Set<String> any = new java.util.HashSet<>(EVENT_FIELDS);
        any.add("fields");
        return new Damage(out, at + 1, any, kind + " at line " + (at + 1));
      }
      case ENORMOUS_LINE: {
        int at = 1 + r.nextInt(events + 1);
        out.add(at, r.nextBoolean() ? "x".repeat(ENORMOUS) : String.join("\t", List.of("9".repeat(ENORMOUS / 6),
            "y".repeat(ENORMOUS / 6), "1.0", "not-recorded", "PT0S", "z".repeat(ENORMOUS / 6))));
        return new Damage(out, at + 1, Set.of("fields", "time"), kind + " at line " + (at + 1));
      }
      case MISSING_TRAILER: {
        int kept = 1 + r.nextInt(lines.size() - 1); // the header at least, the trailer never
        return new Damage(new ArrayList<>(lines.subList(0, kept)), kept + 1, Set.of("trailer"),
            kind + " after line " + kept);
      }
      case LINE_AFTER_TRAILER: {
        String v = pick(r, lines.get(k), lines.get(trailer), lines.get(0), "", junk(r, 100));
        out.add(v);
        return new Damage(out, lines.size() + 1, Set.of("trailer"), kind.toString());
      }
      case TRAILER_COUNT: {
        String v = pick(r, Integer.toString(events + 1), Integer.toString(events - 1), "0", "999999999", "-1",
            events + ".0", "", "+" + events, " " + events, "9".repeat(40));
        String[] f = lines.get(trailer).split("\t", -1);
        f[1] = v;
        out.set(trailer, String.join("\t", f));
        return new Damage(out, trailer + 1, Set.of("count"), kind + " '" + v + "'");
      }
      case TRAILER_CHECKSUM: {
        String[] f = lines.get(trailer).split("\t", -1);
        int at = r.nextInt(8);
        char other = "0123456789abcdef".charAt((Character.digit(f[2].charAt(at), 16) + 1 + r.nextInt(15)) % 16);
        String v = pick(r, f[2].substring(0, at) + other + f[2].substring(at + 1), "F" + f[2].substring(1),
            f[2].substring(1), f[2] + "0", "", "0x" + f[2].substring(2), junk(r, 8));
        f[2] = v;
        out.set(trailer, String.join("\t", f));
        return new Damage(out, trailer + 1, Set.of("checksum", "fields"), kind + " '" + v + "'");
      }
      default: {
        boolean onHeader = Kind.RECORD.contains(kind) && (!Kind.EVENT.contains(kind) || r.nextInt(4) == 0);
        int index = onHeader ? 0 : k;
        Damage d = onHeader
            ? damageRecord(lines.get(0), 1, HEADER_FIELDS, HEADER_CLASSES, kind, r)
            : damageRecord(lines.get(index), index + 1, EVENT_FIELDS, EVENT_CLASSES, kind, r);
        out.set(index, d.lines().get(0));
        return new Damage(out, index + 1, d.fields(), d.what() + " on line " + (index + 1));
      }
    }
  }

  static long time(String eventLine) {
    return micros(Instant.parse(eventLine.substring(0, eventLine.indexOf('\t'))));
  }

  // ---------------------------------------------------------------- properties

  static void check(Damage d, Throwable thrown) {
    MalformedRecordException e = rejected(MalformedRecordException.class, d.toString(), thrown);
    assertThat(e.line()).as("line of %s: %s", d, e.getMessage()).isEqualTo(d.line());
    assertThat(e.getMessage()).as("message of %s", d).startsWith("line " + d.line() + ": ");
    // A policy field that looks like a preset id but names none is blamed as "preset".
    String field = e.field().equals("preset") && d.fields().contains("policy") ? "policy" : e.field();
    assertThat(d.fields()).as("field of %s: %s", d, e.getMessage()).contains(field);
    assertThat(e.getMessage()).contains(e.field());
  }

  @Property(tries = 1_000)
  @Label("a damaged state line is rejected with line 1 and the field, never another exception")
  void damagedStates(
      @ForAll("histories") LedgerCase c, @ForAll("recordKinds") Kind kind, @ForAll("seeds") long seed) {
    Random r = new Random(seed);
    TrustLedger ledger = c.ledger();
    TrustBucket state = r.nextBoolean() ? ledger.state() : ledger.stateAt(c.events().get(r.nextInt(c.events().size())).time());
    String line = TrustCodec.formatState(state);
    Damage d = damageRecord(line, 1, STATE_FIELDS, STATE_CLASSES, kind, r);
    Statistics.label("kind").collect(kind);

    check(d, catchThrowable(() -> TrustCodec.parseState(d.lines().get(0), c.policy())));
    // Reading has no side effects: the original still reads back to an equal bucket.
    assertThat(TrustCodec.parseState(line, c.policy())).isEqualTo(state);
    Statistics.label("kind").coverage(checker -> Kind.RECORD.forEach(k -> checker.check(k).count(n -> n > 0)));
  }

  @Property(tries = 1_500)
  @Label("a damaged ledger is rejected whole, blaming the damaged line and field, never another exception")
  void damagedLedgers(@ForAll("histories") LedgerCase c, @ForAll("ledgerKinds") Kind kind, @ForAll("seeds") long seed) {
    TrustLedger ledger = c.ledger();
    List<String> lines = TrustCodec.formatLedger(ledger);
    Damage d = damageLedger(lines, kind, new Random(seed));
    Statistics.label("kind").collect(kind);

    check(d, catchThrowable(() -> TrustCodec.parseLedger(d.lines(), c.policy())));
    // Nothing half-read: the original ledger is as it was, and its lines still read back to it.
    assertThat(ledger).isEqualTo(c.ledger());
    assertThat(TrustCodec.parseLedger(lines, c.policy())).isEqualTo(ledger);
    Statistics.label("kind").coverage(checker -> EnumSet.allOf(Kind.class).forEach(k -> checker.check(k).count(n -> n > 0)));
  }

  // ---------------------------------------------------------------- damage every line survives

  /** Damage that may leave lines valid by themselves: only the counts and checksums can tell. */
  enum Quiet {
    SWAP_LEVEL_AND_SCAR, SWAP_EVIDENCE, SWAP_TIME_AND_PROMOTED_AT, DROP_EVENT_LINE, DUPLICATE_EVENT_LINE,
    SWAP_EVENT_LINES, OTHER_BEHAVIOUR
  }

  @Property(tries = 400)
  @Label("damage that leaves valid lines is rejected by the event count or the checksum, or first as the API rejects those lines")
  void quietDamageIsDetected(
      @ForAll("histories") LedgerCase c, @ForAll Quiet quiet, @ForAll("seeds") long seed) {
    Random r = new Random(seed);
    TrustPolicy policy = c.policy();
    TrustLedger ledger = c.ledger();
    List<String> lines = new ArrayList<>(TrustCodec.formatLedger(ledger));
    TrustBucket initial = ledger.initial();
    List<TrustEvent> events = new ArrayList<>(ledger.events());
    String[] h = lines.get(0).split("\t", -1);
    int k = r.nextInt(events.size());
    int j = r.nextInt(events.size());

    // The damage, and what the API makes of the same content.
    InvalidTrustInputException expected = null;
    int expectedLine = 1;
    TrustLedger built = null;
    try {
      switch (quiet) {
        case SWAP_LEVEL_AND_SCAR:
        case SWAP_EVIDENCE:
        case SWAP_TIME_AND_PROMOTED_AT: {
          int a = quiet == Quiet.SWAP_LEVEL_AND_SCAR ? 4 : quiet == Quiet.SWAP_EVIDENCE ? 8 : 3;
          int b = quiet == Quiet.SWAP_LEVEL_AND_SCAR ? 5 : quiet == Quiet.SWAP_EVIDENCE ? 9 : 7;
          String t = h[a];
          h[a] = h[b];
          h[b] = t;
          lines.set(0, String.join("\t", h));
          boolean timesSwapped = quiet == Quiet.SWAP_TIME_AND_PROMOTED_AT && initial.promotedAt().isPresent();
          TrustBucket b0 = TrustBucket.ofState(policy,
              timesSwapped ? initial.promotedAt().get() : initial.time(),
              quiet == Quiet.SWAP_LEVEL_AND_SCAR ? initial.scar() : initial.level(),
              quiet == Quiet.SWAP_LEVEL_AND_SCAR ? initial.level() : initial.scar(),
              initial.tier(),
              timesSwapped ? Optional.of(initial.time()) : initial.promotedAt(),
              quiet == Quiet.SWAP_EVIDENCE ? initial.negativeEvidence() : initial.positiveEvidence(),
              quiet == Quiet.SWAP_EVIDENCE ? initial.positiveEvidence() : initial.negativeEvidence());
          if (quiet == Quiet.SWAP_TIME_AND_PROMOTED_AT && !timesSwapped) {
            throw new InvalidTrustInputException("time", "'-' is not an instant"); // the time field now holds "-"
          }
          built = TrustLedger.from(b0).plusAll(events);
          break;
        }
        case DROP_EVENT_LINE:
          lines.remove(k + 1);
          events.remove(k);
          break;
        case DUPLICATE_EVENT_LINE:
          lines.add(k + 1, lines.get(k + 1));
          events.add(k, events.get(k));
          break;
        case SWAP_EVENT_LINES:
          lines.set(k + 1, lines.get(j + 1));
          lines.set(j + 1, TrustCodec.formatLedger(ledger).get(k + 1));
          events.set(k, ledger.event(j));
          events.set(j, ledger.event(k));
          break;
        case OTHER_BEHAVIOUR: {
          Behaviour other = BehaviourCatalogue.defaults().all().get(r.nextInt(BehaviourCatalogue.defaults().all().size()));
          String[] f = lines.get(k + 1).split("\t", -1);
          f[1] = other.id();
          lines.set(k + 1, String.join("\t", f));
          TrustEvent e = events.get(k);
          expectedLine = k + 2; // a drop cannot carry the drain's disclosure
          events.set(k, new TrustEvent(other, e.time(), e.weight(), e.disclosure(), e.note()));
          expectedLine = 1;
          break;
        }
        default:
          throw new AssertionError(quiet);
      }
      if (built == null) {
        built = TrustLedger.from(initial).plusAll(events);
      }
    } catch (InvalidTrustInputException e) {
      expected = e;
    }

    Throwable thrown = catchThrowable(() -> TrustCodec.parseLedger(lines, policy));
    if (lines.equals(TrustCodec.formatLedger(ledger))) {
      // The same line swapped with itself, or a behaviour replaced by itself: no damage at all.
      Statistics.label("outcome").collect("unchanged, read back");
      assertThat(thrown).as("%s: the lines are unchanged", quiet).isNull();
      assertThat(TrustCodec.parseLedger(lines, policy)).isEqualTo(ledger);
    } else if (expected == null) {
      // The API accepts what the lines say; version 1 read exactly that. Version 2 sees the damage:
      // a line dropped or added changes the number of event lines, anything else the checksum.
      Statistics.label("outcome").collect("valid lines, rejected by the count or the checksum");
      assertThat(built).isNotNull();
      boolean counted = quiet == Quiet.DROP_EVENT_LINE || quiet == Quiet.DUPLICATE_EVENT_LINE;
      MalformedRecordException e = rejected(MalformedRecordException.class, quiet.toString(), thrown);
      assertThat(e.line()).as("%s: %s", quiet, e.getMessage()).isEqualTo(counted ? 1 : lines.size());
      assertThat(e.field()).as("%s: %s", quiet, e.getMessage()).isEqualTo(counted ? "count" : "checksum");
      assertThat(e).hasMessageStartingWith("line " + e.line() + ": " + e.field() + " must be ");
    } else {
      Statistics.label("outcome").collect("rejected as the API rejects it");
      String message = String.valueOf(expected.getMessage());
      int line = message.startsWith("event ")
          ? Integer.parseInt(message.substring(6, message.indexOf(':'))) + 1 // appendAll counts events from 1
          : expectedLine;
      MalformedRecordException e = rejected(MalformedRecordException.class, quiet.toString(), thrown);
      assertThat(e.line()).as("%s: %s", quiet, e.getMessage()).isEqualTo(line);
      assertThat(e.field()).isEqualTo(expected.field());
    }
    assertThat(ledger).isEqualTo(c.ledger());
    Statistics.label("damage").collect(quiet);
    Statistics.label("damage").coverage(checker -> EnumSet.allOf(Quiet.class).forEach(q -> checker.check(q).count(n -> n > 0)));
    Statistics.label("outcome").coverage(checker ->
        checker.check("valid lines, rejected by the count or the checksum").percentage(p -> p > 20));
  }

  // ---------------------------------------------------------------- damage to a written policy

  /** How the policy stored with a record (format 3) is damaged. */
  enum PolicyDamage {
    DROP_LINE, DUPLICATE_LINE, SWAP_LINES, NOT_CANONICAL, OUT_OF_RANGE, UNKNOWN_RULE, BAD_LABEL_ESCAPE,
    CATALOGUE_COUNT, FORM_VERSION, CHANGED_SETTING, OTHER_FINGERPRINT, UNKNOWN_PRESET
  }

  /** The setting each line of a written form holds, in order; behaviour lines follow. */
  static final List<String> FORM_FIELDS = List.of("type", "name", "baseline", "gainRate", "lossRate",
      "integrityMultiplier", "majorSeverity", "integrityBreaches", "scarRate", "maxScar", "selfReportedMultiplier",
      "discoveredMultiplier", "discoveredMultiplierLimit", "concealmentHalfTime", "brokenPromiseMultiplier",
      "abandonmentMultiplier", "renegotiationCost", "renegotiationNoticeHalfTime", "decay", "scarDecay", "ladder",
      "catalogue");
  private static final int CATALOGUE = FORM_FIELDS.indexOf("catalogue");

  static Set<String> set(String... fields) {
    return Set.copyOf(new java.util.HashSet<>(Arrays.asList(fields)));
  }

  static String formField(int j) {
    return j < FORM_FIELDS.size() ? FORM_FIELDS.get(j) : "behaviour";
  }

  /**
   * Damages a written form.
   *
   * @param form the valid form
   * @return the damaged form, the index of the blamed form line (-1: the record's first line), and
   *     the fields the reader may blame
   */
  static Damage damageForm(TrustPolicy policy, List<String> form, PolicyDamage kind, Random r) {
    List<String> out = new ArrayList<>(form);
    int n = form.size();
    int behaviours = n - CATALOGUE - 1;
    switch (kind) {
      case DROP_LINE: {
        int j = r.nextInt(n);
        out.remove(j);
        return j <= CATALOGUE
            ? new Damage(out, j, set(formField(j), "fields", "type"), kind + " " + formField(j))
            : new Damage(out, n - 1, Set.of("behaviour", "fields"), kind + " behaviour " + j);
      }
      case DUPLICATE_LINE: {
        int j = r.nextInt(n);
        out.add(j + 1, form.get(j));
        if (j == n - 1 && j > CATALOGUE) {
          // The last behaviour twice: the copy is read as the first event line (a ledger), or is a
          // line after the form (a state).
          return new Damage(out, j + 1, set("weight", "time", "policy"), kind + " last behaviour");
        }
        return j <= CATALOGUE
            ? new Damage(out, j + 1, set(formField(j + 1), "fields", "policy"), kind + " " + formField(j))
            : new Damage(out, j + 1, Set.of("id"), kind + " behaviour " + j);
      }
      case SWAP_LINES: {
        int a = r.nextInt(CATALOGUE + 1);
        int b;
        do {
          b = r.nextInt(n);
        } while (b == a);
        out.set(a, form.get(b));
        out.set(b, form.get(a));
        int first = Math.min(a, b);
        return new Damage(out, first, set(formField(first), "fields", "type"), kind + " " + a + "<->" + b);
      }
      case NOT_CANONICAL: {
        int j = pick(r, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16);
        String[] f = form.get(j).split("\t", -1);
        f[1] = pick(r, "+" + f[1], "0" + f[1], f[1] + "e0", " " + f[1], f[1].contains("E") ? "+" + f[1] : f[1] + "0");
        out.set(j, String.join("\t", f));
        return new Damage(out, j, set(formField(j)), kind + " " + out.get(j));
      }
      case OUT_OF_RANGE: {
        String[] bad = pick(r, new String[] {"baseline", "1.5"}, new String[] {"gainRate", "0.0"},
            new String[] {"lossRate", "2.0"}, new String[] {"integrityMultiplier", "0.5"},
            new String[] {"majorSeverity", "-1.0"}, new String[] {"scarRate", "1.5"},
            new String[] {"selfReportedMultiplier", "0.0"}, new String[] {"brokenPromiseMultiplier", "6.0"},
            new String[] {"renegotiationCost", "-0.5"}, new String[] {"concealmentHalfTime", "PT0S"},
            new String[] {"renegotiationNoticeHalfTime", "PT-1H"}, new String[] {"baseline", "NaN"});
        int j = FORM_FIELDS.indexOf(bad[0]);
        out.set(j, bad[0] + "\t" + bad[1]);
        return new Damage(out, j, Set.of(bad[0]), kind + " " + out.get(j));
      }
      case UNKNOWN_RULE: {
        String setting = pick(r, "decay", "scarDecay");
        int j = FORM_FIELDS.indexOf(setting);
        out.set(j, setting + "\t" + pick(r, "weibull\tPT1H", "linear\tP1D", "Exponential\tPT8760H", "custom\t-"));
        return new Damage(out, j, Set.of(setting), kind + " " + out.get(j));
      }
      case BAD_LABEL_ESCAPE: {
        if (behaviours == 0) {
          return damageForm(policy, form, PolicyDamage.UNKNOWN_RULE, r);
        }
        int j = CATALOGUE + 1 + r.nextInt(behaviours);
        out.set(j, form.get(j) + pick(r, "\\q", "\\", "\\u0041", "\\0"));
        return new Damage(out, j, Set.of("label"), kind + " " + out.get(j));
      }
      case CATALOGUE_COUNT: {
        int count = behaviours + (behaviours == 0 || r.nextBoolean() ? 1 : -1);
        out.set(CATALOGUE, "catalogue\t" + count);
        return count > behaviours
            ? new Damage(out, n, Set.of("behaviour", "fields"), kind + " " + count + " for " + behaviours)
            // One behaviour fewer is a valid policy in a ledger, which its fingerprint does not match.
            : new Damage(out, -1, Set.of("fingerprint", "policy"), kind + " " + count + " for " + behaviours);
      }
      case FORM_VERSION: {
        out.set(0, "trust-policy\t" + pick(r, "2", "0", "01", "1.0", "", "v1"));
        return new Damage(out, 0, Set.of("version"), kind + " " + out.get(0));
      }
      case CHANGED_SETTING: {
        String setting = pick(r, PolicyGenerators.SETTINGS.toArray(new String[0]));
        Optional<TrustPolicy> changed = PolicyGenerators.withOneChange(policy, setting, r);
        if (changed.isEmpty()) {
          return damageForm(policy, form, PolicyDamage.FORM_VERSION, r);
        }
        return new Damage(changed.get().writtenForm(), -1, Set.of("fingerprint"), kind + " " + setting);
      }
      case OTHER_FINGERPRINT:
      case UNKNOWN_PRESET:
        return new Damage(out, -1, Set.of(kind == PolicyDamage.UNKNOWN_PRESET ? "preset" : "fingerprint"), kind.toString());
      default:
        throw new AssertionError(kind);
    }
  }

  @Provide
  Arbitrary<TrustPolicy> writtenPolicies() {
    return PolicyGenerators.policies();
  }

  @Property(tries = 300)
  @Label("a damaged policy section (format 3) is rejected with the line and the setting, and nothing is half-read")
  void damagedPolicySections(
      @ForAll("writtenPolicies") TrustPolicy policy, @ForAll PolicyDamage kind, @ForAll("seeds") long seed,
      @ForAll boolean state) {
    Random r = new Random(seed);
    TrustLedger ledger = TrustLedger.of(policy, Instant.parse("2024-05-06T09:00:00Z"));
    for (int i = 0; i < policy.catalogue().size() && i < 3; i++) {
      ledger = ledger.plus(TrustEvent.of(policy.catalogue().all().get(i), Instant.parse("2024-05-0" + (7 + i) + "T09:00:00Z")));
    }
    List<String> form = policy.writtenForm();
    Damage d = damageForm(policy, form, kind, r);
    Statistics.label("damage").collect(kind);
    Statistics.label("record").collect(state ? "state" : "ledger");

    String fingerprint = kind == PolicyDamage.OTHER_FINGERPRINT
        ? TrustPolicy.defaults().fingerprint() : policy.fingerprint();
    String ref = kind == PolicyDamage.UNKNOWN_PRESET ? pick(r, "default@2", "default@99", "custom@1", "strict@0")
        : null;
    Damage expected;
    Throwable thrown;
    if (state) {
      String line = TrustCodec.formatState(ledger.state());
      String[] f = line.split("\t", -1);
      f[10] = ref != null ? ref : TrustCodec.escape(String.join("\n", d.lines()));
      f[11] = fingerprint;
      String damaged = String.join("\t", f);
      Set<String> fields = new java.util.HashSet<>(d.fields());
      if (kind == PolicyDamage.CATALOGUE_COUNT || kind == PolicyDamage.DUPLICATE_LINE || d.line() == 0) {
        // The form ends before the field does, or the field does not start like a written form.
        fields.add("policy");
      }
      expected = new Damage(List.of(damaged), 1, fields, d.what());
      thrown = catchThrowable(() -> TrustCodec.parseState(damaged, policy));
      assertThat(TrustCodec.parseState(line, TrustPolicy.defaults())).isEqualTo(ledger.state());
    } else {
      List<String> lines = TrustCodec.formatLedger(ledger);
      List<String> out = new ArrayList<>();
      String[] h = lines.get(0).split("\t", -1);
      h[11] = ref != null ? ref : h[11];
      h[12] = fingerprint;
      out.add(String.join("\t", h));
      out.addAll(d.lines());
      out.addAll(lines.subList(1 + form.size(), lines.size()));
      expected = new Damage(out, d.line() + 2, d.fields(), d.what());
      thrown = catchThrowable(() -> TrustCodec.parseLedger(out, policy));
      assertThat(TrustCodec.parseLedger(lines, TrustPolicy.defaults())).isEqualTo(ledger);
    }
    check(expected, thrown);
    Statistics.label("damage").coverage(checker -> EnumSet.allOf(PolicyDamage.class).forEach(k -> checker.check(k).count(c -> c > 0)));
  }
}
