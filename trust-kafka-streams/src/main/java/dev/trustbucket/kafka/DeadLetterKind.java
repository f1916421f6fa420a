package dev.trustbucket.kafka;

/** Why a record went to the dead-letter topic instead of into a relationship's history. */
public enum DeadLetterKind {
  /** The key or the value did not decode: not a relationship or not an event of the policy. */
  UNDECODABLE,
  /** The event decoded, but is earlier than the task's event time minus the grace period. */
  LATE,
  /** The event decoded and was on time, but the library refused it (e.g. a time out of range). */
  REJECTED
}
