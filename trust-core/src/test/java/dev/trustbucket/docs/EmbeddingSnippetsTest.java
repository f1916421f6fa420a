package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.AccountRegistry;
import dev.trustbucket.account.BreachNotice;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.account.TierChange;
import dev.trustbucket.account.TrustAccount;
import dev.trustbucket.account.TrustListener;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.commitment.Commitment;
import dev.trustbucket.commitment.Outcome;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.forecast.Impact;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.forecast.WhatIf;
import dev.trustbucket.io.EventRecord;
import dev.trustbucket.io.MalformedRecordException;
import dev.trustbucket.io.TrustCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/embedding.md}, in the same order and with the same names, with the
 * numbers the document quotes asserted. Change both together.
 */
@DisplayName("docs/embedding.md: every snippet compiles and every number it quotes is true")
class EmbeddingSnippetsTest {
  private static final Instant APRIL = Instant.parse("2025-04-01T00:00:00Z");

  // --- "One account per relationship" --------------------------------------------------------

  private final TrustPolicy policy = TrustPolicy.defaults();
  // In production: Clock.systemUTC(). The registry opens new accounts at clock.instant().
  private final Clock clock = Clock.fixed(Instant.parse("2025-01-06T09:00:00Z"), ZoneOffset.UTC);
  private final AccountRegistry registry = new AccountRegistry(policy, clock);

  /** The story the document tells, up to 20 March 2025. */
  private TrustAccount aliceAndBob() {
    Relationship aliceAndBob = Relationship.of("alice@example.com", "bob@example.com");
    TrustAccount account = registry.account(aliceAndBob); // opened at clock.instant() on first use

    TrustBucket now = account.record(
        TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, Instant.parse("2025-01-10T17:00:00Z")));
    assertThat(now.level()).isCloseTo(0.535, within(1e-12));
    assertThat(now.tier()).isEqualTo(AutonomyTier.SUPERVISED);

    Commitment report = Commitment.of("quarterly report",
        Instant.parse("2025-02-03T09:00:00Z"), Instant.parse("2025-02-14T17:00:00Z"));
    // A week before the due date, Alice tells Bob it will slip:
    List<TrustEvent> events =
        report.resolve(Outcome.renegotiated(Instant.parse("2025-02-07T17:00:00Z")), policy);
    account.recordAll(events);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.behaviour()).isEqualTo(Behaviours.RENEGOTIATED_DEADLINE);
      assertThat(e.weight()).isEqualTo(0.125);
    });

    now = account.record(TrustEvent.of(Behaviours.HID_PROBLEM, Instant.parse("2025-03-03T10:00:00Z"))
        .withDisclosure(Disclosure.discovered(Duration.ofDays(9)))
        .withNote("critical bug in the billing export"));
    assertThat(now.level()).isCloseTo(0.171, within(0.0005));
    assertThat(account.ledger().steps().get(2).levelBefore()).isCloseTo(0.518, within(0.0005));
    assertThat(now.tier()).isEqualTo(AutonomyTier.MICROMANAGED);
    assertThat(now.scar()).isCloseTo(0.398, within(0.0005));

    account.record(TrustEvent.of(Behaviours.OWNED_MISTAKE_EARLY, Instant.parse("2025-03-20T10:00:00Z"))
        .withNote("wrong config pushed"));
    return account;
  }

  @Test
  @DisplayName("recording events and commitments")
  void recording() {
    TrustAccount account = aliceAndBob();
    assertThat(account.ledger().size()).isEqualTo(4);
    assertThat(account.ledger().start()).isEqualTo(clock.instant());

    // Out of time order: rejected, nothing recorded.
    InvalidTrustInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        InvalidTrustInputException.class,
        () -> account.record(TrustEvent.of(Behaviours.SMALL_WIN, Instant.parse("2025-03-01T00:00:00Z"))));
    assertThat(e.field()).isEqualTo("time");
    assertThat(account.ledger().size()).isEqualTo(4);
  }

  @Test
  @DisplayName("storing with TrustCodec and rebuilding after a restart")
  void storing() {
    TrustAccount account = aliceAndBob();

    List<String> lines = TrustCodec.formatLedger(account.ledger());
    assertThat(lines).containsExactly(
        "trust-ledger\t3\tdefault\t2025-01-06T09:00:00Z\t0.5\t0.0\tSUPERVISED\t-\t0.0\t0.0\t4\tdefault@1"
            + "\t4d86ba02345ccf9b16c627fab7daf1d352684db21829dac0680cd7b4f8b66648",
        "2025-01-10T17:00:00Z\tdelivered-on-commitment\t1.0\tnot-recorded\tPT0S\t",
        "2025-02-07T17:00:00Z\trenegotiated-deadline\t0.125\tnot-recorded\tPT0S\tquarterly report",
        "2025-03-03T10:00:00Z\thid-problem\t1.0\tdiscovered\tPT216H\tcritical bug in the billing export",
        "2025-03-20T10:00:00Z\towned-mistake-early\t1.0\tnot-recorded\tPT0S\twrong config pushed",
        "trust-ledger-end\t4\tcfce8864");

    // After a restart: a new registry, the same policy.
    AccountRegistry afterRestart = new AccountRegistry(policy, clock);
    TrustLedger stored = TrustCodec.parseLedger(lines, policy);
    TrustAccount restored = afterRestart.load(Relationship.of("alice@example.com", "bob@example.com"), stored);
    assertThat(restored.state()).isEqualTo(account.state());

    // A damaged record is rejected with its line number, and nothing is returned.
    List<String> damaged = new ArrayList<>(lines);
    damaged.set(3, damaged.get(3).replace("hid-problem", "hid-problems"));
    MalformedRecordException bad = org.assertj.core.api.Assertions.catchThrowableOfType(
        MalformedRecordException.class, () -> TrustCodec.parseLedger(damaged, policy));
    assertThat(bad.line()).isEqualTo(4);
    assertThat(bad.field()).isEqualTo("behaviour");
    assertThat(bad).hasMessageStartingWith("line 4: behaviour must be one of");

    // One row per event, e.g. in a database table; the ledger's start is stored with the relationship.
    List<EventRecord> rows = new ArrayList<>();
    for (TrustEvent event : account.ledger().events()) {
      rows.add(EventRecord.from(event));
    }
    Instant startedAt = account.ledger().start();
    TrustLedger rebuilt = TrustLedger.of(policy, startedAt)
        .plusAll(rows.stream().map(r -> r.toEvent(policy.catalogue())).toList());
    assertThat(rebuilt).isEqualTo(account.ledger());
    assertThat(rows.get(2)).isEqualTo(new EventRecord(
        "2025-03-03T10:00:00Z", "hid-problem", 1.0, "discovered", "PT216H", "critical bug in the billing export"));

    // A single state, e.g. a cached current value next to the rows.
    String line = TrustCodec.formatState(account.state());
    assertThat(TrustCodec.parseState(line, policy)).isEqualTo(account.state());
  }

  @Test
  @DisplayName("the level and tier at any instant")
  void history() {
    TrustLedger ledger = aliceAndBob().ledger(); // an immutable snapshot

    assertThat(ledger.levelAt(Instant.parse("2025-03-01T00:00:00Z"))).isCloseTo(0.518, within(0.0005));
    assertThat(ledger.tierAt(Instant.parse("2025-03-01T00:00:00Z"))).isEqualTo(AutonomyTier.SUPERVISED);
    assertThat(ledger.levelAt(APRIL)).isCloseTo(0.218, within(0.0005));
    assertThat(ledger.tierAt(APRIL)).isEqualTo(AutonomyTier.MICROMANAGED);
  }

  @Test
  @DisplayName("explaining the level")
  void explaining() {
    TrustLedger ledger = aliceAndBob().ledger();
    String text = Explanation.of(ledger, APRIL).render(3);

    assertThat(text.replace(System.lineSeparator(), "\n")).isEqualTo(
        "Level 22% (MICROMANAGED) on 1 April 2025, backed by some evidence.\n"
            + "Started at 50%; the baseline is 50%.\n"
            + "Raised by:\n"
            + "  - Delivered on a commitment: +0.04 on 10 January 2025, +0.03 today\n"
            + "  - Owned a mistake early (wrong config pushed): +0.03 on 20 March 2025, +0.03 today\n"
            + "Lowered by:\n"
            + "  - Hid a problem or mistake (critical bug in the billing export), discovered after 9 days: "
            + "\u22120.35 on 3 March 2025, \u22120.33 today\n"
            + "  - Renegotiated a deadline with notice (quarterly report): \u22120.01 on 7 February 2025, \u22120.01 today\n"
            + "Decay toward the baseline moved it +0.01 in all.\n"
            + "1 open scar keeps the ceiling at 61%:\n"
            + "  - Hid a problem or mistake (critical bug in the billing export) on 3 March 2025, scar 0.39 left\n");
  }

  @Test
  @DisplayName("confidence")
  void confidence() {
    TrustLedger ledger = aliceAndBob().ledger();
    Confidence c = ledger.stateAt(APRIL).confidence();

    assertThat(c.uncertainty()).isCloseTo(0.287, within(0.0005));
    assertThat(c.describe()).isEqualTo("some evidence");
    assertThat(c.expectation()).isCloseTo(0.407, within(0.0005));
    assertThat(TrustBucket.of(policy, APRIL).confidence().uncertainty()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("forecasts, impact and what-if")
  void forecasting() {
    TrustLedger ledger = aliceAndBob().ledger();

    RecoveryForecast back = RecoveryForecast.backToBeforeLastBreach(
        ledger, Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofDays(7)).orElseThrow();
    assertThat(back.targetLevel()).isCloseTo(0.518, within(0.0005));
    assertThat(back.drops()).isEqualTo(18);
    assertThat(back.reachedAt()).contains(Instant.parse("2025-07-24T10:00:00Z"));

    RecoveryForecast trusted = RecoveryForecast.toTier(
        ledger.stateAt(APRIL), Behaviours.DELIVERED_ON_COMMITMENT, Duration.ofDays(7), AutonomyTier.TRUSTED);
    assertThat(trusted.drops()).isEqualTo(33);
    assertThat(trusted.reachedAt()).contains(Instant.parse("2025-11-18T00:00:00Z"));

    RecoveryForecast sparse = RecoveryForecast.toLevel(
        ledger.stateAt(APRIL), Behaviours.SMALL_WIN, Duration.ofDays(90), 0.95);
    assertThat(sparse.isReachable()).isFalse();
    assertThat(sparse.reason()).contains("at one \"small-win\" every 90 days the level levels off near 0.58, "
        + "below the target 0.95: decay takes back what the drops add");

    Impact miss = Impact.of(ledger.stateAt(APRIL), TrustEvent.of(Behaviours.MISSED_DEADLINE, APRIL));
    assertThat(miss.levelChange()).isCloseTo(-0.046, within(0.0005));
    assertThat(miss.scarAdded()).isZero();

    WhatIf lesson = WhatIf.selfReported(ledger, 2, APRIL);
    assertThat(lesson.difference()).isCloseTo(0.228, within(0.0005));
    assertThat(lesson.alternative().level()).isCloseTo(0.446, within(0.0005));
    assertThat(lesson.alternative().tier()).isEqualTo(AutonomyTier.SUPERVISED);
  }

  @Test
  @DisplayName("listeners")
  void listeners() {
    List<String> inbox = new ArrayList<>();
    TrustAccount carol = registry.account(Relationship.of("carol@example.com", "bob@example.com"));
    carol.addListener(new TrustListener() {
      @Override
      public void onTierChange(TierChange change) {
        inbox.add(change.relationship() + ": " + change.from() + " -> " + change.to());
      }

      @Override
      public void onBreach(BreachNotice breach) {
        inbox.add(breach.relationship() + ": breach, cost " + String.format(Locale.ROOT, "%.2f", breach.cost()));
      }
    });
    carol.record(TrustEvent.of(Behaviours.PUSHED_DEADLINE_WITHOUT_WARNING, Instant.parse("2025-01-17T17:00:00Z")));

    assertThat(inbox).containsExactly(
        "carol@example.com \u2192 bob@example.com: breach, cost 0.21",
        "carol@example.com \u2192 bob@example.com: SUPERVISED -> MICROMANAGED");
  }
}
