package dev.trustbucket.jdbc;

import dev.trustbucket.account.Relationship;
import org.jspecify.annotations.Nullable;

/**
 * A stored row was changed or cut short outside the library: its checksum, its codec text or its
 * place in the history does not hold. Only the damaged relationship is affected: other
 * relationships read and write as before, and nothing is written to this one until the row is
 * repaired (for instance restored from a backup).
 */
public final class DamagedRowException extends TrustStoreException {
  private static final long serialVersionUID = 1L;

  /** The table holding the damaged row. */
  private final String table;
  /** Which row of the table: the relationship's row, or an event's sequence number. */
  private final String row;
  /** The column or check that failed. */
  private final String field;

  /**
   * Creates the exception.
   *
   * @param relationship whose row is damaged
   * @param table the table, e.g. {@code trust_event}
   * @param row which row, e.g. {@code seq 17}
   * @param field the column or check that failed, e.g. {@code checksum}
   * @param detail what was found
   * @param cause the codec's exception, or null
   */
  public DamagedRowException(
      Relationship relationship, String table, String row, String field, String detail, @Nullable Throwable cause) {
    super(relationship, "damaged row in " + table + " (" + row + ") of relationship " + relationship + ", "
        + field + ": " + detail, cause);
    this.table = table;
    this.row = row;
    this.field = field;
  }

  /**
   * The table holding the damaged row.
   *
   * @return e.g. {@code trust_relationship} or {@code trust_event}
   */
  public String table() {
    return table;
  }

  /**
   * Which row.
   *
   * @return e.g. {@code relationship row} or {@code seq 17}
   */
  public String row() {
    return row;
  }

  /**
   * The column or check that failed.
   *
   * @return e.g. {@code checksum}, {@code weight}, {@code seq}
   */
  public String field() {
    return field;
  }
}
