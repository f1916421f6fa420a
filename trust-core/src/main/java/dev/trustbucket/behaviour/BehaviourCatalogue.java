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
 * a silent zero. A catalogue holds at most 2<sup>27</sup> behaviours, so that a ledger can pack a
 * behaviour and an event's flags into one {@code int}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BehaviourCatalogue {
  /** The most behaviours a catalogue holds (see the class comment). */
  private static final int MAX_SIZE = 1 << 27;

  private static final BehaviourCatalogue STANDARD = new BehaviourCatalogue(Behaviours.all());

  private final ImmutableList<Behaviour> behaviours;
  private final ImmutableMap<String, Integer> indexById;

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
  }

  /**
   * Returns the catalogue of the nineteen {@linkplain Behaviours stock behaviours}, the one every
   * preset policy accepts.
   *
   * @return the default catalogue
   */
  public static BehaviourCatalogue defaults() {
    return STANDARD;
  }

  /**
   * Returns a catalogue of exactly the given behaviours, in the given order.
   *
   * @param behaviours the behaviours, with unique ids, at most 2<sup>27</sup>
   * @return the catalogue
   * @throws InvalidTrustInputException when two behaviours share an id (field {@code id}), or
   *     there are too many (field {@code behaviours})
   */
  public static BehaviourCatalogue of(Iterable<Behaviour> behaviours) {
    return new BehaviourCatalogue(requireNonNull(behaviours, "behaviours"));
  }

  /**
   * Returns a catalogue with {@code extra} appended, e.g. an organisation's own behaviours on top
   * of the default ones. This instance is immutable and unaffected by this method call.
   *
   * @param extra the behaviours to add, with ids not yet in this catalogue
   * @return the larger catalogue
   * @throws InvalidTrustInputException when an id is already taken
   */
  public BehaviourCatalogue plus(Behaviour... extra) {
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
