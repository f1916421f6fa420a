package dev.trustbucket.examples.workshop;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
 * <p>The code is in parts that the command line and the workshop page share: this record reads a
 * file from disk, {@link ScenarioText} decodes its bytes into lines, {@code ScenarioParser} turns
 * the lines into a scenario, {@link ScenarioWriter} writes one back, and {@link ScenarioRunner}
 * plays it.
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
   * @param path the file; its name as given appears in error messages
   * @return the scenario
   * <p>Only a regular file is read (a symbolic link to one is followed): a device such as {@code
   * /dev/zero}, a pipe such as {@code /dev/stdin} or a socket is refused before anything is read,
   * since it can produce bytes without end. The size limit, {@value #MAX_FILE_BYTES} bytes, counts
   * the bytes as they are read, and reading stops one byte past it: a file that says it is smaller
   * than it is (files under {@code /proc} say 0) is held to the same limit.
   *
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
   * Checks and validates a scenario file's bytes, which must be UTF-8 text.
   *
   * @param source the file name, for messages
   * @param bytes the file's content
   * @return the scenario
   * @throws ScenarioFormatException when the bytes are not a valid scenario
   */
  public static ScenarioFile parse(String source, byte[] bytes) {
    return ScenarioText.parse(source, bytes);
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

  /**
   * Writes a scenario in the file format; see {@link ScenarioWriter#format(Scenario, TrustPolicy)}.
   *
   * @param scenario the story
   * @param policy the policy to name in the file; must be one of the four presets
   * @return the file's text
   * @throws IllegalArgumentException as {@link ScenarioWriter#format(Scenario, TrustPolicy)} does
   */
  public static String format(Scenario scenario, TrustPolicy policy) {
    return ScenarioWriter.format(scenario, policy);
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

  private static String tooLarge(long size) {
    return ScenarioText.tooLarge(size);
  }
}
