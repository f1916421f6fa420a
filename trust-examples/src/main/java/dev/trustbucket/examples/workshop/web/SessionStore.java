package dev.trustbucket.examples.workshop.web;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of the participants, one per browser, with bounded memory: at most {@code
 * maxSessions} at once, each idle one forgotten after {@code idleTimeout} of the injected clock.
 * When the store is full of live sessions a newcomer is refused ({@link FullException}) rather
 * than anyone else's work being thrown away. Thread-safe.
 */
final class SessionStore {

  /** No room for another session: every one of them was used within the idle timeout. */
  static final class FullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FullException(int max) {
      super("the workshop page already has " + max + " participants; try again later");
    }
  }

  private final Clock clock;
  private final int maxSessions;
  private final Duration idleTimeout;
  private final Map<String, WorkshopSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Creates an empty store, with limits that {@link WorkshopServer.Config} has validated. */
  SessionStore(Clock clock, int maxSessions, Duration idleTimeout) {
    this.clock = requireNonNull(clock, "clock");
    this.maxSessions = maxSessions;
    this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout");
  }

  /**
   * Returns the live session with this id, and counts this as a use of it.
   *
   * @param id the id from the browser's cookie
   * @return the session, or empty when there is none or it has expired
   */
  Optional<WorkshopSession> find(String id) {
    WorkshopSession s = sessions.get(id);
    Instant now = clock.instant();
    if (s == null) {
      return Optional.empty();
    }
    if (expired(s, now)) {
      sessions.remove(id, s);
      return Optional.empty();
    }
    s.touch(now);
    return Optional.of(s);
  }

  /**
   * Opens a new session, forgetting expired ones first when the store is full.
   *
   * @param factory makes the session's first state from its id and the current instant
   * @return the new session
   * @throws FullException when {@code maxSessions} live sessions exist
   */
  synchronized WorkshopSession open(SessionFactory factory) {
    Instant now = clock.instant();
    if (sessions.size() >= maxSessions) {
      expire();
    }
    if (sessions.size() >= maxSessions) {
      throw new FullException(maxSessions);
    }
    String id;
    do {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      id = HexFormat.of().formatHex(bytes);
    } while (sessions.containsKey(id));
    WorkshopSession s = factory.create(id, now);
    sessions.put(id, s);
    return s;
  }

  /** Makes a session. */
  interface SessionFactory {
    WorkshopSession create(String id, Instant now);
  }

  /**
   * Forgets every session idle for longer than the timeout.
   *
   * @return how many were forgotten
   */
  int expire() {
    Instant now = clock.instant();
    int before = sessions.size();
    sessions.values().removeIf(s -> expired(s, now));
    return before - sessions.size();
  }

  /** How many sessions are held now, expired ones not yet forgotten included. */
  int size() {
    return sessions.size();
  }

  private boolean expired(WorkshopSession s, Instant now) {
    return s.lastSeen().plus(idleTimeout).isBefore(now);
  }
}
