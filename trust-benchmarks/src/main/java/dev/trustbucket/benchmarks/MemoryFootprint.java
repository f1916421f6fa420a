package dev.trustbucket.benchmarks;

import dev.trustbucket.AutonomyTier;
import dev.trustbucket.TrustBucket;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustLedger;
import dev.trustbucket.TrustPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Measures with JOL what a bucket and a stored event cost in memory, excluding what every bucket
 * and ledger shares.
 *
 * <p><b>Shared, not counted</b>: the policy (with its catalogue, behaviours, decay rules and
 * ladder), the {@link AutonomyTier} constants, and the empty note {@code ""} that events without
 * a note all point to. A note's own text is the user's data and is not part of these figures.
 *
 * <ul>
 *   <li><b>Bucket</b>: everything reachable from one {@link TrustBucket}, minus the shared set.
 *   <li><b>Per event</b>: (retained size of a ledger of n events − retained size of an empty
 *       ledger) / n, with both ledgers built from {@code TrustLedger.start} and {@code append}, as
 *       a user builds them. This counts the event columns (with the spare capacity the ledger
 *       holds at that size), the checkpoints (one bucket per 64 events) and the arrays holding
 *       them. It is given at n = 1,000, 10,000, 100,000 and 1,000,000 (the figure), and as
 *       the most over every size from 100 to 999 and from 1,000 to 10,000 events, where spare
 *       capacity weighs most.
 * </ul>
 *
 * <p>Prints a readable report; with an argument, also writes {@code key=value} lines to that
 * file for {@code trust-benchmarks/report.py}.
 */
public final class MemoryFootprint {
  private static final int MILLION = 1_000_000;
  /**
   * The sizes swept for the most bytes per event, every size in two bands: small ledgers
   * ({@code [100, 1,000)}) and ledgers of a few chunks ({@code [1,000, 10,000]}).
   */
  private static final int[] SWEEP = {100, 1_000, 10_000};

  private MemoryFootprint() {}

  public static void main(String[] args) throws IOException {
    System.out.println(VM.current().details());
    TrustPolicy policy = Workload.POLICY;
    Object[] shared = sharedRoots(policy);

    TrustBucket bucket = TrustBucket.of(policy, Workload.START);
    for (TrustEvent e : Workload.events(100, 1)) {
      bucket = bucket.plus(e);
    }
    System.out.println(ClassLayout.parseInstance(bucket).toPrintable());
    long bucketShallow = ClassLayout.parseInstance(bucket).instanceSize();
    long bucketRetained = retained(bucket, shared);

    long empty = retained(TrustLedger.of(policy, Workload.START), shared);
    Map<String, String> out = new LinkedHashMap<>();
    out.put("bucket.shallow.bytes", Long.toString(bucketShallow));
    out.put("bucket.retained.bytes", Long.toString(bucketRetained));
    out.put("ledger.empty.bytes", Long.toString(empty));

    List<String> lines = new ArrayList<>();
    for (int n : new int[] {1_000, 10_000, 100_000, MILLION}) {
      TrustLedger ledger = Workload.ledger(n, 7);
      long size = retained(ledger, shared);
      double perEvent = (double) (size - empty) / n;
      out.put("ledger." + n + ".bytes", Long.toString(size));
      out.put("ledger." + n + ".perEvent.bytes", String.format(Locale.ROOT, "%.2f", perEvent));
      lines.add(String.format(Locale.ROOT, "ledger of %,9d events: %,12d B retained, %6.2f B per event",
          n, size, perEvent));
      if (n == MILLION) {
        System.out.println("Ledger of 1,000,000 events, everything reachable (shared objects included):");
        System.out.println(GraphLayout.parseInstance(ledger).toFootprint());
      }
    }

    // Spare capacity: the most bytes per event over every size of one growing ledger, per band.
    TrustLedger growing = TrustLedger.of(policy, Workload.START);
    TrustEvent[] events = Workload.events(SWEEP[SWEEP.length - 1], 7);
    for (int band = 0; band + 1 < SWEEP.length; band++) {
      int from = SWEEP[band];
      int to = SWEEP[band + 1];
      int worstSize = 0;
      double worst = 0;
      while (growing.size() < to) {
        growing = growing.plus(events[growing.size()]);
        int n = growing.size();
        if (n >= from && (n < to || band + 2 == SWEEP.length)) {
          double perEvent = (double) (retained(growing, shared) - empty) / n;
          if (perEvent > worst) {
            worst = perEvent;
            worstSize = n;
          }
        }
      }
      String key = "ledger.worst." + from;
      out.put(key + ".size", Integer.toString(worstSize));
      out.put(key + ".perEvent.bytes", String.format(Locale.ROOT, "%.2f", worst));
      lines.add(String.format(Locale.ROOT, "most per event for %,d to %,d events: %6.2f B, at %,d events",
          from, to, worst, worstSize));
    }

    System.out.println("=== Memory footprint (JOL; shared policy, tier constants and \"\" note excluded) ===");
    System.out.printf(Locale.ROOT, "TrustBucket: %d B shallow, %d B retained (target <= 64 B)%n",
        bucketShallow, bucketRetained);
    System.out.printf(Locale.ROOT, "empty ledger: %,d B retained%n", empty);
    lines.forEach(System.out::println);
    System.out.println("(target <= 48 B per event)");

    if (args.length > 0) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
        out.forEach((k, v) -> w.println(k + "=" + v));
      }
    }
  }

  private static Object[] sharedRoots(TrustPolicy policy) {
    List<Object> roots = new ArrayList<>();
    roots.add(policy);
    roots.add("");
    roots.addAll(Arrays.asList(AutonomyTier.values()));
    return roots.toArray();
  }

  /**
   * The size of everything reachable from {@code root} that is not reachable from the shared roots.
   * The shared graph is walked after the whole one and subtracted object by object, not by size: it
   * changes while we measure (the policy computes its dynamics on first use, whose method handle
   * reaches {@code Class} objects, and JOL's own reflection fills their caches).
   */
  private static long retained(Object root, Object[] shared) {
    Object[] roots = Arrays.copyOf(shared, shared.length + 1);
    roots[shared.length] = root;
    GraphLayout all = GraphLayout.parseInstance(roots);
    return all.subtract(GraphLayout.parseInstance(shared)).totalSize();
  }
}
