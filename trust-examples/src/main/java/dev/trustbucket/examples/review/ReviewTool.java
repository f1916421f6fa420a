package dev.trustbucket.examples.review;

import dev.trustbucket.examples.format.Percent;
import dev.trustbucket.examples.format.Terms;
import dev.trustbucket.examples.format.Clip;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The performance-review tool's command line (picocli): import a team's events from CSV, record
 * single events, and report on the team as text or HTML. The history is kept by trust-jdbc (see
 * {@link ReviewDatabase}): {@code --db} is an SQLite file or a {@code jdbc:postgresql:} URL.
 *
 * <pre>
 * ReviewTool import --db team.db [--policy NAME] events.csv
 * ReviewTool record --db team.db --employee ID --manager ID --time INSTANT --behaviour ID [--weight W]
 *                   [--disclosure KIND] [--delay DURATION] [--note TEXT] [--policy NAME]
 * ReviewTool report --db team.db [--as-of DATE|INSTANT] [--html FILE]
 * ReviewTool demo [--dir DIR]
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 bad input or a database problem (nothing was written), 2 a usage
 * error. "Now" is the {@link Clock} passed to {@link #run}; {@link #main} passes the system clock.
 * Everything printed that holds stored or typed text goes through {@link Escape#terminal}.
 */
@Command(
    name = "ReviewTool",
    mixinStandardHelpOptions = true,
    version = "Trust Bucket review tool 0.1.0-SNAPSHOT",
    description = "Keeps a team's trust history in a database and reports on it.",
    subcommands = {
      ReviewTool.Import.class,
      ReviewTool.Record.class,
      ReviewTool.Report.class,
      ReviewTool.Demo.class,
      CommandLine.HelpCommand.class
    })
public final class ReviewTool implements Callable<Integer> {
  /** Exit code: done. */
  public static final int OK = 0;
  /** Exit code: the input or the database was rejected; nothing was written. */
  public static final int BAD_INPUT = 1;
  /** Exit code: the command line itself was wrong. */
  public static final int USAGE = 2;

  /** The instant the demo reports on: the end of the sample team's year. */
  public static final Instant DEMO_AS_OF = Instant.parse("2025-12-31T23:59:59Z");

  /** The sample team, on the class path. */
  public static final String SAMPLE = "/review/sample-team.csv";

  private final Clock clock;
  private final PrintWriter out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private ReviewTool(Clock clock, PrintWriter out) {
    this.clock = clock;
    this.out = out;
  }

  /**
   * Runs the tool with the system clock, printing UTF-8; exits the JVM only on failure.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err, Clock.systemUTC());
    out.flush();
    err.flush();
    if (code != OK) {
      System.exit(code);
    }
  }

  /**
   * Runs one command.
   *
   * @param args the command line
   * @param out where results go
   * @param err where errors go
   * @param clock the source of "now"
   * @return the exit code: {@link #OK}, {@link #BAD_INPUT} or {@link #USAGE}
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    PrintWriter o = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter e = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine cl = new CommandLine(new ReviewTool(clock, o));
    cl.getSubcommands().get("record").getCommandSpec().usageMessage().footer(
        "", "Drops:  " + ids(true), "Drains: " + ids(false),
        "Disclosure: not-recorded, self-reported, discovered (drains only).");
    cl.setOut(o);
    cl.setErr(e);
    cl.setParameterExceptionHandler((ex, args2) -> {
      e.println("error: " + Escape.terminal(ex.getMessage()));
      e.println("Run 'ReviewTool help' for usage.");
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ReviewException) {
        e.println("error: " + Escape.terminalText(ex.getMessage()));
        return BAD_INPUT;
      }
      throw ex;
    });
    int code = cl.execute(args);
    o.flush();
    e.flush();
    return code;
  }

  /** With no subcommand: a usage error that lists them. */
  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing command: import, record, report, demo or help");
  }

  /** The database option every command but {@code demo} shares. */
  static final class Db {
    @Option(names = "--db", required = true, paramLabel = "FILE|URL",
        description = "An SQLite file, or a PostgreSQL URL such as jdbc:postgresql://localhost/hr?user=me.")
    String file;
  }

  /** {@code import}: a CSV file, all of it or nothing. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import events from CSV: every row, or none if any row is invalid.",
      footer = {"", "CSV header: employee,manager,time,behaviour,weight,disclosure,delay,note",
          "  weight, disclosure, delay and note may be empty: the behaviour's default weight,",
          "  not-recorded, PT0S, no note. Quote a field holding commas: \"late, but \"\"fine\"\"\".",
          "  Rows of one relationship must be in time order. Times are ISO-8601 instants",
          "  (2025-03-03T10:00:00Z), delays ISO-8601 durations (P9D). At most 32 MiB and 250,000 rows."})
  static final class Import implements Callable<Integer> {
    @ParentCommand ReviewTool tool;
    @CommandLine.Mixin Db db;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = "default",
        description = "The policy of relationships this import creates: default, strict, forgiving, symmetric.")
    String policy;

    @Parameters(paramLabel = "EVENTS.csv", description = "The file to import.")
    Path csv;

    @Override
    public Integer call() throws ReviewException {
      ReviewDatabase d = ReviewDatabase.open(db.file, tool.clock);
      tool.print(describe(d.importCsv(csv, policy), db.file));
      return OK;
    }
  }

  /** {@code record}: one event, checked like an imported row. */
  @Command(name = "record", mixinStandardHelpOptions = true,
      description = "Record one event, checked like an imported row.")
  static final class Record implements Callable<Integer> {
    @ParentCommand ReviewTool tool;
    @CommandLine.Mixin Db db;

    @Option(names = "--employee", required = true, paramLabel = "ID") String employee;
    @Option(names = "--manager", required = true, paramLabel = "ID") String manager;
    @Option(names = "--time", required = true, paramLabel = "INSTANT", description = "e.g. 2026-01-05T10:00:00Z")
    String time;
    @Option(names = "--behaviour", required = true, paramLabel = "ID", description = "e.g. missed-deadline")
    String behaviour;
    @Option(names = "--weight", paramLabel = "W", defaultValue = "") String weight;
    @Option(names = "--disclosure", paramLabel = "KIND", defaultValue = "") String disclosure;
    @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "") String delay;
    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "") String note;
    @Option(names = "--policy", paramLabel = "NAME", defaultValue = "default") String policy;
    @Option(names = "--id", paramLabel = "ID",
        description = "Your id for this event: a record retried with the same id is recorded once.")
    String id;

    @Override
    public Integer call() throws ReviewException {
      EventRow row = new EventRow(employee, manager, time, behaviour, weight, disclosure, delay, note);
      ReviewDatabase d = ReviewDatabase.open(db.file, tool.clock);
      ImportResult r = d.record(row, policy, java.util.Optional.ofNullable(id));
      Relationship rel = r.relationships().get(0);
      TrustLedger ledger = d.ledgers().get(rel);
      tool.print((r.duplicates() > 0 ? "Already recorded (id " + id + "): " : "Recorded ") + row.behaviour() + " for "
          + rel + " at " + row.time() + "; level now " + Percent.compact(ledger.state().level(), 1)
          + " (" + Terms.format(ledger.state().tier()) + ").");
      return OK;
    }
  }

  /** {@code report}: the team as text, and as HTML when asked. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Print the team report (as of now by default); --html also writes it as a web page.")
  static final class Report implements Callable<Integer> {
    @ParentCommand ReviewTool tool;
    @CommandLine.Mixin Db db;

    @Option(names = "--as-of", paramLabel = "DATE|INSTANT", converter = AsOf.class,
        description = "2025-12-31 (the end of that day, UTC) or 2025-12-31T12:00:00Z.")
    Instant asOf;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a web page.")
    Path html;

    @Override
    public Integer call() throws ReviewException {
      Instant at = asOf == null ? tool.clock.instant() : asOf;
      TeamReport report = report(ReviewDatabase.openExisting(db.file, tool.clock), at);
      tool.out.print(TextReport.render(report));
      if (html != null) {
        writeHtml(report, html);
        tool.print("\nHTML report: " + html.toAbsolutePath().normalize());
      }
      tool.out.flush();
      return OK;
    }
  }

  /** {@code demo}: the bundled sample team, imported fresh and reported as of the end of 2025. */
  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = {"Import the bundled sample team into a fresh DIR/team.db, print its report as of",
          "31 December 2025 and write DIR/team-report.html."})
  static final class Demo implements Callable<Integer> {
    @ParentCommand ReviewTool tool;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/review") Path dir;

    @Override
    public Integer call() throws ReviewException {
      Path db = dir.resolve("team.db");
      Path html = dir.resolve("team-report.html");
      try {
        Files.createDirectories(dir);
        Files.deleteIfExists(db);
      } catch (IOException e) {
        throw new ReviewException("cannot prepare " + dir + ": " + e.getMessage(), e);
      }
      // The sample is the year 2025: the demo runs as if it were the last moment of that year.
      Clock demoClock = Clock.fixed(DEMO_AS_OF, ZoneOffset.UTC);
      TeamReport report;
      try (InputStream sample = ReviewTool.class.getResourceAsStream(SAMPLE)) {
        if (sample == null) {
          throw new ReviewException("the sample " + SAMPLE + " is missing from the class path");
        }
        ReviewDatabase d = ReviewDatabase.open(db.toString(), demoClock);
        tool.print(describe(d.importCsv(sample, "sample-team.csv", "default"), db.toString()));
        tool.print("");
        report = report(d, DEMO_AS_OF);
      } catch (IOException e) {
        throw new ReviewException("cannot read the sample: " + e.getMessage(), e);
      }
      tool.out.print(TextReport.render(report));
      writeHtml(report, html);
      tool.print("\nHTML report: " + html.toAbsolutePath().normalize());
      return OK;
    }
  }

  /**
   * Reads {@code --as-of}: a date means the end of that day (UTC), an instant means itself. Either
   * must be an instant the library accepts; anything else is a usage error, never a stack trace.
   */
  static final class AsOf implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String text) {
      Instant t;
      try {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() >= Year.MAX_VALUE) {
          throw new CommandLine.TypeConversionException("--as-of must be an instant the library accepts, in the"
              + " years -290000 to 290000, but was '" + Clip.visible(text, 80) + "'");
        }
        t = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
      } catch (DateTimeException notADate) {
        try {
          t = Instant.parse(text);
        } catch (DateTimeException e) {
          throw new CommandLine.TypeConversionException("--as-of must be a date such as 2025-12-31 or an instant"
              + " such as 2025-12-31T12:00:00Z but was '" + Clip.visible(text, 80) + "'");
        }
      }
      try {
        TrustLedger.of(TrustPolicy.defaults(), t); // the library's own range check
      } catch (InvalidTrustInputException e) {
        throw new CommandLine.TypeConversionException("--as-of must be an instant the library accepts: "
            + e.getMessage());
      }
      return t;
    }
  }

  /** Computes a report; a history the library cannot report on is a clear error, not a stack trace. */
  static TeamReport report(ReviewDatabase d, Instant asOf) throws ReviewException {
    var ledgers = d.ledgers();
    try {
      return TeamReport.of(ledgers, asOf);
    } catch (InvalidTrustInputException | ArithmeticException e) {
      throw new ReviewException("cannot report as of " + asOf + ": " + e.getMessage(), e);
    }
  }

  private void print(String line) {
    out.println(Escape.terminalText(line));
  }

  private static String describe(ImportResult r, String db) {
    if (r.events() == 0 && r.duplicates() == 0) {
      return "Nothing to import from " + r.source() + ": it has a header but no rows.";
    }
    int n = r.relationships().size();
    return "Imported " + r.events() + (r.events() == 1 ? " event" : " events") + " for " + n
        + (n == 1 ? " relationship" : " relationships") + " (" + r.newRelationships() + " new) from "
        + r.source() + " into " + db
        + (r.duplicates() == 0 ? "." : "; " + r.duplicates() + (r.duplicates() == 1 ? " row was" : " rows were")
            + " recorded before and skipped.");
  }

  private static void writeHtml(TeamReport report, Path html) throws ReviewException {
    try {
      Path parent = html.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReviewException("cannot write " + html + ": " + e.getMessage(), e);
    }
  }

  /** The ids of the standard drops or drains, comma-separated, for the help of {@code record}. */
  static String ids(boolean drops) {
    StringBuilder s = new StringBuilder();
    for (Behaviour b : BehaviourCatalogue.defaults().all()) {
      if (b.isDrop() == drops) {
        s.append(s.length() == 0 ? "" : ", ").append(b.id());
      }
    }
    return s.toString();
  }
}
