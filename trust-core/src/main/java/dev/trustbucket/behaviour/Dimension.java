package dev.trustbucket.behaviour;

/**
 * The facet of trust a behaviour speaks to, after Mayer, Davis &amp; Schoorman (1995), "An
 * Integrative Model of Organizational Trust".
 *
 * <p>Every behaviour feeds exactly one dimension. The dimension decides how a drain is weighed:
 * integrity failures cost more and leave scars (see the policy's integrity multiplier), and
 * explanations group contributions by dimension.
 */
public enum Dimension {
  /** Can they do the work: delivery, quality, keeping deadlines. */
  ABILITY,
  /** Do they tell the truth and keep their word: honesty, promises, disclosure of mistakes. */
  INTEGRITY,
  /** Do they keep the manager in the loop and take feedback: openness, updates, benevolence. */
  COMMUNICATION
}
