package dev.trustbucket.examples.workshop;


import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TextRule;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.math.BigDecimal;
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
import dev.trustbucket.examples.format.Clip;

/**
 * The grammar of a scenario file: turns its lines, one by one, into the checked parts of a {@link
 * ScenarioFile}, collecting every problem with its line number. {@link ScenarioText} feeds it the
 * decoded lines; {@link ScenarioFile} documents the format. Not thread-safe: one parser reads one
 * file.
 */
final class ScenarioParser {
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

  private ScenarioParser() {}

  /**
   * Returns a parser for one file.
   *
   * @param source the file name, for messages
   * @return a new parser; give it every line, then call {@code finish()}
   */
  static Parser forSource(String source) {
    return new Parser(source);
  }

  /** One line that gave an event, or a repeat of one. */
  private record EventLine(
      int line, Instant from, Instant to, Duration period, TrustEvent prototype, String narration) {
    boolean repeats() {
      return period != null;
    }
  }

  private record Header(int line, String value) {}

  private record Token(String text, int column, boolean quoted) {}

  static final class Parser {
    private final String source;
    private final List<ScenarioFormatException.Problem> problems = new ArrayList<>();
    private final Map<String, Header> headers = new LinkedHashMap<>();
    private final List<EventLine> events = new ArrayList<>();
    private int firstEventLine;
    int lastLine;
    private Instant start;
    private Instant end;
    private Double level;
    private TrustPolicy policy = TrustPolicy.defaults();
    private LocalTime eventTime = ScenarioFile.DEFAULT_EVENT_TIME;
    private Instant previousTime;
    private int previousTimeLine;

    Parser(String source) {
      this.source = source;
    }

    void problem(int line, String message) {
      problems.add(new ScenarioFormatException.Problem(line, message));
    }

    void line(int n, String text) {
      if (text.length() > ScenarioFile.MAX_LINE_LENGTH) {
        problem(n, ScenarioText.tooLong(text.length(), "characters"));
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
          if (weeksBetween(start, last) >= ScenarioFile.MAX_WEEKS) {
            problem(e.line(), "the event on " + last + " is more than " + ScenarioFile.MAX_WEEKS + " weeks after the start");
            continue;
          }
          total += count;
          if (total > ScenarioFile.MAX_EVENTS) {
            problem(e.line(), "the file makes more than " + ScenarioFile.MAX_EVENTS + " events");
            break;
          }
          for (long k = 0; k < count; k++) {
            Instant t = e.from().plus(e.period() == null ? Duration.ZERO : e.period().multipliedBy(k));
            steps.add(new Dated(t, e.line(), new Scenario.Step(e.prototype().withTime(t), e.narration())));
          }
        }
        long weeks = (Duration.between(start, end == null ? start : end).toSeconds() + WEEK.toSeconds() - 1)
            / WEEK.toSeconds();
        if (weeks > ScenarioFile.MAX_WEEKS) {
          problem(endHeader.line(), "the story is " + weeks + " weeks long; the limit is "
              + ScenarioFile.MAX_WEEKS + " weeks (ten years)");
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
        long weeks = steps.isEmpty() ? ScenarioFile.EMPTY_WEEKS : weeksBetween(start, steps.get(steps.size() - 1).time())
            + 1 + ScenarioFile.TAIL_WEEKS;
        end = start.plus(WEEK.multipliedBy(Math.min(weeks, ScenarioFile.MAX_WEEKS)));
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
  static String shorten(String text) {
    return Clip.to(text, 60);
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
