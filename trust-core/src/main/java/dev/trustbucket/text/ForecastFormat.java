package dev.trustbucket.text;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.forecast.OutOfReach;
import dev.trustbucket.forecast.RecoveryForecast;
import dev.trustbucket.internal.EpochMicros;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a {@link RecoveryForecast} in words, in one language: when the target is reached and
 * after how many drops, or why it is out of reach.
 *
 * <p>The target is named as a tier ("trusted") or, for a level target, in whole percent; the
 * cadence in whole days, hours, minutes or seconds; levels and ceilings with two decimals; dates in
 * UTC; all formatted for the locale. For example, in English:
 *
 * <pre>
 * autonomous after 15 drops of "Delivered on a commitment", one every 7 days, on 21 April 2025.
 * 95% is out of reach: at one "Small win" every 90 days the level levels off near 0.59, below the
 * target 0.95: decay takes back what the drops add.
 * </pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ForecastFormat {
  private final Wording words;
  private final TermFormat terms;

  private ForecastFormat(Wording words) {
    this.words = words;
    this.terms = TermFormat.from(words);
  }

  /**
   * The format for {@code locale}'s language: German for any German locale, English otherwise.
   *
   * @param locale the reader's locale
   * @return the format
   */
  public static ForecastFormat of(Locale locale) {
    return new ForecastFormat(Wording.of(locale));
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
   * Writes the forecast in one sentence: already there, reached after so many drops on a date, or
   * out of reach and why.
   *
   * @param f the forecast
   * @return one sentence, ending in a full stop
   */
  public String format(RecoveryForecast f) {
    requireNonNull(f, "forecast");
    String target = target(f);
    String drop = terms.format(f.behaviour());
    Optional<String> why = formatOutOfReach(f);
    if (why.isPresent()) {
      return words.format("forecast.outOfReach", target, why.get());
    }
    if (f.drops() == 0) {
      return words.format("forecast.already", target);
    }
    return words.format("forecast.reached", target, drops(f.drops()), drop, cadence(f.cadence()),
        words.date(f.reachedAt().orElseThrow()));
  }

  /**
   * Writes why the target is out of reach, as a clause without a final full stop, e.g. {@code a
   * scar keeps the ceiling at 0.95, below the target 0.99, for longer than 10 years}.
   *
   * @param f the forecast
   * @return the clause, or empty when the target is reachable
   */
  public Optional<String> formatOutOfReach(RecoveryForecast f) {
    requireNonNull(f, "forecast");
    return f.outOfReach().map(o -> why(f, o));
  }

  private String why(RecoveryForecast f, OutOfReach o) {
    String target = words.decimal(f.targetLevel());
    switch (o.cause()) {
      case SCAR_CEILING:
        return words.format("outOfReach.SCAR_CEILING", words.decimal(o.ceiling()), target, limit(o));
      case DECAY:
      default:
        return words.format("outOfReach.DECAY", terms.format(f.behaviour()), cadence(f.cadence()),
            words.decimal(o.levelReached()), target);
    }
  }

  private String limit(OutOfReach o) {
    switch (o.limit()) {
      case MAX_DROPS:
        return words.format("limit.MAX_DROPS", words.integer(RecoveryForecast.MAX_DROPS),
            words.days(o.lookedAhead().toDays()));
      case END_OF_RANGE:
        return words.format("limit.END_OF_RANGE", words.days(o.lookedAhead().toDays()),
            words.date(EpochMicros.MAX));
      case HORIZON:
      default:
        return words.format("limit.HORIZON", words.integer(RecoveryForecast.HORIZON.toDays() / 365));
    }
  }

  private String target(RecoveryForecast f) {
    return f.targetTier().map(terms::format).orElseGet(() -> words.percent(f.targetLevel()));
  }

  private String drops(int n) {
    return n == 1 ? words.text("drops.one") : words.format("drops.many", words.integer(n));
  }

  private String cadence(Duration d) {
    if (d.toSecondsPart() != 0 || d.toNanosPart() != 0) {
      return words.format("cadence.seconds", words.integer(d.toSeconds()));
    }
    if (d.toMinutesPart() != 0) {
      return unit(d.toMinutes(), "cadence.minute", "cadence.minutes");
    }
    if (d.toHoursPart() != 0) {
      return unit(d.toHours(), "cadence.hour", "cadence.hours");
    }
    return unit(d.toDays(), "cadence.day", "cadence.days");
  }

  private String unit(long n, String one, String many) {
    return n == 1 ? words.text(one) : words.format(many, words.integer(n));
  }
}
