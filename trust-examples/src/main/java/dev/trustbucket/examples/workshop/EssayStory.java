package dev.trustbucket.examples.workshop;

import static dev.trustbucket.behaviour.Behaviours.ACCEPTED_FEEDBACK;
import static dev.trustbucket.behaviour.Behaviours.ACKNOWLEDGED_PROBLEM;
import static dev.trustbucket.behaviour.Behaviours.DELIVERED_EARLY;
import static dev.trustbucket.behaviour.Behaviours.DELIVERED_ON_COMMITMENT;
import static dev.trustbucket.behaviour.Behaviours.INCONSISTENT_COMMUNICATION;
import static dev.trustbucket.behaviour.Behaviours.LOW_QUALITY_DELIVERY;
import static dev.trustbucket.behaviour.Behaviours.MISSED_DEADLINE;
import static dev.trustbucket.behaviour.Behaviours.OVER_PROMISED;
import static dev.trustbucket.behaviour.Behaviours.PROACTIVE_UPDATE;
import static dev.trustbucket.behaviour.Behaviours.REGULAR_CHECK_IN;
import static dev.trustbucket.behaviour.Behaviours.SET_REALISTIC_BOUNDARY;
import static dev.trustbucket.behaviour.Behaviours.SMALL_WIN;

import dev.trustbucket.behaviour.Behaviour;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The story of the essay "How I Lost My Manager's Trust, and Earned It Back", retold as a
 * scenario: a model employee, a health crisis they do not admit, a bucket drained in weeks, an
 * honest conversation, and the months of small, steady drops it takes to refill it.
 *
 * <p>The dates are fixed (the story starts on Monday 2 September 2024), so the story always
 * plays the same way. The person is called Alex here; the essay tells it in the first person.
 * The same story is shipped as the scenario file {@code scenarios/essay.txt}; a test checks that
 * the two are equal, event for event.
 */
public final class EssayStory {
  private EssayStory() {}

  /** The first day of the story. */
  public static final LocalDate START = LocalDate.of(2024, 9, 2);

  /** The day the story stops (exclusive): 52 weeks after {@link #START}. */
  public static final LocalDate END = START.plusWeeks(52);

  /** The scenario's name. */
  public static final String TITLE = "The essay's story";

  /** The narration of the weekly 1:1s after the conversation. */
  static final String CHECK_IN = "Weekly 1:1: workload, energy and priorities, talked through honestly.";

  /** The narration of the fortnightly status notes after the conversation. */
  static final String STATUS_NOTE = "Status note sent before anyone asks.";

  /** The level Alex's bucket has at the start: a model employee, nearly full. */
  public static final double STARTING_LEVEL = 0.9;

  /** The day of the honest conversation, the turning point of the story. */
  public static final LocalDate CONVERSATION = LocalDate.of(2024, 11, 22);

  /**
   * Returns the story as a scenario.
   *
   * @return the essay's story
   */
  public static Scenario scenario() {
    List<Dated> steps = new ArrayList<>();

    // Act 1: the model employee.
    steps.add(at("2024-09-06", DELIVERED_ON_COMMITMENT, "Alex ships the billing migration on the agreed date, as usual."));
    steps.add(at("2024-09-18", DELIVERED_EARLY, "The audit report is done two days early."));
    steps.add(at("2024-09-27", PROACTIVE_UPDATE, "Alex sends the monthly status note before anyone asks."));

    // Act 2: back from weeks of illness, not admitting the brain fog, saying yes to everything.
    steps.add(at("2024-10-11", MISSED_DEADLINE, "Back from weeks off sick and saying yes to everything, Alex misses the export's Friday date."));
    steps.add(at("2024-10-17", INCONSISTENT_COMMUNICATION, "Status notes stop; the manager hears about delays in stand-up."));
    steps.add(at("2024-10-24", LOW_QUALITY_DELIVERY, "The export ships with bugs a review would normally catch."));
    steps.add(at("2024-10-31", OVER_PROMISED, "The three projects Alex took on cannot all be done; the quarter's plan slips."));
    steps.add(at("2024-11-07", MISSED_DEADLINE, "The dashboard promised for the quarterly review is not ready."));

    // The turning point.
    steps.add(at("2024-11-15", ACCEPTED_FEEDBACK, "Harsh but deserved feedback; Alex listens and does not argue."));
    steps.add(at(CONVERSATION.toString(), ACKNOWLEDGED_PROBLEM, "The honest conversation: fatigue, brain fog, and full responsibility."));

    // Act 3: rebuilding, drop by drop. First small, safe wins and a boundary.
    steps.add(at("2024-11-29", SET_REALISTIC_BOUNDARY, "Alex says no to a new project and proposes February instead."));
    steps.add(at("2024-12-06", SMALL_WIN, "A small, well-scoped fix lands cleanly."));
    steps.add(at("2024-12-20", SMALL_WIN, "The on-call runbook is rewritten and shared."));
    steps.add(at("2025-01-10", SMALL_WIN, "A flaky test suite is fixed, as promised last week."));
    steps.add(at("2025-01-24", SMALL_WIN, "A customer report is answered with a clear fix plan."));
    steps.add(at("2025-02-03", DELIVERED_ON_COMMITMENT, "The February project starts on the date Alex proposed."));
    steps.add(at("2025-02-21", SMALL_WIN, "A tidy refactor, reviewed and merged without rework."));
    steps.add(at("2025-03-07", DELIVERED_EARLY, "A straightforward project finished early and demoed to the manager."));
    // Then steady delivery on bigger work, still without over-committing.
    steps.add(at("2025-03-21", DELIVERED_ON_COMMITMENT, "The first milestone of the February project lands on time."));
    steps.add(at("2025-04-04", SET_REALISTIC_BOUNDARY, "Asked to join the incident rota, Alex suggests a later start date."));
    steps.add(at("2025-04-18", DELIVERED_ON_COMMITMENT, "The reporting revamp ships on time."));
    steps.add(at("2025-05-02", DELIVERED_ON_COMMITMENT, "The February project's second milestone, on time."));
    steps.add(at("2025-05-16", DELIVERED_EARLY, "The vendor integration is done a week early."));
    steps.add(at("2025-05-30", DELIVERED_ON_COMMITMENT, "The February project is complete, on the date agreed in January."));
    steps.add(at("2025-06-13", DELIVERED_ON_COMMITMENT, "Alex leads the release planning and hits every date."));
    steps.add(at("2025-06-27", DELIVERED_ON_COMMITMENT, "A critical initiative is handed back to Alex; its first phase lands."));
    steps.add(at("2025-07-11", SET_REALISTIC_BOUNDARY, "Alex trims the initiative's scope to what the team can really do."));
    steps.add(at("2025-07-25", DELIVERED_ON_COMMITMENT, "The initiative's second phase lands as planned."));
    steps.add(at("2025-08-08", DELIVERED_EARLY, "The mid-year goals are met ahead of the review."));
    steps.add(at("2025-08-22", DELIVERED_ON_COMMITMENT, "The initiative is complete."));

    // Weekly 1:1s and fortnightly status notes from the week after the conversation.
    LocalDate firstMonday = CONVERSATION.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    int n = 0;
    for (LocalDate d = firstMonday; d.isBefore(END); d = d.plusWeeks(1), n++) {
      steps.add(at(d.plusDays(1).toString(), REGULAR_CHECK_IN, CHECK_IN));
      if (n % 2 == 0) {
        steps.add(at(d.plusDays(2).toString(), PROACTIVE_UPDATE, STATUS_NOTE));
      }
    }

    steps.sort(Comparator.comparing(Dated::time));
    Scenario.Builder b =
        Scenario.builder(
                TITLE,
                "A model employee loses their manager's trust during a health crisis they do not admit, and earns it back.")
            .startingAt(instant(START), STARTING_LEVEL)
            .endingAt(instant(END));
    for (Dated s : steps) {
      b.step(s.behaviour, s.time, s.narration);
    }
    return b.build();
  }

  private static Dated at(String day, Behaviour behaviour, String narration) {
    return new Dated(instant(LocalDate.parse(day)).plusSeconds(8 * 3600), behaviour, narration);
  }

  /** Days start at 09:00 UTC; events happen at 17:00 UTC on their day. */
  private static Instant instant(LocalDate day) {
    return day.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
  }

  private record Dated(Instant time, Behaviour behaviour, String narration) {}
}
