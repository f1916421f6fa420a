package dev.trustbucket.commitment;

import static dev.trustbucket.InvalidTrustInputException.checkRange;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether someone is saying yes to more than they can deliver: the essay's first pitfall, caught
 * before the deadlines are missed.
 *
 * <p>{@link #of} schedules the open commitments earliest-due-first against a weekly capacity
 * from {@code now}. That schedule is optimal for meeting deadlines (Jackson's rule), so if it
 * misses one, every schedule does: the person is over-committed, and {@link #firstMiss()} says
 * which due date breaks first and by how many hours. Commitments due at the same instant are one
 * deadline: the result does not depend on the order they are given in.
 *
 * @param overCommitted whether some open commitment cannot be met at this capacity
 * @param firstMiss the first due date that cannot be met, if any
 * @param shortfallHours the hours missing by that date (0 when none)
 * @param atRisk the commitments due up to and including that date (every one due at it), earliest
 *     first
 */
public record OverCommitment(
    boolean overCommitted, Optional<Instant> firstMiss, double shortfallHours, ImmutableList<Commitment> atRisk) {

  private static final double HOURS_PER_WEEK_MAX = 168.0;

  /**
   * Checks that no part is null.
   *
   * @param overCommitted whether some open commitment cannot be met at this capacity
   * @param firstMiss the first due date that cannot be met, if any
   * @param shortfallHours the hours missing by that date (0 when none)
   * @param atRisk the commitments due up to and including that date, earliest first
   */
  public OverCommitment {
    requireNonNull(firstMiss, "firstMiss");
    requireNonNull(atRisk, "atRisk");
  }

  /**
   * Assesses open commitments against a capacity.
   *
   * @param open the commitments not yet resolved (their {@code effortHours} is the work left)
   * @param hoursPerWeek the hours a week the person can give to them, in [0, 168]
   * @param now the instant of the assessment
   * @return the assessment
   * @throws dev.trustbucket.InvalidTrustInputException when the capacity is out of range
   */
  public static OverCommitment of(Iterable<Commitment> open, double hoursPerWeek, Instant now) {
    requireNonNull(open, "open");
    requireNonNull(now, "now");
    checkRange(hoursPerWeek, "hoursPerWeek", 0.0, HOURS_PER_WEEK_MAX);
    List<Commitment> byDue = new ArrayList<>();
    open.forEach(c -> byDue.add(requireNonNull(c, "commitment")));
    byDue.sort(Comparator.comparing(Commitment::due));
    double perSecond = hoursPerWeek / Duration.ofDays(7).toSeconds();
    double needed = 0.0;
    int i = 0;
    while (i < byDue.size()) {
      Instant due = byDue.get(i).due();
      // Commitments due at the same instant are one deadline: all their work counts before it is
      // checked, so that their order in the input changes nothing.
      int j = i;
      while (j < byDue.size() && byDue.get(j).due().equals(due)) {
        needed += byDue.get(j).effortHours();
        j++;
      }
      double available = Math.max(0L, Duration.between(now, due).toSeconds()) * perSecond;
      if (needed > available + 1e-9) {
        return new OverCommitment(true, Optional.of(due), needed - available, ImmutableList.copyOf(byDue.subList(0, j)));
      }
      i = j;
    }
    return new OverCommitment(false, Optional.empty(), 0.0, ImmutableList.of());
  }
}
