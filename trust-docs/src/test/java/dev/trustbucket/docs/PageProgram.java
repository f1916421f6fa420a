package dev.trustbucket.docs;

import dev.trustbucket.docs.MarkdownPage.Block;
import dev.trustbucket.docs.MarkdownPage.Mode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Java source made of one page's blocks: one class with two methods, each line mapped back to
 * the page.
 *
 * <ul>
 *   <li>{@code run()} holds the blocks that run, in page order, in one scope (a later block sees what
 *       an earlier one declared), with a check after every statement whose trailing comment starts
 *       with a value, a check around every block that must throw, and a check of every text block
 *       that shows a value.
 *   <li>{@code compileAll()} holds every Java block in page order, compile-only ones included, and is
 *       never called: a compile-only block sees what the blocks before it declared.
 * </ul>
 */
final class PageProgram {
  private static final String SHOWN = "dev.trustbucket.docs.Shown";

  /** A declaration with an initialiser: {@code Type name = ...}. */
  private static final Pattern DECLARATION =
      Pattern.compile("^(?:final\\s+)?(?!return\\b|throw\\b|new\\b|else\\b)([A-Za-z_][\\w.]*"
          + "(?:<[^=;]*>)?(?:\\[\\])*)\\s+([A-Za-z_]\\w*)\\s*=(?!=).*;$", Pattern.DOTALL);

  /** The declared types whose trailing number is a value; on any other type it is prose. */
  private static final Pattern NUMBER_TYPE =
      Pattern.compile("double|float|int|long|short|byte|Double|Float|Integer|Long|Short|Byte|var");

  /** A method-call chain used as a statement: no declaration, assignment or keyword. */
  private static final Pattern EXPRESSION =
      Pattern.compile("^(?!(?:return|throw|new|if|for|while|int|double|long|float|var)\\b)"
          + "[A-Za-z_][\\w.]*\\s*\\((?:[^=;]|==|->)*\\)(?:\\s*\\.\\s*\\w+\\s*\\((?:[^=;]|==|->)*\\))*\\s*;$");

  /** What a trailing comment may start with to be asserted (see {@link Shown#value}). */
  static final Pattern VALUE =
      Pattern.compile("^(?:"
          + "\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+Z)?(?![\\w:-])"          // an instant or a date
          + "|[-+\u2212]?\\d[\\d_]*(?:\\.\\d+)?(?![\\d.\\-/\\w])"     // a number
          + "|(?:true|false)(?![\\w(])"                               // a boolean
          + "|\"(?:[^\"\\\\]|\\\\.)*\""                               // a string, as Java writes it
          + "|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?<=..)(?![\\w(])"         // a constant: SUPERVISED
          + ")");

  /** A call that reads the wall clock: values after it change with the day the page runs. */
  private static final Pattern WALL_CLOCK =
      Pattern.compile("\\b(?:Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year)"
          + "\\.now\\(|\\bClock\\.system(?:UTC|DefaultZone)?\\(|System\\.currentTimeMillis\\(");

  private final String page;
  private final String className;
  private final Set<String> imports = new LinkedHashSet<>();
  private final Lines run = new Lines();
  private final Lines all = new Lines();
  private final List<Integer> sourceLines = new ArrayList<>();
  private int checks;
  private final List<String> sites = new ArrayList<>();

  /** The lines of a method body, each with its line in the page (0 for generated lines). */
  private static final class Lines {
    final List<String> text = new ArrayList<>();
    final List<Integer> at = new ArrayList<>();

    void add(String line, int pageLine) {
      text.add(line);
      at.add(pageLine);
    }
  }

  PageProgram(MarkdownPage page, String className) {
    this.page = page.name();
    this.className = className;
    for (Block block : page.blocks()) {
      add(block);
    }
  }

  /** How many values, throws and shown texts {@code run()} checks. */
  int checks() {
    return checks;
  }

  /** Where the value checks are ("page:line"): each must run at least once. */
  List<String> valueSites() {
    return sites;
  }

  private void add(Block block) {
    switch (block.mode()) {
      case RUN -> {
        List<Statement> statements = statements(block);
        statements.forEach(s -> s.emit(all, false));
        statements.forEach(s -> s.emit(run, true));
      }
      case COMPILE_ONLY -> statements(block).forEach(s -> s.emit(all, false));
      case THROWS -> {
        List<Statement> statements = statements(block);
        all.add("try {", 0);
        statements.forEach(s -> s.emit(all, false));
        all.add("} catch (Throwable $ignored) {", 0);
        all.add("}", 0);
        run.add("{ Throwable $thrown = null;", 0);
        run.add("try {", 0);
        statements.forEach(s -> s.emit(run, true));
        run.add("} catch (Throwable $caught) { $thrown = $caught; }", 0);
        run.add(SHOWN + ".threw(\"" + where(block.firstLine()) + "\", $thrown, " + literal(block.reason())
            + ", " + (block.message() == null ? "null" : literal(block.message())) + "); }", block.firstLine());
        checks++;
      }
      case SHOWS -> {
        run.add(SHOWN + ".text(\"" + where(block.firstLine()) + "\", " + block.reason() + ", "
            + literal(String.join("\n", block.lines())) + ");", block.firstLine() - 2);
        checks++;
      }
    }
  }

  /** One statement of a block (or a line that is not one: a comment, a brace), with its check. */
  private final class Statement {
    final List<String> lines;
    final int firstLine;
    final @Nullable String check;

    Statement(List<String> lines, int firstLine, @Nullable String check) {
      this.lines = lines;
      this.firstLine = firstLine;
      this.check = check;
    }

    void emit(Lines out, boolean withCheck) {
      for (int k = 0; k < lines.size(); k++) {
        out.add(lines.get(k), firstLine + k);
      }
      if (withCheck && check != null) {
        out.add(check, firstLine + lines.size() - 1);
      }
    }
  }

  private List<Statement> statements(Block block) {
    List<Statement> out = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    // The braces open at this point: true for a class body, where a check cannot go.
    java.util.ArrayDeque<Boolean> open = new java.util.ArrayDeque<>();
    boolean readsClock = false;
    int firstValue = 0;
    for (int i = 0; i < block.lines().size(); i++) {
      String line = block.lines().get(i);
      int at = block.firstLine() + i;
      String code = codeOf(line);
      if (open.isEmpty() && pending.isEmpty() && code.startsWith("import ")) {
        imports.add(line.strip());
        continue;
      }
      readsClock |= WALL_CLOCK.matcher(code).find();
      pending.add(line);
      braces(String.join(" ", pending.stream().map(PageProgram::codeOf).toList()), code, open);
      if (!(code.endsWith(";") || code.endsWith("{") || code.endsWith("}") || code.isEmpty() && pending.size() == 1)) {
        continue;
      }
      int first = at - pending.size() + 1;
      @Nullable String check = open.isEmpty() || !open.peek() ? check(pending, line, at) : null;
      if (check != null && firstValue == 0) {
        firstValue = at;
      }
      out.add(new Statement(List.copyOf(pending), first, check));
      if (check != null && block.mode() == Mode.COMPILE_ONLY) {
        throw MarkdownPage.problem(page, at, "this block is compile-only, so the value its comment shows"
            + " would never be checked: make the block run, or write the note so it does not start with a value");
      }
      if (check != null) {
        checks++;
        sites.add(where(at));
      }
      pending.clear();
    }
    if (!pending.isEmpty()) {
      out.add(new Statement(List.copyOf(pending), block.firstLine() + block.lines().size() - pending.size(), null));
    }
    if (readsClock && firstValue != 0) {
      throw MarkdownPage.problem(page, firstValue, "this block reads the system clock, so the values its"
          + " comments show would change with the day it runs: pass a fixed Clock or Instant instead");
    }
    return out;
  }

  /** The check of a statement whose last line's comment starts with a value, or null. */
  @Nullable String check(List<String> statement, String lastLine, int at) {
    int comment = JavaLineScanner.commentStart(lastLine);
    if (comment < 0) {
      return null;
    }
    Matcher value = VALUE.matcher(lastLine.substring(comment + 2).strip());
    if (!value.lookingAt()) {
      return null;
    }
    String code = statement.stream().map(PageProgram::codeOf).collect(Collectors.joining(" ")).strip();
    Matcher declaration = DECLARATION.matcher(code);
    String actual;
    if (declaration.matches()) {
      if (value.group().matches("[-+\u2212]?\\d[\\d_]*(?:\\.\\d+)?") && !NUMBER_TYPE.matcher(declaration.group(1)).matches()) {
        return null; // "TrustBucket b = ...;   // 0.395": a note on the object, not its value
      }
      actual = declaration.group(2);
    } else if (EXPRESSION.matcher(code).matches()) {
      actual = code.substring(0, code.length() - 1).strip();
    } else {
      return null;
    }
    return String.format(Locale.ROOT, "%s.value(\"%s\", %s, %s);", SHOWN, where(at), actual, literal(value.group()));
  }

  String source() {
    List<String> out = new ArrayList<>();
    sourceLines.clear();
    for (String i : imports) {
      emit(out, i, 0);
    }
    emit(out, "@SuppressWarnings(\"all\")", 0);
    emit(out, "public final class " + className + " {", 0);
    method(out, "public static void run() throws Throwable {", run);
    method(out, "static void compileAll() throws Throwable {", all);
    emit(out, "}", 0);
    return String.join("\n", out) + "\n";
  }

  private void method(List<String> out, String header, Lines body) {
    emit(out, header, 0);
    for (int i = 0; i < body.text.size(); i++) {
      emit(out, body.text.get(i), body.at.get(i));
    }
    emit(out, "}", 0);
  }

  private void emit(List<String> out, String line, int at) {
    out.add(line);
    sourceLines.add(at);
  }

  /** The page's line for a line of the generated source (1-based), or 0 for generated code. */
  int pageLine(long sourceLine) {
    int index = (int) sourceLine - 1;
    return index >= 0 && index < sourceLines.size() ? sourceLines.get(index) : 0;
  }

  String className() {
    return className;
  }

  private String where(int line) {
    return page + ":" + line;
  }

  static String codeOf(String line) {
    int comment = JavaLineScanner.commentStart(line);
    return (comment < 0 ? line : line.substring(0, comment)).strip();
  }

  /** A line that opens a class body: a declaration of a type, or an anonymous class. */
  private static final Pattern CLASS_BODY =
      Pattern.compile("(?:\\b(?:class|interface|enum|record)\\s+\\w+[^{]*|\\bnew\\s+[\\w.<>, ]+\\([^;]*\\)\\s*)$");

  /**
   * Updates {@code open} with the braces of {@code code}, the latest line of {@code statement}, outside
   * string and character literals: each opening brace pushes whether it opens a class body.
   */
  private static void braces(String statement, String code, java.util.Deque<Boolean> open) {
    String before = statement.substring(0, statement.length() - code.length());
    JavaLineScanner.scan(code, i -> {
      char c = code.charAt(i);
      if (c == '{') {
        String head = (before + code.substring(0, i)).strip();
        int cut = Math.max(Math.max(head.lastIndexOf(';'), head.lastIndexOf('{')), head.lastIndexOf('}'));
        open.push(CLASS_BODY.matcher(head.substring(cut + 1)).find());
      } else if (c == '}' && !open.isEmpty()) {
        open.pop();
      }
    });
  }

  /** {@code s} as a Java string literal. */
  static String literal(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
