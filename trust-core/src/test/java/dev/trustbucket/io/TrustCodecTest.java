package dev.trustbucket.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Disclosure;
import dev.trustbucket.HistoryGenerators;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TrustCodec: the v1 text format")
class TrustCodecTest {
  private static final TrustPolicy POLICY = TrustPolicy.defaults();
  private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

  private static final String HEADER =
      "trust-ledger\t1\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0";

  /** A small ledger: a drop, an update, a hidden bug found after 9 days, a mistake owned early. */
  static TrustLedger story() {
    return TrustLedger.start(POLICY, START)
        .append(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")))
        .append(TrustEvent.of(Behaviours.PROACTIVE_UPDATE, Instant.parse("2025-02-14T10:00:00Z")))
        .append(
            TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
                .withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
                .withNote("critical bug"))
        .append(
            TrustEvent.of(Behaviours.OWNED_MISTAKE_EARLY, Instant.parse("2025-03-20T10:00:00Z"))
                .withWeight(1.5)
                .withNote("tab\there \\ back \\t ü"));
  }

  private static List<String> storyLines() {
    return new ArrayList<>(TrustCodec.writeLedger(story()));
  }

  @Test
  @DisplayName("writes a small ledger exactly like this (format stability)")
  void pinnedLedgerText() {
    assertThat(TrustCodec.writeLedger(story()))
        .containsExactly(
            HEADER,
            "2025-01-10T17:00:00Z\tdelivered-on-commitment\t1.0\tnot-recorded\tPT0S\t",
            "2025-02-14T10:00:00Z\tproactive-update\t0.5\tnot-recorded\tPT0S\t",
            "2025-03-03T10:00:00Z\thid-problem\t1.0\tdiscovered\tPT216H\tcritical bug",
            "2025-03-20T10:00:00Z\towned-mistake-early\t1.5\tnot-recorded\tPT0S\ttab\\there \\\\ back \\\\t ü");
  }

  @Test
  @DisplayName("writes a state as one line of ten fields, exactly like this")
  void pinnedStateText() {
    TrustBucket state =
        TrustBucket.restore(POLICY, Instant.parse("2025-05-01T12:30:00.000250Z"), 0.625, 0.125,
            AutonomyTier.TRUSTED, Optional.of(Instant.parse("2025-04-28T08:00:00Z")), 3.5, 1.25);

    String line = TrustCodec.writeState(state);

    assertThat(line).isEqualTo(
        "trust-state\t1\tdefault\t2025-05-01T12:30:00.000250Z\t0.625\t0.125\tTRUSTED\t2025-04-28T08:00:00Z\t3.5\t1.25");
    assertThat(TrustCodec.readState(line, POLICY)).isEqualTo(state);
    assertThat(TrustCodec.writeState(TrustBucket.start(POLICY, START)))
        .isEqualTo("trust-state\t1\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0");
  }

  @Test
  @DisplayName("reads the pinned ledger back to an equal ledger with the identical state")
  void readsTheStoryBack() {
    TrustLedger read = TrustCodec.readLedger(storyLines(), POLICY);
    assertThat(read).isEqualTo(story());
    assertThat(read.state()).isEqualTo(story().state());
    assertThat(read.event(3).note()).isEqualTo("tab\there \\ back \\t ü");
  }

  private static MalformedRecordException ledgerError(List<String> lines) {
    return catchThrowableOfType(MalformedRecordException.class, () -> TrustCodec.readLedger(lines, POLICY));
  }

  private static MalformedRecordException stateError(String line) {
    return catchThrowableOfType(MalformedRecordException.class, () -> TrustCodec.readState(line, POLICY));
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
    // PIT: removing parseState's checkVersion survives: splitRecord has already checked the same
    // field of every record that reaches parseState, so the second check never fails.
    assertError(ledgerError(withLine(0, replaceField(HEADER, 1, "2"))), 1, "version");
    assertThat(ledgerError(withLine(0, replaceField(HEADER, 1, "2")))).hasMessageContaining("version must be 1");
    // A future version may have another number of fields: still reported as a version problem.
    assertError(ledgerError(withLine(0, replaceField(HEADER, 1, "2") + "\textra\tfields")), 1, "version");
    assertError(ledgerError(withLine(0, "trust-ledger\t2")), 1, "version");
    assertError(ledgerError(withLine(0, replaceField(HEADER, 1, "one"))), 1, "version");
    assertError(stateError("trust-state\t2\tdefault\tsomething\telse"), 1, "version");
    assertError(stateError(replaceField(TrustCodec.writeState(story().state()), 1, "0")), 1, "version");
  }

  @Test
  @DisplayName("a record of the wrong type is rejected naming \"type\"")
  void wrongRecordType() {
    String state = TrustCodec.writeState(story().state());
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
    assertError(stateError(TrustCodec.writeState(story().state()) + "\t"), 1, "fields");
    assertThat(ledgerError(withLine(2, lines.get(2) + "\textra")))
        .hasMessageContaining("6 tab-separated fields but had 7");
    // The record type alone, without a single tab: no version to check, just too few fields.
    assertError(ledgerError(withLine(0, "trust-ledger")), 1, "fields");
    assertThat(stateError("trust-state"))
        .hasMessage("line 1: a record must have 10 tab-separated fields but had 1");
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
    assertError(stateError(replaceField(TrustCodec.writeState(story().state()), 9, "0x")), 1, "negativeEvidence");
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
  @DisplayName("a ledger written under another policy is rejected naming \"policy\"")
  void policyMismatch() {
    MalformedRecordException e =
        catchThrowableOfType(MalformedRecordException.class, () -> TrustCodec.readLedger(storyLines(), TrustPolicy.strict()));
    assertError(e, 1, "policy");
    assertThat(e).hasMessageContaining("\"strict\"").hasMessageContaining("\"default\"");
    assertError(
        catchThrowableOfType(MalformedRecordException.class,
            () -> TrustCodec.readState(TrustCodec.writeState(story().state()), TrustPolicy.forgiving())),
        1, "policy");
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
  @DisplayName("nothing is half-read: a damaged last line of 1,000 events throws and returns nothing")
  void nothingIsHalfRead() {
    TrustLedger big = HistoryGenerators.seeded(POLICY, 1_000, 3).ledger();
    List<String> lines = new ArrayList<>(TrustCodec.writeLedger(big));
    List<String> copy = List.copyOf(lines);
    lines.add("2000-01-01T00:00:00Z\tsmall-win\t0.5\tnot-recorded\tPT0S\t");

    TrustLedger[] result = new TrustLedger[1];
    assertThatThrownBy(() -> result[0] = TrustCodec.readLedger(lines, POLICY))
        .isInstanceOf(MalformedRecordException.class)
        .satisfies(e -> assertThat(((MalformedRecordException) e).line()).isEqualTo(1_002));
    assertThat(result[0]).isNull();
    // The input is untouched, and the good part still reads whole.
    assertThat(lines.subList(0, 1_001)).isEqualTo(copy);
    assertThat(TrustCodec.readLedger(copy, POLICY)).isEqualTo(big);
  }

  @Test
  @DisplayName("a policy of the same name with other rules is accepted: read with the same policy you wrote with")
  void sameNameIsTrusted() {
    TrustPolicy impostor = TrustPolicy.builder().from(TrustPolicy.strict()).name("default").build();
    TrustLedger read = TrustCodec.readLedger(storyLines(), impostor);
    assertThat(read.size()).isEqualTo(4);
    assertThat(read.state()).isNotEqualTo(story().state());
  }

  @Test
  @DisplayName("EventRecord round-trips an event and validates every field when read")
  void eventRecord() {
    TrustEvent hidden = story().event(2);
    EventRecord r = EventRecord.of(hidden);
    assertThat(r).isEqualTo(new EventRecord("2025-03-03T10:00:00Z", "hid-problem", 1.0, "discovered", "PT216H", "critical bug"));
    assertThat(r.toEvent(POLICY.catalogue())).isEqualTo(hidden);
    assertThat(EventRecord.of(story().event(3)).toEvent(POLICY.catalogue())).isEqualTo(story().event(3));

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
}
