package dev.trustbucket.examples.workshop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workshop page's server over plain HTTP: its answers, its limits and its errors. */
class WorkshopServerTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private final ManualClock clock = new ManualClock();
  private WorkshopServer server;

  private WorkshopServer start(int maxSessions, int maxEvents) {
    server = WorkshopServer.start(new WorkshopServer.Config("127.0.0.1", 0, clock, maxSessions, Duration.ofHours(2),
        maxEvents, 4, List.of()));
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A browser: a client with its own cookie jar. */
  private HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
  }

  private HttpResponse<String> get(HttpClient c, String path) throws Exception {
    return c.send(HttpRequest.newBuilder(server.address().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient c, String path, String form) throws Exception {
    return c.send(HttpRequest.newBuilder(server.address().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAndItsFilesFromTheJar() throws Exception {
    start(10, 50);
    HttpClient c = browser();
    HttpResponse<String> page = get(c, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("<script src=\"/app.js\"").doesNotContain("http://").doesNotContain("https://");
    assertThat(get(c, "/app.js").body()).doesNotContain("http://").doesNotContain("https://");
    assertThat(get(c, "/app.css").statusCode()).isEqualTo(200);
    String catalogue = get(c, "/api/catalogue").body();
    assertThat(catalogue).contains("\"id\":\"missed-deadline\"").contains("{\"name\":\"essay\"")
        .contains("\"policies\":[\"default\",\"symmetric\",\"strict\",\"forgiving\"]");
    assertThat(get(c, "/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void badRequestsGetA400NamingTheFieldAndChangeNothing() throws Exception {
    start(10, 500);
    HttpClient c = browser();
    String before = get(c, "/api/state").body();
    record Bad(String path, String form, String field) {}
    List<Bad> bad = List.of(
        new Bad("/api/events", "behaviour=missed-deadline&weight=-1", "weight"),
        new Bad("/api/events", "behaviour=missed-deadline&weight=NaN", "weight"),
        new Bad("/api/events", "behaviour=missed-deadline&weight=101", "weight"),
        new Bad("/api/events", "behaviour=no-such-thing", "behaviour"),
        new Bad("/api/events", "weight=1", "behaviour"),
        new Bad("/api/events", "behaviour=small-win&disclosure=self-reported", "disclosure"),
        new Bad("/api/events", "behaviour=missed-deadline&disclosure=discovered&days=x", "days"),
        new Bad("/api/events", "behaviour=missed-deadline&disclosure=maybe", "disclosure"),
        new Bad("/api/events", "behaviour=missed-deadline&note=%ZZ", "note"),
        new Bad("/api/events", "behaviour=missed-deadline&note=a%0Ab", "note"),
        new Bad("/api/week", "week=0", "week"),
        new Bad("/api/week", "week=999", "week"),
        new Bad("/api/week", "week=1&week=2", "week"),
        new Bad("/api/load", "scenario=../../etc/passwd", "scenario"),
        new Bad("/api/policy", "policy=lenient", "policy"),
        new Bad("/api/compare", "mode=both", "mode"),
        new Bad("/api/disclosure", "index=0&disclosure=self-reported", "index"),
        new Bad("/api/disclosure", "index=99999&disclosure=self-reported", "index"),
        new Bad("/api/import", "file=start%3A+2025-13-01", "file"),
        new Bad("/api/undo", "", "undo"));
    for (Bad b : bad) {
      HttpResponse<String> r = post(c, b.path(), b.form());
      assertThat(r.statusCode()).as(b.toString()).isEqualTo(400);
      assertThat(r.body()).as(b.toString()).contains("\"field\":\"" + b.field() + "\"")
          .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.trustbucket.");
    }
    assertThat(post(c, "/api/state", "").statusCode()).isEqualTo(400);
    assertThat(get(c, "/api/state").body()).isEqualTo(before);
  }

  @Test
  void whatThePageShowsNamesTiersInTheLibrarysWordsOnly() throws Exception {
    start(10, 50);
    String state = get(browser(), "/api/state").body();
    assertThat(state).containsPattern("\"tier\":\"[A-Z]+\",\"tierText\":\"[a-z]+\"")
        .containsPattern("\\((micromanaged|supervised|trusted|autonomous)\\) at the end of week");
    // The "tier" fields are codes for programs; every text shown to a person spells a tier one way.
    assertThat(state.replaceAll("\"tier\":\"[A-Z]+\"", "")).doesNotContainPattern("MICROMANAGED|SUPERVISED|TRUSTED|AUTONOMOUS");
  }

  @Test
  void theImportErrorGivesTheLineOfTheFile() throws Exception {
    start(10, 50);
    HttpResponse<String> r = post(browser(), "/api/import",
        "name=mine.txt&file=" + java.net.URLEncoder.encode("start: 2025-01-06\n2025-01-07 misssed-deadline\n",
            java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("mine.txt:2").contains("did you mean \\\"missed-deadline\\\"");
  }

  @Test
  void eachBrowserHasItsOwnSession() throws Exception {
    start(10, 50);
    HttpClient alice = browser();
    HttpClient bob = browser();
    post(alice, "/api/load", "scenario=blank");
    post(bob, "/api/load", "scenario=hidden-mistake");
    assertThat(post(alice, "/api/events", "behaviour=small-win").body()).contains("\"eventCount\":1");
    assertThat(get(bob, "/api/state").body()).contains("\"title\":\"The mistake kept quiet\"");
    assertThat(get(alice, "/api/state").body()).contains("\"title\":\"A blank story\"");
    assertThat(server.sessionCount()).isEqualTo(2);
  }

  @Test
  void eventsPerSessionAreLimited() throws Exception {
    start(10, 3);
    HttpClient c = browser();
    post(c, "/api/load", "scenario=blank");
    for (int i = 0; i < 3; i++) {
      assertThat(post(c, "/api/events", "behaviour=small-win").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> r = post(c, "/api/events", "behaviour=small-win");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("already holds 3 events").contains("\"field\":\"behaviour\"");
    // A shipped scenario with more events than the limit is refused too, and the blank story stays.
    HttpResponse<String> essay = post(c, "/api/load", "scenario=essay");
    assertThat(essay.statusCode()).isEqualTo(400);
    assertThat(get(c, "/api/state").body()).contains("\"eventCount\":3");
  }

  @Test
  void sessionsAreLimitedAndIdleOnesExpireByTheClock() throws Exception {
    start(2, 50);
    HttpClient a = browser();
    HttpClient b = browser();
    HttpClient late = browser();
    post(a, "/api/load", "scenario=blank");
    post(a, "/api/events", "behaviour=small-win");
    get(b, "/api/state");
    HttpResponse<String> refused = get(late, "/api/state");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("already has 2 participants");

    clock.advance(Duration.ofMinutes(90));
    get(b, "/api/state"); // b stays active; a is idle
    clock.advance(Duration.ofMinutes(31));
    assertThat(get(late, "/api/state").statusCode()).isEqualTo(200); // a expired and made room
    assertThat(server.sessionCount()).isEqualTo(2);
    // a's work is gone: a new session starts with the essay.
    clock.advance(Duration.ofHours(3));
    assertThat(get(a, "/api/state").body()).contains("\"title\":\"The essay's story\"");
  }

  @Test
  void theServerStaysUpUnderABurstOfRequests() throws Exception {
    start(50, 50);
    HttpClient c = browser();
    get(c, "/api/state");
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      HttpRequest r = i % 3 == 0
          ? HttpRequest.newBuilder(server.address().resolve("/api/week"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("week=" + (1 + i % 52))).build()
          : i % 3 == 1
              ? HttpRequest.newBuilder(server.address().resolve("/api/events"))
                  .POST(HttpRequest.BodyPublishers.ofString("behaviour=nope")).build()
              : HttpRequest.newBuilder(server.address().resolve("/api/catalogue")).build();
      burst.add(c.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
    }
    int ok = 0;
    int bad = 0;
    for (CompletableFuture<HttpResponse<String>> f : burst) {
      int status = f.get().statusCode();
      if (status == 200) {
        ok++;
      } else if (status == 400) {
        bad++;
      }
    }
    assertThat(ok).isEqualTo(100);
    assertThat(bad).isEqualTo(50);
    assertThat(get(browser(), "/api/state").statusCode()).isEqualTo(200);
  }

  @Test
  void thePageProgramReportsAPortInUseInOneLine() {
    start(10, 50);
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new WorkshopPage());
    cli.setErr(new java.io.PrintWriter(err));
    int code = cli.execute("--port", String.valueOf(server.address().getPort()));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: cannot start the workshop page on 127.0.0.1:")
        .doesNotContain("\tat ");
  }

  @Test
  void theJsonWriterEscapesAndRefusesWhatJsonCannotHold() {
    String s = new Json().beginObject()
        .field("text", "quote \" backslash \\ newline \n tab \t nul \u0000 ls \u2028 lone \uD800 pair \uD83D\uDCA5")
        .field("n", 0.1).field("whole", 3.0).field("neg", -2.5e-7).field("b", true)
        .name("list").beginArray().value(1L).beginObject().endObject().beginArray().endArray().nullValue().endArray()
        .endObject().toString();
    assertThat(s).isEqualTo("{\"text\":\"quote \\\" backslash \\\\ newline \\n tab \\t nul \\u0000 ls \\u2028 lone"
        + " \uFFFD pair \uD83D\uDCA5\",\"n\":0.1,\"whole\":3,\"neg\":-2.5E-7,\"b\":true,\"list\":[1,{},[],null]}");
    assertThatThrownBy(() -> new Json().value(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Json().beginObject().value("no name")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Json().beginArray().toString()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Json().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
  }

  /** The config refuses each field out of the range its Javadoc states, naming the field and the value. */
  @Test
  void theConfigRefusesEachFieldOutOfItsRange() {
    record Bad(String message, Runnable make) {}
    Duration day = Duration.ofDays(1);
    List<Bad> bad = List.of(
        new Bad("port must be 0 to 65535 but was -1", () -> config(-1, 1, day, 1, 1)),
        new Bad("port must be 0 to 65535 but was 65536", () -> config(65_536, 1, day, 1, 1)),
        new Bad("maxSessions must be at least 1 but was 0", () -> config(0, 0, day, 1, 1)),
        new Bad("idleTimeout must be more than zero and at most 365 days but was PT0S",
            () -> config(0, 1, Duration.ZERO, 1, 1)),
        new Bad("idleTimeout must be more than zero and at most 365 days but was PT-0.000000001S",
            () -> config(0, 1, Duration.ofNanos(-1), 1, 1)),
        new Bad("idleTimeout must be more than zero and at most 365 days but was PT8760H0.000000001S",
            () -> config(0, 1, Duration.ofDays(365).plusNanos(1), 1, 1)),
        new Bad("maxEvents must be at least 1 but was 0", () -> config(0, 1, day, 0, 1)),
        new Bad("threads must be at least 1 but was 0", () -> config(0, 1, day, 1, 0)));
    for (Bad b : bad) {
      assertThatThrownBy(b.make()::run).as(b.message()).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(b.message());
    }
    // Each range's ends are accepted.
    config(0, 1, Duration.ofNanos(1), 1, 1);
    config(65_535, Integer.MAX_VALUE, Duration.ofDays(365), Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertThatThrownBy(() -> new WorkshopServer.Config(null, 0, clock, 1, day, 1, 1, List.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("host");
    assertThatThrownBy(() -> new WorkshopServer.Config("127.0.0.1", 0, clock, 1, null, 1, 1, List.of()))
        .isInstanceOf(NullPointerException.class).hasMessage("idleTimeout");
  }

  private WorkshopServer.Config config(int port, int maxSessions, Duration idleTimeout, int maxEvents, int threads) {
    return new WorkshopServer.Config("127.0.0.1", port, clock, maxSessions, idleTimeout, maxEvents, threads, List.of());
  }
}
