package dev.trustbucket.io.golden;

import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.io.TrustCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the golden fixtures of the format version this library writes ({@link TrustCodec#VERSION})
 * into {@code <dir>/v<version>/}: for every policy of {@link GoldenFixturesTest#policies()}, a
 * ledger and its states, each with a {@code .expected} file of the level and tier it gives at
 * fixed instants. Run it once when a format version is added, then commit the files; never
 * regenerate the fixtures of an existing version.
 *
 * <pre>
 * ./mvnw -q -pl trust-core test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.trustbucket.io.golden.GoldenFixtureWriter \
 *   -Dexec.args=trust-core/src/test/resources/golden
 * </pre>
 */
public final class GoldenFixtureWriter {
  private GoldenFixtureWriter() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]).resolve("v" + TrustCodec.VERSION);
    if (Files.exists(dir)) {
      throw new IllegalStateException(dir + " exists: fixtures of a released format are never rewritten");
    }
    Files.createDirectories(dir);
    for (var entry : GoldenFixturesTest.policies().entrySet()) {
      String key = entry.getKey();
      TrustPolicy policy = entry.getValue();
      TrustLedger ledger = GoldenStories.ledger(policy);
      write(dir.resolve("ledger-" + key + ".txt"), TrustCodec.formatLedger(ledger));
      write(dir.resolve("ledger-" + key + ".expected"), expected(ledger.start(), ledger::stateAt));
      int n = 1;
      for (TrustBucket state : GoldenStories.states(policy)) {
        String name = "state-" + key + "-" + n++;
        write(dir.resolve(name + ".txt"), List.of(TrustCodec.formatState(state)));
        write(dir.resolve(name + ".expected"), expected(state.time(), state::at));
      }
    }
  }

  private static List<String> expected(Instant from, java.util.function.Function<Instant, TrustBucket> at) {
    List<String> lines = new ArrayList<>();
    lines.add("# instant\tlevel\ttier (what reading the fixture must give, bit for bit)");
    for (Instant t : GoldenStories.instants(from)) {
      TrustBucket s = at.apply(t);
      lines.add(t + "\t" + s.level() + "\t" + s.tier());
    }
    return lines;
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
