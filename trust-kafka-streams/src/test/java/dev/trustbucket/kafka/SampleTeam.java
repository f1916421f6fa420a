package dev.trustbucket.kafka;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.io.EventRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The review tool's sample team (trust-examples), read as events in file order. */
final class SampleTeam {
  static final String FILE = "trust-examples/src/main/resources/review/sample-team.csv";

  record Keyed(Relationship relationship, TrustEvent event) {}

  private SampleTeam() {}

  /** Finds the file from the working directory or one of its parents (the module or the repository). */
  static Path file() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path f = d.resolve(FILE);
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new IllegalStateException("cannot find " + FILE + " from " + dir);
  }

  static List<Keyed> events(TrustPolicy policy) throws IOException {
    List<Keyed> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        TrustEvent defaults = TrustEvent.of(policy.catalogue().byId(r.get("behaviour")),
            java.time.Instant.parse(r.get("time")));
        EventRecord record = new EventRecord(r.get("time"), r.get("behaviour"),
            r.get("weight").isEmpty() ? defaults.weight() : Double.parseDouble(r.get("weight")),
            r.get("disclosure").isEmpty() ? "not-recorded" : r.get("disclosure"),
            r.get("delay").isEmpty() ? "PT0S" : r.get("delay"), r.get("note"));
        out.add(new Keyed(Relationship.of(r.get("employee"), r.get("manager")), record.toEvent(policy.catalogue())));
      }
    }
    return out;
  }
}
