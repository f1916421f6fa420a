package dev.trustbucket.account;

import static dev.trustbucket.InvalidTrustInputException.check;
import static java.util.Objects.requireNonNull;

/**
 * Who trusts whom: one employee and their manager, by the ids of the embedding application.
 *
 * @param employee the employee's id, one line of 1 to 200 characters without tabs
 * @param manager the manager's id, one line of 1 to 200 characters without tabs
 */
public record Relationship(String employee, String manager) {
  /**
   * Validates both ids.
   *
   * @param employee the employee's id, one line of 1 to 200 characters without tabs
   * @param manager the manager's id, one line of 1 to 200 characters without tabs
   * @throws dev.trustbucket.InvalidTrustInputException when an id is blank, too long or spans
   *     lines
   */
  public Relationship {
    requireNonNull(employee, "employee");
    requireNonNull(manager, "manager");
    check(valid(employee), "employee",
        "employee must be 1 to 200 characters on one line without tabs but was \"%s\"", employee);
    check(valid(manager), "manager",
        "manager must be 1 to 200 characters on one line without tabs but was \"%s\"", manager);
  }

  private static boolean valid(String id) {
    return !id.isBlank() && id.length() <= 200 && id.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r');
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
