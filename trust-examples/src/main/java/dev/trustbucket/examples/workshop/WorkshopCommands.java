package dev.trustbucket.examples.workshop;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The subcommands of {@link Workshop}. */
final class WorkshopCommands {
  private WorkshopCommands() {}

  /** Turns a preset's name into the policy; anything else is a usage error. */
  static final class PolicyConverter implements CommandLine.ITypeConverter<TrustPolicy> {
    @Override
    public TrustPolicy convert(String value) {
      return PolicyPresets.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "unknown policy '" + value + "'; the policies are " + PolicyPresets.names()));
    }
  }

  /** Where the SVG chart goes. */
  static final class ChartOptions {
    @Option(names = "--svg", paramLabel = "PATH",
        description = "Write the SVG chart here (default: ${sys:" + Workshop.OUTPUT_PROPERTY
            + ":-target/workshop}/NAME.svg).")
    Path svg;

    @Option(names = "--no-svg", description = "Do not write an SVG chart.")
    boolean noSvg;

    /** Writes the chart unless --no-svg, and prints where to. */
    void write(PrintWriter out, String defaultName, String svgText) throws IOException {
      if (noSvg) {
        return;
      }
      Path path = svg != null ? svg : outputDirectory().resolve(defaultName);
      Path written = writeFile(path, svgText);
      out.println();
      out.println("SVG chart written to " + written);
    }
  }

  /** The directory charts go to without --svg. */
  static Path outputDirectory() {
    return Path.of(System.getProperty(Workshop.OUTPUT_PROPERTY, "target/workshop"));
  }

  /** Writes UTF-8 text, creating the parent directories, and returns the absolute path. */
  static Path writeFile(Path path, String text) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.write(absolute, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IOException("cannot write " + path + ": " + e, e);
    }
    return absolute;
  }

  private static String baseName(Path file) {
    String name = file.getFileName() == null ? "scenario" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  // ---- story ----

  @Command(
      name = "story",
      mixinStandardHelpOptions = true,
      description = {
        "Plays the essay's story week by week, with charts.",
        "Prints a table, a terminal chart and the lessons, and writes an SVG chart (story.svg)."
      })
  static final class Story implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--policy", paramLabel = "NAME", converter = PolicyConverter.class,
        description = "The policy: default, symmetric, strict or forgiving (default: default).")
    TrustPolicy policy = TrustPolicy.defaults();

    @Mixin ChartOptions chart = new ChartOptions();

    @Override
    public Integer call() throws IOException {
      Timeline timeline = ScenarioRunner.of(policy).run(EssayStory.scenario());
      PrintWriter out = spec.commandLine().getOut();
      out.print(Workshop.report(timeline));
      chart.write(out, policy.equals(TrustPolicy.defaults()) ? "story.svg" : "story-" + policy.name() + ".svg",
          SvgChart.render(timeline));
      out.flush();
      return 0;
    }
  }

  // ---- run ----

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Plays a scenario file week by week, with charts.",
        "Prints a table, a terminal chart and the lessons, and writes an SVG chart named after FILE."
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A scenario file, e.g. scenarios/hidden-mistake.txt.")
    Path file;

    @Option(names = "--policy", paramLabel = "NAME", converter = PolicyConverter.class,
        description = "Run under this policy instead of the file's own.")
    TrustPolicy policy;

    @Mixin ChartOptions chart = new ChartOptions();

    @Override
    public Integer call() throws IOException {
      ScenarioFile scenario = ScenarioFile.read(file);
      Timeline timeline = policy == null ? scenario.run() : scenario.run(policy);
      PrintWriter out = spec.commandLine().getOut();
      out.print(Workshop.report(timeline));
      chart.write(out, baseName(file) + (policy == null ? "" : "-" + policy.name()) + ".svg",
          SvgChart.render(timeline));
      out.flush();
      return 0;
    }
  }

  // ---- compare ----

  @Command(
      name = "compare",
      mixinStandardHelpOptions = true,
      description = {
        "Compares two runs of a scenario on one chart.",
        "Either one scenario under two policies:",
        "  compare FILE --policy default --policy symmetric",
        "or two scenario files under their own policies (or under --policy):",
        "  compare FILE_A FILE_B"
      })
  static final class Compare implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "FILE", description = "One or two scenario files.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "NAME", converter = PolicyConverter.class,
        description = "Twice with one file; at most once with two files.")
    List<TrustPolicy> policies = new ArrayList<>();

    @Mixin ChartOptions chart = new ChartOptions();

    @Override
    public Integer call() throws IOException {
      String usage;
      if (files.size() > 2) {
        usage = "give one file and two policies, or two files";
      } else if (files.size() == 1 && policies.size() != 2) {
        usage = "with one file, give two policies: compare FILE --policy default --policy symmetric";
      } else if (files.size() == 2 && policies.size() > 1) {
        usage = "with two files, give at most one --policy: compare FILE_A FILE_B [--policy NAME]";
      } else {
        usage = null;
      }
      if (usage != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), usage);
      }
      Comparison comparison;
      String subtitle;
      String name;
      if (files.size() == 1) {
        ScenarioFile scenario = ScenarioFile.read(files.get(0));
        scenario.checkRunsUnder(policies.get(0)).checkRunsUnder(policies.get(1));
        comparison = new Comparison(
            new SvgChart.Series("policy \"" + policies.get(0).name() + "\"", scenario.run(policies.get(0))),
            new SvgChart.Series("policy \"" + policies.get(1).name() + "\"", scenario.run(policies.get(1))));
        subtitle = scenario.scenario().name() + ": " + scenario.scenario().description();
        name = "compare-" + baseName(files.get(0)) + "-" + policies.get(0).name() + "-vs-" + policies.get(1).name();
      } else {
        // Read and check both files before running either.
        ScenarioFile a = ScenarioFile.read(files.get(0));
        ScenarioFile b = ScenarioFile.read(files.get(1));
        TrustPolicy override = policies.isEmpty() ? null : policies.get(0);
        TrustPolicy pa = override != null ? override : a.policy();
        TrustPolicy pb = override != null ? override : b.policy();
        a.checkRunsUnder(pa);
        b.checkRunsUnder(pb);
        boolean sameTitle = a.scenario().name().equals(b.scenario().name());
        comparison = new Comparison(
            new SvgChart.Series(sameTitle ? files.get(0).toString() : a.scenario().name(), a.run(pa)),
            new SvgChart.Series(sameTitle ? files.get(1).toString() : b.scenario().name(), b.run(pb)));
        subtitle = pa.equals(pb) ? "Both under policy \"" + pa.name() + "\"."
            : "Under policies \"" + pa.name() + "\" and \"" + pb.name() + "\".";
        name = "compare-" + baseName(files.get(0)) + "-vs-" + baseName(files.get(1));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(comparison.report());
      chart.write(out, name + ".svg", render(comparison, subtitle));
      out.flush();
      return 0;
    }
  }

  static String render(Comparison c, String subtitle) {
    return SvgChart.render(c.title(), subtitle, List.of(c.first(), c.second()));
  }

  // ---- behaviours and policies ----

  @Command(name = "behaviours", aliases = "behaviors", mixinStandardHelpOptions = true,
      description = "Lists the behaviours a scenario file can use, with their default weights.")
  static final class ListBehaviours implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      BehaviourCatalogue catalogue = BehaviourCatalogue.defaults();
      String format = "%-32s  %-5s  %-13s  %6s  %s%n";
      out.printf(Locale.ROOT, format, "id", "kind", "dimension", "weight", "label");
      out.printf(Locale.ROOT, format, "-".repeat(32), "-----", "-------------", "------", "-----");
      for (Behaviour b : catalogue.all()) {
        out.printf(Locale.ROOT, format, b.id(), b.isDrop() ? "drop" : "drain",
            b.dimension().name().toLowerCase(Locale.ROOT), Percent.plain(b.defaultWeight()), Terms.format(b));
      }
      out.println();
      out.println("A weight of 1 is an ordinary occurrence; weight=... on an event line overrides it.");
      out.println("Drains of the integrity dimension, drains of weight 2 or more and discovered drains are breaches.");
      out.flush();
      return 0;
    }
  }

  @Command(name = "policies", mixinStandardHelpOptions = true,
      description = "Lists the policy presets with their key numbers.")
  static final class ListPolicies implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<TrustPolicy> all = PolicyPresets.ALL;
      row(out, "setting", all, TrustPolicy::name);
      row(out, "-".repeat(38), all, p -> "-".repeat(10));
      row(out, "start level (baseline)", all, p -> Percent.exact(p.baseline()));
      row(out, "ordinary drop fills, of the room left", all, p -> Percent.exact(p.rates().gainRate()));
      row(out, "ordinary drain empties, of the level", all, p -> Percent.exact(p.rates().lossRate()));
      row(out, "drain / drop at the baseline", all, p -> Percent.plain(round(p.rates().ratio())));
      row(out, "integrity drains weigh", all, p -> "x" + Percent.plain(p.drainMultipliers().integrityMultiplier()));
      row(out, "major drain (a breach) from weight", all, p -> Percent.plain(p.breachRules().majorSeverity()));
      row(out, "scar rate", all, p -> Percent.plain(p.breachRules().scarRate()));
      row(out, "deepest scar", all, p -> Percent.exact(p.breachRules().maxScar()));
      row(out, "self-reported drain weighs", all, p -> "x" + Percent.plain(p.drainMultipliers().selfReportedMultiplier()));
      row(out, "discovered drain weighs", all, p -> "x" + Percent.plain(p.drainMultipliers().discoveredMultiplier())
          + (p.drainMultipliers().discoveredMultiplierLimit() == p.drainMultipliers().discoveredMultiplier()
              ? "" : "-" + Percent.plain(p.drainMultipliers().discoveredMultiplierLimit())));
      row(out, "memory half-life", all, p -> p.decay().halfLife().toDays() + " days");
      row(out, "scar half-life", all, p -> p.scarDecay().halfLife().toDays() + " days");
      row(out, Terms.format(AutonomyTier.SUPERVISED) + " from", all, p -> Percent.exact(p.ladder().supervised()));
      row(out, Terms.format(AutonomyTier.TRUSTED) + " from", all, p -> Percent.exact(p.ladder().trusted()));
      row(out, Terms.format(AutonomyTier.AUTONOMOUS) + " from", all, p -> Percent.exact(p.ladder().autonomous()));
      row(out, "hysteresis band", all, p -> Percent.plain(p.ladder().hysteresisBand() * 100) + " points");
      row(out, "minimum stay after a promotion", all, p -> p.ladder().minimumStay().toDays() + " days");
      out.println();
      out.println("Use one with --policy NAME, or \"policy: NAME\" in a scenario file. docs/policy.md gives the sources.");
      out.flush();
      return 0;
    }

    private static void row(PrintWriter out, String label, List<TrustPolicy> all, Function<TrustPolicy, String> cell) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-38s", label));
      for (TrustPolicy p : all) {
        line.append(String.format(Locale.ROOT, "  %-10s", cell.apply(p)));
      }
      out.println(line.toString().stripTrailing());
    }

    private static double round(double x) {
      return Math.round(x * 100) / 100.0;
    }
  }

  // ---- docs ----

  /** The comparisons the facilitator's guide shows: file A, file B (or null), policies, image name. */
  record DocComparison(String fileA, String fileB, List<String> policies, String image) {}

  static final List<DocComparison> DOC_COMPARISONS = List.of(
      new DocComparison("hidden-mistake.txt", "self-reported-mistake.txt", List.of(), "compare-hidden-vs-self-reported.svg"),
      new DocComparison("yes-to-everything.txt", "realistic-boundaries.txt", List.of(), "compare-yes-vs-boundaries.svg"),
      new DocComparison("essay.txt", null, List.of("default", "symmetric"), "compare-essay-default-vs-symmetric.svg"));

  @Command(name = "docs", mixinStandardHelpOptions = true,
      description = {
        "Regenerates the charts of docs/workshop.md.",
        "Writes one SVG per scenario file and one per comparison of the guide. Run it from the",
        "repository root; the output is the same, byte for byte, on every run."
      })
  static final class Docs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "The scenario files (default: scenarios).")
    Path scenarios = Path.of("scenarios");

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the charts (default: docs/images).")
    Path outDir = Path.of("docs", "images");

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(scenarios)) {
        throw new IOException("no directory " + scenarios.toAbsolutePath().normalize()
            + " (run this from the repository root, or give --scenarios DIR)");
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(scenarios)) {
        files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
      }
      // Read and check everything before writing anything.
      List<ScenarioFile> parsed = new ArrayList<>();
      for (Path f : files) {
        parsed.add(ScenarioFile.read(f));
      }
      List<String[]> outputs = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        outputs.add(new String[] {baseName(files.get(i)) + ".svg", SvgChart.render(parsed.get(i).run())});
      }
      for (DocComparison c : DOC_COMPARISONS) {
        ScenarioFile a = ScenarioFile.read(scenarios.resolve(c.fileA()));
        Comparison comparison;
        String subtitle;
        if (c.fileB() == null) {
          TrustPolicy p1 = PolicyPresets.byName(c.policies().get(0)).orElseThrow();
          TrustPolicy p2 = PolicyPresets.byName(c.policies().get(1)).orElseThrow();
          comparison = new Comparison(
              new SvgChart.Series("policy \"" + p1.name() + "\"", a.run(p1)),
              new SvgChart.Series("policy \"" + p2.name() + "\"", a.run(p2)));
          subtitle = a.scenario().name() + ": " + a.scenario().description();
        } else {
          ScenarioFile b = ScenarioFile.read(scenarios.resolve(c.fileB()));
          comparison = new Comparison(
              new SvgChart.Series(a.scenario().name(), a.run()),
              new SvgChart.Series(b.scenario().name(), b.run()));
          subtitle = a.policy().equals(b.policy()) ? "Both under policy \"" + a.policy().name() + "\"."
              : "Under policies \"" + a.policy().name() + "\" and \"" + b.policy().name() + "\".";
        }
        outputs.add(new String[] {c.image(), render(comparison, subtitle)});
      }
      PrintWriter out = spec.commandLine().getOut();
      for (String[] o : outputs) {
        Path target = outDir.resolve(o[0]);
        writeFile(target, o[1]);
        out.println("wrote " + target.toString().replace('\\', '/'));
      }
      out.flush();
      return 0;
    }
  }
}
