package dev.trustbucket.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.Confidence;
import dev.trustbucket.Disclosure;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviours;
import dev.trustbucket.forecast.OutOfReach;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Messages bundles: English and German are both complete")
class MessagesBundleTest {

  private static Properties load(String file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesBundleTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static Set<String> keys(Properties p) {
    return new TreeSet<>(p.stringPropertyNames());
  }

  @Test
  @DisplayName("every key of either bundle is in the other, with a non-blank value")
  void sameKeys() throws IOException {
    Properties en = load("Messages.properties");
    Properties de = load("Messages_de.properties");

    assertThat(keys(de)).as("keys missing from Messages_de.properties").containsAll(keys(en));
    assertThat(keys(en)).as("keys missing from Messages.properties").containsAll(keys(de));
    for (Properties p : new Properties[] {en, de}) {
      for (String k : keys(p)) {
        assertThat(p.getProperty(k)).as(k).isNotBlank();
        // Each is a valid MessageFormat pattern with the same arguments in both languages.
        new MessageFormat(p.getProperty(k));
      }
    }
    for (String k : keys(en)) {
      assertThat(arguments(de.getProperty(k))).as(k).isEqualTo(arguments(en.getProperty(k)));
    }
  }

  private static Set<String> arguments(String pattern) {
    Set<String> out = new TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)").matcher(pattern);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  @DisplayName("every kind the model returns has its words: tiers, confidence bands, disclosures, causes, limits, stock behaviours")
  void everyKindHasItsWords() throws IOException {
    for (String file : new String[] {"Messages.properties", "Messages_de.properties"}) {
      Set<String> keys = keys(load(file));
      for (AutonomyTier t : AutonomyTier.values()) {
        assertThat(keys).as(file).contains("tier." + t.name());
      }
      for (Confidence.Strength s : Confidence.Strength.values()) {
        assertThat(keys).as(file).contains("confidence." + s.name());
      }
      for (Disclosure.Kind k : Disclosure.Kind.values()) {
        assertThat(keys).as(file).contains("disclosureKind." + k.name());
      }
      for (OutOfReach.Cause c : OutOfReach.Cause.values()) {
        assertThat(keys).as(file).contains("outOfReach." + c.name());
      }
      for (OutOfReach.Limit l : OutOfReach.Limit.values()) {
        assertThat(keys).as(file).contains("limit." + l.name());
      }
      for (Behaviour b : BehaviourCatalogue.defaults().all()) {
        assertThat(keys).as(file).contains("behaviour." + b.id());
      }
    }
  }

  @Test
  @DisplayName("the English names of the stock behaviours are their labels")
  void englishBehavioursAreTheLabels() {
    TermFormat english = TermFormat.of(Locale.ENGLISH);
    for (Behaviour b : BehaviourCatalogue.defaults().all()) {
      assertThat(english.format(b)).isEqualTo(b.label());
    }
  }

  @Test
  @DisplayName("German names every stock behaviour in German; a behaviour of one's own keeps its label")
  void germanBehaviours() {
    TermFormat german = TermFormat.of(Locale.GERMAN);
    assertThat(german.format(Behaviours.DELIVERED_ON_COMMITMENT)).isEqualTo("Zusage eingehalten");
    for (Behaviour b : BehaviourCatalogue.defaults().all()) {
      assertThat(german.format(b)).as(b.id()).isNotEqualTo(b.label());
    }
    Behaviour own = Behaviour.drop("shipped-a-demo", dev.trustbucket.behaviour.Dimension.ABILITY, 1.0, "Shipped a demo");
    assertThat(german.format(own)).isEqualTo("Shipped a demo");
    // A behaviour of one's own that borrows a stock id is still shown by its own label.
    Behaviour borrowed = Behaviour.drop("small-win", dev.trustbucket.behaviour.Dimension.ABILITY, 0.5, "Tiny win");
    assertThat(german.format(borrowed)).isEqualTo("Tiny win");
  }
}
