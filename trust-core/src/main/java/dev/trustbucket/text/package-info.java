/**
 * Trust in words: {@link dev.trustbucket.text.ExplanationFormat} writes an explanation, {@link
 * dev.trustbucket.text.ForecastFormat} a recovery forecast, and {@link
 * dev.trustbucket.text.TermFormat} the model's terms (tiers, confidence, behaviours, disclosure).
 *
 * <p>The rest of the library returns numbers and kinds; this package is the one place that turns
 * them into text. Its words come from the resource bundle {@code dev/trustbucket/text/Messages},
 * complete in English (the default for every locale) and German, chosen by a {@link
 * java.util.Locale} argument, never by the JVM's default locale. Numbers and dates are formatted
 * for the locale.
 */
@NullMarked
package dev.trustbucket.text;

import org.jspecify.annotations.NullMarked;
