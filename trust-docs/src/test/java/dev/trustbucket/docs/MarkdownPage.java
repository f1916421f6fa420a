package dev.trustbucket.docs;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fenced blocks of one Markdown page that the runner acts on: every {@code ```java} block, and
 * every other block that a {@code <!-- shows ... -->} marker ties to a value.
 *
 * <p>Reading a page fails, naming the page and the line, on anything that would let a Java block go
 * unchecked: a fence whose language is spelled {@code Java} or {@code java something}, a Java
 * block that never closes, a marker that is misspelt, has no reason or is not right above the
 * block it is for.
 */
record MarkdownPage(String name, ImmutableList<Block> blocks) {

  /** What the runner does with a block. */
  enum Mode {
    /** Run in page order, in the page's one scope; values in trailing comments are asserted. */
    RUN,
    /** Compiled in page order, never run: {@link Block#reason()} says why. */
    COMPILE_ONLY,
    /** Run like {@link #RUN}, and it must throw exactly {@link Block#reason()}'s exception type. */
    THROWS,
    /** Not Java: the text a program prints or returns; {@link Block#reason()} is the expression. */
    SHOWS
  }

  /**
   * One fenced block.
   *
   * @param firstLine the page's line number (1-based) of the block's first line inside the fence
   * @param lines the block's lines, without the fence and without the fence's indentation
   * @param mode what the runner does with it
   * @param reason for {@code COMPILE_ONLY} why it cannot run; for {@code THROWS} the exception's
   *     simple or qualified class name; for {@code SHOWS} the Java expression whose value it shows
   * @param message for {@code THROWS}, the start of the exception's message, or null for any
   */
  record Block(int firstLine, ImmutableList<String> lines, Mode mode, String reason, @Nullable String message) {}

  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*(.*?)\\s*$");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(.*?)\\s*-->\\s*$");
  /** Anything that looks like one of our markers, to catch a misspelt one. */
  private static final Pattern MARKER_LIKE =
      Pattern.compile("^(compile[\\s_-]*only|throws?|shows?)\\b.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMPILE_ONLY = Pattern.compile("^compile-only:\\s*(\\S.*)$");
  private static final Pattern THROWS =
      Pattern.compile("^throws\\s+([A-Za-z_][\\w.]*)\\s*(?::\\s*(.*))?$");
  private static final Pattern SHOWS = Pattern.compile("^shows\\s+(\\S.*)$");

  /** Reads a page's text; {@code name} is how failures name it (a path from the repository root). */
  static MarkdownPage parse(String name, String text) {
    List<String> lines = text.lines().toList();
    List<Block> blocks = new ArrayList<>();
    @Nullable Marker pending = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNumber = i + 1;
      Matcher marker = MARKER.matcher(line);
      if (marker.matches() && MARKER_LIKE.matcher(marker.group(1)).matches()) {
        if (pending != null) {
          throw problem(name, pending.line, "a marker must be on the line just before its fence");
        }
        pending = marker(name, lineNumber, marker.group(1));
        continue;
      }
      Matcher fence = FENCE.matcher(line);
      if (!fence.matches()) {
        if (pending != null) {
          throw problem(name, pending.line, "a marker must be on the line just before its fence");
        }
        continue;
      }
      String indent = fence.group(1);
      String ticks = fence.group(2);
      String info = fence.group(3);
      int close = closingFence(lines, i + 1, ticks);
      boolean java = info.equals("java");
      if (!java && info.split("\\s+")[0].toLowerCase(Locale.ROOT).equals("java")) {
        throw problem(name, lineNumber,
            "a Java block's fence must say exactly ```java (it says " + ticks + info + ")");
      }
      if (close < 0) {
        if (java) {
          throw problem(name, lineNumber, "this ```java block is never closed");
        }
        close = lines.size();
      }
      ImmutableList<String> body = unindented(lines.subList(i + 1, close), indent);
      if (java) {
        blocks.add(javaBlock(name, lineNumber + 1, body, pending));
      } else if (pending != null) {
        if (pending.mode != Mode.SHOWS) {
          throw problem(name, pending.line, "this marker is for a ```java block, not a ```" + info + " one");
        }
        blocks.add(new Block(lineNumber + 1, body, Mode.SHOWS, pending.argument, null));
      }
      pending = null;
      i = close;
    }
    if (pending != null) {
      throw problem(name, pending.line, "a marker must be on the line just before its fence");
    }
    return new MarkdownPage(name, ImmutableList.copyOf(blocks));
  }

  private record Marker(int line, Mode mode, String argument, @Nullable String message) {}

  private static Marker marker(String page, int line, String text) {
    Matcher compileOnly = COMPILE_ONLY.matcher(text);
    if (compileOnly.matches()) {
      return new Marker(line, Mode.COMPILE_ONLY, compileOnly.group(1), null);
    }
    Matcher throwsMarker = THROWS.matcher(text);
    if (throwsMarker.matches()) {
      String message = throwsMarker.group(2);
      return new Marker(line, Mode.THROWS, throwsMarker.group(1),
          message == null || message.isEmpty() ? null : message);
    }
    Matcher shows = SHOWS.matcher(text);
    if (shows.matches()) {
      return new Marker(line, Mode.SHOWS, shows.group(1), null);
    }
    if (text.startsWith("compile-only")) {
      throw problem(page, line, "say why the block cannot run: <!-- compile-only: the reason -->");
    }
    throw problem(page, line, "unknown marker <!-- " + text + " -->; the markers are"
        + " <!-- compile-only: reason -->, <!-- throws ExceptionType -->,"
        + " <!-- throws ExceptionType: message start --> and <!-- shows expression -->");
  }

  private static Block javaBlock(String page, int firstLine, ImmutableList<String> body, @Nullable Marker marker) {
    if (marker == null) {
      return new Block(firstLine, body, Mode.RUN, "", null);
    }
    if (marker.mode == Mode.SHOWS) {
      throw problem(page, marker.line, "<!-- shows ... --> is for the text block after the Java that makes it");
    }
    return new Block(firstLine, body, marker.mode, marker.argument, marker.message);
  }

  /** The index of the line that closes a fence opened with {@code ticks}, or -1. */
  private static int closingFence(List<String> lines, int from, String ticks) {
    for (int j = from; j < lines.size(); j++) {
      String s = lines.get(j).strip();
      if (s.length() >= ticks.length() && s.chars().allMatch(c -> c == ticks.charAt(0))) {
        return j;
      }
    }
    return -1;
  }

  private static ImmutableList<String> unindented(List<String> lines, String indent) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (String l : lines) {
      out.add(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading());
    }
    return out.build();
  }

  static AssertionError problem(String page, int line, String what) {
    return new AssertionError(page + ":" + line + ": " + what);
  }
}
