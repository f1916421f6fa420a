package dev.trustbucket.examples.review;

import dev.trustbucket.examples.format.Clip;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.io.EventRecord;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One event as the text a person typed: a CSV row or the options of {@code ReviewTool record}.
 *
 * <p>The columns, in CSV order, are {@link #COLUMNS}. {@code employee}, {@code manager}, {@code
 * time} and {@code behaviour} are required; the others may be empty and then default to the
 * behaviour's default weight, {@code not-recorded}, {@code PT0S} and no note.
 *
 * @param employee the employee's id
 * @param manager the manager's id
 * @param time an ISO-8601 instant such as {@code 2025-03-03T10:00:00Z}
 * @param behaviour a behaviour id such as {@code missed-deadline}
 * @param weight a decimal number in [0, 100], or empty
 * @param disclosure {@code not-recorded}, {@code self-reported}, {@code discovered}, or empty
 * @param delay an ISO-8601 duration such as {@code P9D}, or empty
 * @param note free text on one line, or empty; it follows the library's {@link TextRule}
 */
public record EventRow(
    String employee,
    String manager,
    String time,
    String behaviour,
    String weight,
    String disclosure,
    String delay,
    String note) {

  /** The longest employee or manager id, in characters. */
  public static final int MAX_ID_LENGTH = 200;

  /** The CSV header, in order. */
  public static final List<String> COLUMNS =
      List.of("employee", "manager", "time", "behaviour", "weight", "disclosure", "delay", "note");

  // Plain decimal notation only: Double.parseDouble would also take "NaN", "Infinity", "0x1p3" and "1d".
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Checks that no part is null. */
  public EventRow {
    requireNonNull(employee, "employee");
    requireNonNull(manager, "manager");
    requireNonNull(time, "time");
    requireNonNull(behaviour, "behaviour");
    requireNonNull(weight, "weight");
    requireNonNull(disclosure, "disclosure");
    requireNonNull(delay, "delay");
    requireNonNull(note, "note");
  }

  /**
   * Builds a row from the fields of a CSV line.
   *
   * @param fields exactly {@code COLUMNS.size()} fields
   * @return the row
   */
  public static EventRow of(List<String> fields) {
    if (fields.size() != COLUMNS.size()) {
      throw new IllegalArgumentException("expected " + COLUMNS.size() + " fields but got " + fields.size());
    }
    return new EventRow(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4),
        fields.get(5), fields.get(6), fields.get(7));
  }

  /**
   * Returns who this row is about.
   *
   * @return the relationship
   * @throws InvalidTrustInputException when an id is blank, longer than {@value #MAX_ID_LENGTH}
   *     characters or breaks the library's {@link TextRule} (control characters such as ESC,
   *     bidi overrides, non-characters, lone surrogates), or the employee is their own manager;
   *     {@link InvalidTrustInputException#field()} names the column
   */
  public Relationship relationship() {
    TextRule.checkNonBlank("employee", employee, MAX_ID_LENGTH);
    TextRule.checkNonBlank("manager", manager, MAX_ID_LENGTH);
    Relationship r = Relationship.of(employee, manager);
    InvalidTrustInputException.check(!employee.equals(manager), "manager",
        "manager must differ from the employee but both were \"%s\"", manager);
    return r;
  }

  /**
   * Turns the text into a validated event, filling in the defaults. All checks are the
   * library's: {@link EventRecord#toEvent} parses the time, behaviour, disclosure and delay, and
   * {@link TrustEvent}'s constructor checks the weight and the note, after {@link TextRule} has
   * checked the note.
   *
   * @param catalogue the behaviours the relationship's policy accepts
   * @return the event
   * @throws InvalidTrustInputException when a field is missing or invalid; {@link
   *     InvalidTrustInputException#field()} names the column and the message quotes the value
   */
  public TrustEvent toEvent(BehaviourCatalogue catalogue) {
    requireNonNull(catalogue, "catalogue");
    TextRule.check("note", note, TrustEvent.MAX_NOTE_LENGTH);
    required(time, "time", "an ISO-8601 instant such as 2025-03-03T10:00:00Z");
    required(behaviour, "behaviour", "a behaviour id such as delivered-on-commitment");
    Behaviour b = catalogue.byId(behaviour);
    double w = weight.isEmpty() ? b.defaultWeight() : parseWeight(weight);
    EventRecord record =
        new EventRecord(
            time,
            behaviour,
            w,
            disclosure.isEmpty() ? "not-recorded" : disclosure,
            delay.isEmpty() ? "PT0S" : delay,
            note);
    return record.toEvent(catalogue);
  }

  private static void required(String value, String field, String example) {
    InvalidTrustInputException.check(!value.isEmpty(), field, "%s must be %s but was empty", field, example);
  }

  private static double parseWeight(String text) {
    double w = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    if (!(w >= 0.0 && w <= Behaviour.MAX_WEIGHT)) {
      throw new InvalidTrustInputException("weight", "weight must be a decimal number in [0, "
          + (int) Behaviour.MAX_WEIGHT + "] such as 1.5 but was \"" + Clip.visible(text, 80) + "\"");
    }
    return w;
  }
}
