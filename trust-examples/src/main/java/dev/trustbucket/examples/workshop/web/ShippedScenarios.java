package dev.trustbucket.examples.workshop.web;

import dev.trustbucket.examples.workshop.ScenarioFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scenario files of the repository's {@code scenarios/} directory, which the build copies into
 * the jar: the page offers them by name, so it needs no files beside the jar. They are read and
 * checked once, when the server starts. Immutable and thread-safe.
 */
final class ShippedScenarios {
  /** Where the build puts the scenario files on the class path. */
  static final String RESOURCE_DIRECTORY = "dev/trustbucket/examples/workshop/web/scenarios";

  private final Map<String, ScenarioFile> byName;

  private ShippedScenarios(Map<String, ScenarioFile> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /**
   * Reads every scenario file on the class path, in the order of their names.
   *
   * @return the scenarios, by name without {@code .txt}
   * @throws UncheckedIOException when the directory cannot be listed
   * @throws dev.trustbucket.examples.workshop.ScenarioFormatException when a shipped file is bad
   */
  static ShippedScenarios load() {
    return load(ShippedScenarios.class.getClassLoader());
  }

  /**
   * Reads every scenario file that a class loader finds, from a directory or from a jar.
   *
   * @param loader where to look
   * @return the scenarios, by name without {@code .txt}
   */
  static ShippedScenarios load(ClassLoader loader) {
    URL url = loader.getResource(RESOURCE_DIRECTORY);
    if (url == null) {
      throw new UncheckedIOException(new IOException("no " + RESOURCE_DIRECTORY + " on the class path"));
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.provider().getPath(uri));
        }
      }
      return read(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ShippedScenarios read(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = new ArrayList<>(list.filter(p -> p.getFileName().toString().endsWith(".txt")).toList());
    }
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    Map<String, ScenarioFile> byName = new LinkedHashMap<>();
    for (Path f : files) {
      String file = f.getFileName().toString();
      byte[] bytes;
      try (InputStream in = Files.newInputStream(f)) {
        bytes = in.readNBytes(ScenarioFile.MAX_FILE_BYTES + 1);
      }
      byName.put(file.substring(0, file.length() - 4), ScenarioFile.parse("scenarios/" + file, bytes));
    }
    return new ShippedScenarios(byName);
  }

  /** The names, e.g. {@code "essay"}, sorted. */
  List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The scenario with this name. */
  Optional<ScenarioFile> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
