package dev.trustbucket.examples.workshop.web;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trustbucket.Disclosure;
import dev.trustbucket.InvalidTrustInputException;
import dev.trustbucket.TrustPolicy;
import dev.trustbucket.behaviour.Behaviour;
import dev.trustbucket.examples.format.Clip;
import dev.trustbucket.examples.format.Terms;
import dev.trustbucket.examples.workshop.ScenarioFile;
import dev.trustbucket.examples.workshop.ScenarioFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The workshop page's web server: serves the page (HTML, script and style, all from the jar, no
 * network needed) and a small JSON API whose every number comes from trust-core.
 *
 * <p>It runs on the JDK's own {@code com.sun.net.httpserver.HttpServer}: a handful of routes for a
 * room of participants needs no framework, and this one adds no dependency to pin or to update.
 * Requests are handled by a fixed pool of threads; connections beyond it wait in the socket
 * backlog.
 *
 * <p>Each browser gets a session (a cookie) of its own, held in memory with limits: at most
 * {@link Config#maxSessions()} sessions and {@link Config#maxEvents()} events in each, and a
 * session idle for {@link Config#idleTimeout()} (by the injected {@link Clock}) is forgotten. A
 * bad request gets status 400 and a JSON body naming the field; an unexpected error gets 500 with
 * no stack trace. Requests are form fields, answers are JSON; see {@code docs/workshop.md}.
 *
 * <p>It answers only requests addressed to it by one of its own addresses, {@code localhost} or a
 * name in {@link Config#allowedHosts()}, and takes changes only from its own page: a guard against
 * DNS rebinding, which would otherwise let any web site a participant visits drive the page.
 */
public final class WorkshopServer implements AutoCloseable {

  /**
   * How the server runs. The constructor checks every field and refuses a value out of its range
   * with an {@link IllegalArgumentException} that names the field and the value (a {@code null}
   * with a {@link NullPointerException} naming it), so a config that exists can be started.
   *
   * @param host the address to listen on, e.g. {@code "127.0.0.1"} (only this machine) or {@code
   *     "0.0.0.0"} (the room's network); not {@code null}. It is not looked up until the server
   *     starts: a name that does not resolve fails {@link #start(Config)}
   * @param port the TCP port, 0 to 65535; 0 for any free one
   * @param clock the clock that idle sessions expire by; not {@code null}
   * @param maxSessions the most sessions (browsers) held at once, at least 1
   * @param idleTimeout how long an unused session is kept, by {@code clock}: more than zero and at
   *     most {@value #MAX_IDLE_DAYS} days; not {@code null}
   * @param maxEvents the most events a session's story may hold, at least 1
   * @param threads how many requests are handled at once, at least 1
   * @param allowedHosts host names, besides {@code localhost}, that the page may be reached by, e.g.
   *     the laptop's name on the room's network; an address written as numbers needs no entry.
   *     Each is 1 to 253 characters of letters, digits, dots and hyphens, starting and ending with
   *     a letter or digit (no port, no scheme); not {@code null}. Requests whose {@code Host} header
   *     names anything else are refused (see {@link HostCheck})
   */
  public record Config(String host, int port, Clock clock, int maxSessions, Duration idleTimeout, int maxEvents,
      int threads, List<String> allowedHosts) {

    /**
     * The longest {@link #idleTimeout()}, in days: a browser left open for longer than a year is
     * not coming back to its story.
     */
    public static final int MAX_IDLE_DAYS = 365;

    /**
     * Validates the fields, within the ranges given on the {@linkplain Config record}.
     *
     * @param host the address to listen on, not {@code null}
     * @param port the TCP port, 0 to 65535; 0 for any free one
     * @param clock the clock that idle sessions expire by, not {@code null}
     * @param maxSessions the most sessions held at once, at least 1
     * @param idleTimeout how long an unused session is kept, more than zero and at most {@value
     *     #MAX_IDLE_DAYS} days
     * @param maxEvents the most events a session's story may hold, at least 1
     * @param threads how many requests are handled at once, at least 1
     * @param allowedHosts further host names the page may be reached by, each 1 to 253 characters
     *     of letters, digits, dots and hyphens
     * @throws IllegalArgumentException when a field is out of its range
     */
    public Config {
      requireNonNull(host, "host");
      requireNonNull(clock, "clock");
      requireNonNull(idleTimeout, "idleTimeout");
      allowedHosts = List.copyOf(requireNonNull(allowedHosts, "allowedHosts"));
      for (String name : allowedHosts) {
        if (!name.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
          throw new IllegalArgumentException("allowedHosts must hold host names such as laptop.local but held \""
              + Clip.to(name, 80) + "\"");
        }
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535 but was " + port);
      }
      if (maxSessions < 1) {
        throw new IllegalArgumentException("maxSessions must be at least 1 but was " + maxSessions);
      }
      if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.compareTo(Duration.ofDays(MAX_IDLE_DAYS)) > 0) {
        throw new IllegalArgumentException("idleTimeout must be more than zero and at most " + MAX_IDLE_DAYS
            + " days but was " + idleTimeout);
      }
      if (maxEvents < 1) {
        throw new IllegalArgumentException("maxEvents must be at least 1 but was " + maxEvents);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
      }
    }

    /**
     * The defaults for a workshop on this machine: port 8080 on 127.0.0.1, 200 sessions, 2 hours
     * idle, 500 events a session, 8 threads.
     *
     * @return the defaults, with the system clock
     */
    public static Config defaults() {
      return new Config("127.0.0.1", 8080, Clock.systemUTC(), 200, Duration.ofHours(2), 500, 8, List.of());
    }

    /**
     * The same settings on another host and port.
     *
     * @param newHost the address to listen on
     * @param newPort the port, 0 for any free one
     * @return a new config
     */
    public Config withAddress(String newHost, int newPort) {
      return new Config(newHost, newPort, clock, maxSessions, idleTimeout, maxEvents, threads, allowedHosts);
    }

    /**
     * The same settings, reachable by these host names too.
     *
     * @param names host names besides {@code localhost}, e.g. {@code laptop.local}
     * @return a new config
     */
    public Config withAllowedHosts(List<String> names) {
      return new Config(host, port, clock, maxSessions, idleTimeout, maxEvents, threads, names);
    }
  }

  /** The cookie that names a browser's session. */
  static final String COOKIE = "tb_session";

  /** The largest request body accepted: a scenario file, form-encoded, fits. */
  static final int MAX_BODY_BYTES = 4 * ScenarioFile.MAX_FILE_BYTES;

  /** The first day of a blank story: a Monday. */
  static final Instant BLANK_START = Instant.parse("2025-01-06T00:00:00Z");

  /** How many weeks a blank story covers. */
  static final int BLANK_WEEKS = 26;

  /** The story a new session starts with. */
  static final String FIRST_SCENARIO = "essay";

  private static final Map<String, String> STATIC = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/app.js", "app.js",
      "/app.css", "app.css");

  private final Config config;
  private final HttpServer http;
  private final ExecutorService pool;
  private final SessionStore sessions;
  private final ShippedScenarios scenarios;
  private final HostCheck hostCheck;
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private WorkshopServer(Config config) throws IOException {
    this.config = config;
    this.scenarios = ShippedScenarios.load();
    this.sessions = new SessionStore(config.clock(), config.maxSessions(), config.idleTimeout());
    for (String name : List.of("index.html", "app.js", "app.css")) {
      try (InputStream in = WorkshopServer.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("the page's " + name + " is missing from the class path");
        }
        files.put(name, in.readAllBytes());
      }
    }
    this.http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
    this.pool = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "workshop-http");
      t.setDaemon(true);
      return t;
    });
    this.hostCheck = new HostCheck(http.getAddress(), config.allowedHosts());
    http.setExecutor(pool);
    http.createContext("/", this::handle);
  }

  /**
   * Starts a server.
   *
   * @param config how to run
   * @return the running server
   * @throws UncheckedIOException when the port cannot be opened or the page is missing
   */
  public static WorkshopServer start(Config config) {
    try {
      WorkshopServer s = new WorkshopServer(requireNonNull(config, "config"));
      s.http.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the workshop page on " + config.host() + ":" + config.port()
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * The page's address: the address the server listens on, or {@code 127.0.0.1} when it listens on
   * all of them ({@code 0.0.0.0}), with its port.
   *
   * @return e.g. {@code http://127.0.0.1:8080/}
   */
  public URI address() {
    InetSocketAddress a = http.getAddress();
    return pageAt(a.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a.getAddress(),
        a.getPort());
  }

  /**
   * The page's address at one address of this machine: the address written as numbers (an IPv6
   * one in brackets, without its scope, which a browser's address bar does not take) and the port.
   *
   * @param ip an address the server answers on
   * @param port the server's port
   * @return e.g. {@code http://192.168.1.20:8080/}
   */
  static URI pageAt(InetAddress ip, int port) {
    String host = ip.getHostAddress();
    int scope = host.indexOf('%');
    if (scope >= 0) {
      host = host.substring(0, scope);
    }
    return URI.create("http://" + (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port + "/");
  }

  /** The number of sessions held, expired ones not yet forgotten included. */
  int sessionCount() {
    return sessions.size();
  }

  /** Stops accepting requests, lets those under way finish (up to a second) and stops. */
  @Override
  public void close() {
    http.stop(1);
    pool.shutdown();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try {
        hostCheck.check(ex.getLocalAddress(), ex.getRequestMethod(), ex.getRequestHeaders().getOrDefault("Host", List.of()),
            ex.getRequestHeaders().getOrDefault("Origin", List.of()),
            ex.getRequestHeaders().getOrDefault("Sec-fetch-site", List.of()));
        route(ex);
      } catch (HostCheck.RefusedException e) {
        error(ex, e.status(), e.getMessage(), e.field());
      } catch (BadRequestException e) {
        error(ex, 400, e.getMessage(), e.field());
      } catch (SessionStore.FullException e) {
        error(ex, 503, e.getMessage(), "(session)");
      } catch (RuntimeException e) {
        // No stack trace to the browser; one line for the facilitator's terminal.
        System.err.println("workshop page: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath()
            + " failed: " + e);
        error(ex, 500, "internal error; the server is still running", "(server)");
      }
    }
  }

  private void route(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    String file = STATIC.get(path);
    if (file != null) {
      requireMethod(method, "GET");
      String type = file.endsWith(".html") ? "text/html; charset=utf-8"
          : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      send(ex, 200, type, files.get(file), Map.of());
      return;
    }
    if (path.equals("/api/catalogue")) {
      requireMethod(method, "GET");
      json(ex, 200, catalogue(), Map.of());
      return;
    }
    if (!path.startsWith("/api/")) {
      error(ex, 404, "no page at " + Clip.to(path, 80), "(path)");
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    WorkshopSession session = session(ex, headers);
    switch (path) {
      case "/api/state":
        requireMethod(method, "GET");
        break;
      case "/api/export/scenario": {
        requireMethod(method, "GET");
        WorkshopSession.State s = session.state();
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName(s) + ".txt\"");
        send(ex, 200, "text/plain; charset=utf-8", s.draft().toFile().getBytes(StandardCharsets.UTF_8), headers);
        return;
      }
      case "/api/export/chart": {
        requireMethod(method, "GET");
        WorkshopSession.State s = session.state();
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName(s) + ".svg\"");
        send(ex, 200, "image/svg+xml; charset=utf-8",
            PageView.chart(s, s.week()).getBytes(StandardCharsets.UTF_8), headers);
        return;
      }
      default:
        requireMethod(method, "POST");
        act(path, session, Form.parse(body(ex)));
    }
    WorkshopSession.State s = session.state();
    json(ex, 200, PageView.json(s, session.canUndo(), config.maxEvents()), headers);
  }

  private void act(String path, WorkshopSession session, Form form) {
    switch (path) {
      case "/api/load": {
        String name = form.required("scenario");
        if (name.equals("blank")) {
          TrustPolicy p = form.optional("policy").isPresent() ? policy(form, "policy") : TrustPolicy.defaults();
          session.load(Draft.blank(BLANK_START, BLANK_WEEKS, p));
        } else {
          session.load(Draft.of(scenarios.get(name).orElseThrow(() -> new BadRequestException("scenario",
              "field \"scenario\" must be \"blank\" or one of " + String.join(", ", scenarios.names())
                  + " but was \"" + Clip.to(name, 40) + "\""))));
        }
        break;
      }
      case "/api/import": {
        String text = form.required("file");
        String name = form.optional("name").map(n -> Clip.to(n, 80)).orElse("imported file");
        try {
          session.load(Draft.of(ScenarioFile.parse(name, text)));
        } catch (ScenarioFormatException e) {
          throw new BadRequestException("file", e.getMessage());
        }
        break;
      }
      case "/api/week":
        session.showWeek(form.whole("week", 1, ScenarioFile.MAX_WEEKS));
        break;
      case "/api/events": {
        Behaviour b = behaviour(session, form.required("behaviour"));
        double weight = form.optional("weight").isPresent()
            ? form.decimal("weight", 0, Behaviour.MAX_WEIGHT) : b.defaultWeight();
        String note = form.optional("note").orElse("").strip();
        if (note.length() > 200 || note.indexOf('\n') >= 0 || note.indexOf('\r') >= 0) {
          throw new BadRequestException("note", "field \"note\" must be one line of at most 200 characters");
        }
        try {
          session.add(b, weight, disclosure(form), note);
        } catch (InvalidTrustInputException e) {
          throw new BadRequestException(e.field(), e.getMessage());
        }
        break;
      }
      case "/api/disclosure":
        session.disclose(form.whole("index", 0, Integer.MAX_VALUE - 1), disclosure(form));
        break;
      case "/api/policy":
        TrustPolicy p = policy(form, "policy");
        checkRunsUnder(session, p);
        session.usePolicy(p);
        break;
      case "/api/compare": {
        String mode = form.required("mode");
        switch (mode) {
          case "none":
            session.compare(WorkshopSession.Mode.NONE, Optional.empty());
            break;
          case "policy":
            TrustPolicy other = policy(form, "policy");
            checkRunsUnder(session, other);
            session.compare(WorkshopSession.Mode.POLICY, Optional.of(other));
            break;
          case "variant":
            session.compare(WorkshopSession.Mode.VARIANT, Optional.empty());
            break;
          default:
            throw new BadRequestException("mode", "field \"mode\" must be none, policy or variant but was \""
                + Clip.to(mode, 40) + "\"");
        }
        break;
      }
      case "/api/undo":
        session.undo();
        break;
      default:
        throw new BadRequestException("(path)", "no action at " + Clip.to(path, 80));
    }
  }

  private static void checkRunsUnder(WorkshopSession session, TrustPolicy p) {
    for (var step : session.state().draft().scenario().steps()) {
      if (!p.catalogue().contains(step.event().behaviour())) {
        throw new BadRequestException("policy", "policy \"" + p.name() + "\" does not know the behaviour \""
            + step.event().behaviour().id() + "\"");
      }
    }
  }

  private static Behaviour behaviour(WorkshopSession session, String id) {
    return session.state().draft().policy().catalogue().all().stream()
        .filter(b -> b.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new BadRequestException("behaviour", "field \"behaviour\" must be a behaviour id such as"
            + " missed-deadline but was \"" + Clip.to(id, 40) + "\""));
  }

  private static Disclosure disclosure(Form form) {
    String kind = form.optional("disclosure").orElse("not-recorded");
    switch (kind) {
      case "not-recorded":
        return Disclosure.notRecorded();
      case "self-reported":
        return Disclosure.selfReported();
      case "discovered":
        return Disclosure.discovered(Duration.ofDays(form.whole("days", 0, (int) Disclosure.MAX_DELAY.toDays())));
      default:
        throw new BadRequestException("disclosure", "field \"disclosure\" must be not-recorded, self-reported or"
            + " discovered but was \"" + Clip.to(kind, 40) + "\"");
    }
  }

  private static TrustPolicy policy(Form form, String field) {
    String name = form.required(field);
    return TrustPolicy.preset(name).orElseThrow(() -> new BadRequestException(field, "field \"" + field
        + "\" must be one of " + String.join(", ", TrustPolicy.presets().stream().map(TrustPolicy::name).toList())
        + " but was \"" + Clip.to(name, 40) + "\""));
  }

  private static String fileName(WorkshopSession.State s) {
    String name = s.draft().scenario().name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "scenario" : Clip.to(name, 60).replace(".", "");
  }

  private WorkshopSession session(HttpExchange ex, Map<String, String> headers) {
    String id = cookie(ex);
    if (id != null) {
      Optional<WorkshopSession> s = sessions.find(id);
      if (s.isPresent()) {
        return s.get();
      }
    }
    WorkshopSession s = sessions.open((newId, now) -> new WorkshopSession(newId,
        new WorkshopSession.State(Draft.of(scenarios.get(FIRST_SCENARIO).orElseThrow()),
            WorkshopSession.Mode.NONE, Optional.empty(), Optional.empty(), 1),
        config.maxEvents(), now));
    headers.put("Set-Cookie", COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict");
    return s;
  }

  private static String cookie(HttpExchange ex) {
    for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        String p = part.strip();
        if (p.startsWith(COOKIE + "=")) {
          String v = p.substring(COOKIE.length() + 1);
          return v.matches("[0-9a-f]{32}") ? v : null;
        }
      }
    }
    return null;
  }

  private String catalogue() {
    Json j = new Json().beginObject();
    j.name("behaviours").beginArray();
    for (Behaviour b : TrustPolicy.defaults().catalogue().all()) {
      j.beginObject()
          .field("id", b.id())
          .field("label", Terms.format(b))
          .field("kind", b.isDrop() ? "drop" : "drain")
          .field("dimension", b.dimension().name().toLowerCase(Locale.ROOT))
          .field("weight", dev.trustbucket.examples.format.Percent.plain(b.defaultWeight()))
          .endObject();
    }
    j.endArray();
    j.name("policies").beginArray();
    TrustPolicy.presets().forEach(p -> j.value(p.name()));
    j.endArray();
    j.name("scenarios").beginArray();
    for (String name : scenarios.names()) {
      j.beginObject().field("name", name).field("title", scenarios.get(name).orElseThrow().scenario().name())
          .endObject();
    }
    j.endArray();
    j.field("maxEvents", config.maxEvents());
    return j.endObject().toString();
  }

  private static String body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new BadRequestException("(body)", "the request is larger than " + MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.US_ASCII);
    }
  }

  private static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw new BadRequestException("(method)", "this address takes " + expected + " requests, not "
          + Clip.to(method, 20));
    }
  }

  private static void error(HttpExchange ex, int status, String message, String field) throws IOException {
    json(ex, status, new Json().beginObject().field("error", message).field("field", field).endObject().toString(),
        Map.of());
  }

  private static void json(HttpExchange ex, int status, String json, Map<String, String> headers) throws IOException {
    send(ex, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers)
      throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'");
    headers.forEach(h::set);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
