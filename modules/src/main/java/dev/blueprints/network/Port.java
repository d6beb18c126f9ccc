package dev.blueprints.network;

import dev.blueprints.core.Validate;

/**
 * A protocol and port range for a security-group rule.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code -1} (all)
 * @param from     first port (ignored for {@code -1})
 * @param to       last port (ignored for {@code -1})
 */
public record Port(String protocol, int from, int to) {
  public Port {
    Validate.oneOf("protocol", protocol, java.util.List.of("tcp", "udp", "icmp", "-1"));
    if (!protocol.equals("-1") && !protocol.equals("icmp")) {
      Validate.range("port", from, 0, 65535);
      Validate.range("port", to, 0, 65535);
      Validate.ordered("from port", from, "to port", to);
    }
  }

  public static Port tcp(int port) {
    return new Port("tcp", port, port);
  }

  public static Port tcpRange(int from, int to) {
    return new Port("tcp", from, to);
  }

  public static Port udp(int port) {
    return new Port("udp", port, port);
  }

  /** Every protocol and port; use only where the peer is trusted entirely. */
  public static Port allTraffic() {
    return new Port("-1", 0, 0);
  }

  public boolean isAllTraffic() {
    return protocol.equals("-1");
  }

  /** A short id fragment such as {@code Tcp5432} or {@code Tcp1024To65535}. */
  public String slug() {
    if (isAllTraffic()) return "All";
    String p = Character.toUpperCase(protocol.charAt(0)) + protocol.substring(1);
    return from == to ? p + from : p + from + "To" + to;
  }

  @Override
  public String toString() {
    return isAllTraffic() ? "all traffic" : protocol + "/" + (from == to ? String.valueOf(from) : from + "-" + to);
  }
}
