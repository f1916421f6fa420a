package dev.trustbucket.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.explain.SampleHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TrustCodec: the text format (writes version 3, reads versions 1, 2 and 3)")
class TrustCodecTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant START = SampleHistory.START;

  /** The default policy's fingerprint. */
  static final String DEFAULT_FP = "4d86ba02345ccf9b16c627fab7daf1d352684db21829dac0680cd7b4f8b66648";

  private static final String HEADER =
      "trust-ledger\t3\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0\t4\tdefault@1\t" + DEFAULT_FP;
  private static final String TRAILER = "trust-ledger-end\t4\te0cbbf53";

  /**
   * The sample story ({@link SampleHistory#story}: a drop, an update, a hidden bug found after 9
   * days, a mistake owned early) with its last event made heavier (weight 1.5) and given a note
   * that the codec must escape: a backslash, a written {@code \t} and a letter outside ASCII.
   */
  static TrustLedger story() {
    TrustLedger sample = SampleHistory.story(POLICY);
    int last = sample.size() - 1;
    return TrustLedger.of(POLICY, START)
        .plusAll(sample.events().subList(0, last))
        .plus(sample.event(last).withWeight(1.5).withNote("no tab here \\ back \\t ü"));
  }

  private static List<String> storyLines() {
    return new ArrayList<>(TrustCodec.formatLedger(story()));
  }

  @Test
  @DisplayName("writes a small ledger exactly like this (format stability)")
  void pinnedLedgerText() {
    assertThat(TrustCodec.formatLedger(story()))
        .containsExactly(
            HEADER,
            "2025-01-10T17:00:00Z\tdelivered-on-commitment\t1.0\tnot-recorded\tPT0S\t",
            "2025-02-14T10:00:00Z\tproactive-update\t0.5\tnot-recorded\tPT0S\t",
            "2025-03-03T10:00:00Z\thid-problem\t1.0\tdiscovered\tPT216H\tcritical bug",
            "2025-03-20T10:00:00Z\towned-mistake-early\t1.5\tnot-recorded\tPT0S\tno tab here \\\\ back \\\\t ü",
            TRAILER);
  }

  @Test
  @DisplayName("writes a ledger without events as a header and a trailer, exactly like this, and reads it back")
  void pinnedEmptyLedgerText() {
    TrustLedger empty = TrustLedger.of(POLICY, START);
    List<String> lines = TrustCodec.formatLedger(empty);
    assertThat(lines).containsExactly(
        "trust-ledger\t3\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0\t0\tdefault@1\t" + DEFAULT_FP,
        "trust-ledger-end\t0\teb3bdc96");
    assertThat(TrustCodec.parseLedger(lines, POLICY)).isEqualTo(empty);
  }

  @Test
  @DisplayName("writes a state as one line of thirteen fields, the policy, its fingerprint and the checksum last, exactly like this")
  void pinnedStateText() {
    TrustBucket state =
        TrustBucket.ofState(POLICY, Instant.parse("2025-05-01T12:30:00.000250Z"), 0.625, 0.125,
            AutonomyTier.TRUSTED, Optional.of(Instant.parse("2025-04-28T08:00:00Z")), 3.5, 1.25);

    String line = TrustCodec.formatState(state);

    assertThat(line).isEqualTo(
        "trust-state\t3\tdefault\t2025-05-01T12:30:00.000250Z\t0.625\t0.125\tTRUSTED\t2025-04-28T08:00:00Z\t3.5\t1.25"
            + "\tdefault@1\t" + DEFAULT_FP + "\t6fc78398");
    assertThat(TrustCodec.parseState(line, POLICY)).isEqualTo(state);
    assertThat(TrustCodec.formatState(TrustBucket.of(POLICY, START)))
        .isEqualTo("trust-state\t3\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0\tdefault@1\t"
            + DEFAULT_FP + "\tca2d10f1");
  }

  @Test
  @DisplayName("reads the pinned ledger back to an equal ledger with the identical state")
  void readsTheStoryBack() {
    TrustLedger read = TrustCodec.parseLedger(storyLines(), POLICY);
    assertThat(read).isEqualTo(story());
    assertThat(read.state()).isEqualTo(story().state());
    assertThat(read.event(3).note()).isEqualTo("no tab here \\ back \\t ü");
  }

  private static MalformedRecordException ledgerError(List<String> lines) {
    return catchThrowableOfType(MalformedRecordException.class, () -> TrustCodec.parseLedger(lines, POLICY));
  }

  private static MalformedRecordException stateError(String line) {
    return catchThrowableOfType(MalformedRecordException.class, () -> TrustCodec.parseState(line, POLICY));
  }

  private static void assertError(MalformedRecordException e, int line, String field) {
    assertThat(e).as("a MalformedRecordException").isNotNull();
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e).hasMessageStartingWith("line " + line + ": ");
  }

  private static List<String> withLine(int index, String line) {
    List<String> lines = storyLines();
    lines.set(index, line);
    return lines;
  }

  private static String replaceField(String line, int field, String value) {
    String[] f = line.split("\t", -1);
    f[field] = value;
    return String.join("\t", f);
  }

  @Test
  @DisplayName("an unknown version is rejected as such on line 1, whatever its layout")
  void unknownVersion() {
    assertError(ledgerError(withLine(0, replaceField(HEADER, 1, "4"))), 1, "version");
    assertThat(ledgerError(withLine(0, replaceField(HEADER, 1, "4"))))
        .hasMessage("line 1: version must be 1, 2 or 3 (the versions this library reads) but was 4");
    // A future version may have another number of fields: still reported as a version problem.
    assertError(ledgerError(withLine(0, replaceField(HEADER, 1, "4") + "\textra\tfields")), 1, "version");
    assertError(ledgerError(withLine(0, "trust-ledger\t4")), 1, "version");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 1, "one"))), 1, "version");
    assertError(stateError("trust-state\t4\tdefault\tsomething\telse"), 1, "version");
    assertError(stateError(replaceField(TrustCodec.formatState(story().state()), 1, "0")), 1, "version");
  }

  @Test
  @DisplayName("a record of the wrong type is rejected naming \"type\"")
  void wrongRecordType() {
    String state = TrustCodec.formatState(story().state());
    assertError(ledgerError(withLine(0, state)), 1, "type");
    assertError(stateError(HEADER), 1, "type");
    assertError(stateError("hello"), 1, "type");
    assertThat(stateError(HEADER)).hasMessageContaining("\"trust-state\"").hasMessageContaining("\"trust-ledger\"");
  }

  @Test
  @DisplayName("a record with the wrong number of fields is rejected with its line")
  void wrongFieldCount() {
    List<String> lines = storyLines();
    assertError(ledgerError(withLine(2, lines.get(2) + "\textra")), 3, "fields");
    assertError(ledgerError(withLine(3, "2025-03-03T10:00:00Z\thid-problem\t1.0\tdiscovered\tPT216H")), 4, "fields");
    assertError(ledgerError(withLine(4, "")), 5, "fields");
    assertError(ledgerError(withLine(0, HEADER + "\t0.0")), 1, "fields");
    assertError(stateError(TrustCodec.formatState(story().state()) + "\t"), 1, "fields");
    assertThat(ledgerError(withLine(2, lines.get(2) + "\textra")))
        .hasMessageContaining("6 tab-separated fields but had 7");
    // The record type alone, without a single tab: no version to check, just too few fields.
    assertError(ledgerError(withLine(0, "trust-ledger")), 1, "fields");
    assertThat(stateError("trust-state"))
        .hasMessage("line 1: a record must have 13 tab-separated fields but had 1");
    // A version 3 record without its last field, version 1 and 2 records with fields too many.
    assertThat(ledgerError(withLine(0, HEADER.substring(0, HEADER.lastIndexOf('\t')))))
        .hasMessage("line 1: a record must have 13 tab-separated fields but had 12");
    assertThat(stateError(replaceField(TrustCodec.formatState(story().state()), 1, "1")))
        .hasMessage("line 1: a record must have 10 tab-separated fields but had 13");
    assertThat(stateError(replaceField(TrustCodec.formatState(story().state()), 1, "2")))
        .hasMessage("line 1: a record must have 11 tab-separated fields but had 13");
  }

  @Test
  @DisplayName("a bad value is quoted whole up to 80 characters, longer ones are clipped to 77 and \"...\"")
  void longValuesAreClipped() {
    List<String> lines = storyLines();
    String eighty = "x".repeat(80);
    assertThat(ledgerError(withLine(1, replaceField(lines.get(1), 0, eighty))))
        .hasMessageEndingWith("but was \"" + eighty + "\"");
    assertThat(ledgerError(withLine(1, replaceField(lines.get(1), 0, eighty + "y"))))
        .hasMessageEndingWith("but was \"" + "x".repeat(77) + "...\"");
  }

  @Test
  @DisplayName("a field that is not a number is rejected naming it")
  void badNumbers() {
    List<String> lines = storyLines();
    assertError(ledgerError(withLine(2, replaceField(lines.get(2), 2, "one"))), 3, "weight");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 4, "half"))), 1, "level");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 5, ""))), 1, "scar");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 8, "lots"))), 1, "positiveEvidence");
    assertError(stateError(replaceField(TrustCodec.formatState(story().state()), 9, "0x")), 1, "negativeEvidence");
  }

  @Test
  @DisplayName("numbers out of range are rejected: NaN weight, level above 1, scar above maxScar, negative evidence")
  void outOfRange() {
    List<String> lines = storyLines();
    MalformedRecordException nan = ledgerError(withLine(3, replaceField(lines.get(3), 2, "NaN")));
    assertError(nan, 4, "weight");
    assertThat(nan).hasMessageContaining("NaN");
    assertError(ledgerError(withLine(3, replaceField(lines.get(3), 2, "-1.0"))), 4, "weight");
    assertError(ledgerError(withLine(3, replaceField(lines.get(3), 2, "Infinity"))), 4, "weight");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 4, "1.5"))), 1, "level");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 5, "0.75"))), 1, "scar");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 9, "-1.0"))), 1, "negativeEvidence");
    String promotedLater = replaceField(HEADER, 7, "2025-02-01T00:00:00Z");
    assertError(ledgerError(withLine(0, promotedLater)), 1, "promotedAt");
  }

  @Test
  @DisplayName("a bad instant is rejected naming \"time\" or \"promotedAt\"")
  void badInstant() {
    List<String> lines = storyLines();
    assertError(ledgerError(withLine(2, replaceField(lines.get(2), 0, "2025-02-30T10:00:00Z"))), 3, "time");
    assertError(ledgerError(withLine(1, replaceField(lines.get(1), 0, "yesterday"))), 2, "time");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 3, "2025-01-06"))), 1, "time");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 7, "soon"))), 1, "promotedAt");
  }

  @Test
  @DisplayName("an unknown behaviour id is rejected naming \"behaviour\" and listing the known ids")
  void unknownBehaviour() {
    List<String> lines = storyLines();
    MalformedRecordException e = ledgerError(withLine(2, replaceField(lines.get(2), 1, "proactive-updates")));
    assertError(e, 3, "behaviour");
    assertThat(e).hasMessageContaining("proactive-updates").hasMessageContaining("proactive-update,");
  }

  @Test
  @DisplayName("a bad tier, disclosure or delay is rejected naming it")
  void badEnums() {
    List<String> lines = storyLines();
    assertError(ledgerError(withLine(0, replaceField(HEADER, 6, "supervised"))), 1, "tier");
    assertError(ledgerError(withLine(3, replaceField(lines.get(3), 3, "hidden"))), 4, "disclosure");
    assertError(ledgerError(withLine(3, replaceField(lines.get(3), 4, "9 days"))), 4, "delay");
    assertError(ledgerError(withLine(1, replaceField(lines.get(1), 4, "P1D"))), 2, "delay");
    // A drop cannot carry a disclosure.
    assertError(ledgerError(withLine(1, replaceField(lines.get(1), 3, "self-reported"))), 2, "disclosure");
  }

  @Test
  @DisplayName("a record kept under another policy reads under its own (the stored policy wins), or is rejected naming \"policy\" on request")
  void policyMismatch() {
    TrustLedger read = TrustCodec.parseLedger(storyLines(), TrustPolicy.strict());
    assertThat(read).isEqualTo(story());
    assertThat(read.policy()).isSameAs(TrustPolicy.defaults());
    MalformedRecordException e = catchThrowableOfType(MalformedRecordException.class,
        () -> TrustCodec.parseLedger(storyLines(), TrustPolicy.strict(), PolicyMismatch.REJECT));
    assertError(e, 1, "policy");
    assertThat(e).hasMessage("line 1: policy must be the one supplied, strict@1 (fingerprint "
        + TrustPolicy.strict().shortFingerprint() + "), but the record was kept under default@1 (fingerprint "
        + DEFAULT_FP.substring(0, 12) + "); read it under its own policy, or move it with PolicyRebase");
    assertThat(TrustCodec.parseLedger(storyLines(), POLICY, PolicyMismatch.REJECT)).isEqualTo(story());
    String state = TrustCodec.formatState(story().state());
    assertThat(TrustCodec.parseState(state, TrustPolicy.forgiving())).isEqualTo(story().state());
    assertError(catchThrowableOfType(MalformedRecordException.class,
        () -> TrustCodec.parseState(state, TrustPolicy.forgiving(), PolicyMismatch.REJECT)), 1, "policy");
    assertThat(TrustCodec.parseState(state)).isEqualTo(story().state());
    assertThat(TrustCodec.parseLedger(storyLines())).isEqualTo(story());
    // Versions 1 and 2 store only a name, which must be the supplied policy's.
    List<String> v2 = List.of("trust-state\t2\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0\tb9f1309f");
    MalformedRecordException named = catchThrowableOfType(MalformedRecordException.class,
        () -> TrustCodec.parseState(v2.get(0), TrustPolicy.strict()));
    assertError(named, 1, "policy");
    assertThat(named).hasMessageContaining("\"strict\"").hasMessageContaining("\"default\"");
  }

  @Test
  @DisplayName("events out of time order are rejected on the offending line")
  void eventsOutOfOrder() {
    List<String> lines = storyLines();
    String third = lines.get(3);
    lines.set(3, lines.get(2));
    lines.set(2, third);
    assertError(ledgerError(lines), 4, "time");
    // An event before the ledger's start.
    assertError(ledgerError(withLine(1, replaceField(storyLines().get(1), 0, "2025-01-01T00:00:00Z"))), 2, "time");
  }

  @Test
  @DisplayName("a note with a bad escape is rejected naming \"note\"")
  void badEscape() {
    List<String> lines = storyLines();
    assertError(ledgerError(withLine(3, replaceField(lines.get(3), 5, "bad \\x escape"))), 4, "note");
    assertError(ledgerError(withLine(3, replaceField(lines.get(3), 5, "lone backslash \\"))), 4, "note");
    // Escaped line breaks read back as line breaks, which a note must not hold.
    assertError(ledgerError(withLine(3, replaceField(lines.get(3), 5, "two\\nlines"))), 4, "note");
  }

  @Test
  @DisplayName("an empty input is rejected on line 1")
  void emptyInput() {
    assertError(ledgerError(List.of()), 1, "header");
  }

  @Test
  @DisplayName("nothing is half-read: a damaged last event line of 1,000 throws and returns nothing")
  void nothingIsHalfRead() {
    TrustLedger big = HistoryGenerators.seeded(POLICY, 1_000, 3).ledger();
    List<String> lines = new ArrayList<>(TrustCodec.formatLedger(big));
    List<String> copy = List.copyOf(lines);
    lines.set(1_000, "2000-01-01T00:00:00Z\tsmall-win\t0.5\tnot-recorded\tPT0S\t");

    TrustLedger[] result = new TrustLedger[1];
    assertThatThrownBy(() -> result[0] = TrustCodec.parseLedger(lines, POLICY))
        .isInstanceOf(MalformedRecordException.class)
        .satisfies(e -> assertThat(((MalformedRecordException) e).line()).isEqualTo(1_001));
    assertThat(result[0]).isNull();
    // The input is untouched, and the undamaged lines still read whole.
    assertThat(lines).hasSize(1_002);
    assertThat(lines.subList(0, 1_000)).isEqualTo(copy.subList(0, 1_000));
    assertThat(TrustCodec.parseLedger(copy, POLICY)).isEqualTo(big);
  }

  @Test
  @DisplayName("format 1 and 2: a preset's name reads under version 1 of that preset; another name under the policy supplied")
  void legacyNames() {
    TrustPolicy impostor = TrustPolicy.builder().from(TrustPolicy.strict()).name("default").build();
    List<String> v1 = storyLinesV1();
    assertThat(TrustCodec.parseLedger(v1, impostor)).isEqualTo(story());
    assertThat(TrustCodec.parseLedger(v1)).isEqualTo(story());
    TrustPolicy team = TrustPolicy.builder().from(TrustPolicy.strict()).name("team").build();
    List<String> teamV1 = new ArrayList<>(v1);
    teamV1.set(0, replaceField(HEADER_V1, 2, "team"));
    TrustLedger read = TrustCodec.parseLedger(teamV1, team);
    assertThat(read.policy()).isSameAs(team);
    assertThat(read.events()).isEqualTo(story().events());
    MalformedRecordException e = catchThrowableOfType(MalformedRecordException.class, () -> TrustCodec.parseLedger(teamV1));
    assertError(e, 1, "policy");
    assertThat(e).hasMessage("line 1: policy \"team\" is not a preset and a format 1 or 2 record does not store its "
        + "policy: supply the policy it was kept under");
    // A preset's name in format 1 or 2 means version 1 of it: another policy of that name is a mismatch.
    assertError(catchThrowableOfType(MalformedRecordException.class,
        () -> TrustCodec.parseLedger(v1, impostor, PolicyMismatch.REJECT)), 1, "policy");
  }

  @Test
  @DisplayName("EventRecord round-trips an event and validates every field when read")
  void eventRecord() {
    TrustEvent hidden = story().event(2);
    EventRecord r = EventRecord.from(hidden);
    assertThat(r).isEqualTo(new EventRecord("2025-03-03T10:00:00Z", "hid-problem", 1.0, "discovered", "PT216H", "critical bug"));
    assertThat(r.toEvent(POLICY.catalogue())).isEqualTo(hidden);
    assertThat(EventRecord.from(story().event(3)).toEvent(POLICY.catalogue())).isEqualTo(story().event(3));

    assertThatThrownBy(() -> new EventRecord("2025-03-03T10:00:00Z", "hid-problem", 1.0, "found", "PT0S", "").toEvent(POLICY.catalogue()))
        .isInstanceOf(dev.trustbucket.InvalidTrustInputException.class)
        .hasMessageContaining("disclosure");
    assertThatThrownBy(() -> new EventRecord("2025-03-03T10:00:00Z", "hid-problem", 1.0, "self-reported", "PT1S", "").toEvent(POLICY.catalogue()))
        .isInstanceOf(dev.trustbucket.InvalidTrustInputException.class)
        .hasMessageContaining("delay");
    assertThatThrownBy(() -> new EventRecord("03/03/2025", "hid-problem", 1.0, "not-recorded", "PT0S", "").toEvent(POLICY.catalogue()))
        .isInstanceOf(dev.trustbucket.InvalidTrustInputException.class)
        .hasMessageContaining("time");
    assertThatThrownBy(() -> new EventRecord("2025-03-03T10:00:00Z", "hid-problem", Double.NaN, "not-recorded", "PT0S", "").toEvent(POLICY.catalogue()))
        .isInstanceOf(dev.trustbucket.InvalidTrustInputException.class)
        .hasMessageContaining("weight");
  }

  // ---------------------------------------------------------------- version 2: counts, trailer, checksums

  private static List<String> without(int index) {
    List<String> lines = storyLines();
    lines.remove(index);
    return lines;
  }

  @Test
  @DisplayName("a ledger that ends before its trailer is rejected on the line after its last, naming \"trailer\"")
  void missingTrailer() {
    MalformedRecordException e = ledgerError(without(5));
    assertError(e, 6, "trailer");
    assertThat(e).hasMessage("line 6: the ledger ends before its trailer: 4 events were read, the header announced 4");
    // Cut short after a whole event line, and after the header.
    assertThat(ledgerError(storyLines().subList(0, 3)))
        .hasMessage("line 4: the ledger ends before its trailer: 2 events were read, the header announced 4");
    assertError(ledgerError(storyLines().subList(0, 1)), 2, "trailer");
  }

  @Test
  @DisplayName("a line after the trailer is rejected at that line, naming \"trailer\"")
  void lineAfterTrailer() {
    List<String> lines = storyLines();
    lines.add(lines.get(4));
    MalformedRecordException e = ledgerError(lines);
    assertError(e, 7, "trailer");
    assertThat(e).hasMessage("line 7: the ledger must end with its trailer on line 6 but line 7 follows it");
    lines.set(6, "");
    assertError(ledgerError(lines), 7, "trailer");
    // The trailer twice: the second one is a line after the trailer too.
    lines.set(6, TRAILER);
    assertError(ledgerError(lines), 7, "trailer");
  }

  @Test
  @DisplayName("a dropped or added event line is rejected naming \"count\" at the header, whose count no longer matches")
  void eventCountInTheHeader() {
    MalformedRecordException dropped = ledgerError(without(2));
    assertError(dropped, 1, "count");
    assertThat(dropped).hasMessage("line 1: count must be 3 (the event lines read) but the header announced 4");
    List<String> duplicated = storyLines();
    duplicated.add(4, duplicated.get(4));
    assertThat(ledgerError(duplicated)).hasMessage("line 1: count must be 5 (the event lines read) but the header announced 4");
  }

  @Test
  @DisplayName("a trailer whose count does not match the event lines is rejected naming \"count\" at the trailer")
  void eventCountInTheTrailer() {
    MalformedRecordException e = ledgerError(withLine(5, "trust-ledger-end\t5\te0cbbf53"));
    assertError(e, 6, "count");
    assertThat(e).hasMessage("line 6: count must be 4 (the event lines read) but the trailer announced 5");
    // The header and the trailer both changed to match a dropped line: the checksum still sees it.
    List<String> lines = without(2);
    lines.set(0, replaceField(HEADER, 10, "3"));
    lines.set(4, "trust-ledger-end\t3\te0cbbf53");
    assertError(ledgerError(lines), 5, "checksum");
  }

  @Test
  @DisplayName("a count that is not a whole number is rejected naming \"count\" on its line")
  void badCounts() {
    MalformedRecordException header = ledgerError(withLine(0, replaceField(HEADER, 10, "4.0")));
    assertError(header, 1, "count");
    assertThat(header).hasMessage("line 1: count must be a whole number but was \"4.0\"");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 10, "-4"))), 1, "count");
    assertError(ledgerError(withLine(5, "trust-ledger-end\t+4\te0cbbf53")), 6, "count");
    assertError(ledgerError(withLine(5, "trust-ledger-end\t\te0cbbf53")), 6, "count");
  }

  @Test
  @DisplayName("a trailer with the wrong number of fields is rejected naming \"fields\"; a bare type is still a trailer")
  void trailerFields() {
    assertThat(ledgerError(withLine(5, "trust-ledger-end\t4")))
        .hasMessage("line 6: a record must have 3 tab-separated fields but had 2");
    assertThat(ledgerError(withLine(5, "trust-ledger-end")))
        .hasMessage("line 6: a record must have 3 tab-separated fields but had 1");
    assertError(ledgerError(withLine(5, TRAILER + "\t")), 6, "fields");
    // Another type is not a trailer: it is read as an event line.
    assertThat(ledgerError(withLine(5, "trust-ledger-ends\t4\te0cbbf53")))
        .hasMessage("line 6: a record must have 6 tab-separated fields but had 3");
  }

  @Test
  @DisplayName("a ledger changed after it was written is rejected at its trailer naming \"checksum\"")
  void ledgerChecksum() {
    // The start moved by a second: the header is still valid by itself.
    MalformedRecordException e = ledgerError(withLine(0, replaceField(HEADER, 3, "2025-01-06T09:00:01Z")));
    assertError(e, 6, "checksum");
    assertThat(e).hasMessageStartingWith("line 6: checksum must be ")
        .hasMessageEndingWith(" (the CRC-32C of the lines before the trailer) but was e0cbbf53: the file was changed"
            + " after it was written: a line was altered, dropped, added or moved");
    // Two event lines at the same time, swapped: the ledger's rules allow either order.
    Instant t = Instant.parse("2025-01-10T17:00:00Z");
    List<String> lines = new ArrayList<>(TrustCodec.formatLedger(TrustLedger.of(POLICY, START)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, t))
        .plus(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, t))));
    java.util.Collections.swap(lines, 1, 2);
    assertError(ledgerError(lines), 4, "checksum");
    // Another weight, as written by Double.toString.
    assertError(ledgerError(withLine(4, replaceField(storyLines().get(4), 2, "1.25"))), 6, "checksum");
  }

  @Test
  @DisplayName("a checksum that is not 8 lowercase hexadecimal digits is rejected naming \"checksum\" on its line")
  void badChecksumSyntax() {
    MalformedRecordException e = ledgerError(withLine(5, "trust-ledger-end\t4\tE2BFD5B2"));
    assertError(e, 6, "checksum");
    assertThat(e).hasMessage("line 6: checksum must be 8 lowercase hexadecimal digits but was \"E2BFD5B2\"");
    assertError(ledgerError(withLine(5, "trust-ledger-end\t4\te2bfd5b")), 6, "checksum");
    assertError(ledgerError(withLine(5, "trust-ledger-end\t4\t")), 6, "checksum");
    String state = TrustCodec.formatState(story().state());
    assertError(stateError(replaceField(state, 12, "12345678 ")), 1, "checksum");
    assertError(stateError(replaceField(state, 12, "0x123456")), 1, "checksum");
  }

  @Test
  @DisplayName("a state changed after it was written is rejected naming \"checksum\"")
  void stateChecksum() {
    // Another level, still valid by itself.
    String line = "trust-state\t2\tdefault\t2025-05-01T12:30:00.000250Z\t0.626\t0.125\tTRUSTED\t2025-04-28T08:00:00Z\t3.5"
        + "\t1.25\t7a847ac8";
    MalformedRecordException e = stateError(line);
    assertError(e, 1, "checksum");
    assertThat(e).hasMessageStartingWith("line 1: checksum must be ")
        .hasMessageEndingWith(" (the CRC-32C of the text before it) but was 7a847ac8: the line was changed after it was"
            + " written");
    // Evidence swapped.
    assertError(stateError("trust-state\t2\tdefault\t2025-05-01T12:30:00.000250Z\t0.625\t0.125\tTRUSTED"
        + "\t2025-04-28T08:00:00Z\t1.25\t3.5\t7a847ac8"), 1, "checksum");
  }

  @Test
  @DisplayName("damage that makes a line invalid is reported at that line before any count or checksum")
  void lineDamageComesFirst() {
    List<String> lines = without(2);
    lines.set(2, replaceField(lines.get(2), 1, "hid-problems"));
    assertError(ledgerError(lines), 3, "behaviour");
    List<String> noTrailer = without(5);
    noTrailer.set(4, replaceField(noTrailer.get(4), 2, "heavy"));
    assertError(ledgerError(noTrailer), 5, "weight");
  }

  // ---------------------------------------------------------------- version 1 is still read

  private static final String HEADER_V1 =
      "trust-ledger\t1\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0";

  /** The story as version 1 wrote it: a header of ten fields and the event lines, no trailer. */
  private static List<String> storyLinesV1() {
    List<String> lines = new ArrayList<>(storyLines().subList(1, 5));
    lines.add(0, HEADER_V1);
    return lines;
  }

  @Test
  @DisplayName("version 1: a hand-written state line reads back to the state it describes")
  void readsAVersion1State() {
    TrustBucket expected =
        TrustBucket.ofState(POLICY, Instant.parse("2025-05-01T12:30:00.000250Z"), 0.625, 0.125,
            AutonomyTier.TRUSTED, Optional.of(Instant.parse("2025-04-28T08:00:00Z")), 3.5, 1.25);
    assertThat(TrustCodec.parseState(
        "trust-state\t1\tdefault\t2025-05-01T12:30:00.000250Z\t0.625\t0.125\tTRUSTED\t2025-04-28T08:00:00Z\t3.5\t1.25",
        POLICY)).isEqualTo(expected);
    assertThat(TrustCodec.parseState("trust-state\t1\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0",
        POLICY)).isEqualTo(TrustBucket.of(POLICY, START));
    // Written again, it is version 3.
    assertThat(TrustCodec.formatState(expected)).startsWith("trust-state\t3\t").endsWith("\t6fc78398");
  }

  @Test
  @DisplayName("version 1: a hand-written ledger reads back to the ledger it describes, and is written again as version 3")
  void readsAVersion1Ledger() {
    List<String> v1 = List.of(
        HEADER_V1,
        "2025-01-10T17:00:00Z\tdelivered-on-commitment\t1.0\tnot-recorded\tPT0S\t",
        "2025-03-03T10:00:00Z\thid-problem\t1.0\tdiscovered\tPT216H\tcritical bug");
    TrustLedger read = TrustCodec.parseLedger(v1, POLICY);
    assertThat(read).isEqualTo(TrustLedger.of(POLICY, START)
        .plus(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")))
        .plus(TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
            .withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
            .withNote("critical bug")));
    assertThat(TrustCodec.parseLedger(storyLinesV1(), POLICY)).isEqualTo(story());
    assertThat(TrustCodec.parseLedger(List.of(HEADER_V1), POLICY)).isEqualTo(TrustLedger.of(POLICY, START));
    assertThat(TrustCodec.formatLedger(TrustCodec.parseLedger(storyLinesV1(), POLICY))).isEqualTo(storyLines());
  }

  @Test
  @DisplayName("version 1: damage to a line is still reported at that line; a trailer is not part of version 1")
  void version1Damage() {
    List<String> v1 = storyLinesV1();
    v1.set(2, replaceField(v1.get(2), 2, "half"));
    assertError(ledgerError(v1), 3, "weight");
    List<String> withTrailer = storyLinesV1();
    withTrailer.add(TRAILER);
    assertThat(ledgerError(withTrailer)).hasMessage("line 6: a record must have 6 tab-separated fields but had 3");
    assertError(ledgerError(List.of(HEADER_V1 + "\t0")), 1, "fields");
  }

  @Test
  @DisplayName("version 1 cannot detect a dropped event line (no count, no checksum): it reads as the remaining lines say")
  void version1CannotDetectADroppedEventLine() {
    List<String> v1 = storyLinesV1();
    v1.remove(2);
    TrustLedger read = TrustCodec.parseLedger(v1, POLICY);
    assertThat(read.size()).isEqualTo(3);
    assertThat(read.events()).containsExactly(story().event(0), story().event(2), story().event(3));
    // The same damage to version 2 is caught.
    assertError(ledgerError(without(2)), 1, "count");
  }

  // ---------------------------------------------------------------- version 3: the policy travels with the record

  @Test
  @DisplayName("version 3: a custom policy is written once in a ledger file and inline in a state, and reads back")
  // Equivalent mutant: formatLedger's expected size (events + form + 2) with "- 2" only changes the
  // builder's initial capacity; the lines written are the same.
  void customPolicyTravels() {
    TrustPolicy team = dev.trustbucket.io.golden.GoldenStories.custom();
    TrustLedger ledger = dev.trustbucket.io.golden.GoldenStories.ledger(team);
    List<String> lines = TrustCodec.formatLedger(ledger);
    assertThat(lines.get(0)).endsWith("\t" + ledger.size() + "\twritten\t" + team.fingerprint());
    assertThat(lines.subList(1, 1 + team.writtenForm().size())).isEqualTo(team.writtenForm());
    assertThat(TrustCodec.parseLedger(lines)).isEqualTo(ledger);
    assertThat(TrustCodec.parseLedger(lines, TrustPolicy.defaults()).policy()).isEqualTo(team);
    String state = TrustCodec.formatState(ledger.state());
    assertThat(state.split("\t", -1)).hasSize(13);
    assertThat(state.split("\t", -1)[10]).startsWith("trust-policy\\t1\\nname\\tteam custom\\n");
    assertThat(TrustCodec.parseState(state)).isEqualTo(ledger.state());
    assertThat(TrustCodec.parseState(state, team, PolicyMismatch.REJECT)).isEqualTo(ledger.state());
  }

  @Test
  @DisplayName("version 3: a rejected mismatch with a policy that has no written form says so")
  void mismatchWithAnUnwritablePolicy() {
    dev.trustbucket.decay.DecayRule step = new dev.trustbucket.decay.DecayRule() {
      @Override
      public double retained(Duration elapsed) {
        return 1.0;
      }

      @Override
      public Duration halfLife() {
        return Duration.ofDays(1);
      }
    };
    TrustPolicy own = TrustPolicy.builder().name("own").decay(step).scarDecay(step).build();
    MalformedRecordException e = catchThrowableOfType(MalformedRecordException.class,
        () -> TrustCodec.parseState(TrustCodec.formatState(story().state()), own, PolicyMismatch.REJECT));
    assertError(e, 1, "policy");
    assertThat(e).hasMessageStartingWith("line 1: policy must be the one supplied, \"own\" (no written form), but the "
        + "record was kept under default@1 (fingerprint 4d86ba02345c)");
  }

  @Test
  @DisplayName("version 3: a state whose tier another ladder would not give reads under its own policy")
  void anotherLadderDoesNotReject() {
    // 0.82 earns AUTONOMOUS under the default ladder but TRUSTED under strict's (0.85 to be autonomous).
    TrustBucket strictState = TrustBucket.ofState(TrustPolicy.strict(), START, 0.82, 0.0, AutonomyTier.TRUSTED,
        Optional.empty(), 1.0, 0.0);
    String line = TrustCodec.formatState(strictState);
    assertThat(TrustCodec.parseState(line, POLICY)).isEqualTo(strictState);
    assertThat(TrustCodec.parseState(line, POLICY).tier()).isEqualTo(AutonomyTier.TRUSTED);
  }

  @Test
  @DisplayName("version 3: an unknown preset version, a fingerprint that does not match, another name, a damaged inline policy")
  void policyDamage() {
    String line = TrustCodec.formatState(story().state());
    MalformedRecordException unknown = stateError(replaceField(line, 10, "default@2"));
    assertError(unknown, 1, "preset");
    assertThat(unknown).hasMessage("line 1: preset must be a released preset version but was \"default@2\": this "
        + "library knows default@1 to default@1; a newer release may have written it");
    assertThat(stateError(replaceField(line, 10, "team@1")))
        .hasMessageContaining("this library has no preset called \"team\"");
    MalformedRecordException fp = stateError(replaceField(line, 10, "strict@1"));
    assertError(fp, 1, "fingerprint");
    assertThat(fp).hasMessage("line 1: fingerprint must be " + TrustPolicy.strict().fingerprint()
        + " (the SHA-256 of the stored policy's written form) but was " + DEFAULT_FP
        + ": the policy or its fingerprint was changed after it was written");
    assertError(stateError(replaceField(line, 11, DEFAULT_FP.toUpperCase(java.util.Locale.ROOT))), 1, "fingerprint");
    MalformedRecordException name = stateError(replaceField(line, 2, "strict"));
    assertError(name, 1, "name");
    assertThat(name).hasMessage("line 1: name must be \"default\" (the stored policy's name) but was \"strict\"");
    MalformedRecordException notAForm = stateError(replaceField(line, 10, "written"));
    assertError(notAForm, 1, "policy");
    assertThat(notAForm).hasMessageStartingWith("line 1: policy must be a preset version such as default@1 or a "
        + "policy's written form starting with trust-policy but was \"written\"");
    // A ledger header's policy field is a preset version or "written".
    assertError(ledgerError(withLine(0, replaceField(HEADER, 11, "inline"))), 1, "policy");
    assertThat(ledgerError(withLine(0, replaceField(HEADER, 11, "inline"))))
        .hasMessage("line 1: policy must be a preset version such as default@1, or \"written\" when the policy's "
            + "written form follows, but was \"inline\"");
    // "written" with no form after it: the first event line is not a form's first line.
    assertError(ledgerError(withLine(0, replaceField(HEADER, 11, "written"))), 2, "fields");
    // An inline form with a line too many.
    TrustPolicy team = dev.trustbucket.io.golden.GoldenStories.custom();
    String teamLine = TrustCodec.formatState(TrustBucket.of(team, START));
    String[] f = teamLine.split("\t", -1);
    f[10] = f[10] + "\\nextra";
    MalformedRecordException extra = stateError(String.join("\t", f));
    assertError(extra, 1, "policy");
    assertThat(extra).hasMessage("line 1: policy must end after its catalogue but 1 more lines follow it");
  }
}
