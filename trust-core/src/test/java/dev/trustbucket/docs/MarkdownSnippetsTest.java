package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.trustbucket.TrustBucket;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the Java blocks of the Markdown pages themselves, so that the docs cannot drift
 * from the code.
 *
 * <p>The rules a page's {@code ```java} blocks follow (CONTRIBUTING.md, "Docs that run"):
 *
 * <ul>
 *   <li>A block is imports followed by statements. The blocks of one page run in order in one scope,
 *       like a notebook: a later block may use what an earlier one declared.
 *   <li>A block preceded by the line {@code <!-- compile-only -->} is compiled, not run. It stands
 *       alone: it sees the page's imports but none of its variables.
 *   <li>A statement that declares a numeric variable ({@code double}, {@code float}, {@code int},
 *       {@code long}) and ends in a comment that starts with a number ({@code // 0.435}, {@code //
 *       0.467, back toward 0.5}) asserts that the variable, rounded to the digits shown, is that
 *       number. Other comments are prose.
 * </ul>
 *
 * <p>Pages whose snippets need more than trust-core are not scanned here: see {@link #SKIPPED}.
 */
@DisplayName("Markdown: every Java block of README.md and docs/ compiles, runs, and its numbers are true")
class MarkdownSnippetsTest {

  /** The pages checked; their snippets need only trust-core. Paths from the repository root. */
  static final ImmutableList<String> PAGES =
      ImmutableList.of(
          "README.md", "docs/concepts.md", "docs/policy.md", "docs/compatibility.md", "docs/text.md",
          // trust-testing's sources are compiled into trust-core's tests (docs/testing.md), so its page runs here
          "docs/testing.md");

  /**
   * The pages that are not, and why. {@code docs/embedding.md}: its snippets read the system clock
   * ({@code Clock.systemUTC()}) and one of them throws on purpose, so they run as a hand-copied
   * program in {@link EmbeddingSnippetsTest}. {@code docs/review-tool.md}: it needs trust-examples
   * and a database. {@code docs/workshop.md}, {@code docs/performance.md}: no Java blocks. {@code
   * docs/persistence.md}, {@code docs/streaming.md}, {@code docs/spring-boot.md}: they need
   * trust-jdbc and a database, trust-kafka-streams, the Spring Boot starter; their modules run their
   * snippets ({@code PersistenceSnippetsTest}, {@code StreamingSnippetsTest}, {@code
   * SpringBootSnippetsTest}).
   */
  static final ImmutableList<String> SKIPPED =
      ImmutableList.of(
          "docs/embedding.md", "docs/review-tool.md", "docs/workshop.md", "docs/performance.md",
          "docs/persistence.md", "docs/streaming.md", "docs/spring-boot.md");

  private static final String COMPILE_ONLY = "<!-- compile-only -->";
  private static final Pattern NUMERIC_DECLARATION =
      Pattern.compile("^\\s*(?:final\\s+)?(?:double|float|int|long)\\s+(\\w+)\\s*=.*");
  private static final Pattern TRAILING_NUMBER =
      Pattern.compile("//\\s*([-+\u2212]?\\d[\\d_]*(?:\\.\\d+)?)(?![\\d.\\-/])");

  /** A method-call chain used as a statement: no declaration, assignment or keyword. */
  private static final Pattern EXPRESSION =
      Pattern.compile("^(?!(?:return|throw|new|if|for|while|int|double|long|float|var)\\b)"
          + "[A-Za-z_][\\w.]*\\s*\\((?:[^=;]|==)*\\)(?:\\s*\\.\\s*\\w+\\s*\\((?:[^=;]|==)*\\))*\\s*;$");

  @TempDir Path work;

  @Test
  void everyPageWithJavaBlocksIsCheckedOrSkippedWithAReason() throws IOException {
    Path root = repositoryRoot();
    Set<String> withJava = new LinkedHashSet<>();
    if (Files.readString(root.resolve("README.md")).contains("```java")) {
      withJava.add("README.md");
    }
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      for (Path p : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        if (Files.readString(p).contains("```java")) {
          withJava.add("docs/" + p.getFileName());
        }
      }
    }
    Set<String> known = new LinkedHashSet<>(PAGES);
    known.addAll(SKIPPED);
    assertThat(known).as("a page with Java blocks must be checked here or skipped with a reason")
        .containsAll(withJava);
  }

  @TestFactory
  Stream<DynamicTest> everyBlockCompilesRunsAndItsNumbersAreTrue() {
    return PAGES.stream().map(page -> DynamicTest.dynamicTest(page, () -> check(page)));
  }

  /** A block of Java in a page: its first line number in the file and its lines. */
  record Block(int firstLine, List<String> lines, boolean compileOnly) {}

  static List<Block> blocks(List<String> markdown) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < markdown.size(); i++) {
      if (!markdown.get(i).strip().equals("```java")) {
        continue;
      }
      boolean compileOnly = i > 0 && markdown.get(i - 1).strip().equals(COMPILE_ONLY);
      int start = i + 1;
      int end = start;
      while (end < markdown.size() && !markdown.get(end).strip().equals("```")) {
        end++;
      }
      blocks.add(new Block(start + 1, markdown.subList(start, end), compileOnly));
      i = end;
    }
    return blocks;
  }

  private void check(String page) throws Exception {
    Path file = repositoryRoot().resolve(page);
    List<Block> blocks = blocks(Files.readAllLines(file, StandardCharsets.UTF_8));
    String className = "Page" + Integer.toHexString(page.hashCode() & 0x7fffffff);
    Program program = new Program(page, className);
    int compileOnly = 0;
    for (Block block : blocks) {
      program.add(block, block.compileOnly() ? ++compileOnly : 0);
    }
    Class<?> compiled = compile(program);
    Method run = compiled.getMethod("run");
    try {
      run.invoke(null);
    } catch (InvocationTargetException e) {
      throw new AssertionError(page + ": a block threw " + e.getCause(), e.getCause());
    }
  }

  /** The Java source made of one page's blocks, with each generated line's place in the page. */
  private static final class Program {
    private final String page;
    private final String className;
    private final Set<String> imports = new LinkedHashSet<>();
    private final List<String> run = new ArrayList<>();
    private final List<Integer> runLines = new ArrayList<>();
    private final List<List<String>> compileOnly = new ArrayList<>();
    private final List<List<Integer>> compileOnlyLines = new ArrayList<>();
    private final List<Integer> sourceLines = new ArrayList<>();

    Program(String page, String className) {
      this.page = page;
      this.className = className;
    }

    void add(Block block, int compileOnlyNumber) {
      List<String> body = compileOnlyNumber > 0 ? new ArrayList<>() : run;
      List<Integer> lines = compileOnlyNumber > 0 ? new ArrayList<>() : runLines;
      StringBuilder statement = new StringBuilder();
      for (int i = 0; i < block.lines().size(); i++) {
        String line = block.lines().get(i);
        int at = block.firstLine() + i;
        if (line.startsWith("import ")) {
          imports.add(line.strip());
          continue;
        }
        statement.append(line).append('\n');
        String code = codeOf(line);
        if (!(code.endsWith(";") || code.endsWith("{") || code.endsWith("}"))) {
          continue;
        }
        String whole = statement.toString();
        statement.setLength(0);
        int first = at - (int) whole.lines().count() + 1;
        String checked = compileOnlyNumber == 0 ? expressionCheck(whole, line, at) : whole;
        if (!checked.equals(whole)) {
          body.add(checked);
          lines.add(first);
          continue;
        }
        List<String> parts = whole.lines().toList();
        for (int k = 0; k < parts.size(); k++) {
          body.add(parts.get(k));
          lines.add(first + k);
        }
        @Nullable String assertion = assertion(whole, line, at);
        if (assertion != null && compileOnlyNumber == 0) {
          body.add(assertion);
          lines.add(at);
        }
      }
      // What is left after the last statement: comments and blank lines.
      List<String> rest = statement.toString().lines().toList();
      for (int k = 0; k < rest.size(); k++) {
        body.add(rest.get(k));
        lines.add(block.firstLine() + block.lines().size() - rest.size() + k);
      }
      if (compileOnlyNumber > 0) {
        compileOnly.add(body);
        compileOnlyLines.add(lines);
      }
    }

    /** The check for a numeric declaration whose last line ends in {@code // <number>}. */
    @Nullable String assertion(String statement, String lastLine, int at) {
      Matcher declaration = NUMERIC_DECLARATION.matcher(statement.strip());
      int comment = lastLine.indexOf("//");
      if (!declaration.lookingAt() || comment < 0) {
        return null;
      }
      Matcher number = TRAILING_NUMBER.matcher(lastLine.substring(comment));
      if (!number.lookingAt()) {
        return null;
      }
      String shown = number.group(1).replace('\u2212', '-').replace("_", "");
      return String.format(
          Locale.ROOT, "check(\"%s:%d\", %s, \"%s\");", page, at, declaration.group(1), shown);
    }

    /**
     * An expression statement such as {@code bucket.level(); // 0.5} becomes a check of its value
     * (it must then be numeric, or the page does not compile); anything else is kept as it is.
     */
    String expressionCheck(String statement, String lastLine, int at) {
      String code = codeOfStatement(statement);
      int comment = lastLine.indexOf("//");
      if (comment < 0 || !code.endsWith(";") || !EXPRESSION.matcher(code).matches()) {
        return statement;
      }
      Matcher number = TRAILING_NUMBER.matcher(lastLine.substring(comment));
      if (!number.lookingAt()) {
        return statement;
      }
      String shown = number.group(1).replace('\u2212', '-').replace("_", "");
      String expression = code.substring(0, code.length() - 1);
      return String.format(
          Locale.ROOT, "check(\"%s:%d\", %s, \"%s\");", page, at, expression, shown);
    }

    String source() {
      List<String> out = new ArrayList<>();
      for (String i : imports) {
        out.add(i);
        sourceLines.add(0);
      }
      emit(out, "public final class " + className + " {", 0);
      emit(out, "public static void run() throws Exception {", 0);
      for (int i = 0; i < run.size(); i++) {
        emit(out, run.get(i), runLines.get(i));
      }
      emit(out, "}", 0);
      for (int k = 0; k < compileOnly.size(); k++) {
        emit(out, "static void compileOnly" + (k + 1) + "() throws Exception {", 0);
        for (int i = 0; i < compileOnly.get(k).size(); i++) {
          emit(out, compileOnly.get(k).get(i), compileOnlyLines.get(k).get(i));
        }
        emit(out, "}", 0);
      }
      emit(out, CHECK, 0);
      emit(out, "}", 0);
      return String.join("\n", out) + "\n";
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
  }

  /** Rounds {@code actual} to the digits of {@code shown} and compares. */
  private static final String CHECK =
      "private static void check(String where, double actual, String shown) {\n"
          + "  java.math.BigDecimal expected = new java.math.BigDecimal(shown);\n"
          + "  java.math.BigDecimal rounded = new java.math.BigDecimal(actual)"
          + ".setScale(Math.max(expected.scale(), 0), java.math.RoundingMode.HALF_EVEN);\n"
          + "  if (rounded.compareTo(expected) != 0) {\n"
          + "    throw new AssertionError(where + \": the comment says \" + shown"
          + " + \" but the value is \" + actual);\n"
          + "  }\n"
          + "}";

  private static String codeOf(String line) {
    int comment = line.indexOf("//");
    return (comment < 0 ? line : line.substring(0, comment)).strip();
  }

  private static String codeOfStatement(String statement) {
    return statement.lines().map(MarkdownSnippetsTest::codeOf).collect(Collectors.joining(" ")).strip();
  }

  private Class<?> compile(Program program) throws IOException, ClassNotFoundException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("the tests run on a JDK").isNotNull();
    Path sources = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path source = sources.resolve(program.className + ".java");
    Files.writeString(source, program.source());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-cp", classPath());
      boolean ok =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
      if (!ok) {
        String errors =
            diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> program.page + ":" + program.pageLine(d.getLineNumber()) + ": "
                    + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        throw new AssertionError(program.page + ": a Java block does not compile\n" + errors);
      }
    }
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass(program.className);
  }

  /** trust-core's classes and the jars its API uses: what a reader of the page has. */
  private static String classPath() {
    // and, for docs/testing.md, trust-testing (compiled into these test classes), jqwik and AssertJ
    return Stream.of(TrustBucket.class, ImmutableList.class, Nullable.class,
            dev.trustbucket.testing.DecayRuleContract.class, net.jqwik.api.Arbitrary.class,
            org.assertj.core.api.Assertions.class)
        .map(MarkdownSnippetsTest::location)
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("docs"))
        ? here
        : here.getParent();
  }

  @Test
  void theRulesFindTheNumbersAndOnlyThose() {
    Program p = new Program("x.md", "X");
    assertThat(p.assertion("double level = bucket.level();", "double level = bucket.level(); // 0.435", 7))
        .isEqualTo("check(\"x.md:7\", level, \"0.435\");");
    assertThat(p.assertion("double r = later.level();", "double r = later.level(); // 0.467, back", 8))
        .isEqualTo("check(\"x.md:8\", r, \"0.467\");");
    assertThat(p.assertion("int d = drops;", "int d = drops;   // \u22123", 9))
        .isEqualTo("check(\"x.md:9\", d, \"-3\");");
    assertThat(p.assertion("bucket.level();", "bucket.level(); // 0.5", 1)).isNull();
    assertThat(p.assertion("TrustBucket b = x;", "TrustBucket b = x; // 0.5", 1)).isNull();
    assertThat(p.assertion("double x = y;", "double x = y; // about half", 1)).isNull();
    assertThat(p.assertion("double x = y;", "double x = y; // 2025-01-06", 1))
        .as("a date is not a number").isNull();
    assertThat(new BigDecimal("0.435").scale()).isEqualTo(3);
    assertThat(p.expressionCheck("bucket.level();   // 0.5\n", "bucket.level();   // 0.5", 3))
        .isEqualTo("check(\"x.md:3\", bucket.level(), \"0.5\");");
    assertThat(p.expressionCheck("a.b(c)\n    .d(e);   // 0.35 (x)\n", "    .d(e);   // 0.35 (x)", 4))
        .isEqualTo("check(\"x.md:4\", a.b(c) .d(e), \"0.35\");");
    assertThat(p.expressionCheck("bucket.tier();    // SUPERVISED\n", "bucket.tier();    // SUPERVISED", 5))
        .isEqualTo("bucket.tier();    // SUPERVISED\n");
    assertThat(p.expressionCheck("x = y.z();  // 0.5\n", "x = y.z();  // 0.5", 6))
        .as("an assignment is not an expression check").isEqualTo("x = y.z();  // 0.5\n");
  }
}
