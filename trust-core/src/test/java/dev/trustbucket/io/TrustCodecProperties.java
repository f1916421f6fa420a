package dev.trustbucket.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.internal.EpochMicros;
import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import dev.trustbucket.testing.TrustGenerators;

@Label("TrustCodec: states and ledgers round-trip exactly")
class TrustCodecProperties {

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(150, Duration.ofDays(3_650));
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0.0, 1.0);
  }

  @Provide
  Arbitrary<Duration> after() {
    return TrustGenerators.gapsBetween(Duration.ZERO, Duration.ofDays(3 * 365));
  }

  @Property(tries = 150)
  @Label("formatLedger then parseLedger gives an equal ledger with the identical state (notes with tabs, backslashes, unicode)")
  void ledgerRoundTrip(@ForAll("histories") LedgerCase c) {
    TrustLedger ledger = c.ledger();
    Statistics.label("has a note with a tab or backslash")
        .collect(c.events().stream().anyMatch(e -> e.note().contains("\t") || e.note().contains("\\")));

    List<String> lines = TrustCodec.formatLedger(ledger);
    TrustLedger read = TrustCodec.parseLedger(lines, c.policy());

    // A header, the policy's written form unless it is a preset version, one line per event, and a
    // trailer with the event count and the checksum.
    int policyLines = c.policy().presetId().isPresent() ? 0 : c.policy().writtenForm().size();
    assertThat(lines).hasSize(ledger.size() + 2 + policyLines);
    assertThat(lines.get(0)).endsWith("\t" + ledger.size() + "\t" + c.policy().presetId().orElse("written") + "\t"
        + c.policy().fingerprint());
    assertThat(lines.get(lines.size() - 1)).matches("trust-ledger-end\t" + ledger.size() + "\t[0-9a-f]{8}");
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\r"));
    assertThat(read).isEqualTo(ledger);
    assertThat(read.initial()).isEqualTo(ledger.initial());
    assertThat(read.state()).isEqualTo(ledger.state());
    assertThat(read.events()).containsExactlyElementsOf(c.events());
    assertThat(TrustCodec.formatLedger(read)).isEqualTo(lines);
  }

  @Property(tries = 150)
  @Label("formatState then parseState gives an equal bucket, at any instant of any history")
  void stateRoundTrip(
      @ForAll("histories") LedgerCase c, @ForAll("fractions") double where, @ForAll("after") Duration after) {
    TrustLedger ledger = c.ledger();
    long span = EpochMicros.ofDuration(Duration.between(c.initial().time(), c.end()));
    Instant t = c.initial().time().plus((long) (where * span), ChronoUnit.MICROS).plus(after);
    TrustBucket state = ledger.stateAt(t);
    Statistics.label("promotion protects the tier").collect(state.promotedAt().isPresent());

    for (TrustBucket b : List.of(state, ledger.state(), c.initial())) {
      String line = TrustCodec.formatState(b);
      assertThat(line).startsWith("trust-state\t3\t").matches(".*\t[0-9a-f]{64}\t[0-9a-f]{8}");
      assertThat(TrustCodec.parseState(line, c.policy())).isEqualTo(b);
      assertThat(TrustCodec.formatState(TrustCodec.parseState(line, c.policy()))).isEqualTo(line);
    }
  }

  @Property(tries = 200)
  @Label("EventRecord.of then toEvent gives the event back")
  void eventRecordRoundTrip(@ForAll("histories") LedgerCase c) {
    for (TrustEvent e : c.events()) {
      assertThat(EventRecord.from(e).toEvent(c.policy().catalogue())).isEqualTo(e);
    }
  }
}
