package dev.trustbucket.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.testing.HistoryGenerators;
import dev.trustbucket.testing.HistoryGenerators.EventSpec;
import dev.trustbucket.testing.HistoryGenerators.LedgerCase;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

@Label("Impact: what one more event would do now")
class ImpactProperties {

  @Provide
  Arbitrary<LedgerCase> histories() {
    return HistoryGenerators.ledgerCases(60, Duration.ofDays(3_650));
  }

  @Provide
  Arbitrary<EventSpec> next() {
    return HistoryGenerators.eventSpecs(Duration.ofDays(3_650));
  }

  @Property(tries = 500)
  @Label("a drop never lowers the level, a drain never raises it, only breaches scar; before and after are the bucket's")
  void signs(@ForAll("histories") LedgerCase c, @ForAll("next") EventSpec spec) {
    TrustBucket now = c.ledger().state();
    TrustEvent e = spec.after(now.time());
    Impact impact = Impact.of(now, e);
    boolean breach = c.policy().isBreach(e);
    Statistics.label("kind").collect(e.isDrop() ? "drop" : breach ? "breach" : "drain");

    assertThat(impact.event()).isEqualTo(e);
    assertThat(impact.before()).isEqualTo(now.at(e.time()));
    assertThat(impact.after()).isEqualTo(now.plus(e));
    assertThat(impact.levelChange()).isEqualTo(impact.after().level() - impact.before().level());
    if (e.isDrop()) {
      assertThat(impact.levelChange()).isGreaterThanOrEqualTo(0.0);
    } else {
      assertThat(impact.levelChange()).isLessThanOrEqualTo(0.0);
    }
    assertThat(impact.scarAdded()).isGreaterThanOrEqualTo(0.0);
    if (!breach) {
      assertThat(impact.scarAdded()).isZero();
    } else if (e.weight() >= 0.1 && c.policy().breachRules().scarRate() > 0 && impact.before().scar() <= c.policy().breachRules().maxScar() / 2) {
      assertThat(impact.scarAdded()).isPositive();
    }
    assertThat(impact.tierAfter()).isEqualTo(impact.after().tier());
    assertThat(impact.isTierChange()).isEqualTo(impact.before().tier() != impact.after().tier());
  }
}
