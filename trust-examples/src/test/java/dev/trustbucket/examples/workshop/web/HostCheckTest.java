package dev.trustbucket.examples.workshop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guard against DNS rebinding, over real HTTP: a request whose {@code Host} is not the
 * server's is refused, and so is a change sent from another site's page. The JDK's HttpClient
 * cannot set {@code Host}, so those requests are written on a plain socket.
 */
class HostCheckTest {

  private WorkshopServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private WorkshopServer start(String host, List<String> names) {
    server = WorkshopServer.start(new WorkshopServer.Config(host, 0, Clock.systemUTC(), 10, Duration.ofHours(2), 50,
        2, names));
    return server;
  }

  private int port() {
    return server.address().getPort();
  }

  /** A status line and body, from a request written byte by byte on a socket. */
  record Raw(int status, String text) {}

  private Raw raw(String request) throws IOException {
    return raw(InetAddress.getByName("127.0.0.1"), request);
  }

  private Raw raw(InetAddress to, String request) throws IOException {
    try (Socket s = new Socket(to, port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).as(request).startsWith("HTTP/1.1 ");
      return new Raw(Integer.parseInt(text.substring(9, 12)), text);
    }
  }

  private Raw get(String path, String hostHeader) throws IOException {
    return raw("GET " + path + " HTTP/1.1\r\n" + hostHeader + "Connection: close\r\n\r\n");
  }

  @Test
  void answersOnlyToItsOwnAddressAndLocalhost() throws Exception {
    start("127.0.0.1", List.of());
    int port = port();
    assertThat(get("/api/state", "Host: 127.0.0.1:" + port + "\r\n").status()).isEqualTo(200);
    assertThat(get("/api/state", "Host: localhost:" + port + "\r\n").status()).isEqualTo(200);
    assertThat(get("/", "Host: LocalHost:" + port + "\r\n").status()).isEqualTo(200);
    int sessions = server.sessionCount();
    Raw rebound = get("/api/state", "Host: attacker.example:" + port + "\r\n");
    assertThat(rebound.status()).isEqualTo(421);
    assertThat(rebound.text()).contains("\"field\":\"(host)\"")
        .contains("does not answer to the name \\\"attacker.example:" + port + "\\\"")
        .contains("DNS rebinding").contains("open http://127.0.0.1:" + port + "/ instead")
        .doesNotContain("Set-Cookie").doesNotContain("Exception");
    // Another port is the same server reached through a forwarded port (ssh -L, a container's).
    for (String forwarded : List.of("127.0.0.1", "127.0.0.1:" + (port == 1 ? 2 : port - 1), "localhost:9090")) {
      assertThat(get("/api/state", "Host: " + forwarded + "\r\n").status()).as(forwarded).isEqualTo(200);
    }
    sessions = server.sessionCount();
    for (String bad : List.of("attacker.example", "attacker.example:" + port, "127.0.0.1:65536", "127.0.0.1:8x",
        "localhost.:" + port, "127.0.0.2:" + port, "[::1]:" + port, "127.0.0.1:" + port + "@x", "0x7f.0.0.1:" + port,
        "300.0.0.1:" + port, "")) {
      assertThat(get("/", "Host: " + bad + "\r\n").status()).as(bad).isEqualTo(421);
      assertThat(get("/api/state", "Host: " + bad + "\r\n").status()).as(bad).isEqualTo(421);
    }
    Raw none = raw("GET / HTTP/1.0\r\n\r\n");
    assertThat(none.status()).isEqualTo(421);
    assertThat(none.text()).contains("the request has no Host header");
    assertThat(get("/", "Host: localhost:" + port + "\r\nHost: attacker.example:" + port + "\r\n").status())
        .isEqualTo(421);
    Raw post = raw("POST /api/week HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nConnection: close\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\nweek=3");
    assertThat(post.status()).isEqualTo(421);
    assertThat(server.sessionCount()).as("a refused request opens no session").isEqualTo(sessions);
  }

  @Test
  void takesChangesOnlyFromItsOwnPage() throws Exception {
    start("127.0.0.1", List.of());
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    URI week = server.address().resolve("/api/week");
    String before = browser.send(HttpRequest.newBuilder(server.address().resolve("/api/state")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    for (String origin : List.of("http://attacker.example:" + port(), "http://attacker.example", "null",
        "https://127.0.0.1:" + port(), "http://127.0.0.1:" + (port() + 1), "http://127.0.0.1:" + port() + "/x")) {
      HttpResponse<String> r = browser.send(HttpRequest.newBuilder(week).header("Origin", origin)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("week=3")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(origin).isEqualTo(403);
      assertThat(r.body()).as(origin).contains("\"field\":\"(origin)\"").contains("only from its own page");
    }
    assertThat(browser.send(HttpRequest.newBuilder(server.address().resolve("/api/state")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).isEqualTo(before);
    // The page's own origin is its Host's: a page loaded from localhost posts with Host localhost.
    for (String origin : List.of("http://127.0.0.1:" + port(), "HTTP://127.0.0.1:" + port())) {
      HttpResponse<String> r = browser.send(HttpRequest.newBuilder(week).header("Origin", origin)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("week=3")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(origin).isEqualTo(200);
    }
    // A request that a browser says another site's page made is refused, a GET too: without the
    // page's cookie it would open a session, and enough of them fill the room.
    for (String site : List.of("cross-site", "same-site", "Cross-Site")) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.address().resolve("/api/state"))
          .header("Sec-Fetch-Site", site).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(site).isEqualTo(403);
      assertThat(r.body()).as(site).contains("\"field\":\"(origin)\"").contains("another site's page");
      assertThat(r.headers().firstValue("Set-Cookie")).as(site).isEmpty();
    }
    for (String site : List.of("same-origin", "none")) {
      assertThat(browser.send(HttpRequest.newBuilder(server.address().resolve("/api/state"))
          .header("Sec-Fetch-Site", site).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .as(site).isEqualTo(200);
    }
    // A GET without Sec-Fetch-Site reads and changes nothing: another site's Origin on it is not refused.
    assertThat(browser.send(HttpRequest.newBuilder(server.address().resolve("/api/state"))
        .header("Origin", "http://attacker.example").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void onAllAddressesItAcceptsTheMachinesAddressesAndTheNamesAllowed() throws Exception {
    start("0.0.0.0", List.of("workshop-laptop.local"));
    int port = port();
    assertThat(get("/", "Host: 127.0.0.1:" + port + "\r\n").status()).isEqualTo(200);
    assertThat(get("/", "Host: localhost:" + port + "\r\n").status()).isEqualTo(200);
    assertThat(get("/", "Host: Workshop-Laptop.local:" + port + "\r\n").status()).isEqualTo(200);
    Raw other = get("/", "Host: other-laptop.local:" + port + "\r\n");
    assertThat(other.status()).isEqualTo(421);
    assertThat(other.text()).contains("--allow-host NAME");
    // TEST-NET-3 (RFC 5737) is documentation-only, so no interface of this machine has it.
    assertThat(get("/", "Host: 203.0.113.7:" + port + "\r\n").status()).isEqualTo(421);

    HostCheck check = new HostCheck(new InetSocketAddress("0.0.0.0", 8080), List.of());
    InetSocketAddress reached = new InetSocketAddress("127.0.0.1", 8080);
    check.check(reached, "GET", List.of("127.0.0.1:8080"), List.of(), List.of());
    check.check(reached, "POST", List.of("127.0.0.1:8080"), List.of("http://127.0.0.1:8080"), List.of());
    check.check(reached, "POST", List.of("localhost:9090"), List.of("http://localhost:9090"), List.of());
    assertThatThrownBy(() -> check.check(reached, "POST", List.of("127.0.0.1:8080"), List.of("http://localhost:8080"), List.of()))
        .isInstanceOf(HostCheck.RefusedException.class).hasMessageContaining("not from \"http://localhost:8080\"");
    assertThatThrownBy(() -> check.check(reached, "POST", List.of("127.0.0.1:8080"), List.of("http://a.example:8080"), List.of()))
        .isInstanceOf(HostCheck.RefusedException.class).hasMessageContaining("not from \"http://a.example:8080\"");
    HostCheck port80 = new HostCheck(new InetSocketAddress("127.0.0.1", 80), List.of());
    port80.check(new InetSocketAddress("127.0.0.1", 80), "POST", List.of("127.0.0.1"), List.of("http://127.0.0.1"), List.of());
    port80.check(new InetSocketAddress("127.0.0.1", 80), "POST", List.of("localhost:80"), List.of("http://localhost:80"), List.of());
  }

  /**
   * On all addresses, a refused person is sent to the address their request reached: for a
   * participant on another laptop that is the machine's address on the room's network, not
   * {@code 127.0.0.1}. Each address of this machine's interfaces is tried (loopback always, the
   * room's when the machine has one); the address in the message is the one connected to, and
   * opening it is answered.
   */
  @Test
  void onAllAddressesARefusedPersonIsSentToTheAddressTheirRequestReached() throws Exception {
    start("0.0.0.0", List.of("workshop-laptop.local"));
    int port = port();
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp()) {
        // A link-local IPv6 address needs its interface's scope, which a browser's address bar does not take.
        Collections.list(nic.getInetAddresses()).stream().filter(a -> !a.isLinkLocalAddress()).forEach(addresses::add);
      }
    }
    assertThat(addresses).as("this machine's addresses").isNotEmpty();
    Pattern open = Pattern.compile("open (http://[^ ]+/) instead");
    for (InetAddress to : addresses) {
      Raw refused = raw(to, "GET /api/state HTTP/1.1\r\nHost: other-laptop.local:" + port
          + "\r\nConnection: close\r\n\r\n");
      assertThat(refused.status()).as(to.toString()).isEqualTo(421);
      assertThat(refused.text()).as(to.toString()).contains("--allow-host NAME");
      Matcher m = open.matcher(refused.text());
      assertThat(m.find()).as(refused.text()).isTrue();
      URI told = URI.create(m.group(1));
      assertThat(told.getPort()).as(told.toString()).isEqualTo(port);
      assertThat(InetAddress.getByName(told.getHost())).as(told.toString()).isEqualTo(withoutScope(to));
      if (to instanceof Inet4Address) {
        assertThat(told).isEqualTo(URI.create("http://" + to.getHostAddress() + ":" + port + "/"));
      }
      // Opening the address it was told: the same connection target, with that Host, is answered.
      Raw opened = raw(to, "GET /api/state HTTP/1.1\r\nHost: " + told.getRawAuthority()
          + "\r\nConnection: close\r\n\r\n");
      assertThat(opened.status()).as(told.toString()).isEqualTo(200);
      // A refused change and a request from another site's page name the same address.
      Raw cross = raw(to, "GET /api/state HTTP/1.1\r\nHost: " + told.getRawAuthority()
          + "\r\nSec-Fetch-Site: cross-site\r\nConnection: close\r\n\r\n");
      assertThat(cross.status()).isEqualTo(403);
      assertThat(cross.text()).contains("open " + told + " instead");
    }
    assertThat(WorkshopServer.pageAt(InetAddress.getByName("fe80::1%1"), 8080))
        .isEqualTo(URI.create("http://[fe80:0:0:0:0:0:0:1]:8080/"));
    assertThat(WorkshopServer.pageAt(InetAddress.getByName("192.168.1.20"), 8080))
        .isEqualTo(URI.create("http://192.168.1.20:8080/"));
  }

  private static InetAddress withoutScope(InetAddress a) throws IOException {
    return InetAddress.getByAddress(a.getAddress());
  }

  @Test
  void aNameToAllowMustBeAHostName() {
    WorkshopServer.Config c = WorkshopServer.Config.defaults();
    for (String bad : List.of("", "laptop:8080", "a b", "-laptop", "http://laptop", "laptop/")) {
      assertThatThrownBy(() -> c.withAllowedHosts(List.of(bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedHosts");
    }
    assertThat(c.withAllowedHosts(List.of("laptop.local")).allowedHosts()).containsExactly("laptop.local");

    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new WorkshopPage());
    cli.setErr(new java.io.PrintWriter(err));
    assertThat(cli.execute("--port", "0", "--allow-host", "laptop:8080")).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("error: allowedHosts must hold host names such as laptop.local but held"
        + " \"laptop:8080\"" + System.lineSeparator());
  }
}
