package dev.trustbucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packages of trust-core form no cycle but the ones written down in {@code package-info.java}
 * of {@code dev.trustbucket}: read from the compiled classes' constant pools, so that a new
 * dependency that closes a cycle fails here, with the types that close it.
 */
@DisplayName("Package dependencies: no cycles but the documented ones")
class PackageCyclesTest {
  private static final String ROOT = "dev.trustbucket";

  /**
   * The dependencies that close a cycle, each from one package to another, and the only types of
   * the target it may use. Everything else must form a graph without cycles. The reasons are in the
   * root's package-info.java.
   */
  private static final Map<String, Set<String>> ALLOWED_BACK_EDGES = Map.of(
      "behaviour -> ", Set.of("InvalidTrustInputException", "TextRule"),
      "decay -> ", Set.of("InvalidTrustInputException"),
      "internal -> ", Set.of("InvalidTrustInputException", "TextRule"),
      "history -> ", Set.of("InvalidTrustInputException", "AutonomyTier", "TrustEvent"));

  private static final Pattern TYPE = Pattern.compile("dev/trustbucket/[A-Za-z0-9_/$]+");

  @Test
  @DisplayName("the package graph is acyclic once the documented back edges are taken out, and those use only their listed types")
  void noNewCycles() throws IOException, URISyntaxException {
    Map<String, Map<String, Set<String>>> graph = packageGraph(); // from -> to -> types used
    List<String> unexpected = new ArrayList<>();
    for (Map.Entry<String, Set<String>> back : ALLOWED_BACK_EDGES.entrySet()) {
      String[] ends = back.getKey().split(" -> ", -1);
      String from = qualified(ends[0]);
      String to = qualified(ends[1]);
      Set<String> used = graph.getOrDefault(from, Map.of()).getOrDefault(to, Set.of());
      for (String type : used) {
        String simple = type.substring(to.length() + 1).replaceAll("\\$.*", "");
        if (!back.getValue().contains(simple)) {
          unexpected.add(from + " -> " + type);
        }
      }
      graph.getOrDefault(from, new TreeMap<>()).remove(to);
    }
    assertThat(unexpected).as("root types a sub-package may reach without closing a new cycle").isEmpty();
    assertThat(cycle(graph)).as("a cycle between packages (document it in package-info.java and here, or break it)")
        .isEmpty();
  }

  @Test
  @DisplayName("the checker sees the known cycles: without the allowance, root and behaviour depend on each other")
  void theCheckerSeesCycles() throws IOException, URISyntaxException {
    Map<String, Map<String, Set<String>>> graph = packageGraph();
    assertThat(graph.get(ROOT)).containsKey(ROOT + ".behaviour");
    assertThat(graph.get(ROOT + ".behaviour").get(ROOT)).contains(ROOT + ".InvalidTrustInputException");
    assertThat(cycle(graph)).isNotEmpty();
  }

  /** Every package of trust-core's classes, with the packages it refers to and the types it uses there. */
  private static Map<String, Map<String, Set<String>>> packageGraph() throws IOException, URISyntaxException {
    Path classes = Path.of(TrustPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        if (name.equals("module-info.class")) {
          continue;
        }
        String from = packageOf(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        Map<String, Set<String>> edges = graph.computeIfAbsent(from, k -> new TreeMap<>());
        try (InputStream in = Files.newInputStream(file)) {
          for (String utf8 : constantPoolStrings(in)) {
            Matcher m = TYPE.matcher(utf8);
            while (m.find()) {
              String type = m.group().replace('/', '.');
              String to = packageOf(type);
              if (!to.equals(from)) {
                edges.computeIfAbsent(to, k -> new TreeSet<>()).add(type);
              }
            }
          }
        }
      }
    }
    return graph;
  }

  private static String qualified(String subPackage) {
    return subPackage.isEmpty() ? ROOT : ROOT + "." + subPackage;
  }

  private static String packageOf(String type) {
    return type.substring(0, type.lastIndexOf('.'));
  }

  /** A cycle in the graph, as the packages along it, or an empty list. */
  private static List<String> cycle(Map<String, Map<String, Set<String>>> graph) {
    Map<String, Integer> state = new TreeMap<>(); // 1 on the path, 2 done
    for (String start : graph.keySet()) {
      List<String> path = new ArrayList<>();
      if (visit(start, graph, state, path)) {
        return path;
      }
    }
    return List.of();
  }

  private static boolean visit(String p, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> state,
      List<String> path) {
    Integer s = state.get(p);
    if (s != null) {
      if (s == 1) {
        path.add(p);
        return true;
      }
      return false;
    }
    state.put(p, 1);
    path.add(p);
    for (String next : graph.getOrDefault(p, Map.of()).keySet()) {
      if (visit(next, graph, state, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(p, 2);
    return false;
  }

  /** The UTF-8 entries of a class file's constant pool: class names, descriptors and signatures among them. */
  private static List<String> constantPoolStrings(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    in.readInt(); // magic
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    List<String> strings = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1: // Utf8
          strings.add(in.readUTF());
          break;
        case 3: case 4: // Integer, Float
          in.readInt();
          break;
        case 5: case 6: // Long, Double: two slots
          in.readLong();
          i++;
          break;
        case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
          in.readUnsignedShort();
          break;
        case 9: case 10: case 11: case 12: case 17: case 18: // refs, NameAndType, (Invoke)Dynamic
          in.readInt();
          break;
        case 15: // MethodHandle
          in.readUnsignedByte();
          in.readUnsignedShort();
          break;
        default:
          throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return strings;
  }
}
