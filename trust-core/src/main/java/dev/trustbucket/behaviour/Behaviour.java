package dev.trustbucket.behaviour;

import static dev.trustbucket.InvalidTrustInputException.check;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import java.util.regex.Pattern;

/**
 * A kind of action that adds to or drains the bucket, such as "missed a deadline".
 *
 * <p>The {@link #id()} is stable: it is what ledgers, scenario files and databases store, so it
 * never changes once published. The {@link #defaultWeight()} is the nominal size of an ordinary
 * occurrence; {@code 1.0} is the unit that the laws of the model call "ordinary". Users define
 * their own behaviours with {@link #drop} and {@link #drain} and add them to a {@link
 * BehaviourCatalogue}; the stock ones live in {@link Behaviours}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id stable identifier, 1 to 100 lower-case letters, digits and dashes, e.g. {@code
 *     "missed-deadline"}
 * @param direction whether it adds ({@link Direction#DROP}) or drains ({@link Direction#DRAIN})
 * @param dimension the facet of trust it speaks to
 * @param defaultWeight the weight of an ordinary occurrence, finite and in {@code [0, 100]}
 * @param label a short human description used in explanations, e.g. {@code "Missed a deadline"};
 *     1 to 200 characters, not blank, following the {@link TextRule}
 */
public record Behaviour(
    String id, Direction direction, Dimension dimension, double defaultWeight, String label) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The longest id accepted, in characters. */
  public static final int MAX_ID_LENGTH = 100;

  /** The longest label accepted, in characters. */
  public static final int MAX_LABEL_LENGTH = 200;

  /** The largest weight an event or behaviour may carry. */
  public static final double MAX_WEIGHT = 100.0;

  /**
   * Validates every field.
   *
   * @param id stable identifier, lower-case letters, digits and dashes, e.g. {@code
   *     "missed-deadline"}
   * @param direction whether it adds ({@link Direction#DROP}) or drains ({@link Direction#DRAIN})
   * @param dimension the facet of trust it speaks to
   * @param defaultWeight the weight of an ordinary occurrence, finite and in {@code [0, 100]}
   * @param label a short human description used in explanations, e.g. {@code "Missed a deadline"}
   * @throws InvalidTrustInputException when the id is malformed or longer than 100 characters,
   *     the weight is out of range, or the label is blank, too long or breaks the {@link TextRule}
   */
  public Behaviour {
    requireNonNull(id, "id");
    requireNonNull(direction, "direction");
    requireNonNull(dimension, "dimension");
    requireNonNull(label, "label");
    check(
        id.length() <= MAX_ID_LENGTH,
        "id",
        "id must be at most 100 characters but was %s characters long: \"%s\"",
        id.length(),
        dev.trustbucket.internal.Texts.clip(id));
    check(
        ID.matcher(id).matches(),
        "id",
        "id must be lower-case letters, digits and single dashes (e.g. \"missed-deadline\") but was \"%s\"",
        id);
    InvalidTrustInputException.checkRange(defaultWeight, "defaultWeight", 0.0, MAX_WEIGHT);
    TextRule.checkNonBlank("label", label, MAX_LABEL_LENGTH);
  }

  /**
   * Defines a behaviour that adds drops to the bucket.
   *
   * @param id stable identifier (lower-case letters, digits and dashes)
   * @param dimension the facet of trust it builds
   * @param defaultWeight the weight of an ordinary occurrence, in {@code [0, 100]}
   * @param label a short human description
   * @return the behaviour
   * @throws InvalidTrustInputException when a field is invalid
   */
  public static Behaviour drop(String id, Dimension dimension, double defaultWeight, String label) {
    return new Behaviour(id, Direction.DROP, dimension, defaultWeight, label);
  }

  /**
   * Defines a behaviour that drains the bucket.
   *
   * @param id stable identifier (lower-case letters, digits and dashes)
   * @param dimension the facet of trust it erodes
   * @param defaultWeight the weight of an ordinary occurrence, in {@code [0, 100]}
   * @param label a short human description
   * @return the behaviour
   * @throws InvalidTrustInputException when a field is invalid
   */
  public static Behaviour drain(String id, Dimension dimension, double defaultWeight, String label) {
    return new Behaviour(id, Direction.DRAIN, dimension, defaultWeight, label);
  }

  /**
   * Returns whether this behaviour adds to the bucket.
   *
   * @return {@code true} for a drop, {@code false} for a drain
   */
  public boolean isDrop() {
    return direction == Direction.DROP;
  }

  @Override
  public String toString() {
    return id;
  }
}
