package dev.trustbucket.examples.workshop;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import java.math.BigDecimal;

/**
 * Writes a {@link Scenario} in the scenario file format, so that {@link ScenarioFile#parse(String,
 * String)} reads it back equal: the workshop page's export and {@link ScenarioFile#format} both
 * use it. Stateless and thread-safe.
 */
public final class ScenarioWriter {
  private ScenarioWriter() {}

  /**
   * Writes a scenario in the file format, so that {@link ScenarioFile#parse(String, String)} reads it back
   * equal. Instants are written in full and every event has its weight.
   *
   * @param scenario the story
   * @param policy the policy to name in the file; must be one of the four presets
   * @return the file's text
   * @throws IllegalArgumentException when the policy is not a preset, a discovery delay is not a
   *     whole number of days, or a step's narration is neither its note nor, with no note, its
   *     behaviour's label
   */
  public static String format(Scenario scenario, TrustPolicy policy) {
    if (PolicyPresets.byName(policy.name()).filter(policy::equals).isEmpty()) {
      throw new IllegalArgumentException("policy must be a preset but was " + policy.name());
    }
    StringBuilder out = new StringBuilder();
    out.append("# A Trust Bucket scenario; the format is described in docs/workshop.md.\n");
    out.append("title: ").append(quote(scenario.name())).append('\n');
    out.append("description: ").append(quote(scenario.description())).append('\n');
    out.append("policy: ").append(policy.name()).append('\n');
    out.append("start: ").append(scenario.start()).append('\n');
    out.append("level: ").append(plain(scenario.startingLevel())).append('\n');
    out.append("end: ").append(scenario.end()).append("\n\n");
    for (Scenario.Step step : scenario.steps()) {
      TrustEvent e = step.event();
      out.append(e.time()).append(' ').append(e.behaviour().id()).append(" weight=").append(plain(e.weight()));
      Disclosure d = e.disclosure();
      if (d.kind() == Disclosure.Kind.SELF_REPORTED) {
        out.append(" self-reported");
      } else if (d.isDiscovered()) {
        if (d.delay().toSeconds() % 86_400 != 0) {
          throw new IllegalArgumentException("discovery delay must be whole days but was " + d.delay());
        }
        out.append(" discovered=").append(d.delay().toDays()).append('d');
      }
      if (!e.note().isEmpty() && step.narration().equals(e.note())) {
        out.append(" note=").append(quote(e.note()));
      } else if (!(e.note().isEmpty() && step.narration().equals(e.behaviour().label()))) {
        throw new IllegalArgumentException(
            "a step's narration must be its note, or its behaviour's label when it has no note: " + step);
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Quotes text for a header value or a note: {@code "} and {@code \} are escaped with a
   * backslash.
   *
   * @param text one line of text
   * @return the quoted text
   */
  public static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
