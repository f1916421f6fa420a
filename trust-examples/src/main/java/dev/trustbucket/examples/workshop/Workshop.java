package dev.trustbucket.examples.workshop;

import dev.trustbucket.AutonomyLadder;
import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The workshop program: plays the essay's story, scenario files a facilitator writes, and
 * comparisons, as week-by-week tables, terminal charts, SVG charts and a few lessons.
 *
 * <p>Run it from the repository root with {@code ./mvnw -q -pl trust-examples -am compile
 * exec:java}, which plays the essay's story ({@code story}); {@code -Dexec.args="run
 * scenarios/hidden-mistake.txt"} runs another subcommand. {@code docs/workshop.md} is the
 * facilitator's guide. The text output is plain ASCII and the same on every run.
 *
 * <p>Exit codes: 0 on success, 1 when a scenario file is invalid or a file cannot be read or
 * written, 2 for a usage error (an unknown subcommand, option or policy).
 */
@Command(
    name = "workshop",
    mixinStandardHelpOptions = true,
    version = "Trust Bucket workshop 0.1.0-SNAPSHOT",
    description = {
      "Plays trust-bucket scenarios: the essay's story, scenario files and comparisons,",
      "as tables, terminal charts and SVG charts.",
      "",
      "With Maven, from the repository root, add the subcommand to",
      "./mvnw -q -pl trust-examples -am compile exec:java, such as:",
      "  -Dexec.args=\"run scenarios/hidden-mistake.txt\"",
    },
    subcommands = {
      WorkshopCommands.Story.class,
      WorkshopCommands.Run.class,
      WorkshopCommands.Compare.class,
      WorkshopCommands.ListBehaviours.class,
      WorkshopCommands.ListPolicies.class,
      WorkshopCommands.Docs.class,
      CommandLine.HelpCommand.class,
    },
    footer = {"", "docs/workshop.md describes the scenario file format and the workshop exercises."})
public final class Workshop implements Callable<Integer> {
  /**
   * The system property naming the directory charts are written to when no {@code --svg} is
   * given; the Maven build sets it to {@code trust-examples/target/workshop}. Without it, charts
   * go to {@code target/workshop} under the working directory.
   */
  public static final String OUTPUT_PROPERTY = "trustbucket.workshop.out";

  @Spec CommandSpec spec;

  /**
   * Runs the program and exits with its exit code when that is not 0.
   *
   * @param args a subcommand and its arguments, e.g. {@code run scenarios/hidden-mistake.txt}
   */
  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Returns the program's command line, ready to {@link CommandLine#execute execute}: invalid
   * scenario files and I/O errors print one message per problem to the error stream and give exit
   * code 1; usage errors give 2.
   *
   * @return a new command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Workshop());
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      String message;
      if (ex instanceof ScenarioFormatException) {
        message = ex.getMessage();
      } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
        Throwable io = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        message = io.getMessage() == null ? io.toString() : io.getMessage();
      } else {
        throw ex;
      }
      PrintWriter err = cmd.getErr();
      message.lines().forEach(l -> err.println("error: " + l));
      err.flush();
      return 1;
    });
    return cl;
  }

  /** With no subcommand: a usage error that lists the subcommands. */
  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: story, run, compare, behaviours, policies, docs or help");
  }

  /**
   * Returns the full report for a timeline: title, policy, the week-by-week table, the chart and
   * the lessons.
   *
   * @param timeline a played scenario
   * @return the report, lines separated by {@code '\n'}
   */
  public static String report(Timeline timeline) {
    StringBuilder out = new StringBuilder();
    String title = "TRUST BUCKET: \"" + timeline.scenario().name() + "\", week by week";
    out.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
    out.append(timeline.scenario().description()).append('\n');
    out.append("Trust is built in drops and lost in buckets.\n\n");
    out.append(describe(timeline.policy())).append('\n');
    out.append(table(timeline)).append('\n');
    out.append("The level at the end of each week\n\n");
    out.append(TerminalChart.standard().render(timeline));
    out.append("      *: level   .....: tier threshold   x: week with a drain   +: week with drops only\n\n");
    out.append(lessons(timeline));
    return out.toString();
  }

  /**
   * Describes a policy's numbers in a few lines.
   *
   * @param policy any policy
   * @return the description, ending with a line break
   */
  static String describe(TrustPolicy policy) {
    AutonomyLadder ladder = policy.ladder();
    return String.format(
        Locale.ROOT,
        "Policy \"%s\":\n"
            + "  starts at %s; an ordinary drop fills %s of the room left, an ordinary drain empties %s"
            + " of what is there;\n"
            + "  integrity drains weigh x%s; breaches scar at rate %s (deepest scar %s);\n"
            + "  memory half-life %d days, scar half-life %d days;\n"
            + "  tiers: %s from %s, %s from %s, %s from %s"
            + " (hysteresis %s points, minimum stay %d days).\n",
        policy.name(),
        Percent.exact(policy.baseline()),
        Percent.exact(policy.rates().gainRate()),
        Percent.exact(policy.rates().lossRate()),
        Percent.plain(policy.drainMultipliers().integrityMultiplier()),
        Percent.plain(policy.breachRules().scarRate()),
        Percent.exact(policy.breachRules().maxScar()),
        policy.decay().halfLife().toDays(),
        policy.scarDecay().halfLife().toDays(),
        Terms.format(AutonomyTier.SUPERVISED),
        Percent.exact(ladder.supervised()),
        Terms.format(AutonomyTier.TRUSTED),
        Percent.exact(ladder.trusted()),
        Terms.format(AutonomyTier.AUTONOMOUS),
        Percent.exact(ladder.autonomous()),
        Percent.plain(ladder.hysteresisBand() * 100),
        ladder.minimumStay().toDays());
  }

  static String table(Timeline timeline) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        Locale.ROOT,
        "Start %s: %s %s\n\n",
        timeline.weeks().get(0).start(),
        Percent.of(timeline.initial().level()),
        Terms.format(timeline.initial().tier())));
    String header = String.format(
        Locale.ROOT, "%4s  %-10s  %7s  %-12s  %6s  %s", "Week", "Week of", "Level", "Tier", "Change", "Event: what happened");
    out.append(header).append('\n');
    out.append(String.format(
        Locale.ROOT, "%4s  %-10s  %7s  %-12s  %6s  %s",
        "----", "----------", "-------", "------------", "------", "--------------------")).append('\n');
    for (Timeline.Week w : timeline.weeks()) {
      String row = String.format(
          Locale.ROOT, "%4d  %-10s  %7s  %-12s", w.number(), w.start(), Percent.of(w.level()), Terms.format(w.tier()));
      if (w.steps().isEmpty()) {
        out.append(row.stripTrailing()).append('\n');
        continue;
      }
      String indent = " ".repeat(row.length());
      boolean first = true;
      for (Timeline.StepResult s : w.steps()) {
        out.append(first ? row : indent)
            .append(String.format(Locale.ROOT, "  %6s  ", Percent.signedPoints(s.change())))
            .append(Terms.format(s.step().event().behaviour()))
            .append(": ")
            .append(s.step().narration())
            .append('\n');
        first = false;
      }
    }
    return out.toString();
  }

  static String lessons(Timeline timeline) {
    StringBuilder out = new StringBuilder("What the bucket shows\n---------------------\n");
    Timeline.Week lowest = timeline.lowest();
    Timeline.Week last = timeline.last();
    double start = timeline.initial().level();
    line(out, "Started at %s, %s.", Percent.of(start), Terms.format(timeline.initial().tier()));

    Optional<Timeline.Week> firstDrain =
        timeline.weeks().stream().filter(Timeline.Week::hasDrain).findFirst();
    line(out, "Lowest point: %s, %s, at the end of week %d (week of %s).",
        Percent.of(lowest.level()), Terms.format(lowest.tier()), lowest.number(), lowest.start());
    if (firstDrain.isPresent() && firstDrain.get().number() <= lowest.number()) {
      Timeline.Week from = firstDrain.get();
      double before = from.number() == 1
          ? start : timeline.weeks().get(from.number() - 2).level();
      long drains = timeline.weeks().stream()
          .filter(w -> w.number() >= from.number() && w.number() <= lowest.number())
          .flatMap(w -> w.steps().stream())
          .filter(s -> !s.step().event().isDrop())
          .count();
      int span = lowest.number() - from.number() + 1;
      line(out, "  Lost in buckets: %s in %s took it from %s to %s, %s points in %s.",
          count(drains, "drain"),
          span == 1 ? "week " + from.number() : "weeks " + from.number() + " to " + lowest.number(),
          Percent.of(before), Percent.of(lowest.level()), Percent.points(before - lowest.level()), count(span, "week"));
    }
    timeline.firstWeekBelow(AutonomyTier.TRUSTED, 0).ifPresent(w ->
        line(out, "Fell below %s in week %d (week of %s).", Terms.format(AutonomyTier.TRUSTED), w.number(), w.start()));

    for (AutonomyTier tier : new AutonomyTier[] {AutonomyTier.TRUSTED, AutonomyTier.AUTONOMOUS}) {
      boolean hadIt = timeline.initial().tier().compareTo(tier) >= 0
          || timeline.weeks().stream().anyMatch(w -> w.number() < lowest.number() && w.tier().compareTo(tier) >= 0);
      if (!hadIt || timeline.firstWeekBelow(tier, 0).isEmpty()) {
        continue;
      }
      Optional<Timeline.Week> back = timeline.firstWeekAtOrAbove(tier, lowest.number());
      if (back.isPresent()) {
        Timeline.Week w = back.get();
        line(out, "Back to %s in week %d (week of %s), %d weeks after the lowest point.",
            Terms.format(tier), w.number(), w.start(), w.number() - lowest.number());
      } else {
        line(out, "Not back to %s by the end of the story.", Terms.format(tier));
      }
    }

    long drops = timeline.weeks().stream()
        .filter(w -> w.number() > lowest.number())
        .flatMap(w -> w.steps().stream())
        .filter(s -> s.step().event().isDrop())
        .count();
    line(out, "Ended at %s, %s, in week %d (week of %s).",
        Percent.of(last.level()), Terms.format(last.tier()), last.number(), last.start());
    if (last.number() > lowest.number()) {
      line(out, "  Built in drops: %s after the lowest point won back %s points in %s.",
          count(drops, "drop"), Percent.points(last.level() - lowest.level()), count(last.number() - lowest.number(), "week"));
    }
    if (last.bucket().scar() > 0) {
      line(out, "The scar of the breaches still keeps the bucket from refilling above %s (it fades with a"
          + " half-life of %d days).",
          Percent.of(last.bucket().ceiling()), timeline.policy().scarDecay().halfLife().toDays());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String template, Object... args) {
    out.append(String.format(Locale.ROOT, template, args)).append('\n');
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
