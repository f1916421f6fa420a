package dev.trustbucket.behaviour;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.internal.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The set of behaviours a policy accepts, looked up by their stable ids.
 *
 * <p>An event whose behaviour is not in its policy's catalogue is rejected: this is how a typo in
 * a scenario file or a behaviour removed from an application surfaces as a clear error instead of
 * a silent zero. Each behaviour also has a dense {@link #indexOf index}, which ledgers use to
 * store events compactly.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BehaviourCatalogue {
  /**
   * The most behaviours a catalogue holds: 2<sup>27</sup>, so that a ledger can pack a
   * behaviour's index and an event's flags into one {@code int}.
   */
  public static final int MAX_SIZE = 1 << 27;

  private static final BehaviourCatalogue STANDARD = new BehaviourCatalogue(Behaviours.all());

  private final ImmutableList<Behaviour> behaviours;
  private final ImmutableMap<String, Integer> indexById;
  // The catalogue's own instances, which events almost always carry, by identity: an open-
  // addressing table on System.identityHashCode, at most a quarter full. It spares indexOf, which
  // runs on every applied event, the hashing and comparing of the id.
  private final Behaviour[] byIdentity;
  private final int[] indexByIdentity;

  private BehaviourCatalogue(Iterable<Behaviour> behaviours) {
    Map<String, Integer> index = new LinkedHashMap<>();
    ImmutableList.Builder<Behaviour> list = ImmutableList.builder();
    int i = 0;
    for (Behaviour b : behaviours) {
      requireNonNull(b, "behaviour");
      if (index.putIfAbsent(b.id(), i) != null) {
        throw new InvalidTrustInputException(
            "id", "behaviour id must be unique in a catalogue but \"" + Texts.clip(b.id()) + "\" appears twice");
      }
      list.add(b);
      i++;
    }
    this.behaviours = list.build();
    if (this.behaviours.size() > MAX_SIZE) {
      throw new InvalidTrustInputException(
          "behaviours",
          "a catalogue holds at most " + MAX_SIZE + " behaviours but was given " + this.behaviours.size());
    }
    this.indexById = ImmutableMap.copyOf(index);
    int capacity = Integer.highestOneBit(Math.max(4, this.behaviours.size() * 4 - 1)) << 1;
    this.byIdentity = new Behaviour[capacity];
    this.indexByIdentity = new int[capacity];
    for (int k = 0; k < this.behaviours.size(); k++) {
      Behaviour b = this.behaviours.get(k);
      int slot = System.identityHashCode(b) & (capacity - 1);
      while (byIdentity[slot] != null) {
        slot = (slot + 1) & (capacity - 1);
      }
      byIdentity[slot] = b;
      indexByIdentity[slot] = k;
    }
  }

  /**
   * Returns the catalogue of the nineteen {@linkplain Behaviours stock behaviours}.
   *
   * @return the standard catalogue
   */
  public static BehaviourCatalogue standard() {
    return STANDARD;
  }

  /**
   * Returns a catalogue of exactly the given behaviours, in the given order.
   *
   * @param behaviours the behaviours, with unique ids
   * @return the catalogue
   * @throws InvalidTrustInputException when two behaviours share an id
   */
  public static BehaviourCatalogue of(Iterable<Behaviour> behaviours) {
    return new BehaviourCatalogue(requireNonNull(behaviours, "behaviours"));
  }

  /**
   * Returns a catalogue with {@code extra} appended, e.g. an organisation's own behaviours on top
   * of the standard ones. This instance is immutable and unaffected by this method call.
   *
   * @param extra the behaviours to add, with ids not yet in this catalogue
   * @return the larger catalogue
   * @throws InvalidTrustInputException when an id is already taken
   */
  public BehaviourCatalogue with(Behaviour... extra) {
    return new BehaviourCatalogue(
        ImmutableList.<Behaviour>builder().addAll(behaviours).add(extra).build());
  }

  /**
   * Returns the behaviour with the given id.
   *
   * @param id a stable behaviour id such as {@code "missed-deadline"}
   * @return the behaviour
   * @throws InvalidTrustInputException when no behaviour has that id; the message lists the
   *     known ids
   */
  public Behaviour byId(String id) {
    Integer i = indexById.get(requireNonNull(id, "id"));
    if (i == null) {
      throw new InvalidTrustInputException(
          "behaviour",
          "behaviour must be one of " + indexById.keySet() + " but was \"" + Texts.clip(id) + "\"");
    }
    return behaviours.get(i);
  }

  /**
   * Returns the dense index of a behaviour in this catalogue, in {@code [0, size())}.
   *
   * @param behaviour a behaviour of this catalogue
   * @return its index
   * @throws InvalidTrustInputException when the behaviour is not in this catalogue (an unknown
   *     id, or a known id with different settings)
   */
  @SuppressWarnings("ReferenceEquality") // identity is only a fast path before equals()
  public int indexOf(Behaviour behaviour) {
    Behaviour[] table = byIdentity;
    int mask = table.length - 1;
    for (int slot = System.identityHashCode(behaviour) & mask; ; slot = (slot + 1) & mask) {
      Behaviour b = table[slot];
      if (b == null) {
        break; // not one of our instances (or null): look it up by id
      }
      if (b == behaviour) {
        return indexByIdentity[slot];
      }
    }
    Integer i = indexById.get(behaviour.id());
    if (i == null) {
      throw new InvalidTrustInputException(
          "behaviour",
          "behaviour must be in the policy's catalogue " + indexById.keySet()
              + " but was \"" + Texts.clip(behaviour.id()) + "\"");
    }
    Behaviour known = behaviours.get(i);
    if (known != behaviour && !known.equals(behaviour)) {
      throw new InvalidTrustInputException(
          "behaviour",
          "behaviour \"" + Texts.clip(behaviour.id()) + "\" must match the catalogue's definition " + describe(known)
              + " but was " + describe(behaviour));
    }
    return i;
  }

  /**
   * Returns whether the behaviour, with exactly these settings, is in this catalogue.
   *
   * @param behaviour any behaviour
   * @return {@code true} when an equal behaviour is in the catalogue
   */
  public boolean contains(Behaviour behaviour) {
    Integer i = indexById.get(behaviour.id());
    return i != null && behaviours.get(i).equals(behaviour);
  }

  /**
   * Returns the behaviour at a dense index.
   *
   * @param index in {@code [0, size())}
   * @return the behaviour
   */
  public Behaviour get(int index) {
    return behaviours.get(index);
  }

  /**
   * Returns every behaviour, in catalogue order.
   *
   * @return the behaviours
   */
  public ImmutableList<Behaviour> all() {
    return behaviours;
  }

  /**
   * Returns the number of behaviours.
   *
   * @return the size
   */
  public int size() {
    return behaviours.size();
  }

  private static String describe(Behaviour b) {
    return String.format(
        java.util.Locale.ROOT,
        "Behaviour[id=%s, direction=%s, dimension=%s, defaultWeight=%s, label=%s]",
        Texts.clip(b.id()), b.direction(), b.dimension(), b.defaultWeight(), Texts.clip(b.label()));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BehaviourCatalogue && behaviours.equals(((BehaviourCatalogue) o).behaviours);
  }

  @Override
  public int hashCode() {
    return behaviours.hashCode();
  }

  @Override
  public String toString() {
    return "BehaviourCatalogue" + indexById.keySet();
  }
}
