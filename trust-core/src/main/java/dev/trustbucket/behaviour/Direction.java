package dev.trustbucket.behaviour;

/** Whether a behaviour adds to the bucket or takes from it. */
public enum Direction {
  /** A deposit: the level rises toward the ceiling, in proportion to the room left. */
  DROP,
  /** A withdrawal: the level falls toward zero, in proportion to what is there. */
  DRAIN
}
