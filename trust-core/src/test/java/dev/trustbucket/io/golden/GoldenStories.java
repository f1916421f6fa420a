package dev.trustbucket.io.golden;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.Disclosure;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.commitment.Commitment;
import dev.trustbucket.commitment.Outcome;
import dev.trustbucket.decay.DecayRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The histories the golden fixtures were written from. NEVER change anything here: the committed
 * fixtures and their expected levels were produced from exactly these stories and this custom
 * policy, and {@link GoldenFixturesTest} reads format 1 and 2 files of the custom policy with
 * {@link #custom()}.
 */
public final class GoldenStories {
  private GoldenStories() {}

  /**
   * The custom policy's own behaviour, with a backslash in its label (and a tab, written in its
   * visible form since {@link TextRule} refuses tabs; format 1 and 2 files do not hold labels).
   */
  public static final Behaviour PAIRED =
      Behaviour.drop("paired-on-review", Dimension.COMMUNICATION, 0.75, note("Paired on a review\t(custom \\ team)"));

  /**
   * Every escape a note can need (notes are one line, so a tab and a backslash), with the texts
   * of the escapes themselves ("\\t", "\\n", "\\r", "\\\\") written literally.
   */
  public static final String ESCAPES = "tab\there, backslash \\ and the literal texts \\t \\n \\r \\\\ \\, ü ✓";

  /** A team's own policy: every kind of setting differs from the default. */
  public static TrustPolicy custom() {
    return TrustPolicy.builder()
        .name("team custom")
        .baseline(0.45)
        .gainRate(0.09)
        .lossRate(0.24)
        .integrityMultiplier(2.25)
        .majorSeverity(1.75)
        .scarRate(0.3)
        .maxScar(0.4)
        .selfReportedMultiplier(0.6)
        .discoveredMultiplier(1.6)
        .discoveredMultiplierLimit(2.2)
        .concealmentHalfTime(Duration.ofDays(21))
        .brokenPromiseMultiplier(1.8)
        .abandonmentMultiplier(1.4)
        .renegotiationCost(0.3)
        .renegotiationNoticeHalfTime(Duration.ofDays(5))
        .decay(DecayRule.exponential(Duration.ofDays(300)))
        .scarDecay(DecayRule.exponential(Duration.ofDays(900)))
        .ladder(new AutonomyLadder(0.3, 0.55, 0.78, 0.04, Duration.ofDays(10)))
        .catalogue(BehaviourCatalogue.standard().with(PAIRED))
        .build();
  }

  /**
   * A note as the story holds it: the text itself, or, when it has a character that {@link
   * TextRule} refuses (the tabs the format 1 and 2 fixtures were written with, before the rule
   * existed), its visible form, which is what {@link dev.trustbucket.io.TrustCodec} reads such a
   * format 1 or 2 note as. Format 3 fixtures were written from these notes.
   */
  static String note(String text) {
    return TextRule.problem(text, Integer.MAX_VALUE).isPresent() ? TextRule.visible(text) : text;
  }

  /** When every story starts. */
  public static final Instant START = Instant.parse("2024-01-08T09:00:00Z");

  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d)).plusSeconds(3_600L * (d % 7));
  }

  /**
   * A year of a relationship under a policy: drops that earn promotions, a kept and a broken
   * commitment, a renegotiation, a hidden problem discovered after 12 days (a breach and a scar), a
   * self-reported mistake, an integrity drain, and notes with every escape.
   */
  public static TrustLedger ledger(TrustPolicy policy) {
    List<TrustEvent> events = new ArrayList<>();
    events.add(TrustEvent.of(Behaviours.DELIVERED_ON_COMMITMENT, day(3)).withNote(note(ESCAPES)));
    for (int d = 7; d <= 70; d += 7) {
      events.add(TrustEvent.of(Behaviours.SMALL_WIN, day(d)).withWeight(1.0 + d / 70.0));
    }
    events.addAll(Commitment.of("ship the Q1 report", day(71), day(90)).resolve(Outcome.onTime(day(89)), policy));
    events.add(TrustEvent.of(Behaviours.HID_PROBLEM, day(95))
        .withDisclosure(Disclosure.discovered(Duration.ofDays(12)))
        .withNote(note("the \\ outage\tof March")));
    events.add(TrustEvent.of(Behaviours.MISSED_DEADLINE, day(110))
        .withDisclosure(Disclosure.selfReported()).withNote("said so at once"));
    events.addAll(Commitment.of("migrate the billing job", day(111), day(140))
        .withImportance(2.0).resolve(Outcome.lateWithoutWarning(day(150)), policy));
    events.addAll(Commitment.of("draft the hiring plan", day(151), day(180))
        .resolve(Outcome.renegotiated(day(166)), policy));
    events.add(TrustEvent.of(Behaviours.OVER_PROMISED, day(190)).withWeight(0.8).withNote("ends in a backslash \\"));
    if (policy.catalogue().contains(PAIRED)) {
      events.add(TrustEvent.of(PAIRED, day(200)).withNote("custom \\t behaviour"));
    }
    for (int d = 210; d <= 350; d += 10) {
      events.add(TrustEvent.of(d % 30 == 0 ? Behaviours.PROACTIVE_UPDATE : Behaviours.DELIVERED_EARLY, day(d)));
    }
    events.add(TrustEvent.of(Behaviours.HID_PROBLEM, day(352))
        .withDisclosure(Disclosure.discovered(Duration.ofDays(40))).withWeight(2.5));
    return TrustLedger.of(policy, START).plusAll(events);
  }

  /** States worth storing: the end of the story, and one inside a promotion's minimum stay. */
  public static List<TrustBucket> states(TrustPolicy policy) {
    TrustLedger ledger = ledger(policy);
    List<TrustBucket> states = new ArrayList<>();
    states.add(ledger.state());
    for (int d = 1; d < 360; d++) {
      TrustBucket s = ledger.stateAt(day(d));
      if (s.promotedAt().isPresent() && s.scar() > 0) {
        states.add(s);
        return states;
      }
    }
    for (int d = 1; d < 360; d++) {
      TrustBucket s = ledger.stateAt(day(d));
      if (s.promotedAt().isPresent()) {
        states.add(s);
        return states;
      }
    }
    return states;
  }

  /** The instants at which a fixture's level and tier are pinned, from {@code from} on. */
  public static List<Instant> instants(Instant from) {
    List<Instant> out = new ArrayList<>();
    for (int d : new int[] {0, 1, 10, 45, 96, 100, 153, 200, 300, 353, 380, 800, 4000}) {
      Instant t = START.plus(Duration.ofDays(d));
      if (!t.isBefore(from)) {
        out.add(t);
      }
    }
    out.add(from);
    out.add(from.plus(Duration.ofDays(30)));
    return out.stream().distinct().sorted().toList();
  }
}
