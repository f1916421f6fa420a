package dev.trustbucket.examples.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the scenario file format: what {@link ScenarioFile#format} writes, {@link
 * ScenarioFile#parse} reads back equal; and whatever junk it is given, parse either succeeds or
 * throws a {@link ScenarioFormatException}, never anything else.
 */
class ScenarioFileProperties {
  private static final List<Behaviour> BEHAVIOURS = BehaviourCatalogue.defaults().all();
  private static final String VALID = """
      title: Valid
      start: 2025-01-06
      end: 2025-06-30
      2025-01-10 delivered-on-commitment note="on time"
      2025-02-03 low-quality-delivery weight=1.5 discovered=9d
      every 7d from 2025-03-03 to 2025-04-28 regular-check-in
      """;

  // ---- round trip ----

  // The generators mix in their own special values (0, 100, 1e-7, the smallest double); jqwik's
  // edge cases would add thousands of combinations on top.
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void aWrittenScenarioReadsBackEqual(@ForAll("scenarios") Scenario scenario, @ForAll("presets") TrustPolicy policy) {
    String text = ScenarioFile.format(scenario, policy);
    ScenarioFile back = ScenarioFile.parse("generated.txt", text);
    assertThat(back.scenario()).isEqualTo(scenario);
    assertThat(back.policy()).isEqualTo(policy);
    // And the bytes are stable: writing what was read gives the same text.
    assertThat(ScenarioFile.format(back.scenario(), back.policy())).isEqualTo(text);
  }

  @Provide
  Arbitrary<TrustPolicy> presets() {
    return Arbitraries.of(PolicyPresets.ALL);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Instant> start = Arbitraries.longs()
        .between(Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(), Instant.parse("2040-01-01T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
    Arbitrary<Double> level = Arbitraries.oneOf(
        Arbitraries.doubles().between(0.0, 1.0), Arbitraries.of(0.0, 0.5, 1.0, 0.1 + 0.2, 1e-9));
    Arbitrary<List<Draft>> drafts = draft().list().ofMaxSize(25);
    Arbitrary<Long> tail = Arbitraries.longs().between(1, 28L * 86_400);
    return Combinators.combine(text(100), text(Scenario.MAX_TEXT_LENGTH), start, level, drafts, tail)
        .as((title, description, s, l, ds, t) -> {
          Scenario.Builder b = Scenario.builder(title, description);
          Instant time = s;
          for (Draft d : ds) {
            time = time.plusSeconds(d.gapSeconds());
            TrustEvent e = new TrustEvent(d.behaviour(), time, d.weight(),
                d.behaviour().isDrop() ? Disclosure.notRecorded() : d.disclosure(), d.note() == null ? "" : d.note());
            b.step(e, d.note() == null ? d.behaviour().label() : d.note());
          }
          return b.startingAt(s, l).endingAt(time.plusSeconds(t)).build();
        });
  }

  private record Draft(long gapSeconds, Behaviour behaviour, double weight, Disclosure disclosure, String note) {}

  private Arbitrary<Draft> draft() {
    Arbitrary<Long> gap = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 30L * 86_400));
    Arbitrary<Double> weight = Arbitraries.oneOf(
        Arbitraries.doubles().between(0.0, 100.0),
        Arbitraries.of(0.0, 1.0, 100.0, 1e-7, 0.1 + 0.2, 4.9e-324));
    Arbitrary<Disclosure> disclosure = Arbitraries.oneOf(
        Arbitraries.just(Disclosure.notRecorded()),
        Arbitraries.just(Disclosure.selfReported()),
        Arbitraries.longs().between(0, 36_525).map(d -> Disclosure.discovered(Duration.ofDays(d))));
    Arbitrary<String> note = Arbitraries.oneOf(Arbitraries.just((String) null), text(Scenario.MAX_TEXT_LENGTH));
    return Combinators.combine(gap, Arbitraries.of(BEHAVIOURS), weight, disclosure, note).as(Draft::new);
  }

  /** One line of text a person could type: printable characters, quotes, backslashes, '#', tabs, emoji. */
  private static Arbitrary<String> text(int max) {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.chars().range(' ', '~'),
        Arbitraries.of('"', '\\', '#', '=', 'é', 'ß', '\u00a0', '中'));
    Arbitrary<String> plain = chars.list().ofMinSize(1).ofMaxSize(Math.min(max, 60))
        .map(cs -> {
          StringBuilder sb = new StringBuilder();
          cs.forEach(sb::append);
          return sb.toString();
        });
    return Arbitraries.oneOf(plain, plain.map(s -> s + "\uD83D\uDCA5")) // an emoji: a surrogate pair
        .filter(s -> !s.isBlank() && s.length() <= max);
  }

  // ---- junk never leaks another exception ----

  @Property(tries = 2000)
  void aJunkLineGivesAScenarioOrAFormatErrorNothingElse(
      @ForAll("junkLines") String junk, @ForAll @IntRange(min = 0, max = 6) int at) {
    List<String> lines = new ArrayList<>(VALID.lines().toList());
    lines.add(at, junk);
    parseSafely(String.join("\n", lines));
  }

  @Property(tries = 1000)
  void junkAloneGivesAFormatError(@ForAll("junkLines") String junk) {
    // No start header, so nothing can come out of junk alone.
    boolean startsWithStart = junk.strip().toLowerCase(java.util.Locale.ROOT).startsWith("start");
    Throwable t = parseSafely(junk);
    if (!startsWithStart) {
      assertThat(t).as("junk \"%s\"", junk).isInstanceOf(ScenarioFormatException.class);
    }
  }

  @Property(tries = 1000)
  void randomBytesGiveAScenarioOrAFormatError(@ForAll("bytes") byte[] bytes) {
    Throwable t = parseSafelyBytes(bytes);
    if (t != null) {
      assertThat(((ScenarioFormatException) t).line()).isBetween(0, bytes.length + 1);
    }
  }

  @Property(tries = 500)
  void anEventLineWithAJunkOptionIsRejectedOnItsLine(@ForAll("junkOptions") String option) {
    Throwable t = parseSafely("start: 2025-01-06\n2025-01-07 missed-deadline " + option + "\n");
    if (t != null) {
      assertThat(((ScenarioFormatException) t).line()).isEqualTo(2);
    }
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> mixed = Combinators.combine(random, Arbitraries.integers().between(0, VALID.length()))
        .as((junk, cut) -> {
          byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
          byte[] out = new byte[cut + junk.length + (valid.length - cut)];
          System.arraycopy(valid, 0, out, 0, cut);
          System.arraycopy(junk, 0, out, cut, junk.length);
          System.arraycopy(valid, cut, out, cut + junk.length, valid.length - cut);
          return out;
        });
    return Arbitraries.oneOf(random, mixed);
  }

  @Provide
  Arbitrary<String> junkLines() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of(
            "every", "from", "to", "7d", "0d", "2w", "-1d", "99999999999999999999d", "1d",
            "2025-01-07", "2025-02-30", "9999-12-31", "0000-01-01", "2025-01-07T25:61Z", "2025-01-07T09:00Z",
            "2025-01-07T09:00:00.123456789Z", "2025-13-45", "2025-01-07T", "-2025-01-07", "+10000-01-01",
            "small-win", "missed-deadline", "hid-problem", "Small-Win", "nope",
            "weight=", "weight=NaN", "weight=-1", "weight=1e309", "weight=Infinity", "weight=0x1p3",
            "weight=" + "9".repeat(40), "weight=1." + "1".repeat(500), "weight=100", "weight=100.0000001",
            "discovered=", "discovered=5w", "discovered=36526d", "discovered=1h", "self-reported",
            "self-reported=", "note=", "note=\"", "note=\"x\"", "note=\"a\\\"b\"", "note=\"\\x\"", "note=\"\\\"",
            "\"", "\\", "#", ":", "=", "title:", "start:", "end:", "level:", "policy:", "time:", "description:",
            "level: NaN", "level: 1e-400", "policy: strict", "time: 24:00", "start: 2025-01-06",
            "\t", " ", "\r", "\u0000", "\u001b", "\u007f", "\u0085", "\uFEFF", "\uFFFD", "\uFFFF", "\uD800",
            "\uDC00", "é", "\uD83D\uDCA5", "\u2028"),
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
    return Arbitraries.oneOf(
        token.list().ofMaxSize(10).map(ts -> String.join(" ", ts)),
        token.list().ofMaxSize(6).map(ts -> String.join("", ts)),
        Arbitraries.strings().all().ofMaxLength(80));
  }

  @Provide
  Arbitrary<String> junkOptions() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.of("weight=", "discovered=", "note=").flatMap(k ->
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(25).map(v -> k + v)));
  }

  /** Returns null when the text parsed, the ScenarioFormatException when not; fails on anything else. */
  private static Throwable parseSafely(String text) {
    try {
      ScenarioFile f = ScenarioFile.parse("junk.txt", text);
      // What parses also runs.
      f.run();
      return null;
    } catch (ScenarioFormatException e) {
      assertThat(e.getMessage()).startsWith("junk.txt:");
      return e;
    }
  }

  private static Throwable parseSafelyBytes(byte[] bytes) {
    try {
      ScenarioFile.parse("junk.txt", bytes).run();
      return null;
    } catch (ScenarioFormatException e) {
      assertThat(e.getMessage()).startsWith("junk.txt:");
      return e;
    }
  }

  // ---- text the TextRule refuses, wherever it hides ----

  /** Code points the text rule refuses (no raw line breaks: they would split the line). */
  @Provide
  Arbitrary<Integer> refused() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0x00, 0x1F).filter(c -> c != '\n' && c != '\r' && c != '\t'),
        Arbitraries.integers().between(0x7F, 0x9F),
        Arbitraries.of(0x2028, 0x2029, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF),
        Arbitraries.integers().between(0xFDD0, 0xFDEF),
        Arbitraries.integers().between(0x202A, 0x202E),
        Arbitraries.integers().between(0x2066, 0x2069),
        Arbitraries.integers().between(0xD800, 0xDFFF));
  }

  /** Where in a valid file the character goes: the line's number and the line with a placeholder. */
  enum Spot {
    TITLE(1, "title: Val%sid"),
    DESCRIPTION(1, "description: a %s story"),
    NOTE(5, "2025-01-10 delivered-on-commitment note=\"on %s time\""),
    COMMENT(5, "# a comment %s here"),
    TAB_IN_NOTE(5, "2025-01-10 delivered-on-commitment note=\"on\t%s time\"");

    final int line;
    final String template;

    Spot(int line, String template) {
      this.line = line;
      this.template = template;
    }
  }

  @Property(tries = 400)
  void aRefusedCharacterIsRejectedOnItsLineAsTextOrBytes(@ForAll("refused") int cp, @ForAll Spot spot) {
    List<String> lines = new ArrayList<>(List.of("start: 2025-01-06", "end: 2025-06-30", "", "",
        "2025-02-03 low-quality-delivery weight=1.5 discovered=9d"));
    lines.add(spot.line - 1, String.format(java.util.Locale.ROOT, spot.template, new String(Character.toChars(cp))));
    String text = String.join("\n", lines) + "\n";
    ScenarioFormatException fromText = (ScenarioFormatException) parseSafely(text);
    assertThat(fromText).as("U+%04X in the %s", cp, spot).isNotNull();
    assertThat(fromText.line()).isEqualTo(spot.line);
    if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
      // The same as UTF-8 bytes (a lone surrogate has no UTF-8 form: the String path covers it).
      ScenarioFormatException fromBytes = (ScenarioFormatException) parseSafelyBytes(text.getBytes(StandardCharsets.UTF_8));
      assertThat(fromBytes).isNotNull();
      assertThat(fromBytes.line()).isEqualTo(spot.line);
    }
  }

  // ---- special files ----

  @Property(tries = 1)
  void specialFilesAreRefusedOrBoundedNeverEndless() throws Exception {
    List<java.nio.file.Path> paths = new ArrayList<>();
    for (String p : List.of("/dev/zero", "/dev/null", "/dev/urandom", "/dev/stdin", "/dev/tty", "/proc/self/status",
        "/proc/self/maps", "/proc/self/fd/0", "/", "/tmp")) {
      if (java.nio.file.Files.exists(java.nio.file.Path.of(p))) {
        paths.add(java.nio.file.Path.of(p));
      }
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "special-files");
      t.setDaemon(true);
      return t;
    });
    try {
      for (java.nio.file.Path p : paths) {
        java.util.concurrent.Future<Throwable> f = pool.submit(() -> {
          try {
            ScenarioFile.read(p);
            return null;
          } catch (ScenarioFormatException e) {
            return e;
          }
        });
        Throwable t = f.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(t).as("%s", p).isInstanceOf(ScenarioFormatException.class);
        assertThat(((ScenarioFormatException) t).file()).isEqualTo(p.toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
