package dev.trustbucket.text;

import static dev.trustbucket.InvalidTrustInputException.check;
import static java.util.Objects.requireNonNull;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.explain.Contribution;
import dev.trustbucket.explain.Explanation;
import dev.trustbucket.explain.Reason;
import java.util.List;
import java.util.Locale;

/**
 * Writes an {@link Explanation} in words a manager can read, in one language: the level, tier and
 * confidence, where it started, the top reasons up and down, the effect of time and the deepest
 * open scars.
 *
 * <p>By default the events of one behaviour are grouped ("Delivered on a commitment, 38 times:
 * +0.40 today") and the top {@value #DEFAULT_REASONS} reasons each way are listed; {@link
 * #withSingleEvents()} lists single events instead, and {@link #withReasons(int)} changes how
 * many. Amounts are in level units (a fraction of the bucket) with their sign, the level and the
 * ceiling in whole percent, dates in UTC; all formatted for the locale. For example, in English:
 *
 * <pre>
 * Level 71% (trusted) on 13 October 2025, backed by strong evidence.
 * Started at 50%; the baseline is 50%.
 * Raised by:
 *   - Delivered on a commitment, 38 times: +0.40 today
 * Lowered by:
 *   - Missed a deadline (quarterly report): −0.19 on 4 October 2025, −0.19 today
 * Decay toward the baseline moved it −0.16 in all.
 * </pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ExplanationFormat {
  /** How many reasons (and scars) each way are listed unless {@link #withReasons} says otherwise. */
  public static final int DEFAULT_REASONS = 3;

  private final Wording words;
  private final TermFormat terms;
  private final int reasons;
  private final boolean singleEvents;

  private ExplanationFormat(Wording words, int reasons, boolean singleEvents) {
    this.words = words;
    this.terms = TermFormat.from(words);
    this.reasons = reasons;
    this.singleEvents = singleEvents;
  }

  /**
   * The format for {@code locale}'s language (German for any German locale, English otherwise),
   * grouping events by behaviour and listing {@value #DEFAULT_REASONS} reasons each way.
   *
   * @param locale the reader's locale
   * @return the format
   */
  public static ExplanationFormat of(Locale locale) {
    return new ExplanationFormat(Wording.of(locale), DEFAULT_REASONS, false);
  }

  /**
   * A copy that lists at most {@code n} reasons up, {@code n} down and {@code n} scars.
   *
   * @param n from 0
   * @return the copy
   * @throws dev.trustbucket.InvalidTrustInputException when {@code n} is negative
   */
  public ExplanationFormat withReasons(int n) {
    check(n >= 0, "reasons", "reasons must be at least 0 but was %s", n);
    return new ExplanationFormat(words, n, singleEvents);
  }

  /**
   * A copy that lists the single events with the largest remaining effect, each with its date
   * and note, instead of grouping them by behaviour.
   *
   * @return the copy
   */
  public ExplanationFormat withSingleEvents() {
    return new ExplanationFormat(words, reasons, true);
  }

  /**
   * The locale numbers and dates are formatted for.
   *
   * @return the locale
   */
  public Locale locale() {
    return words.locale();
  }

  /**
   * Writes the whole explanation, one line per fact, each line ending in {@code \n}.
   *
   * @param e the explanation
   * @return several lines of text
   */
  public String format(Explanation e) {
    requireNonNull(e, "explanation");
    StringBuilder s = new StringBuilder();
    line(s, words.format("explanation.headline",
        words.percent(e.level()), terms.format(e.tier()), words.date(e.at()), terms.format(e.confidence())));
    line(s, words.format("explanation.start", words.percent(e.startLevel()), words.percent(e.baseline())));
    if (singleEvents) {
      list(s, "explanation.raised", e.topEventsUp(reasons).stream().map(this::format).toList());
      list(s, "explanation.lowered", e.topEventsDown(reasons).stream().map(this::format).toList());
    } else {
      list(s, "explanation.raised", e.topUp(reasons).stream().map(this::format).toList());
      list(s, "explanation.lowered", e.topDown(reasons).stream().map(this::format).toList());
    }
    line(s, words.format("explanation.decay", words.signed(e.decayTotal())));
    List<Contribution> scars = e.openScars();
    if (!scars.isEmpty()) {
      String ceiling = words.percent(e.state().ceiling());
      line(s, scars.size() == 1
          ? words.format("explanation.scars.one", ceiling)
          : words.format("explanation.scars.many", words.integer(scars.size()), ceiling));
      for (Contribution c : scars.subList(0, Math.min(reasons, scars.size()))) {
        line(s, words.format("explanation.item", formatScar(c)));
      }
    }
    return s.toString();
  }

  /**
   * Writes one reason: a single event as {@link #format(Contribution)} does, several as the
   * behaviour, how they came to light (the kind only: their delays may differ), how many times and
   * what is left of them, e.g. {@code Delivered on a commitment, 38
   * times: +0.40 today}.
   *
   * @param r a reason of an explanation
   * @return one line, without a line break
   */
  public String format(Reason r) {
    requireNonNull(r, "reason");
    if (r.count() == 1) {
      return format(r.contributions().get(0));
    }
    String name = terms.format(r.behaviour());
    if (!r.isDrop() && r.disclosure() != Disclosure.Kind.NOT_RECORDED) {
      name = words.format("event.disclosure", name, terms.format(r.disclosure()));
    }
    return words.format("reason.many", name, words.integer(r.count()), words.signed(r.remaining()));
  }

  /**
   * Writes one event's part: the behaviour, its note, how a drain came to light, its effect then
   * and what is left today, e.g. {@code Hid a problem or mistake (critical bug), discovered after
   * 9 days: −0.37 on 3 March 2025, −0.35 today}.
   *
   * @param c a contribution of an explanation
   * @return one line, without a line break
   */
  public String format(Contribution c) {
    requireNonNull(c, "contribution");
    TrustEvent e = c.step().event();
    return words.format("contribution",
        name(e), words.signed(c.immediate()), words.date(e.time()), words.signed(c.remaining()));
  }

  /**
   * Writes an open scar: the breach, its date and how much scar is left, e.g. {@code Hid a problem
   * or mistake (critical bug) on 3 March 2025, scar 0.39 left}.
   *
   * @param c a contribution of an explanation, usually one of {@link Explanation#openScars()}
   * @return one line, without a line break
   */
  public String formatScar(Contribution c) {
    requireNonNull(c, "contribution");
    TrustEvent e = c.step().event();
    String label = terms.format(e.behaviour());
    if (!e.note().isEmpty()) {
      label = words.format("event.note", label, e.note());
    }
    return words.format("explanation.scar", label, words.date(e.time()), words.decimal(c.scarRemaining()));
  }

  private String name(TrustEvent e) {
    String s = terms.format(e.behaviour());
    if (!e.note().isEmpty()) {
      s = words.format("event.note", s, e.note());
    }
    if (!e.isDrop() && e.disclosure().kind() != Disclosure.Kind.NOT_RECORDED) {
      s = words.format("event.disclosure", s, terms.format(e.disclosure()));
    }
    return s;
  }

  private void list(StringBuilder s, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    line(s, words.text(title));
    for (String item : items) {
      line(s, words.format("explanation.item", item));
    }
  }

  private static void line(StringBuilder s, String text) {
    s.append(text).append('\n');
  }
}
