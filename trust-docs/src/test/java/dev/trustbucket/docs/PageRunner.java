package dev.trustbucket.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a page's program with the JDK's compiler, in this JVM, against this module's test class
 * path (every module the pages use), and runs it. One compiler and one file manager serve every
 * page, so the class path's jars are opened once.
 */
final class PageRunner implements AutoCloseable {
  private final JavaCompiler javac;
  private final StandardJavaFileManager files;
  private final Path work;
  private int pages;

  /** A runner that writes each page's source and classes under {@code work}. */
  PageRunner(Path work) {
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("the docs run on a JDK, not a JRE: javax.tools has no compiler");
    }
    this.work = work;
    this.files = javac.getStandardFileManager(null, Locale.ROOT, null);
    try {
      files.setLocation(StandardLocation.CLASS_PATH,
          java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
              .filter(s -> !s.isEmpty())
              .map(File::new)
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles every Java block of {@code page} and runs those that run; throws an {@link AssertionError}
   * naming the page and line of the first problem.
   *
   * @return how many values, throws and shown texts were checked
   */
  int run(MarkdownPage page) throws Throwable {
    PageProgram program = new PageProgram(page, "DocsPage" + (++pages));
    Path dir = Files.createDirectories(work.resolve(program.className()));
    Path source = dir.resolve(program.className() + ".java");
    Files.writeString(source, program.source());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-proc:none", "-nowarn", "-d", dir.toString());
    boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
    if (!ok) {
      String errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> page.name() + ":" + program.pageLine(d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
      throw new AssertionError(page.name() + ": a Java block does not compile (generated source: " + source
          + ")\n" + errors);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> compiled = loader.loadClass(program.className());
      Shown.reset();
      try {
        compiled.getMethod("run").invoke(null);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof AssertionError) {
          throw cause;
        }
        int line = 0;
        for (StackTraceElement frame : cause.getStackTrace()) {
          if (frame.getClassName().equals(program.className())) {
            line = program.pageLine(frame.getLineNumber());
            break;
          }
        }
        throw new AssertionError(page.name() + ":" + line + ": this block threw " + cause, cause);
      }
    }
    for (String site : program.valueSites()) {
      if (!Shown.ran(site)) {
        throw new AssertionError(site + ": the value this comment shows was never checked: the line did not run"
            + " (is it in a catch that nothing reached? mark the block <!-- throws ... --> instead)");
      }
    }
    return program.checks();
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}
