package dev.trustbucket.spring.boot;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustLedger;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Dimension;
import dev.trustbucket.explain.Contribution;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.text.ExplanationFormat;
import dev.trustbucket.text.TermFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One relationship as the {@code trustbucket} actuator endpoint shows it: level and tier now, and
 * the explanation grouped by trust dimension, with the top reasons in words.
 *
 * @param employee the employee's id
 * @param manager the manager's id
 * @param at when it was explained, ISO-8601
 * @param policy the policy's name
 * @param level the level at {@code at}, in [0, 1]
 * @param tier the autonomy tier at {@code at}
 * @param ceiling how far the bucket can refill while scars last, in [0, 1]
 * @param confidence how much evidence backs the level, in words
 * @param events how many events were recorded up to {@code at}
 * @param dimensions what is left today of the events of each dimension, ability first
 * @param decay how far decay toward the baseline moved the level in all
 * @param raisedBy the behaviours whose events raise the level most today, in words
 * @param loweredBy the behaviours whose events lower it most today, in words
 * @param summary the whole explanation as a manager reads it
 */
public record RelationshipReport(
    String employee,
    String manager,
    String at,
    String policy,
    double level,
    String tier,
    double ceiling,
    String confidence,
    int events,
    List<DimensionPart> dimensions,
    double decay,
    List<String> raisedBy,
    List<String> loweredBy,
    String summary) {

  /** How many reasons each way the report lists. */
  static final int REASONS = 3;

  // The endpoint answers in English; events of one behaviour are grouped.
  private static final TermFormat TERMS = TermFormat.of(Locale.ENGLISH);
  private static final ExplanationFormat EXPLAIN = ExplanationFormat.of(Locale.ENGLISH).withReasons(REASONS);

  /**
   * What the events of one trust dimension still add to the level today.
   *
   * @param dimension {@code ability}, {@code integrity} or {@code communication}
   * @param events how many events of that dimension
   * @param raised the sum of what its drops still add, {@code >= 0}
   * @param lowered the sum of what its drains still take away, {@code <= 0}
   */
  public record DimensionPart(String dimension, int events, double raised, double lowered) {}

  /**
   * Explains a relationship's history at an instant.
   *
   * @param relationship who trusts whom
   * @param ledger its history
   * @param at when to explain it; an instant before the last event is moved to that event
   * @return the report
   */
  public static RelationshipReport of(Relationship relationship, TrustLedger ledger, Instant at) {
    requireNonNull(relationship, "relationship");
    Instant when = at.isBefore(ledger.state().time()) ? ledger.state().time() : at;
    Explanation e = Explanation.of(ledger, when);
    List<DimensionPart> parts = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      int n = 0;
      double raised = 0;
      double lowered = 0;
      for (Contribution c : e.contributions()) {
        if (c.step().event().behaviour().dimension() == d) {
          n++;
          if (c.remaining() >= 0) {
            raised += c.remaining();
          } else {
            lowered += c.remaining();
          }
        }
      }
      parts.add(new DimensionPart(d.name().toLowerCase(Locale.ROOT), n, raised, lowered));
    }
    return new RelationshipReport(
        relationship.employee(),
        relationship.manager(),
        when.toString(),
        ledger.policy().name(),
        e.level(),
        e.tier().name().toLowerCase(Locale.ROOT),
        e.state().ceiling(),
        TERMS.format(e.confidence()),
        e.contributions().size(),
        List.copyOf(parts),
        e.decayTotal(),
        e.topUp(REASONS).stream().map(EXPLAIN::format).toList(),
        e.topDown(REASONS).stream().map(EXPLAIN::format).toList(),
        EXPLAIN.format(e));
  }
}
