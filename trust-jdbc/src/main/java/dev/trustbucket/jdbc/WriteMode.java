package dev.trustbucket.jdbc;

/**
 * How a write meets other writers of the same relationship, on this server or another.
 *
 * <p>Both modes give the same result: every accepted event recorded exactly once, in one order.
 * They differ in what waits and what is retried.
 */
public enum WriteMode {
  /**
   * Read the relationship's row, fold the events in memory, then update the row only if its
   * version is still the one read; if another writer got there first, roll back, wait a short
   * random time and try again (up to {@link StoreOptions#maxRetries()} times). Nothing is locked
   * while the events are folded. The default: best when writers seldom touch the same
   * relationship at the same moment, which is the usual case for people and their managers.
   */
  OPTIMISTIC,

  /**
   * Lock the relationship's row first ({@code SELECT ... FOR UPDATE}; on SQLite, the database's
   * write lock), then read, fold and write. Other writers of the same relationship wait instead
   * of retrying. Best for a hot relationship that many writers hit at once (an import running
   * beside live traffic), where optimistic writers would mostly retry.
   */
  PESSIMISTIC
}
