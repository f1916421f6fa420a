package dev.trustbucket;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.behaviour.BehaviourCatalogue;
import dev.trustbucket.internal.Texts;
import java.util.Locale;

/**
 * The dense index of each behaviour of a policy's catalogue, in {@code [0, size)}: how ledgers
 * store an event's behaviour compactly, and how an applied event is checked against the catalogue.
 * An engine detail, kept out of {@link BehaviourCatalogue}'s public API. Immutable.
 */
final class CatalogueIndex {
  private final ImmutableList<Behaviour> behaviours;
  private final ImmutableMap<String, Integer> indexById;
  // The catalogue's own instances, which events almost always carry, by identity: an open-
  // addressing table on System.identityHashCode, at most a quarter full. It spares indexOf, which
  // runs on every applied event, the hashing and comparing of the id.
  private final Behaviour[] byIdentity;
  private final int[] indexByIdentity;

  CatalogueIndex(BehaviourCatalogue catalogue) {
    this.behaviours = catalogue.all();
    ImmutableMap.Builder<String, Integer> index = ImmutableMap.builderWithExpectedSize(behaviours.size());
    for (int k = 0; k < behaviours.size(); k++) {
      index.put(behaviours.get(k).id(), k);
    }
    this.indexById = index.buildOrThrow();
    int capacity = Integer.highestOneBit(Math.max(4, behaviours.size() * 4 - 1)) << 1;
    this.byIdentity = new Behaviour[capacity];
    this.indexByIdentity = new int[capacity];
    for (int k = 0; k < behaviours.size(); k++) {
      Behaviour b = behaviours.get(k);
      int slot = System.identityHashCode(b) & (capacity - 1);
      while (byIdentity[slot] != null) {
        slot = (slot + 1) & (capacity - 1);
      }
      byIdentity[slot] = b;
      indexByIdentity[slot] = k;
    }
  }

  /**
   * Returns the dense index of a behaviour of the catalogue.
   *
   * @throws InvalidTrustInputException when the behaviour is not in the catalogue (an unknown id,
   *     or a known id with different settings)
   */
  @SuppressWarnings("ReferenceEquality") // identity is only a fast path before equals()
  int indexOf(Behaviour behaviour) {
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

  /** Returns the behaviour at a dense index, in {@code [0, size)}. */
  Behaviour behaviour(int index) {
    return behaviours.get(index);
  }

  private static String describe(Behaviour b) {
    return String.format(
        Locale.ROOT,
        "Behaviour[id=%s, direction=%s, dimension=%s, defaultWeight=%s, label=%s]",
        Texts.clip(b.id()), b.direction(), b.dimension(), b.defaultWeight(), Texts.clip(b.label()));
  }
}
