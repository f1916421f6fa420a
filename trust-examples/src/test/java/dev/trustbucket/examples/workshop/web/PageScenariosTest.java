package dev.trustbucket.examples.workshop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios the page offers travel on the class path, in a directory or in a jar. */
class PageScenariosTest {
  static final Path SCENARIOS = Path.of("").toAbsolutePath().getParent().resolve("scenarios");

  @Test
  void theBuildCopiesEveryScenarioFileOfTheRepository() throws Exception {
    ShippedScenarios shipped = ShippedScenarios.load();
    try (var files = Files.list(SCENARIOS)) {
      assertThat(shipped.names()).containsExactlyElementsOf(files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList());
    }
    assertThat(shipped.get("essay").orElseThrow().scenario().name()).isEqualTo("The essay's story");
    assertThat(shipped.get("../essay")).isEmpty();
  }

  @Test
  void readsThemFromAJar(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("page.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(ShippedScenarios.RESOURCE_DIRECTORY + "/"));
      out.closeEntry();
      for (String name : new String[] {"essay.txt", "hidden-mistake.txt"}) {
        out.putNextEntry(new JarEntry(ShippedScenarios.RESOURCE_DIRECTORY + "/" + name));
        out.write(Files.readAllBytes(SCENARIOS.resolve(name)));
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ShippedScenarios shipped = ShippedScenarios.load(loader);
      assertThat(shipped.names()).containsExactly("essay", "hidden-mistake");
      assertThat(shipped.get("hidden-mistake").orElseThrow().scenario().steps()).isNotEmpty();
    }
  }
}
