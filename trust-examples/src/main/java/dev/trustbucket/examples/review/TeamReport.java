package dev.trustbucket.examples.review;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustLedger;
import dev.trustbucket.account.Relationship;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A team's trust at one instant: one {@link PersonReport} per relationship that had started by
 * then. Nothing here reads the clock: the instant is passed in.
 *
 * @param asOf the instant reported on
 * @param people one report per relationship, in the order given
 * @param notStarted relationships whose history starts after {@code asOf}, left out
 */
public record TeamReport(Instant asOf, List<PersonReport> people, List<Relationship> notStarted) {

  /** The window of the trend: the level now against the level this long ago. */
  public static final Duration TREND_WINDOW = Duration.ofDays(30);

  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** Copies the lists and checks that nothing is null. */
  public TeamReport {
    requireNonNull(asOf, "asOf");
    people = List.copyOf(people);
    notStarted = List.copyOf(notStarted);
  }

  /**
   * Computes the report.
   *
   * @param ledgers each relationship's history, e.g. from {@link ReviewDatabase#ledgers()}
   * @param asOf the instant to report on
   * @return the report
   */
  public static TeamReport of(Map<Relationship, TrustLedger> ledgers, Instant asOf) {
    requireNonNull(asOf, "asOf");
    List<PersonReport> people = new ArrayList<>();
    List<Relationship> later = new ArrayList<>();
    ledgers.forEach((rel, ledger) -> {
      if (ledger.start().isAfter(asOf)) {
        later.add(rel);
      } else {
        people.add(PersonReport.of(rel, ledger, asOf));
      }
    });
    return new TeamReport(asOf, people, later);
  }

  /**
   * The instant as a date for people, e.g. {@code 31 December 2025}; years before 1 are
   * proleptic ({@code -290000}), not years of an era.
   *
   * @param t an instant
   * @return the UTC date in words
   */
  static String date(Instant t) {
    return DATE.format(t);
  }
}
