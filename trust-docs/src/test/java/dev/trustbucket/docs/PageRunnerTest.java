package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner itself, on small pages written here: what passes, and each way a page fails. */
@DisplayName("The docs runner: what a page must do to pass, and how it fails")
class PageRunnerTest {
  @TempDir static Path work;
  private static PageRunner runner;

  @BeforeAll
  static void start() {
    runner = new PageRunner(work);
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
  }

  private static int run(String markdown) throws Throwable {
    return runner.run(MarkdownPage.parse("t.md", markdown));
  }

  private static final String FENCE = "```";

  @Test
  void blocksRunInOrderInOneScopeAndEveryKindOfValueIsChecked() throws Throwable {
    String page = """
        # A page

        ```java
        import java.time.DayOfWeek;
        import java.time.Instant;
        import java.util.Optional;

        double half = 1.0 / 2;                     // 0.5
        long big = 1_000_000L * 3;                 // 3_000_000
        ```

        Some prose, then a block that uses what the first declared:

        ```java
        Math.sqrt(half);                           // 0.707, rounded to the digits shown
        Math.subtractExact(big, 4_000_000L);       // −1_000_000
        DayOfWeek day = DayOfWeek.MONDAY.plus(1);  // TUESDAY
        day.name().toLowerCase();                  // "tuesday"
        day.equals(DayOfWeek.TUESDAY);             // true
        Instant.EPOCH.plusSeconds(86_400);         // 1970-01-02T00:00:00Z
        Optional.of(day);                          // TUESDAY
        double prose = half * 3;                   // about one and a half: prose, not checked
        String s = "http://example.com";           // "http://example.com"
        ```
        """;
    assertThat(run(page)).isEqualTo(10);
  }

  @Test
  void aWrongNumberFailsNamingThePageLineAndBothValues() {
    String page = """
        ```java
        double third = 1.0 / 3;   // 0.333
        double half = 1.0 / 2;    // 0.49
        ```
        """;
    assertThatThrownBy(() -> run(page)).isInstanceOf(AssertionError.class)
        .hasMessage("t.md:3: the comment says 0.49 but the value is 0.5");
  }

  @Test
  void aWrongConstantStringOrBooleanFails() {
    assertThatThrownBy(() -> run(FENCE + "java\njava.time.DayOfWeek.MONDAY.plus(1);   // WEDNESDAY\n" + FENCE + "\n"))
        .hasMessage("t.md:2: the comment says WEDNESDAY but the value is TUESDAY");
    assertThatThrownBy(() -> run(FENCE + "java\nString.valueOf(42);   // \"43\"\n" + FENCE + "\n"))
        .hasMessage("t.md:2: the comment says \"43\" but the value is 42");
    assertThatThrownBy(() -> run(FENCE + "java\nboolean yes = 1 > 2;   // true\n" + FENCE + "\n"))
        .hasMessage("t.md:2: the comment says true but the value is false");
  }

  @Test
  void aBlockThatNoLongerCompilesFailsNamingItsLineInThePage() {
    String page = """
        Text.

        ```java
        int a = 1;
        int b = a.length();
        ```
        """;
    assertThatThrownBy(() -> run(page)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("t.md: a Java block does not compile")
        .hasMessageContaining("t.md:5: int cannot be dereferenced");
  }

  @Test
  void aBlockThatThrowsUnannouncedFailsWithItsLine() {
    String page = """
        ```java
        int a = 1;
        Integer.parseInt("x" + a);
        ```
        """;
    assertThatThrownBy(() -> run(page)).hasMessageStartingWith("t.md:3: this block threw java.lang.NumberFormatException");
  }

  @Test
  void aCompileOnlyBlockIsCompiledSeesEarlierBlocksAndIsNotRun() throws Throwable {
    String page = """
        ```java
        String host = "kafka-1";
        ```

        <!-- compile-only: needs a server that the docs cannot start -->
        ```java
        java.net.Socket socket = new java.net.Socket(host, 9092);   // 0.5
        ```
        """;
    assertThat(run(page)).isZero();
    assertThatThrownBy(() -> run(page.replace("9092);   // 0.5", "9092);\nint port = 9092;   // 9092")))
        .hasMessageStartingWith("t.md:8: this block is compile-only, so the value its comment shows would never be checked");
    String broken = page.replace("new java.net.Socket(host, 9092)", "new java.net.Socket(host, 9092, 7, 8, 9)");
    assertThatThrownBy(() -> run(broken)).hasMessageContaining("t.md:7: ");
  }

  @Test
  void aBlockMarkedThrowsMustThrowExactlyThatTypeWithThatMessage() throws Throwable {
    String page = """
        <!-- throws NumberFormatException: For input string -->
        ```java
        Integer.parseInt("x");
        ```

        ```java
        int after = 2;   // 2
        ```
        """;
    assertThat(run(page)).isEqualTo(2);
    assertThatThrownBy(() -> run(page.replace("\"x\"", "\"1\"")))
        .hasMessage("t.md:3: the page says this block throws NumberFormatException but it threw nothing");
    assertThatThrownBy(() -> run(page.replace("NumberFormatException:", "IllegalArgumentException:")))
        .hasMessageStartingWith("t.md:3: the page says this block throws IllegalArgumentException but it threw"
            + " java.lang.NumberFormatException");
    assertThatThrownBy(() -> run(page.replace("For input string", "For output")))
        .hasMessageStartingWith("t.md:3: the page says the message starts with \"For output\" but it is"
            + " \"For input string: \"x\"\"");
  }

  @Test
  void aValueInACodeBlockIsCheckedWhenItRunsAndFailsThePageWhenItNeverDoes() throws Throwable {
    String page = """
        ```java
        try {
          Integer.parseInt("x");
        } catch (NumberFormatException e) {
          String message = e.getMessage();   // "For input string: \\"x\\""
        }
        Runnable r = new Runnable() {
          int inAClassBody = 1;               // 2: a field, prose here
          @Override
          public void run() {
            int inAMethod = 3;                // 3
          }
        };
        r.run();
        ```
        """;
    assertThat(run(page)).isEqualTo(2);
    assertThatThrownBy(() -> run(page.replace("\"x\");", "\"1\");")))
        .hasMessageStartingWith("t.md:5: the value this comment shows was never checked: the line did not run");
  }

  @Test
  void aTextBlockMarkedShowsMustBeTheValueTabsAsArrowsAndAnEllipsisForAnyRun() throws Throwable {
    String page = """
        ```java
        java.util.List<String> lines = java.util.List.of("a\\tb", "fingerprint 4d86ba02345ccf9b");
        ```

        <!-- shows lines -->
        ```text
        a→b
        fingerprint 4d86…9b
        ```
        """;
    assertThat(run(page)).isEqualTo(1);
    assertThatThrownBy(() -> run(page.replace("a→b", "a→c")))
        .hasMessageStartingWith("t.md:7: line 1 of the block shows\n  a→c\nbut the value's line is\n  a→b");
    assertThatThrownBy(() -> run(page.replace("4d86…9b\n", "4d86…9b\nmore\n")))
        .hasMessageStartingWith("t.md:7: line 3 of the block shows\n  more\nbut the value's line is\n  null");
  }

  @Test
  void valuesInABlockThatReadsTheSystemClockAreRefused() {
    String page = """
        ```java
        java.time.Instant now = java.time.Instant.now();
        long days = now.getEpochSecond() / 86_400;   // 20_000
        ```
        """;
    assertThatThrownBy(() -> run(page)).hasMessageStartingWith("t.md:3: this block reads the system clock");
  }

  @Test
  void aJavaBlockTheRunnerWouldNotSeeFailsThePage() {
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "x\n```Java\nint a;\n```\n"))
        .hasMessage("t.md:2: a Java block's fence must say exactly ```java (it says ```Java)");
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "```java title=\"A\"\nint a;\n```\n"))
        .hasMessageStartingWith("t.md:1: a Java block's fence must say exactly ```java");
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "```java\nint a;\n"))
        .hasMessage("t.md:1: this ```java block is never closed");
  }

  @Test
  void aMarkerWithoutAReasonMisspeltOrAwayFromItsBlockFailsThePage() {
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "<!-- compile-only -->\n```java\nint a;\n```\n"))
        .hasMessage("t.md:1: say why the block cannot run: <!-- compile-only: the reason -->");
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "<!-- compile only: x -->\n```java\nint a;\n```\n"))
        .hasMessageStartingWith("t.md:1: unknown marker <!-- compile only: x -->");
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "<!-- compile-only: x -->\n\n```java\nint a;\n```\n"))
        .hasMessage("t.md:1: a marker must be on the line just before its fence");
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "<!-- shows a -->\n```java\nint a;\n```\n"))
        .hasMessageStartingWith("t.md:1: <!-- shows ... --> is for the text block");
    assertThatThrownBy(() -> MarkdownPage.parse("t.md", "<!-- throws X -->\n```text\nx\n```\n"))
        .hasMessage("t.md:1: this marker is for a ```java block, not a ```text one");
  }

  @Test
  void otherFencesAndIndentedJavaBlocksAreReadRightly() {
    MarkdownPage page = MarkdownPage.parse("t.md", """
        ````md
        ```java
        not Java: inside a Markdown example
        ```
        ````

        - a list item:

          ```java
          int inList = 1;
          ```
        """);
    assertThat(page.blocks()).singleElement().satisfies(b -> {
      assertThat(b.firstLine()).isEqualTo(10);
      assertThat(b.lines()).containsExactly("int inList = 1;");
    });
  }

  @Test
  void aNewPageUnderDocsIsFoundWithoutEditingTheTest(@TempDir Path repo) throws IOException {
    Files.writeString(repo.resolve("README.md"), "# R\n");
    Files.createDirectories(repo.resolve("docs/deeper"));
    Files.writeString(repo.resolve("docs/new.md"), "# N\n");
    Files.writeString(repo.resolve("docs/deeper/more.md"), "# M\n");
    Files.writeString(repo.resolve("docs/notes.txt"), "not a page\n");
    assertThat(MarkdownPagesTest.pages(repo)).containsExactly(
        repo.resolve("README.md"), repo.resolve("docs/deeper/more.md"), repo.resolve("docs/new.md"));
  }
}
