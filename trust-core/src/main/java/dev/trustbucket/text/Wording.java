package dev.trustbucket.text;

import static java.util.Objects.requireNonNull;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words and number formats of one language: the {@code Messages} bundle of this package and
 * the locale's number and date conventions.
 *
 * <p>Two languages are complete, English (the root bundle) and German; any other locale gets
 * English words with English numbers and dates, so that a sentence never mixes two conventions.
 * The bundle is chosen here, not by {@link ResourceBundle}'s fallback to the JVM's default
 * locale, so the result depends on the {@code Locale} argument alone. The bundle is looked up from
 * this class, which lets {@code getBundle} find it inside the named module {@code dev.trustbucket}
 * as well as on the class path.
 */
final class Wording {
  static final String BUNDLE = "dev.trustbucket.text.Messages";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final DateTimeFormatter date;
  private final DecimalFormatSymbols symbols;

  private Wording(Locale locale, ResourceBundle bundle) {
    this.locale = locale;
    this.bundle = bundle;
    // "u", the proleptic year: "yyyy" would print the year -5 as 6 (CONTRIBUTING, rule 5).
    this.date = DateTimeFormatter.ofPattern(bundle.getString("date.pattern"), locale).withZone(ZoneOffset.UTC);
    this.symbols = DecimalFormatSymbols.getInstance(locale);
  }

  /**
   * The wording for {@code requested}: German for any German locale, English otherwise.
   *
   * @param requested the reader's locale
   * @return the wording
   */
  static Wording of(Locale requested) {
    requireNonNull(requested, "locale");
    if (requested.getLanguage().equals(Locale.GERMAN.getLanguage())) {
      return new Wording(requested, ResourceBundle.getBundle(BUNDLE, Locale.GERMAN));
    }
    Locale numbers = requested.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? requested : Locale.ENGLISH;
    // Locale.ROOT asks for the root bundle alone: no fallback to the JVM's default locale.
    return new Wording(numbers, ResourceBundle.getBundle(BUNDLE, Locale.ROOT));
  }

  /** The locale numbers and dates are formatted for. */
  Locale locale() {
    return locale;
  }

  /** The words under {@code key}, as they stand (no arguments). */
  String text(String key) {
    return bundle.getString(key);
  }

  /** Whether the bundle has {@code key}. */
  boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The pattern under {@code key} with its arguments, each already formatted. */
  String format(String key, String... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }

  /** A level as a whole percentage, e.g. {@code 62%} or {@code 62 %}. */
  String percent(double level) {
    return format("percent", number(level * 100, "0"));
  }

  /** An amount of level with its sign and two decimals, e.g. {@code +0.31}, {@code −0,19}. */
  String signed(double v) {
    return (v < 0 ? "\u2212" : "+") + number(Math.abs(v), "0.00");
  }

  /** A number with two decimals, e.g. {@code 0.58} or {@code 0,58}. */
  String decimal(double v) {
    return number(v, "0.00");
  }

  /** A whole number with the locale's grouping, e.g. {@code 100,000} or {@code 100.000}. */
  String integer(long n) {
    return new DecimalFormat("#,##0", symbols).format(n);
  }

  /** A date, e.g. {@code 3 March 2025} or {@code 3. März 2025}. */
  String date(Instant t) {
    return date.format(t);
  }

  /** A count of whole days, e.g. {@code 1 day}, {@code 800 days}. */
  String days(long n) {
    return n == 1 ? text("days.one") : format("days.many", integer(n));
  }

  private String number(double v, String pattern) {
    DecimalFormat f = new DecimalFormat(pattern, symbols);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }
}
