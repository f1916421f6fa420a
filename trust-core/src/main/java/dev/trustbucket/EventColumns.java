package dev.trustbucket;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.behaviour.BehaviourCatalogue;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The storage behind a {@link TrustLedger}: the first {@link #size()} events of a history in
 * primitive columns, with what a replay needs already computed, and a checkpoint state every
 * {@value TrustLedger#CHECKPOINT_INTERVAL} events.
 *
 * <p>Per event: the time (8 bytes), the weight (8), the level's and the scar's decay factors over
 * the gap before the event (8 + 8), and one int packing the behaviour's index with the drop,
 * breach and disclosure flags (4): 36 bytes. A replay reads these and runs {@link Dynamics#step} on
 * them, so it never calls a decay rule,
 * and looks a drain's multiplier up in the policy's {@link DrainMultiplierTable} by the behaviour and
 * disclosure. Notes and concealment delays, which few events have, are kept aside with their
 * event's index, and so is the multiplier of a discovered drain, which depends on its delay.
 *
 * <p>The columns are cut into chunks of {@value #CHUNK_SIZE} events, so spare capacity is at most
 * one chunk, and at most half of what the last chunk holds: a chunk starts with room for {@value
 * #FIRST_CAPACITY} events and grows by half until it is full size.
 *
 * <p>An instance is an immutable view: indices below its size are never written again. Appending
 * to the newest view of a chain writes in place, into spare capacity no older view reads;
 * appending to an older view (a fork) copies the chunk directory, the last, partial chunk and the
 * notes and delays kept aside, never the full chunks. Chunks are handed from thread to thread
 * through final fields, which publish their contents as of construction; later writes land beyond
 * every older view's size.
 */
final class EventColumns {
  private static final int CHUNK_SHIFT = 10;
  static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;
  private static final int CHUNK_MASK = CHUNK_SIZE - 1;
  private static final int FIRST_CAPACITY = 16;
  private static final int CHECKPOINT_SHIFT = 6; // log2(TrustLedger.CHECKPOINT_INTERVAL)

  // An event's code: what a replay branches on in the low bits, the behaviour's index above.
  private static final int DROP = 1;
  private static final int BREACH = 2;
  private static final int DISCLOSURE_SHIFT = 2;
  private static final int DISCLOSURE_MASK = 3;
  private static final int BEHAVIOUR_SHIFT = 4;
  private static final Disclosure.Kind[] KINDS = Disclosure.Kind.values();
  @SuppressWarnings("EnumOrdinal") // codes hold ordinals in memory only
  private static final int DISCOVERED = Disclosure.Kind.DISCOVERED.ordinal();

  /** Decides who may write in place: only the view whose size equals {@code size}. */
  private static final class Owner {
    int size;

    Owner(int size) {
      this.size = size;
    }
  }

  /** Up to {@value #CHUNK_SIZE} consecutive events, column by column. */
  private static final class Chunk {
    final long[] times;
    final double[] weights;
    final double[] kept;
    final double[] scarKept;
    final int[] codes;
    // checkpoints[s]: the state after this chunk's event s * 64 + 63.
    final @Nullable TrustBucket[] checkpoints;

    /** Room for {@code capacity} events, holding a copy of {@code from}'s first {@code length}. */
    Chunk(int capacity, @Nullable Chunk from, int length) {
      times = new long[capacity];
      weights = new double[capacity];
      kept = new double[capacity];
      scarKept = new double[capacity];
      codes = new int[capacity];
      checkpoints = new TrustBucket[capacity >> CHECKPOINT_SHIFT];
      if (from != null) {
        System.arraycopy(from.times, 0, times, 0, length);
        System.arraycopy(from.weights, 0, weights, 0, length);
        System.arraycopy(from.kept, 0, kept, 0, length);
        System.arraycopy(from.scarKept, 0, scarKept, 0, length);
        System.arraycopy(from.codes, 0, codes, 0, length);
        System.arraycopy(from.checkpoints, 0, checkpoints, 0, length >> CHECKPOINT_SHIFT);
      }
    }

    int capacity() {
      return times.length;
    }
  }

  private final int size;
  private final Owner owner;
  // chunks[c] holds events c * CHUNK_SIZE onwards; slots past the last used one may be null.
  private final @Nullable Chunk[] chunks;
  // The events with a note or a concealment delay: their indices (increasing), notes ("" for
  // none), delays (null for none) and, for discovered drains, multipliers, in the first
  // extraCount slots.
  private final int extraCount;
  private final int[] extraAt;
  private final String[] extraNotes;
  private final @Nullable Duration[] extraDelays;
  private final double[] extraMultipliers;

  private EventColumns(
      int size,
      Owner owner,
      @Nullable Chunk[] chunks,
      int extraCount,
      int[] extraAt,
      String[] extraNotes,
      @Nullable Duration[] extraDelays,
      double[] extraMultipliers) {
    this.size = size;
    this.owner = owner;
    this.chunks = chunks;
    this.extraCount = extraCount;
    this.extraAt = extraAt;
    this.extraNotes = extraNotes;
    this.extraDelays = extraDelays;
    this.extraMultipliers = extraMultipliers;
  }

  static EventColumns empty() {
    Chunk[] chunks = {new Chunk(FIRST_CAPACITY, null, 0)};
    return new EventColumns(
        0, new Owner(0), chunks, 0, new int[0], new String[0], new Duration[0], new double[0]);
  }

  int size() {
    return size;
  }

  /**
   * Returns these columns with one more event, computed by the caller exactly as a replay will
   * use it.
   *
   * @param at the event's time in epoch microseconds
   * @param weight the event's weight
   * @param multiplier the drain multiplier (1 for a drop); kept only for a discovered drain, the
   *     policy's {@link DrainMultiplierTable} give every other
   * @param kept the level's decay factor over the gap before the event
   * @param scarKept the scar's decay factor over the same gap
   * @param behaviour the behaviour's index in the policy's catalogue, below 2<sup>27</sup>,
   *     the most behaviours a catalogue holds
   * @param drop whether the event is a drop (else a drain)
   * @param breach whether the event is a breach
   * @param disclosure how a drain surfaced
   * @param note the note, {@code ""} for none
   * @param after the state after this event, kept when it ends a checkpoint interval
   */
  @SuppressWarnings("EnumOrdinal") // ordinals live in memory only and are read back via KINDS
  EventColumns append(
      long at,
      double weight,
      double multiplier,
      double kept,
      double scarKept,
      int behaviour,
      boolean drop,
      boolean breach,
      Disclosure disclosure,
      String note,
      TrustBucket after) {
    int code =
        behaviour << BEHAVIOUR_SHIFT
            | disclosure.kind().ordinal() << DISCLOSURE_SHIFT
            | (breach ? BREACH : 0)
            | (drop ? DROP : 0);
    @Nullable Duration delay = disclosure.isDiscovered() ? disclosure.delay() : null;
    int c = size >>> CHUNK_SHIFT;
    int slot = size & CHUNK_MASK;
    boolean extra = !note.isEmpty() || delay != null;
    synchronized (owner) {
      boolean inPlace = owner.size == size;
      @Nullable Chunk[] dir;
      if (inPlace) {
        dir = c < chunks.length ? chunks : Arrays.copyOf(chunks, c * 2);
      } else {
        // A fork shares the full chunks and copies the partial one; whatever the other branch
        // wrote after this view's size stays out.
        dir = new Chunk[Math.max(chunks.length, c + 1)];
        System.arraycopy(chunks, 0, dir, 0, c);
        if (slot > 0) {
          dir[c] = new Chunk(grownCapacity(slot), chunks[c], slot);
        }
      }
      Chunk chunk = dir[c];
      if (chunk == null) {
        chunk = new Chunk(FIRST_CAPACITY, null, 0);
        dir[c] = chunk;
      } else if (slot == chunk.capacity()) {
        // Full, not yet full size: grow it. Older views reading this slot find their events in
        // the copy.
        chunk = new Chunk(grownCapacity(slot), chunk, slot);
        dir[c] = chunk;
      }
      chunk.times[slot] = at;
      chunk.weights[slot] = weight;
      chunk.kept[slot] = kept;
      chunk.scarKept[slot] = scarKept;
      chunk.codes[slot] = code;
      if (((slot + 1) & (TrustLedger.CHECKPOINT_INTERVAL - 1)) == 0) {
        chunk.checkpoints[slot >> CHECKPOINT_SHIFT] = after;
      }

      int count = extraCount;
      int[] indices = extraAt;
      String[] notes = extraNotes;
      @Nullable Duration[] delays = extraDelays;
      double[] multipliers = extraMultipliers;
      if (!inPlace || (extra && count == indices.length)) {
        int capacity = extra ? count + Math.max(4, count >> 1) : count;
        indices = Arrays.copyOf(indices, capacity);
        notes = Arrays.copyOf(notes, capacity);
        delays = Arrays.copyOf(delays, capacity);
        multipliers = Arrays.copyOf(multipliers, capacity);
      }
      if (extra) {
        indices[count] = size;
        notes[count] = note;
        delays[count] = delay;
        multipliers[count] = multiplier;
        count++;
      }
      Owner next = inPlace ? owner : new Owner(size);
      next.size = size + 1;
      return new EventColumns(size + 1, next, dir, count, indices, notes, delays, multipliers);
    }
  }

  /** Room for {@code length} events and half as many again, from the first to the full size. */
  private static int grownCapacity(int length) {
    return Math.min(CHUNK_SIZE, Math.max(FIRST_CAPACITY, length + (length >> 1)));
  }

  private Chunk chunk(int index) {
    return requireNonNull(chunks[index >>> CHUNK_SHIFT]);
  }

  long time(int index) {
    return chunk(index).times[index & CHUNK_MASK];
  }

  double weight(int index) {
    return chunk(index).weights[index & CHUNK_MASK];
  }

  /** The level's decay factor over the gap before the event at {@code index}, as stored. */
  double kept(int index) {
    return chunk(index).kept[index & CHUNK_MASK];
  }

  /** The scar's decay factor over the gap before the event at {@code index}, as stored. */
  double scarKept(int index) {
    return chunk(index).scarKept[index & CHUNK_MASK];
  }

  private int code(int index) {
    return chunk(index).codes[index & CHUNK_MASK];
  }

  /** The index in the policy's catalogue of the behaviour of the event at {@code index}. */
  int behaviour(int index) {
    return code(index) >>> BEHAVIOUR_SHIFT;
  }

  Disclosure.Kind disclosureKind(int index) {
    return KINDS[(code(index) >> DISCLOSURE_SHIFT) & DISCLOSURE_MASK];
  }

  boolean isBreach(int index) {
    return (code(index) & BREACH) != 0;
  }

  /** The note of the event at {@code index}, {@code ""} for none. */
  String note(int index) {
    int e = Arrays.binarySearch(extraAt, 0, extraCount, index);
    return e < 0 ? "" : extraNotes[e];
  }

  /** The concealment delay of the event at {@code index}, {@code null} unless it was discovered. */
  @Nullable Duration delay(int index) {
    int e = Arrays.binarySearch(extraAt, 0, extraCount, index);
    return e < 0 ? null : extraDelays[e];
  }

  /**
   * Returns the state after the first {@code k * CHECKPOINT_INTERVAL} events.
   *
   * @param k from 1 to {@code size() / CHECKPOINT_INTERVAL}
   */
  TrustBucket checkpoint(int k) {
    int last = (k << CHECKPOINT_SHIFT) - 1;
    return requireNonNull(chunk(last).checkpoints[(last & CHUNK_MASK) >> CHECKPOINT_SHIFT]);
  }

  /** The number of events at or before {@code at}: a binary search over the sorted times. */
  int countUpTo(long at) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time(mid) <= at) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Lets time pass on {@code machine} until the event at {@code index}, by its stored factors. */
  void advanceTo(BucketMachine machine, int index) {
    Chunk chunk = chunk(index);
    int j = index & CHUNK_MASK;
    machine.step(chunk.times[j], chunk.kept[j], chunk.scarKept[j], Dynamics.NONE, 0.0, 1.0, false);
  }

  /**
   * Runs events {@code from} (inclusive) to {@code to} (exclusive) on {@code machine}: every
   * replay. It reads the stored decay factors, so no decay rule is called.
   *
   * <p>Most steps leave the tier as it is: {@link #runWhileTierHolds} takes them, in a loop with
   * no call out of line. The others, and discovered drains, are taken here, one at a time, by the
   * full step (docs/performance.md, "The replay and the JIT").
   */
  void replay(BucketMachine machine, int from, int to) {
    DrainMultiplierTable drainMultipliers = machine.dynamics.drainMultipliers();
    // The events kept aside come in index order, like the replay: a cursor finds each discovered
    // drain's multiplier. It is placed by a search at the first discovered drain only, so short
    // replays (stateAt, steps) without one pay nothing for it.
    int extra = -1;
    int i = from;
    while (i < to) {
      Chunk chunk = chunk(i);
      int base = i & ~CHUNK_MASK;
      int end = Math.min(to - base, CHUNK_SIZE);
      int j = i - base;
      while (j < end) {
        j = runWhileTierHolds(machine, chunk, j, end);
        if (j == end) {
          break;
        }
        int code = chunk.codes[j];
        int key = code >>> DISCLOSURE_SHIFT; // the behaviour and the disclosure
        int kind = (code & DROP) != 0 ? Dynamics.DROP : Dynamics.DRAIN;
        boolean breach = (code & BREACH) != 0;
        if (kind == Dynamics.DRAIN && (key & DISCLOSURE_MASK) == DISCOVERED) {
          if (extra < 0) {
            extra = Arrays.binarySearch(extraAt, 0, extraCount, base + j);
          }
          while (extraAt[extra] < base + j) {
            extra++;
          }
          machine.step(
              chunk.times[j], chunk.kept[j], chunk.scarKept[j], kind, chunk.weights[j],
              extraMultipliers[extra], breach);
        } else {
          // The inner loop declined this step: it needs the tier settled.
          machine.settle(
              chunk.times[j], chunk.kept[j], chunk.scarKept[j], kind, chunk.weights[j],
              kind == Dynamics.DROP ? 1.0 : drainMultipliers.get(key), breach);
        }
        j++;
      }
      i = base + end;
    }
  }

  /**
   * Runs a chunk's events from {@code from} on {@code into} for as long as each step leaves the
   * tier as it is, up to {@code end} (exclusive): the hot loop of every replay.
   *
   * <p>The loop has no call out of line, and its state lives in a machine created here, which
   * never leaves this method once the step is inlined: the JIT turns its fields into registers, so
   * the level goes from one event to the next without a trip through memory. It stops before an
   * event whose step could move the tier, and before a discovered drain (whose multiplier is kept
   * aside); {@link #replay} takes those.
   *
   * @return the index in the chunk of the first event not taken, {@code end} when all were
   */
  private static int runWhileTierHolds(BucketMachine into, Chunk chunk, int from, int end) {
    BucketMachine machine = new BucketMachine(into.dynamics);
    machine.copyFrom(into);
    DrainMultiplierTable drainMultipliers = machine.dynamics.drainMultipliers();
    long[] times = chunk.times;
    double[] weights = chunk.weights;
    double[] kept = chunk.kept;
    double[] scarKept = chunk.scarKept;
    int[] codes = chunk.codes;
    int j = from;
    for (; j < end; j++) {
      int code = codes[j];
      boolean taken;
      if ((code & DROP) != 0) {
        taken = machine.stepIfTierHolds(
            times[j], kept[j], scarKept[j], Dynamics.DROP, weights[j], 1.0, false);
      } else {
        int key = code >>> DISCLOSURE_SHIFT; // the behaviour and the disclosure
        if ((key & DISCLOSURE_MASK) == DISCOVERED) {
          break;
        }
        taken = machine.stepIfTierHolds(
            times[j], kept[j], scarKept[j], Dynamics.DRAIN, weights[j], drainMultipliers.get(key),
            (code & BREACH) != 0);
      }
      if (!taken) {
        break;
      }
    }
    into.copyFrom(machine);
    return j;
  }

  /** Whether both hold the same events: times, weights, codes, notes and delays. */
  boolean sameEvents(EventColumns o) {
    if (size != o.size || extraCount != o.extraCount) {
      return false;
    }
    for (int base = 0; base < size; base += CHUNK_SIZE) {
      Chunk a = chunk(base);
      Chunk b = o.chunk(base);
      int n = Math.min(size - base, CHUNK_SIZE);
      if (!(Arrays.equals(a.times, 0, n, b.times, 0, n)
          && Arrays.equals(a.weights, 0, n, b.weights, 0, n)
          && Arrays.equals(a.codes, 0, n, b.codes, 0, n))) {
        return false;
      }
    }
    return Arrays.equals(extraAt, 0, extraCount, o.extraAt, 0, extraCount)
        && Arrays.equals(extraNotes, 0, extraCount, o.extraNotes, 0, extraCount)
        && Arrays.equals(extraDelays, 0, extraCount, o.extraDelays, 0, extraCount);
  }
}
