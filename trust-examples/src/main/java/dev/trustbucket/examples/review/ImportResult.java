package dev.trustbucket.examples.review;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.account.Relationship;
import java.util.List;

/**
 * What an import or a recorded event wrote.
 *
 * @param source the file name, or {@code record}
 * @param events how many events were written
 * @param duplicates how many rows were not written because the database held their events
 *     already: a file imported again, or a {@code record} retried with the same id
 * @param relationships the relationships that received events, in order of first appearance
 * @param newRelationships how many of them were new
 */
public record ImportResult(
    String source, int events, int duplicates, List<Relationship> relationships, int newRelationships) {
  /** Copies the list and checks that nothing is null. */
  public ImportResult {
    requireNonNull(source, "source");
    relationships = List.copyOf(relationships);
  }
}
