package dev.trustbucket.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustbucket.TrustEvent;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.account.Relationship;
import dev.trustbucket.io.EventRecord;
import dev.trustbucket.jdbc.EventSubmission;
import dev.trustbucket.jdbc.Recorded;
import dev.trustbucket.jdbc.StoreOptions;
import dev.trustbucket.jdbc.TrustSchema;
import dev.trustbucket.jdbc.TrustStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Keeps {@code docs/review-tool.md} honest: its two snippets, run in order on a real SQLite file,
 * and the numbers in their trailing comments asserted. When a test here changes, change the doc.
 */
class ReviewToolSnippetsTest {
  @TempDir Path dir;

  @Test
  void openingTheStoreThenImportingTwice() {
    // Section 1 (the file is team.db in the working directory in the doc; here a temporary one).
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("team.db"));

    TrustSchema.migrate(dataSource);
    TrustStore store = TrustStore.open(dataSource, TrustPolicy.defaults(),
        StoreOptions.builder().clock(Clock.systemUTC()).build());

    // Section 3.
    Relationship ana = Relationship.of("ana", "maria");
    TrustEvent delivered = new EventRecord("2025-03-03T10:00:00Z", "delivered-on-commitment", 1.0,
        "not-recorded", "PT0S", "on time").toEvent(store.policy().catalogue());
    Map<Relationship, List<EventSubmission>> rows =
        Map.of(ana, List.of(new EventSubmission(Optional.of("csv:row-1"), delivered)));

    Map<Relationship, Recorded> first = store.importAll(rows);
    int recorded = first.get(ana).recorded(); // 1
    int skipped = store.importAll(rows).get(ana).duplicates(); // 1

    assertThat(recorded).isEqualTo(1);
    assertThat(skipped).isEqualTo(1);
    assertThat(store.ledger(ana).size()).isEqualTo(1);
  }
}
