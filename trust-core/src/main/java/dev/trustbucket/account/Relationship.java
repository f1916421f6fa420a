package dev.trustbucket.account;

import static dev.trustbucket.InvalidTrustInputException.check;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.TextRule;

/**
 * Who trusts whom: one employee and their manager, by the ids of the embedding application.
 *
 * @param employee the employee's id, 1 to 200 characters, not blank, following the {@link TextRule}
 * @param manager the manager's id, 1 to 200 characters, not blank, following the {@link TextRule}
 */
public record Relationship(String employee, String manager) {
  /** The longest id accepted, in characters. */
  public static final int MAX_ID_LENGTH = 200;

  /**
   * Validates both ids.
   *
   * @param employee the employee's id, 1 to 200 characters, not blank, following the {@link TextRule}
   * @param manager the manager's id, 1 to 200 characters, not blank, following the {@link TextRule}
   * @throws dev.trustbucket.InvalidTrustInputException when an id is blank, too long or breaks
   *     the {@link TextRule}
   */
  public Relationship {
    requireNonNull(employee, "employee");
    requireNonNull(manager, "manager");
    checkId("employee", employee);
    checkId("manager", manager);
  }

  private static void checkId(String field, String id) {
    TextRule.check(field, id, MAX_ID_LENGTH);
    check(!id.isBlank(), field, "%s must be 1 to 200 characters, not blank, but was \"%s\"", field, id);
  }

  /**
   * Shorthand for the constructor.
   *
   * @param employee the employee's id
   * @param manager the manager's id
   * @return the relationship
   */
  public static Relationship of(String employee, String manager) {
    return new Relationship(employee, manager);
  }

  @Override
  public String toString() {
    return employee + " \u2192 " + manager;
  }
}
