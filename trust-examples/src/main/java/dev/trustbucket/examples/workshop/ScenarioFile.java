package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario read from a plain-text file that a facilitator writes without Java: a few headers,
 * then a dated timeline of behaviours.
 *
 * <pre>
 * # Anything after '#' is a comment (outside quotes).
 * title: Hiding a mistake
 * description: A bug is kept quiet until a colleague finds it.
 * policy: default            # optional: default, symmetric, strict or forgiving
 * start: 2025-01-06          # required: a date (00:00 UTC) or an instant such as 2025-01-06T09:00Z
 * level: 0.75                # optional: the level at the start; default the policy's baseline
 * end: 2025-06-30            # optional, exclusive; default four weeks after the last event's week
 * time: 17:00                # optional: time of day (UTC) of events given as a date; default 12:00
 *
 * 2025-01-13  delivered-on-commitment
 * 2025-02-03  low-quality-delivery  weight=1.5  discovered=9d  note="critical bug in the export"
 * 2025-02-10  owned-mistake-early   note="told the manager the same day"
 * every 7d from 2025-03-03 to 2025-06-30  regular-check-in
 * </pre>
 *
 * <p>An event line is a date (or instant), a behaviour id from the policy's catalogue and
 * options: {@code weight=1.5} (0 to 100, default the behaviour's own), {@code self-reported} or
 * {@code discovered=9d} (drains only: how the problem surfaced, a delay in days {@code d} or
 * weeks {@code w}), and {@code note="..."} (read out as the narration; {@code \"} and {@code \\}
 * escape a quote and a backslash). {@code every PERIOD from DATE to DATE} repeats an event, both
 * dates included. Headers come first, at most once each; event lines come in time order (a
 * repeat by its first date); events at the same instant keep their order in the file.
 *
 * <p>A file is read whole, checked and validated before anything is built: either every line is
 * good and a {@link Scenario} comes out, or a {@link ScenarioFormatException} lists the problems
 * with their line numbers. {@code docs/workshop.md} documents the format for facilitators.
 *
 * @param source the file name as the user gave it, used in messages
 * @param scenario the story
 * @param policy the policy the file names ({@link TrustPolicy#defaults()} when it names none)
 * @param stepLines for each step of the scenario, the line of the file it comes from
 */
public record ScenarioFile(String source, Scenario scenario, TrustPolicy policy, List<Integer> stepLines) {

  /** The longest line accepted, in characters. */
  public static final int MAX_LINE_LENGTH = 10_000;

  /** The largest file accepted, in bytes: 1 MiB. */
  public static final int MAX_FILE_BYTES = 1 << 20;

  /** The longest scenario accepted: 520 weeks, ten years. */
  public static final int MAX_WEEKS = 520;

  /** The most events a file may produce, repeats included. */
  public static final int MAX_EVENTS = 20_000;

  /** The time of day (UTC) of events given as a date, unless the file says {@code time:}. */
  public static final LocalTime DEFAULT_EVENT_TIME = LocalTime.NOON;

  /** Without {@code end:}, the story runs this many weeks past the week of the last event. */
  public static final int TAIL_WEEKS = 4;

  /** Without {@code end:} or events, the story runs this many weeks. */
  public static final int EMPTY_WEEKS = 12;

  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration MAX_PERIOD = Duration.ofDays(3_650);
  private static final List<String> HEADERS =
      List.of("title", "description", "policy", "start", "level", "end", "time");
  private static final List<String> OPTIONS = List.of("weight", "discovered", "note", "self-reported");
  private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:(.*)");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern INSTANT =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)Z");
  private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{2}:\\d{2}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,20}(?:\\.\\d{1,400})?");
  private static final Pattern PERIOD = Pattern.compile("(\\d{1,7})([dw])");
  private static final Pattern BEHAVIOUR_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException when {@code stepLines} does not have one line per step
   */
  public ScenarioFile {
    requireNonNull(source, "source");
    requireNonNull(scenario, "scenario");
    requireNonNull(policy, "policy");
    stepLines = List.copyOf(stepLines);
    if (stepLines.size() != scenario.steps().size()) {
      throw new IllegalArgumentException(
          "stepLines must have one line per step: " + stepLines.size() + " for " + scenario.steps().size());
    }
  }

  /**
   * Reads, checks and validates a scenario file.
   *
   * <p>Only a regular file is read (a symbolic link to one is followed): a device such as {@code
   * /dev/zero}, a pipe such as {@code /dev/stdin} or a socket is refused before anything is read,
   * since it can produce bytes without end. The size limit, {@value #MAX_FILE_BYTES} bytes, counts
   * the bytes as they are read, and reading stops one byte past it: a file that says it is smaller
   * than it is (files under {@code /proc} say 0) is held to the same limit.
   *
   * @param path the file; its name as given appears in error messages
   * @return the scenario
   * @throws ScenarioFormatException when the file is not a regular file, is larger than {@value
   *     #MAX_FILE_BYTES} bytes, cannot be read or is not a valid scenario
   */
  public static ScenarioFile read(Path path) {
    String source = path.toString();
    try {
      if (Files.isDirectory(path)) {
        throw new ScenarioFormatException(source, 0, "is a directory, not a scenario file");
      }
      if (Files.exists(path) && !Files.isRegularFile(path)) {
        throw new ScenarioFormatException(source, 0,
            "is not a regular file (a device, a pipe or a socket); save the scenario to a file and give its path");
      }
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        throw new ScenarioFormatException(source, 0, tooLarge(size));
      }
      try (InputStream in = Files.newInputStream(path)) {
        return parse(source, readAtMost(source, in));
      }
    } catch (NoSuchFileException e) {
      throw new ScenarioFormatException(source, 0, "no such file", e);
    } catch (IOException e) {
      throw new ScenarioFormatException(source, 0, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a stream up to the size limit, counting the bytes as they come.
   *
   * @param source the file name, for messages
   * @param in the stream, read one byte past the limit at most
   * @return every byte of the stream, at most {@value #MAX_FILE_BYTES}
   * @throws ScenarioFormatException when the stream holds more than {@value #MAX_FILE_BYTES} bytes
   * @throws IOException when reading fails
   */
  static byte[] readAtMost(String source, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ScenarioFormatException(source, 0, String.format(Locale.ROOT,
          "the file is larger than the limit of %,d bytes (1 MiB); reading stopped there", MAX_FILE_BYTES));
    }
    return bytes;
  }

  /**
   * Checks and validates a scenario file's bytes, which must be UTF-8 text.
   *
   * @param source the file name, for messages
   * @param bytes the file's content
   * @return the scenario
   * @throws ScenarioFormatException when the bytes are not a valid scenario
   */
  public static ScenarioFile parse(String source, byte[] bytes) {
    requireNonNull(source, "source");
    requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ScenarioFormatException(source, 0, tooLarge(bytes.length));
    }
    Parser parser = new Parser(source);
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int from = 0;
    int lineNo = 1;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      from = 3; // a UTF-8 byte-order mark
    }
    while (from <= bytes.length) {
      int to = from;
      while (to < bytes.length && bytes[to] != '\n') {
        to++;
      }
      if (to == bytes.length && from == to && lineNo > 1) {
        break; // the file ends with a line break
      }
      parser.lastLine = lineNo;
      int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
      if (end - from > MAX_LINE_LENGTH * 4) {
        parser.problem(lineNo, tooLong(end - from, "bytes"));
      } else {
        try {
          CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, from, end - from));
          parser.line(lineNo, chars.toString());
        } catch (CharacterCodingException e) {
          parser.problem(lineNo, "is not UTF-8 text (is this a binary file?)");
        }
      }
      from = to + 1;
      lineNo++;
    }
    return parser.finish();
  }

  /**
   * Checks and validates a scenario given as text.
   *
   * @param source the file name, for messages
   * @param text the file's content
   * @return the scenario
   * @throws ScenarioFormatException when the text is not a valid scenario
   */
  public static ScenarioFile parse(String source, String text) {
    requireNonNull(source, "source");
    requireNonNull(text, "text");
    // getBytes would turn a lone surrogate into '?' without a word: refuse it on its line instead.
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ScenarioFormatException(source, line, String.format(Locale.ROOT,
            "holds U+%04X, a lone surrogate: the text is not well-formed UTF-16", (int) c));
      }
    }
    return parse(source, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks that every behaviour of the file is in a policy's catalogue, so that the scenario can
   * run under it.
   *
   * @param other the policy to run under
   * @return this file
   * @throws ScenarioFormatException naming the line of each behaviour the policy does not know
   */
  public ScenarioFile checkRunsUnder(TrustPolicy other) {
    List<ScenarioFormatException.Problem> problems = new ArrayList<>();
    java.util.Set<Integer> reported = new java.util.HashSet<>();
    for (int i = 0; i < stepLines.size(); i++) {
      Behaviour b = scenario.steps().get(i).event().behaviour();
      if (!other.catalogue().contains(b) && reported.add(stepLines.get(i))) {
        problems.add(new ScenarioFormatException.Problem(stepLines.get(i),
            "behaviour \"" + b.id() + "\" is not in the catalogue of policy \"" + other.name() + "\""));
      }
    }
    problems.sort(Comparator.comparingInt(ScenarioFormatException.Problem::line));
    if (!problems.isEmpty()) {
      throw new ScenarioFormatException(source, problems);
    }
    return this;
  }

  /**
   * Plays the scenario under the policy the file names.
   *
   * @return the timeline
   */
  public Timeline run() {
    return run(policy);
  }

  /**
   * Plays the scenario under another policy.
   *
   * @param other the policy
   * @return the timeline
   * @throws ScenarioFormatException when a behaviour of the file is not in the policy's catalogue
   */
  public Timeline run(TrustPolicy other) {
    checkRunsUnder(other);
    return ScenarioRunner.of(other).run(scenario);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * Writes a scenario in the file format, so that {@link #parse(String, String)} reads it back
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
  static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  private static String tooLarge(long size) {
    return String.format(Locale.ROOT, "the file is %,d bytes; the limit is %,d bytes (1 MiB)", size, MAX_FILE_BYTES);
  }

  private static String tooLong(int length, String unit) {
    return String.format(
        Locale.ROOT, "the line is %,d %s long; the limit is %,d characters", length, unit, MAX_LINE_LENGTH);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** One line that gave an event, or a repeat of one. */
  private record EventLine(
      int line, Instant from, Instant to, Duration period, TrustEvent prototype, String narration) {
    boolean repeats() {
      return period != null;
    }
  }

  private record Header(int line, String value) {}

  private record Token(String text, int column, boolean quoted) {}

  private static final class Parser {
    private final String source;
    private final List<ScenarioFormatException.Problem> problems = new ArrayList<>();
    private final Map<String, Header> headers = new LinkedHashMap<>();
    private final List<EventLine> events = new ArrayList<>();
    private int firstEventLine;
    private int lastLine;
    private Instant start;
    private Instant end;
    private Double level;
    private TrustPolicy policy = TrustPolicy.defaults();
    private LocalTime eventTime = DEFAULT_EVENT_TIME;
    private Instant previousTime;
    private int previousTimeLine;

    Parser(String source) {
      this.source = source;
    }

    void problem(int line, String message) {
      problems.add(new ScenarioFormatException.Problem(line, message));
    }

    void line(int n, String text) {
      if (text.length() > MAX_LINE_LENGTH) {
        problem(n, tooLong(text.length(), "characters"));
        return;
      }
      // Tabs separate tokens; every other character follows the TextRule, comments included (a
      // bidirectional override in a comment reorders what an editor shows of the lines after it).
      for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
        int c = text.codePointAt(i);
        if (c != '\t' && (!TextRule.isAllowed(c) || c == '\uFEFF' || c == '\uFFFD')) {
          boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
          problem(n, String.format(Locale.ROOT, control
              ? "column %d holds the control character U+%04X (is this a text file?)"
              : "column %d holds U+%04X, which no text may hold (a non-character, a bidirectional override"
                  + " or isolate, a line separator, a stray byte-order mark or U+FFFD)", i + 1, c));
          return;
        }
      }
      String trimmed = text.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        return;
      }
      Matcher header = HEADER.matcher(trimmed);
      if (header.matches() && !trimmed.startsWith("every ") && !trimmed.startsWith("every\t")) {
        header(n, header.group(1), header.group(2));
        return;
      }
      List<Token> tokens = tokens(n, text);
      if (tokens == null || tokens.isEmpty()) {
        return;
      }
      if (firstEventLine == 0) {
        firstEventLine = n;
      }
      String first = tokens.get(0).text();
      if (first.equals("every")) {
        repeat(n, tokens);
      } else if (!first.isEmpty() && Character.isDigit(first.charAt(0))) {
        event(n, tokens);
      } else {
        problem(n, "expected a header (\"key: value\"), an event (\"DATE behaviour ...\") or a repeat"
            + " (\"every 7d from DATE to DATE behaviour ...\") but found \"" + shorten(first) + "\"");
      }
    }

    // ---- headers ----

    private void header(int n, String rawKey, String rawValue) {
      String key = rawKey.toLowerCase(Locale.ROOT);
      if (!HEADERS.contains(key)) {
        problem(n, "unknown header \"" + shorten(rawKey) + "\"" + didYouMean(key, HEADERS)
            + "; the headers are " + String.join(", ", HEADERS));
        return;
      }
      if (firstEventLine != 0) {
        problem(n, "header \"" + key + ":\" must come before the first event (line " + firstEventLine + ")");
        return;
      }
      Header earlier = headers.get(key);
      if (earlier != null) {
        problem(n, "duplicate header \"" + key + ":\" (first given on line " + earlier.line() + ")");
        return;
      }
      String value = headerValue(n, rawValue);
      if (value == null) {
        return;
      }
      headers.put(key, new Header(n, value));
      if (value.isBlank()) {
        problem(n, "header \"" + key + ":\" has no value");
        return;
      }
      switch (key) {
        case "title":
          if (value.length() > Scenario.MAX_NAME_LENGTH) {
            problem(n, "the title must be at most 100 characters but is " + value.length());
          } else {
            TextRule.problem(value, Scenario.MAX_NAME_LENGTH).ifPresent(p -> problem(n, "the title " + p));
          }
          break;
        case "description":
          if (value.length() > Scenario.MAX_TEXT_LENGTH) {
            problem(n, "the description must be at most " + Scenario.MAX_TEXT_LENGTH + " characters but is "
                + value.length());
          } else {
            TextRule.problem(value, Scenario.MAX_TEXT_LENGTH).ifPresent(p -> problem(n, "the description " + p));
          }
          break;
        case "policy":
          Optional<TrustPolicy> p = PolicyPresets.byName(value);
          if (p.isPresent()) {
            policy = p.get();
          } else {
            problem(n, "unknown policy \"" + shorten(value) + "\"; the policies are " + PolicyPresets.names());
          }
          break;
        case "start":
          start = instant(n, value, LocalTime.MIDNIGHT, "start");
          break;
        case "end":
          end = instant(n, value, LocalTime.MIDNIGHT, "end");
          break;
        case "level":
          level = number(n, "level", value, BigDecimal.ONE, "0.75");
          break;
        case "time":
          if (!TIME_OF_DAY.matcher(value).matches()) {
            problem(n, "time must be a time of day HH:MM (UTC), such as 17:00, but was \"" + shorten(value) + "\"");
          } else {
            try {
              eventTime = LocalTime.parse(value);
            } catch (DateTimeException e) {
              problem(n, "time must be a time of day HH:MM (UTC), such as 17:00, but was \"" + shorten(value) + "\"");
            }
          }
          break;
        default:
          throw new AssertionError(key);
      }
    }

    /** The value after the colon: a quoted string, or the text up to a comment, trimmed. */
    private String headerValue(int n, String raw) {
      String v = raw.strip();
      if (v.startsWith("\"")) {
        StringBuilder out = new StringBuilder();
        int after = unquote(n, v, 0, out);
        if (after < 0) {
          return null;
        }
        String rest = v.substring(after).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
          problem(n, "unexpected text after the closing quote: \"" + shorten(rest) + "\"");
          return null;
        }
        return out.toString();
      }
      int hash = v.indexOf('#');
      return (hash < 0 ? v : v.substring(0, hash)).strip();
    }

    // ---- events ----

    private void event(int n, List<Token> tokens) {
      Instant time = instant(n, tokens.get(0).text(), eventTime, "the event's date");
      if (time == null) {
        return;
      }
      if (tokens.size() < 2) {
        problem(n, "expected a behaviour after the date, such as \"delivered-on-commitment\"");
        return;
      }
      EventLine e = build(n, time, null, null, tokens.get(1), tokens.subList(2, tokens.size()));
      if (e != null && inOrder(n, time)) {
        events.add(e);
      }
    }

    private void repeat(int n, List<Token> tokens) {
      String usage = "a repeat reads \"every 7d from 2025-03-03 to 2025-06-30 behaviour [options]\"";
      if (tokens.size() < 7) {
        problem(n, "incomplete repeat: " + usage);
        return;
      }
      if (!tokens.get(2).text().equals("from") || !tokens.get(4).text().equals("to")) {
        problem(n, "expected \"from\" and \"to\": " + usage);
        return;
      }
      Duration period = duration(n, "the repeat's period", tokens.get(1).text(), Duration.ofDays(1), MAX_PERIOD);
      Instant from = instant(n, tokens.get(3).text(), eventTime, "the repeat's first date");
      Instant to = instant(n, tokens.get(5).text(), eventTime, "the repeat's last date");
      if (period == null || from == null || to == null) {
        return;
      }
      if (to.isBefore(from)) {
        problem(n, "the repeat's last date " + tokens.get(5).text() + " is before its first date "
            + tokens.get(3).text());
        return;
      }
      EventLine e = build(n, from, to, period, tokens.get(6), tokens.subList(7, tokens.size()));
      if (e != null && inOrder(n, from)) {
        events.add(e);
      }
    }

    /** Checks that a line's date is not before the previous event line's; reports it if it is. */
    private boolean inOrder(int n, Instant time) {
      if (previousTime != null && time.isBefore(previousTime)) {
        problem(n, "events out of order: " + time + " comes before " + previousTime + " (line "
            + previousTimeLine + "); keep event lines in time order");
        return false;
      }
      previousTime = time;
      previousTimeLine = n;
      return true;
    }

    private EventLine build(int n, Instant time, Instant to, Duration period, Token id, List<Token> options) {
      Behaviour behaviour = behaviour(n, id);
      if (behaviour == null) {
        return null;
      }
      Double weight = null;
      Disclosure disclosure = Disclosure.notRecorded();
      String note = null;
      List<String> seen = new ArrayList<>();
      boolean ok = true;
      for (Token t : options) {
        String text = t.text();
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        String value = eq < 0 ? null : text.substring(eq + 1);
        if (!OPTIONS.contains(key) && eq < 0 && policy.catalogue().all().stream().anyMatch(b -> b.id().equals(key))) {
          problem(n, "one behaviour per line: put \"" + key + "\" on a line of its own");
          ok = false;
          continue;
        }
        if (!OPTIONS.contains(key)) {
          problem(n, "unknown option \"" + shorten(text) + "\"" + didYouMean(key, OPTIONS)
              + "; the options are weight=1.5, self-reported, discovered=9d and note=\"...\"");
          ok = false;
          continue;
        }
        if (seen.contains(key) || (key.equals("discovered") && seen.contains("self-reported"))
            || (key.equals("self-reported") && seen.contains("discovered"))) {
          problem(n, seen.contains(key)
              ? "option \"" + key + "\" is given twice"
              : "an event is either self-reported or discovered, not both");
          ok = false;
          continue;
        }
        seen.add(key);
        if (key.equals("self-reported")) {
          if (value != null) {
            problem(n, "self-reported takes no value: write just \"self-reported\"");
            ok = false;
          } else {
            disclosure = Disclosure.selfReported();
          }
          continue;
        }
        if (value == null || (value.isEmpty() && !t.quoted())) {
          problem(n, "option \"" + key + "\" needs a value, such as "
              + (key.equals("weight") ? "weight=1.5" : key.equals("note") ? "note=\"...\"" : "discovered=9d"));
          ok = false;
          continue;
        }
        switch (key) {
          case "weight":
            // The range, [0, 100], is trust-core's: TrustEvent checks it below.
            weight = number(n, "weight", value, null, "1.5");
            ok &= weight != null;
            break;
          case "discovered":
            Duration delay = duration(n, "the discovery delay", value, Duration.ZERO, Disclosure.MAX_DELAY);
            if (delay == null) {
              ok = false;
            } else {
              disclosure = Disclosure.discovered(delay);
            }
            break;
          case "note":
            if (value.isBlank()) {
              problem(n, "the note is empty");
              ok = false;
            } else if (value.length() > Scenario.MAX_TEXT_LENGTH) {
              problem(n, "the note must be at most " + Scenario.MAX_TEXT_LENGTH + " characters but is "
                  + value.length());
              ok = false;
            } else if (TextRule.problem(value, Scenario.MAX_TEXT_LENGTH).isPresent()) {
              problem(n, "the note " + TextRule.problem(value, Scenario.MAX_TEXT_LENGTH).orElseThrow());
              ok = false;
            } else {
              note = value;
            }
            break;
          default:
            throw new AssertionError(key);
        }
      }
      if (!ok) {
        return null;
      }
      if (behaviour.isDrop() && disclosure.kind() != Disclosure.Kind.NOT_RECORDED) {
        problem(n, (disclosure.isDiscovered() ? "discovered" : "self-reported") + " applies to drains only, but \""
            + behaviour.id() + "\" is a drop");
        return null;
      }
      try {
        TrustEvent event = new TrustEvent(
            behaviour,
            time,
            weight == null ? behaviour.defaultWeight() : weight,
            disclosure,
            note == null ? "" : note);
        return new EventLine(n, time, to, period, event, note == null ? behaviour.label() : note);
      } catch (InvalidTrustInputException e) {
        problem(n, "invalid event: " + e.getMessage());
        return null;
      }
    }

    private Behaviour behaviour(int n, Token token) {
      String id = token.text();
      BehaviourCatalogue catalogue = policy.catalogue();
      if (BEHAVIOUR_ID.matcher(id).matches()) {
        Optional<Behaviour> known = catalogue.all().stream().filter(b -> b.id().equals(id)).findFirst();
        if (known.isPresent()) {
          return known.get();
        }
      }
      List<String> ids = catalogue.all().stream().map(Behaviour::id).toList();
      List<String> close = Suggestions.closest(id.toLowerCase(Locale.ROOT), ids, 3);
      String where = token.quoted() || id.contains("=") ? "expected a behaviour id but found" : "unknown behaviour";
      problem(n, where + " \"" + shorten(id) + "\"" + (close.isEmpty()
          ? "; the behaviours are " + String.join(", ", ids)
          : "; did you mean " + String.join(" or ", close.stream().map(s -> "\"" + s + "\"").toList()) + "?"));
      return null;
    }

    // ---- values ----

    private Instant instant(int n, String text, LocalTime timeOfDay, String what) {
      try {
        if (DATE.matcher(text).matches()) {
          return LocalDate.parse(text).atTime(timeOfDay).toInstant(ZoneOffset.UTC);
        }
        Matcher m = INSTANT.matcher(text);
        if (m.matches()) {
          String local = m.group(1);
          return LocalDateTime.parse(local, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        }
      } catch (DateTimeException e) {
        problem(n, "bad date \"" + shorten(text) + "\" for " + what + ": no such day or time");
        return null;
      }
      problem(n, "bad date \"" + shorten(text) + "\" for " + what
          + ": expected YYYY-MM-DD or an instant such as 2025-01-06T09:00Z (UTC)");
      return null;
    }

    /** A plain decimal number, at most {@code max} when given (else trust-core checks the range). */
    private Double number(int n, String what, String text, BigDecimal max, String example) {
      if (DECIMAL.matcher(text).matches()) {
        BigDecimal value = new BigDecimal(text);
        if (max == null || value.compareTo(max) <= 0) {
          return value.doubleValue();
        }
      }
      problem(n, what + " must be a number" + (max == null ? "" : " from 0 to " + max.stripTrailingZeros().toPlainString())
          + ", such as " + example + ", but was \"" + shorten(text) + "\"");
      return null;
    }

    private Duration duration(int n, String what, String text, Duration min, Duration max) {
      Matcher m = PERIOD.matcher(text);
      if (m.matches()) {
        long days = Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1);
        Duration d = Duration.ofDays(days);
        if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
          return d;
        }
        problem(n, what + " must be between " + min.toDays() + " and " + max.toDays() + " days but was \""
            + shorten(text) + "\"");
        return null;
      }
      problem(n, what + " must be a number of days or weeks, such as 9d or 2w, but was \"" + shorten(text) + "\"");
      return null;
    }

    // ---- tokens ----

    /** Splits an event line at blanks; a comment starts at '#' outside quotes. */
    private List<Token> tokens(int n, String text) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      int len = text.length();
      while (i < len) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t') {
          i++;
          continue;
        }
        if (c == '#') {
          break;
        }
        int column = i + 1;
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        while (i < len) {
          c = text.charAt(i);
          if (c == ' ' || c == '\t' || c == '#') {
            break;
          }
          if (c == '"') {
            if (quoted || token.length() == 0 || token.charAt(token.length() - 1) != '=') {
              problem(n, "column " + (i + 1) + ": a quote may only open a value, as in note=\"...\"");
              return null;
            }
            int after = unquote(n, text, i, token);
            if (after < 0) {
              return null;
            }
            quoted = true;
            i = after;
            if (i < len && text.charAt(i) != ' ' && text.charAt(i) != '\t' && text.charAt(i) != '#') {
              problem(n, "column " + (i + 1) + ": expected a blank after the closing quote");
              return null;
            }
            continue;
          }
          token.append(c);
          i++;
        }
        tokens.add(new Token(token.toString(), column, quoted));
      }
      return tokens;
    }

    /**
     * Reads a quoted string starting at {@code text.charAt(open) == '"'} into {@code out}.
     *
     * @return the index after the closing quote, or -1 after reporting a problem
     */
    private int unquote(int n, String text, int open, StringBuilder out) {
      int i = open + 1;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        if (c == '\\') {
          if (i + 1 >= text.length()) {
            break;
          }
          char next = text.charAt(i + 1);
          if (next != '"' && next != '\\') {
            problem(n, "column " + (i + 1) + ": unknown escape \"\\" + next + "\"; inside quotes write \\\" for a"
                + " quote and \\\\ for a backslash");
            return -1;
          }
          out.append(next);
          i += 2;
          continue;
        }
        out.append(c);
        i++;
      }
      problem(n, "column " + (open + 1) + ": unterminated quote; a quoted value must end with \" on the same line");
      return -1;
    }

    // ---- the whole file ----

    ScenarioFile finish() {
      Header startHeader = headers.get("start");
      Header endHeader = headers.get("end");
      if (startHeader == null) {
        problem(firstEventLine > 0 ? firstEventLine : Math.max(1, lastLine),
            "missing header \"start:\"; give the first day of the story, such as \"start: 2025-01-06\","
                + " before the first event");
      }
      if (start != null && end != null && !end.isAfter(start)) {
        problem(endHeader.line(), "the end " + endHeader.value() + " must be after the start "
            + startHeader.value());
        end = null;
      }
      List<Dated> steps = new ArrayList<>();
      if (start != null) {
        long total = 0;
        for (EventLine e : events) {
          if (e.from().isBefore(start)) {
            problem(e.line(), "the event on " + e.from() + " is before the start " + start);
            continue;
          }
          Instant last = e.from();
          long count = 1;
          if (e.repeats()) {
            long span = Duration.between(e.from(), e.to()).toSeconds();
            count = span / e.period().toSeconds() + 1;
            last = e.from().plus(e.period().multipliedBy(count - 1));
          }
          if (end != null && !last.isBefore(end)) {
            problem(e.line(), (e.repeats() ? "the repeat runs to " : "the event on ") + last
                + " which is not before the end " + end + " (the end is exclusive)");
            continue;
          }
          if (weeksBetween(start, last) >= MAX_WEEKS) {
            problem(e.line(), "the event on " + last + " is more than " + MAX_WEEKS + " weeks after the start");
            continue;
          }
          total += count;
          if (total > MAX_EVENTS) {
            problem(e.line(), "the file makes more than " + MAX_EVENTS + " events");
            break;
          }
          for (long k = 0; k < count; k++) {
            Instant t = e.from().plus(e.period() == null ? Duration.ZERO : e.period().multipliedBy(k));
            steps.add(new Dated(t, e.line(), new Scenario.Step(e.prototype().withTime(t), e.narration())));
          }
        }
        long weeks = (Duration.between(start, end == null ? start : end).toSeconds() + WEEK.toSeconds() - 1)
            / WEEK.toSeconds();
        if (weeks > MAX_WEEKS) {
          problem(endHeader.line(), "the story is " + weeks + " weeks long; the limit is "
              + MAX_WEEKS + " weeks (ten years)");
        }
      }
      if (!problems.isEmpty()) {
        List<ScenarioFormatException.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ScenarioFormatException.Problem::line));
        throw new ScenarioFormatException(source, sorted);
      }
      // Stable: events at the same instant keep the order of their lines.
      steps.sort(Comparator.comparing(Dated::time));
      if (end == null) {
        long weeks = steps.isEmpty() ? EMPTY_WEEKS : weeksBetween(start, steps.get(steps.size() - 1).time())
            + 1 + TAIL_WEEKS;
        end = start.plus(WEEK.multipliedBy(Math.min(weeks, MAX_WEEKS)));
      }
      String title = text("title", defaultTitle());
      String description = text("description", "Scenario file " + shorten(fileName()));
      try {
        Scenario scenario = new Scenario(
            title,
            description,
            start,
            level != null ? level : policy.baseline(),
            steps.stream().map(Dated::step).toList(),
            end);
        return new ScenarioFile(source, scenario, policy, steps.stream().map(Dated::line).toList());
      } catch (InvalidTrustInputException e) {
        throw new ScenarioFormatException(source, 0, e.getMessage(), e);
      }
    }

    private String text(String key, String fallback) {
      Header h = headers.get(key);
      return h == null ? fallback : h.value();
    }

    private String fileName() {
      String name = source.replace('\\', '/');
      name = name.substring(name.lastIndexOf('/') + 1);
      return name.isBlank() ? "scenario" : name;
    }

    private String defaultTitle() {
      String name = fileName();
      int dot = name.lastIndexOf('.');
      name = (dot > 0 ? name.substring(0, dot) : name).strip();
      if (name.length() > 100) {
        name = name.substring(0, 100).strip();
      }
      return name.isEmpty() ? "scenario" : name;
    }
  }

  private record Dated(Instant time, int line, Scenario.Step step) {}

  private static long weeksBetween(Instant from, Instant to) {
    return Duration.between(from, to).toSeconds() / WEEK.toSeconds();
  }

  private static String didYouMean(String word, List<String> candidates) {
    List<String> close = Suggestions.closest(word, candidates, 2);
    return close.isEmpty() ? "" : "; did you mean \"" + close.get(0) + "\"?";
  }

  /** Quotes at most 60 characters of a user's text in a message. */
  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** Finds the known words closest to a misspelt one. */
  static final class Suggestions {
    private Suggestions() {}

    /**
     * Returns up to {@code max} candidates within a small edit distance of {@code word}, or that
     * contain it or are contained in it, closest first.
     */
    static List<String> closest(String word, List<String> candidates, int max) {
      if (word.isEmpty() || word.length() > 100) {
        return List.of();
      }
      Map<String, Integer> distance = new HashMap<>();
      for (String c : candidates) {
        int d = levenshtein(word, c);
        boolean related = word.length() >= 4 && (c.contains(word) || word.contains(c));
        if (d <= Math.max(2, c.length() / 3) || related) {
          distance.put(c, related ? Math.min(d, 3) : d);
        }
      }
      return distance.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .limit(max)
          .map(Map.Entry::getKey)
          .toList();
    }

    static int levenshtein(String a, String b) {
      int[] prev = new int[b.length() + 1];
      int[] cur = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        prev[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        cur[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        }
        int[] t = prev;
        prev = cur;
        cur = t;
      }
      return prev[b.length()];
    }
  }
}
