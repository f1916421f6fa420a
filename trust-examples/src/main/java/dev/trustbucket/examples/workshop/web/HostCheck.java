package dev.trustbucket.examples.workshop.web;

import static java.util.Objects.requireNonNull;

import dev.trustbucket.examples.format.Clip;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which names the page may be reached by: the guard against DNS rebinding.
 *
 * <p>A hostile web page can point its own name at 127.0.0.1 (or at the facilitator's laptop in the
 * room) once the browser has loaded it, and then script requests to the workshop as if it were the
 * same site. The browser still sends the hostile name in the {@code Host} header, so the server
 * answers only requests whose {@code Host} is an address it listens on, or {@code localhost}, or
 * one of the names the facilitator allowed, with any port (a forwarded port reaches the same
 * server). A request that changes a session and carries an {@code Origin} must also come from the
 * page itself: the origin of the request's own {@code Host}.
 *
 * <p>When the server listens on one address ({@code 127.0.0.1}, or one interface of the laptop),
 * that address is accepted; when it listens on all of them ({@code 0.0.0.0}), any address of one of
 * the machine's network interfaces is. An address written as numbers cannot be rebound, so it needs
 * no list; a name can, so names other than {@code localhost} must be allowed one by one.
 *
 * <p>A refused person is told to open the page at the address their request reached: the local
 * address of the connection, written as numbers, with the server's port. That address is one this
 * server answers on, and the person's own machine has just reached it, so it works for them: on
 * {@code 127.0.0.1} it is {@code 127.0.0.1}, and for a participant on another laptop in the room it
 * is the facilitator's address on the room's network. Listing every address of the machine's
 * interfaces instead would offer ones the person cannot reach (a container bridge, a VPN, an IPv6
 * link-local address) and leave them to guess; the names given with {@code --allow-host} may not
 * resolve on their laptop, which may be why they typed another name. Behind a port forward or NAT
 * (a container's published port) the address is the server's side of it; that person reaches the
 * page by {@code localhost} or by the forwarded address written as numbers, which are accepted.
 */
final class HostCheck {

  /** A refused request: the status to answer with and a sentence for the person. */
  static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** 421 for a wrong {@code Host}, 403 for a wrong {@code Origin}. */
    private final int status;

    /** The header that was refused, e.g. {@code "(host)"}. */
    private final String field;

    RefusedException(int status, String field, String message) {
      super(message);
      this.status = status;
      this.field = field;
    }

    int status() {
      return status;
    }

    String field() {
      return field;
    }
  }

  /** {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}. */
  private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.%a-zA-Z]+\\]|[^\\[\\]:]+)(?::([0-9]{1,5}))?");

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private final InetAddress bound;
  private final Set<String> names;

  /**
   * Creates the check.
   *
   * @param listening the address and port the server listens on
   * @param names further host names the page may be reached by, e.g. the laptop's name in the room
   */
  HostCheck(InetSocketAddress listening, List<String> names) {
    this.bound = requireNonNull(listening.getAddress(), "listening address");
    this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Checks a request's headers.
   *
   * @param reached the local address and port of the request's connection: the page's address
   *     that a refused person is told to open (see the class comment)
   * @param method the request's method
   * @param hosts every {@code Host} header of the request
   * @param origins every {@code Origin} header of the request
   * @param fetchSites every {@code Sec-Fetch-Site} header of the request: a browser says with it
   *     whether another site's page made the request (it sends it to {@code localhost} and
   *     {@code 127.0.0.1}, not to an address on the room's network)
   * @throws RefusedException when the request must not be answered
   */
  void check(InetSocketAddress reached, String method, List<String> hosts, List<String> origins,
      List<String> fetchSites) {
    String address = WorkshopServer.pageAt(reached.getAddress(), reached.getPort()).toString();
    if (hosts.size() != 1) {
      throw new RefusedException(421, "(host)", (hosts.isEmpty() ? "the request has no Host header"
          : "the request has " + hosts.size() + " Host headers") + "; open " + address + " instead");
    }
    String host = hosts.get(0).strip();
    if (!accepts(host)) {
      throw new RefusedException(421, "(host)", "this server does not answer to the name \"" + Clip.to(host, 80)
          + "\" (a guard against DNS rebinding); open " + address + " instead"
          + (bound.isAnyLocalAddress() ? ", or start the server with --allow-host NAME to accept that name" : ""));
    }
    // Another site's page may not even read: a GET without the page's cookie opens a session, and
    // a page that loads the API as images could fill every seat in the room.
    for (String site : fetchSites) {
      String s = site.strip().toLowerCase(Locale.ROOT);
      if (s.equals("cross-site") || s.equals("same-site")) {
        throw new RefusedException(403, "(origin)", "this server answers only its own page, not a request that another"
            + " site's page made (Sec-Fetch-Site: " + Clip.to(s, 20) + "); open " + address + " instead");
      }
    }
    if (method.equals("GET") || method.equals("HEAD")) {
      return;
    }
    if (origins.size() > 1) {
      throw new RefusedException(403, "(origin)", "the request has " + origins.size() + " Origin headers");
    }
    if (origins.size() == 1 && !sameOrigin(origins.get(0).strip(), host)) {
      throw new RefusedException(403, "(origin)", "this server takes changes only from its own page, not from \""
          + Clip.to(origins.get(0).strip(), 80) + "\"; open " + address + " instead");
    }
  }

  /**
   * An {@code Origin} of the page itself: {@code http://} and the very host and port of the
   * request's {@code Host} header (already accepted), which is where the browser loaded the page.
   */
  private boolean sameOrigin(String origin, String hostHeader) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return false;
    }
    boolean bare = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
        && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || !bare) {
      return false;
    }
    Matcher m = HOST.matcher(hostHeader);
    return m.matches() && uri.getHost().equalsIgnoreCase(m.group(1))
        && (uri.getPort() == -1 ? 80 : uri.getPort()) == portOf(m);
  }

  /**
   * A {@code Host} header naming an accepted host, with any port: the port the browser used may be
   * a forwarded one ({@code ssh -L}, a container's published port), and it protects nothing
   * against rebinding, where the hostile page's name is the only thing that differs.
   */
  private boolean accepts(String header) {
    Matcher m = HOST.matcher(header);
    return m.matches() && portOf(m) <= 65_535 && acceptsHost(m.group(1));
  }

  /** The port of a matched {@code Host} value, 80 when it names none. */
  private static int portOf(Matcher m) {
    return m.group(2) == null ? 80 : Integer.parseInt(m.group(2));
  }

  /** {@code localhost}, an allowed name, or the literal address of this server. */
  private boolean acceptsHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || names.contains(h)) {
      return true;
    }
    Optional<InetAddress> literal = literal(h);
    if (literal.isEmpty()) {
      return false;
    }
    InetAddress a = literal.get();
    if (!bound.isAnyLocalAddress()) {
      return a.equals(bound);
    }
    try {
      return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The address a host written as numbers stands for; empty for a name (never looked up). */
  private static Optional<InetAddress> literal(String host) {
    try {
      if (IPV4.matcher(host).matches()) {
        String[] parts = host.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int part = Integer.parseInt(parts[i]);
          if (part > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) part;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      // In brackets, with only hex digits, colons and dots (no zone id), the JDK parses the
      // address as an IPv6 literal or refuses it; it never asks a DNS server.
      if (host.matches("\\[[0-9a-f:.]+\\]")) {
        return Optional.of(InetAddress.getByName(host));
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
