package dev.trustbucket.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of the repository's docs, README.md and every {@code .md} file under docs/, found
 * without a list: each page's Java blocks compile, the blocks that run run, and every value their
 * comments, markers and shown text blocks give is true (CONTRIBUTING.md, "Docs that run").
 */
@DisplayName("Docs: every Java block of README.md and docs/ compiles, runs, and shows true values")
class MarkdownPagesTest {
  @TempDir static Path work;
  private static PageRunner runner;

  @BeforeAll
  static void start() throws IOException {
    emptyWorkingDirectory();
    runner = new PageRunner(work);
  }

  @AfterAll
  static void stop() throws IOException {
    runner.close();
  }

  @TestFactory
  Stream<DynamicTest> everyPage() throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = pages(root);
    assertThat(pages).as("README.md and docs/ were found").contains(root.resolve("README.md"))
        .hasSizeGreaterThan(5);
    return pages.stream().map(p -> {
      String name = root.relativize(p).toString().replace('\\', '/');
      return DynamicTest.dynamicTest(name, p.toUri(), () -> {
        runner.run(MarkdownPage.parse(name, Files.readString(p, StandardCharsets.UTF_8)));
      });
    });
  }

  /** README.md and every Markdown file under docs/, in a stable order. */
  static List<Path> pages(Path root) throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The repository, from the build ({@code trustbucket.docs.root}) or from where the test runs. */
  static Path repositoryRoot() {
    String configured = System.getProperty("trustbucket.docs.root");
    Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    while (root != null && !(Files.exists(root.resolve("README.md")) && Files.isDirectory(root.resolve("docs")))) {
      root = root.getParent();
    }
    if (root == null) {
      throw new IllegalStateException("no README.md and docs/ above " + configured);
    }
    return root.toAbsolutePath().normalize();
  }

  /**
   * Pages run in the build's working directory for them (target/docs-run, set in the pom), and a page
   * may leave files there (docs/review-tool.md's team.db): start each run from an empty one.
   */
  private static void emptyWorkingDirectory() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    if (!here.getFileName().toString().equals("docs-run")) {
      return; // not run by the build (an IDE): leave the directory alone
    }
    try (Stream<Path> files = Files.walk(here)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(here)) {
          Files.delete(p);
        }
      }
    }
  }
}
