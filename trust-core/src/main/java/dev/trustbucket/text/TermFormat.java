package dev.trustbucket.text;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.Disclosure;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.Behaviours;
import java.util.Locale;

/**
 * The words for the model's terms in one language: a tier ("trusted"), a confidence ("some
 * evidence"), a behaviour ("Delivered on a commitment") and how a drain came to light ("discovered
 * after 9 days").
 *
 * <p>English for every locale but German, which has its own words ({@link #of(Locale)}). A stock
 * behaviour ({@link Behaviours#all()}) is named in the language chosen; a behaviour of your own
 * keeps its own label, whatever the language. Instances are immutable and thread-safe.
 */
public final class TermFormat {
  private final Wording words;

  private TermFormat(Wording words) {
    this.words = words;
  }

  /**
   * The terms in the language of {@code locale}: German for any German locale, English otherwise.
   *
   * @param locale the reader's locale
   * @return the format
   */
  public static TermFormat of(Locale locale) {
    return new TermFormat(Wording.of(locale));
  }

  static TermFormat from(Wording words) {
    return new TermFormat(words);
  }

  /**
   * The locale numbers and dates are formatted for: {@code locale} for English and German ones,
   * English for the rest.
   *
   * @return the locale
   */
  public Locale locale() {
    return words.locale();
  }

  /**
   * Names a tier, e.g. {@code trusted} or {@code vertraut}.
   *
   * @param tier the tier
   * @return its name, in lower case
   */
  public String format(AutonomyTier tier) {
    return words.text("tier." + requireNonNull(tier, "tier").name());
  }

  /**
   * Names a band of evidence, e.g. {@code some evidence}.
   *
   * @param strength the band
   * @return its words
   */
  public String format(Confidence.Strength strength) {
    return words.text("confidence." + requireNonNull(strength, "strength").name());
  }

  /**
   * Names how much evidence backs a level: the words of its {@linkplain Confidence#strength()
   * band}.
   *
   * @param confidence the confidence
   * @return e.g. {@code strong evidence}
   */
  public String format(Confidence confidence) {
    return format(requireNonNull(confidence, "confidence").strength());
  }

  /**
   * Names a behaviour: a stock one in this language, one of your own by its label.
   *
   * @param behaviour the behaviour
   * @return e.g. {@code Delivered on a commitment}
   */
  public String format(Behaviour behaviour) {
    requireNonNull(behaviour, "behaviour");
    String key = "behaviour." + behaviour.id();
    return Behaviours.all().contains(behaviour) && words.has(key) ? words.text(key) : behaviour.label();
  }

  /**
   * Names a way of coming to light without its delay, e.g. {@code self-reported} or {@code
   * discovered}: the words for a group of drains that share it.
   *
   * @param kind the kind of disclosure
   * @return its words
   */
  public String format(Disclosure.Kind kind) {
    return words.text("disclosureKind." + requireNonNull(kind, "kind").name());
  }

  /**
   * Says how a drain came to light, e.g. {@code self-reported} or {@code discovered after 9 days}
   * (the delay in whole days).
   *
   * @param disclosure the disclosure
   * @return its words
   */
  public String format(Disclosure disclosure) {
    requireNonNull(disclosure, "disclosure");
    if (disclosure.isDiscovered()) {
      long days = disclosure.delay().toDays();
      return days == 1
          ? words.text("disclosure.DISCOVERED.one")
          : words.format("disclosure.DISCOVERED.many", words.integer(days));
    }
    return format(disclosure.kind());
  }
}
