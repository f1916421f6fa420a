package dev.trustbucket.examples.workshop.web;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.Disclosure;
import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.examples.workshop.Scenario;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * One participant's page: the story they are editing, what it is compared with, the week shown,
 * and the steps they can undo. Every change is computed in full before it replaces the state, so
 * a refused request leaves the session exactly as it was. Thread-safe: a browser may send two
 * requests at once.
 */
final class WorkshopSession {

  /** What the chart compares the story with. */
  enum Mode {
    /** The story alone. */
    NONE,
    /** The same story under a second policy. */
    POLICY,
    /** A saved copy of the story (a variant), under its own policy. */
    VARIANT
  }

  /**
   * Everything the page shows, as one immutable value that undo can restore.
   *
   * @param draft the story being edited (series A)
   * @param mode what series B is
   * @param otherPolicy B's policy in {@link Mode#POLICY}
   * @param variant B's story in {@link Mode#VARIANT}
   * @param week the week shown, from 1 to the story's weeks
   */
  record State(Draft draft, Mode mode, Optional<TrustPolicy> otherPolicy, Optional<Draft> variant, int week) {
    State {
      requireNonNull(draft, "draft");
      requireNonNull(mode, "mode");
      requireNonNull(otherPolicy, "otherPolicy");
      requireNonNull(variant, "variant");
      if (week < 1 || week > draft.scenario().weeks()) {
        throw new IllegalArgumentException("week " + week + " outside 1.." + draft.scenario().weeks());
      }
    }

    State withDraft(Draft d) {
      return new State(d, mode, otherPolicy, variant, Math.min(week, d.scenario().weeks()));
    }

    State withWeek(int w) {
      return new State(draft, mode, otherPolicy, variant, w);
    }
  }

  /** How many earlier states undo keeps. */
  static final int UNDO_DEPTH = 50;

  private final String id;
  private final int maxEvents;
  private final Deque<State> undo = new ArrayDeque<>();
  private State state;
  private Instant lastSeen;

  WorkshopSession(String id, State initial, int maxEvents, Instant now) {
    this.id = requireNonNull(id, "id");
    this.state = requireNonNull(initial, "initial");
    this.maxEvents = maxEvents;
    this.lastSeen = requireNonNull(now, "now");
  }

  String id() {
    return id;
  }

  synchronized State state() {
    return state;
  }

  synchronized Instant lastSeen() {
    return lastSeen;
  }

  synchronized void touch(Instant now) {
    lastSeen = now;
  }

  synchronized boolean canUndo() {
    return !undo.isEmpty();
  }

  /** Replaces the story with another (a shipped scenario, a blank one or an imported file). */
  synchronized void load(Draft draft) {
    if (draft.scenario().steps().size() > maxEvents) {
      throw new BadRequestException("file", "the story has " + draft.scenario().steps().size()
          + " events; a page holds at most " + maxEvents);
    }
    change(new State(draft, Mode.NONE, Optional.empty(), Optional.empty(), 1));
  }

  /** Shows another week; not an edit, so undo does not go back to it. */
  synchronized void showWeek(int week) {
    int weeks = state.draft().scenario().weeks();
    if (week < 1 || week > weeks) {
      throw new BadRequestException("week", "field \"week\" must be from 1 to " + weeks + " but was " + week);
    }
    state = state.withWeek(week);
  }

  /**
   * Adds an event in the week shown.
   *
   * @param behaviour what happened
   * @param weight its weight, in [0, 100]
   * @param disclosure how a drain came to light; {@link Disclosure#notRecorded()} for a drop
   * @param note what the facilitator says about it, or empty for the behaviour's label
   */
  synchronized void add(Behaviour behaviour, double weight, Disclosure disclosure, String note) {
    Draft d = state.draft();
    if (d.scenario().steps().size() >= maxEvents) {
      throw new BadRequestException("behaviour", "this page already holds " + maxEvents
          + " events, the most a session may have; undo or start again");
    }
    if (behaviour.isDrop() && disclosure.kind() != Disclosure.Kind.NOT_RECORDED) {
      throw new BadRequestException("disclosure", "field \"disclosure\" applies to drains only, but \""
          + behaviour.id() + "\" is a drop");
    }
    TrustEvent event = TrustEvent.of(behaviour, d.timeInWeek(state.week()))
        .withWeight(weight).withDisclosure(disclosure).withNote(note);
    change(state.withDraft(d.withStep(new Scenario.Step(event, note.isEmpty() ? behaviour.label() : note))));
  }

  /** Changes how a drain came to light. */
  synchronized void disclose(int index, Disclosure disclosure) {
    Draft d = state.draft();
    int size = d.scenario().steps().size();
    if (index < 0 || index >= size) {
      throw new BadRequestException("index", "field \"index\" must name one of the " + size
          + " events (0 to " + (size - 1) + ") but was " + index);
    }
    TrustEvent e = d.scenario().steps().get(index).event();
    if (e.isDrop()) {
      throw new BadRequestException("index", "event " + index + " (\"" + e.behaviour().id()
          + "\") is a drop; only a drain is self-reported or discovered");
    }
    change(state.withDraft(d.withEvent(index, e.withDisclosure(disclosure))));
  }

  /** Plays the story under another preset. */
  synchronized void usePolicy(TrustPolicy policy) {
    change(state.withDraft(state.draft().withPolicy(policy)));
  }

  /** Compares with nothing, with a second policy, or with a copy of the story as it is now. */
  synchronized void compare(Mode mode, Optional<TrustPolicy> otherPolicy) {
    State s = state;
    switch (mode) {
      case NONE:
        change(new State(s.draft(), mode, Optional.empty(), Optional.empty(), s.week()));
        break;
      case POLICY:
        change(new State(s.draft(), mode, Optional.of(otherPolicy.orElseThrow(() ->
            new BadRequestException("policy", "field \"policy\" is required to compare two policies"))),
            Optional.empty(), s.week()));
        break;
      case VARIANT:
        change(new State(s.draft(), mode, Optional.empty(), Optional.of(s.draft()), s.week()));
        break;
      default:
        throw new AssertionError(mode);
    }
  }

  /** Goes back to the state before the last edit; the week shown stays. */
  synchronized void undo() {
    State previous = undo.pollFirst();
    if (previous == null) {
      throw new BadRequestException("undo", "there is nothing to undo");
    }
    int weeks = previous.draft().scenario().weeks();
    state = previous.withWeek(Math.min(state.week(), weeks));
  }

  private void change(State next) {
    undo.addFirst(state);
    while (undo.size() > UNDO_DEPTH) {
      undo.removeLast();
    }
    state = next;
  }
}
