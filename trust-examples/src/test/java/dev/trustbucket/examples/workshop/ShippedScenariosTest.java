package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario files in the repository's scenarios/ directory, and the charts made from them in docs/images. */
class ShippedScenariosTest {
  /** The repository root: tests run in trust-examples/. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path SCENARIOS = ROOT.resolve("scenarios");
  private static final Path IMAGES = ROOT.resolve("docs").resolve("images");

  static final List<String> PITFALLS = List.of(
      "over-promising.txt", "avoiding-tough-conversations.txt", "hidden-mistake.txt",
      "inconsistent-communication.txt", "defensive-to-feedback.txt");
  static final List<String> REBUILDING = List.of(
      "acknowledge-the-problem.txt", "transparent-updates.txt", "small-wins.txt", "realistic-boundaries.txt",
      "patience-and-consistency.txt");
  static final List<String> OTHERS = List.of("essay.txt", "self-reported-mistake.txt", "yes-to-everything.txt");

  private static List<Path> files() throws Exception {
    try (Stream<Path> list = Files.list(SCENARIOS)) {
      return list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
  }

  @Test
  void shipsTheEssaysStoryEveryPitfallEveryRebuildingStepAndTheComparePairs() throws Exception {
    assertThat(files()).extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(Stream.of(PITFALLS, REBUILDING, OTHERS).flatMap(List::stream).toList());
  }

  @Test
  void everyFileParsesAndRunsUnderEveryPreset() throws Exception {
    for (Path p : files()) {
      ScenarioFile f = ScenarioFile.read(p);
      assertThat(f.scenario().steps()).as(p.toString()).isNotEmpty();
      assertThat(f.run().weeks()).as(p.toString()).isNotEmpty();
      for (TrustPolicy policy : PolicyPresets.ALL) {
        assertThat(f.run(policy).last().level()).as(p + " under " + policy.name()).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void everyFileSaysInItsHeaderHowToRunItAndWhatTheFormatIs() throws Exception {
    for (Path p : files()) {
      String text = Files.readString(p);
      assertThat(text).as(p.toString())
          .startsWith("# Trust Bucket scenario: ")
          .contains("-Dexec.args=\"run scenarios/" + p.getFileName() + "\"")
          .contains("docs/workshop.md")
          .contains("every 7d from DATE to DATE");
      assertThat(text).as(p.toString()).containsPattern("(?m)^title: ").containsPattern("(?m)^description: ");
    }
  }

  @Test
  void theEssayFileIsTheJavaStoryEventForEvent() {
    ScenarioFile file = ScenarioFile.read(SCENARIOS.resolve("essay.txt"));
    assertThat(file.scenario()).isEqualTo(EssayStory.scenario());
    assertThat(file.policy()).isEqualTo(TrustPolicy.defaults());
    Timeline fromFile = file.run();
    Timeline fromJava = ScenarioRunner.of(TrustPolicy.defaults()).run(EssayStory.scenario());
    assertThat(fromFile).isEqualTo(fromJava);
    assertThat(Workshop.report(fromFile)).isEqualTo(Workshop.report(fromJava));
  }

  @Test
  void hidingCostsMoreThanOwningTheSameMistake() {
    Timeline hidden = ScenarioFile.read(SCENARIOS.resolve("hidden-mistake.txt")).run();
    Timeline owned = ScenarioFile.read(SCENARIOS.resolve("self-reported-mistake.txt")).run();
    assertThat(hidden.lowest().level()).isLessThan(owned.lowest().level() - 0.2);
    assertThat(hidden.last().level()).isLessThan(owned.last().level() - 0.2);
    assertThat(hidden.last().bucket().scar()).isPositive();
    assertThat(owned.last().bucket().scar()).isZero();
    assertThat(owned.last().tier()).isEqualTo(AutonomyTier.TRUSTED);
    assertThat(hidden.last().tier()).isEqualTo(AutonomyTier.SUPERVISED);
  }

  @Test
  void boundariesBeatSayingYesToEverything() {
    Timeline yes = ScenarioFile.read(SCENARIOS.resolve("yes-to-everything.txt")).run();
    Timeline boundaries = ScenarioFile.read(SCENARIOS.resolve("realistic-boundaries.txt")).run();
    assertThat(boundaries.scenario().start()).isEqualTo(yes.scenario().start());
    assertThat(boundaries.scenario().startingLevel()).isEqualTo(yes.scenario().startingLevel());
    assertThat(boundaries.weeks()).allMatch(w -> w.tier() == AutonomyTier.TRUSTED);
    assertThat(yes.last().tier()).isEqualTo(AutonomyTier.MICROMANAGED);
  }

  @Test
  void eachRebuildingStepStartsFromTheSameBadJanuaryAndGetsBackToTrusted() {
    for (String name : List.of("acknowledge-the-problem.txt", "transparent-updates.txt", "small-wins.txt")) {
      Timeline t = ScenarioFile.read(SCENARIOS.resolve(name)).run();
      assertThat(t.lowest().tier()).as(name).isEqualTo(AutonomyTier.MICROMANAGED);
      assertThat(t.firstWeekAtOrAbove(AutonomyTier.TRUSTED, t.lowest().number())).as(name).isPresent();
    }
    Timeline patience = ScenarioFile.read(SCENARIOS.resolve("patience-and-consistency.txt")).run();
    assertThat(patience.last().level()).isLessThan(patience.initial().level());
  }

  @Test
  void theChartsInDocsImagesAreUpToDate(@TempDir Path out) throws Exception {
    WorkshopCliTest.Result r = WorkshopCliTest.run("docs", "--scenarios", SCENARIOS.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<Path> generated;
    try (Stream<Path> list = Files.list(out)) {
      generated = list.sorted().toList();
    }
    List<Path> committed;
    try (Stream<Path> list = Files.list(IMAGES)) {
      committed = list.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
    }
    assertThat(committed).extracting(p -> p.getFileName().toString())
        .as("docs/images holds exactly the charts that docs/images/regenerate makes")
        .containsExactlyElementsOf(generated.stream().map(p -> p.getFileName().toString()).toList());
    for (Path g : generated) {
      assertThat(Files.readAllBytes(IMAGES.resolve(g.getFileName().toString())))
          .as("%s is stale: run docs/images/regenerate", g.getFileName())
          .isEqualTo(Files.readAllBytes(g));
    }
  }

  @Test
  void everyCommandTheDocsAndScenarioFilesGiveRuns() throws Exception {
    java.util.regex.Pattern command = java.util.regex.Pattern.compile("-Dexec\\.args=\"([^\"]+)\"");
    List<Path> sources = new java.util.ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/workshop.md")));
    sources.addAll(files());
    int count = 0;
    for (Path source : sources) {
      // Commands that name another program with -Dexec.mainClass (the review tool) are not ours.
      String text = Files.readString(source).replaceAll("(?m)^.*-Dexec\\.mainClass=.*$", "");
      java.util.regex.Matcher m = command.matcher(text);
      while (m.find()) {
        List<String> args = new java.util.ArrayList<>();
        for (String a : m.group(1).trim().split(" +")) {
          args.add(a.startsWith("scenarios/") ? ROOT.resolve(a).toString() : a);
        }
        if (List.of("story", "run", "compare").contains(args.get(0))) {
          args.add("--no-svg");
        }
        WorkshopCliTest.Result r = WorkshopCliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as("%s in %s: %s", m.group(1), source.getFileName(), r.err()).isZero();
        count++;
      }
    }
    assertThat(count).isGreaterThan(30);
  }
}
