package dev.trustbucket.io.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.io.TrustCodec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compatibility contract: every fixture under {@code src/test/resources/golden/v<N>/}, written
 * by the release that introduced format N, still reads and gives, bit for bit, the level and tier
 * its {@code .expected} file pins at each instant. Adding a format version adds a directory of
 * fixtures ({@link GoldenFixtureWriter}); no fixture is ever edited or deleted.
 */
@DisplayName("Golden fixtures: every stored format version still reads to the same numbers")
class GoldenFixturesTest {

  /** The policies every format version has fixtures for, by the key in the fixtures' file names. */
  static Map<String, TrustPolicy> policies() {
    Map<String, TrustPolicy> policies = new LinkedHashMap<>();
    for (String name : List.of("default", "symmetric", "strict", "forgiving")) {
      policies.put(name, TrustPolicy.preset(name + "@1").orElseThrow());
    }
    policies.put("custom", GoldenStories.custom());
    return policies;
  }

  private static Path root() throws URISyntaxException {
    return Path.of(Objects.requireNonNull(GoldenFixturesTest.class.getResource("/golden")).toURI());
  }

  @Test
  @DisplayName("there are fixtures of every format version, for every policy, ledgers and states")
  void everyVersionHasEveryFixture() throws Exception {
    for (int v = 1; v <= TrustCodec.VERSION; v++) {
      Path dir = root().resolve("v" + v);
      for (String key : policies().keySet()) {
        assertThat(dir.resolve("ledger-" + key + ".txt")).as("v%s %s ledger", v, key).exists();
        assertThat(dir.resolve("state-" + key + "-1.txt")).as("v%s %s state", v, key).exists();
        assertThat(dir.resolve("state-" + key + "-2.txt")).as("v%s %s promoted state", v, key).exists();
      }
    }
  }

  @TestFactory
  @DisplayName("each fixture reads and gives the pinned level and tier at each instant")
  Stream<DynamicTest> everyFixture() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String name = root().relativize(file).toString();
        tests.add(DynamicTest.dynamicTest(name, () -> check(file)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(15 * TrustCodec.VERSION);
    return tests.stream();
  }

  private static void check(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String base = fileName.substring(0, fileName.length() - ".txt".length());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String key = base.split("-")[1];
    TrustPolicy policy = policies().get(key);
    int version = Integer.parseInt(file.getParent().getFileName().toString().substring(1));
    Function<Instant, TrustBucket> at;
    if (base.startsWith("ledger-")) {
      // Formats 1 and 2 name their policy; from format 3 the file holds it, and it wins.
      TrustLedger ledger = version < 3 ? TrustCodec.parseLedger(lines, policy) : TrustCodec.parseLedger(lines);
      assertThat(ledger.size()).isGreaterThan(20);
      assertThat(ledger.policy()).isEqualTo(policy);
      // The whole story, event by event; a format 1 or 2 note with a character the text rule
      // refuses since (a tab) reads in its visible form (GoldenStories.note).
      assertThat(ledger).isEqualTo(GoldenStories.ledger(policy));
      if (version >= 3) {
        assertThat(TrustCodec.parseLedger(lines, TrustPolicy.symmetric())).isEqualTo(ledger);
      }
      at = ledger::stateAt;
    } else {
      assertThat(lines).hasSize(1);
      TrustBucket state =
          version < 3 ? TrustCodec.parseState(lines.get(0), policy) : TrustCodec.parseState(lines.get(0));
      assertThat(state.policy()).isEqualTo(policy);
      if (version >= 3) {
        assertThat(TrustCodec.parseState(lines.get(0), TrustPolicy.symmetric())).isEqualTo(state);
      }
      at = state::at;
    }
    List<String> expected = Files.readAllLines(file.resolveSibling(base + ".expected"), StandardCharsets.UTF_8);
    assertThat(expected).hasSizeGreaterThan(2);
    for (String line : expected.subList(1, expected.size())) {
      String[] f = line.split("\t");
      TrustBucket s = at.apply(Instant.parse(f[0]));
      assertThat(s.level()).as("%s: level at %s", file, f[0]).isEqualTo(Double.parseDouble(f[1]));
      assertThat(s.tier()).as("%s: tier at %s", file, f[0]).isEqualTo(AutonomyTier.valueOf(f[2]));
    }
  }
}
