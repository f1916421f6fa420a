package dev.trustbucket.examples.review;

import dev.trustbucket.TrustLedger;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.behaviour.Behaviour;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The performance-review tool's command line: import a team's events from CSV into an SQLite
 * database, record single events, and report on the team as text or HTML.
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
 */
public final class ReviewTool {
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

  static final String USAGE_TEXT = String.join("\n",
      "Usage: ReviewTool <command> [options]",
      "",
      "Commands:",
      "  import --db FILE [--policy NAME] EVENTS.csv",
      "      Import events from CSV: every row, or none if any row is invalid.",
      "  record --db FILE --employee ID --manager ID --time INSTANT --behaviour ID",
      "         [--weight W] [--disclosure KIND] [--delay DURATION] [--note TEXT] [--policy NAME]",
      "      Record one event, checked like an imported row.",
      "  report --db FILE [--as-of DATE|INSTANT] [--html FILE]",
      "      Print the team report (as of now by default); --html also writes it as a web page.",
      "  demo [--dir DIR]",
      "      Import the bundled sample team into a fresh DIR/team.db (default target/review),",
      "      print its report as of 31 December 2025 and write DIR/team-report.html.",
      "  help",
      "",
      "CSV header: " + String.join(",", EventRow.COLUMNS),
      "  weight, disclosure, delay and note may be empty: the behaviour's default weight,",
      "  not-recorded, PT0S, no note. Quote a field holding commas: \"late, but \"\"fine\"\"\".",
      "  Rows of one relationship must be in time order. Times are ISO-8601 instants",
      "  (2025-03-03T10:00:00Z), delays ISO-8601 durations (P9D).",
      "Drops:  " + ids(true),
      "Drains: " + ids(false),
      "Disclosure: not-recorded, self-reported, discovered (drains only).",
      "Policies: default, strict, forgiving, symmetric (for relationships an import creates).",
      "Exit codes: 0 done, 1 bad input or database (nothing written), 2 usage error.",
      "");

  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;

  private ReviewTool(PrintStream out, PrintStream err, Clock clock) {
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  /** A command line that cannot be understood. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
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
    ReviewTool tool = new ReviewTool(out, err, clock);
    try {
      return tool.dispatch(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("Run 'ReviewTool help' for usage.");
      return USAGE;
    } catch (ReviewException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    }
  }

  private int dispatch(String[] args) throws UsageException, ReviewException {
    if (args.length == 0) {
      err.print(USAGE_TEXT);
      return USAGE;
    }
    String command = args[0];
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "help":
      case "--help":
      case "-h":
        out.print(USAGE_TEXT);
        return OK;
      case "import":
        return importCommand(Options.parse(rest, Set.of("db", "policy")));
      case "record":
        return recordCommand(Options.parse(rest, Set.of(
            "db", "employee", "manager", "time", "behaviour", "weight", "disclosure", "delay", "note", "policy")));
      case "report":
        return reportCommand(Options.parse(rest, Set.of("db", "as-of", "html")));
      case "demo":
        return demoCommand(Options.parse(rest, Set.of("dir")));
      default:
        throw new UsageException("unknown command '" + command + "'; the commands are import, record, report, demo, help");
    }
  }

  /** Options ({@code --name value} or {@code --name=value}) and positional arguments. */
  record Options(Map<String, String> named, List<String> positional) {
    static Options parse(String[] args, Set<String> allowed) throws UsageException {
      Map<String, String> named = new LinkedHashMap<>();
      List<String> positional = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--") || a.equals("--")) {
          positional.add(a);
          continue;
        }
        String name = a.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new UsageException("option --" + name + " needs a value");
        }
        if (!allowed.contains(name)) {
          throw new UsageException("unknown option --" + name + "; this command takes "
              + allowed.stream().sorted().map(o -> "--" + o).collect(Collectors.joining(", ")));
        }
        if (named.put(name, value) != null) {
          throw new UsageException("option --" + name + " is given twice");
        }
      }
      return new Options(named, positional);
    }

    String required(String name) throws UsageException {
      String v = named.get(name);
      if (v == null || v.isEmpty()) {
        throw new UsageException("option --" + name + " is required");
      }
      return v;
    }

    String optional(String name, String otherwise) {
      return named.getOrDefault(name, otherwise);
    }

    void noPositional() throws UsageException {
      if (!positional.isEmpty()) {
        throw new UsageException("unexpected argument '" + positional.get(0) + "'");
      }
    }
  }

  private int importCommand(Options o) throws UsageException, ReviewException {
    Path db = Path.of(o.required("db"));
    if (o.positional().size() != 1) {
      throw new UsageException("import takes exactly one CSV file, e.g. import --db team.db events.csv");
    }
    Path csv = Path.of(o.positional().get(0));
    try (ReviewDatabase d = ReviewDatabase.open(db, clock)) {
      ImportResult r = d.importCsv(csv, o.optional("policy", "default"));
      out.println(describe(r, db));
    }
    return OK;
  }

  private static String describe(ImportResult r, Path db) {
    if (r.events() == 0) {
      return "Nothing to import from " + r.source() + ": it has a header but no rows.";
    }
    int n = r.relationships().size();
    return "Imported " + r.events() + (r.events() == 1 ? " event" : " events") + " for " + n
        + (n == 1 ? " relationship" : " relationships") + " (" + r.newRelationships() + " new) from "
        + r.source() + " into " + db + ".";
  }

  private int recordCommand(Options o) throws UsageException, ReviewException {
    o.noPositional();
    Path db = Path.of(o.required("db"));
    EventRow row = new EventRow(
        o.required("employee"), o.required("manager"), o.required("time"), o.required("behaviour"),
        o.optional("weight", ""), o.optional("disclosure", ""), o.optional("delay", ""), o.optional("note", ""));
    try (ReviewDatabase d = ReviewDatabase.open(db, clock)) {
      d.record(row, o.optional("policy", "default"));
      Relationship rel = Relationship.of(row.employee(), row.manager());
      TrustLedger ledger = d.ledgers().get(rel);
      out.println("Recorded " + row.behaviour() + " for " + rel + " at " + row.time() + "; level now "
          + TextReport.percent(ledger.state().level()) + " (" + ledger.state().tier() + ").");
    }
    return OK;
  }

  private int reportCommand(Options o) throws UsageException, ReviewException {
    o.noPositional();
    Path db = Path.of(o.required("db"));
    Instant asOf = o.named().containsKey("as-of") ? parseAsOf(o.required("as-of")) : clock.instant();
    TeamReport report;
    try (ReviewDatabase d = ReviewDatabase.openExisting(db, clock)) {
      report = TeamReport.of(d.ledgers(), asOf);
    }
    out.print(TextReport.render(report));
    if (o.named().containsKey("html")) {
      Path html = Path.of(o.required("html"));
      writeHtml(report, html);
      out.println("\nHTML report: " + html.toAbsolutePath().normalize());
    }
    return OK;
  }

  /**
   * Reads {@code --as-of}: a date means the end of that day (UTC), an instant means itself.
   *
   * @param text {@code 2025-12-31} or {@code 2025-12-31T12:00:00Z}
   * @return the instant
   * @throws UsageException when it is neither
   */
  static Instant parseAsOf(String text) throws UsageException {
    try {
      return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new UsageException("--as-of must be a date such as 2025-12-31 or an instant such as "
            + "2025-12-31T12:00:00Z but was '" + EventRow.clip(text) + "'");
      }
    }
  }

  private int demoCommand(Options o) throws UsageException, ReviewException {
    o.noPositional();
    Path dir = Path.of(o.optional("dir", "target/review"));
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
    try (InputStream sample = ReviewTool.class.getResourceAsStream(SAMPLE);
        ReviewDatabase d = ReviewDatabase.open(db, demoClock)) {
      if (sample == null) {
        throw new ReviewException("the sample " + SAMPLE + " is missing from the class path");
      }
      ImportResult r = d.importCsv(sample, "sample-team.csv", "default");
      out.println(describe(r, db));
      out.println();
      report = TeamReport.of(d.ledgers(), DEMO_AS_OF);
    } catch (IOException e) {
      throw new ReviewException("cannot read the sample: " + e.getMessage(), e);
    }
    out.print(TextReport.render(report));
    writeHtml(report, html);
    out.println("\nHTML report: " + html.toAbsolutePath().normalize());
    return OK;
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

  /** The ids of the standard drops or drains, wrapped for the usage text. */
  private static String ids(boolean drops) {
    StringBuilder s = new StringBuilder();
    int col = 8;
    for (Behaviour b : BehaviourCatalogue.standard().all()) {
      if (b.isDrop() != drops) {
        continue;
      }
      if (s.length() > 0) {
        s.append(',');
        col++;
        if (col + 1 + b.id().length() > 90) {
          s.append("\n       ");
          col = 7;
        }
        s.append(' ');
        col++;
      }
      s.append(b.id());
      col += b.id().length();
    }
    return s.toString();
  }
}
