package dev.trustbucket.examples.workshop.web;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The program that starts the workshop page: {@code ./mvnw -q -pl trust-examples -am compile
 * exec:java -Dexec.mainClass=dev.trustbucket.examples.workshop.web.WorkshopPage}. It prints the
 * address to open and serves until it is stopped (Ctrl+C).
 */
@Command(
    name = "workshop-page",
    mixinStandardHelpOptions = true,
    version = "Trust Bucket workshop page 0.1.0-SNAPSHOT",
    description = {
      "Serves the workshop page: pick a scenario, play it week by week, add behaviours, compare.",
      "Everything it serves is in the jar; it needs no network beyond the room's."
    })
public final class WorkshopPage implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "The address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for the room).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT", description = "The port (default: 8080; 0 for any free one).")
  int port = 8080;

  @Option(names = "--allow-host", paramLabel = "NAME",
      description = "A host name, besides localhost and the machine's addresses, that participants may open the"
          + " page by (e.g. laptop.local); repeat for more. Other names are refused, against DNS rebinding.")
  List<String> allowedHosts = new ArrayList<>();

  /**
   * Starts the page and serves until the program is stopped.
   *
   * @param args {@code [--host ADDRESS] [--port PORT]}
   */
  public static void main(String[] args) {
    int code = new CommandLine(new WorkshopPage()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    WorkshopServer server;
    try {
      server = WorkshopServer.start(WorkshopServer.Config.defaults().withAddress(host, port)
          .withAllowedHosts(allowedHosts));
    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "workshop-page-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Trust Bucket workshop page: " + server.address());
    out.println("Open it in a browser; Ctrl+C stops the server.");
    out.flush();
    stopped.await();
    return 0;
  }
}
