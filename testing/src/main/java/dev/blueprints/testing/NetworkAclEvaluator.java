package dev.blueprints.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates a synthesized {@code aws_network_acl} the way VPC does: the rules of one direction in ascending
 * {@code rule_no}, the first whose CIDR, protocol and ports match decides, and no match denies. IPv4 only.
 */
public final class NetworkAclEvaluator {
  /** Return ports the tests try: both ends of the ephemeral range and the Linux default range's start. */
  public static final List<Integer> RETURN_PORTS = List.of(1024, 32768, 65535);

  private NetworkAclEvaluator() {}

  /**
   * @param acl     the {@code aws_network_acl} resource
   * @param ingress true for traffic entering the subnet ({@code ingress} blocks), false for leaving it
   * @param peer    the other end's IPv4 address (source for ingress, destination for egress)
   * @param port    the destination port of the packet
   */
  public static boolean allows(JsonNode acl, boolean ingress, String peer, String protocol, int port) {
    List<JsonNode> rules = new ArrayList<>();
    acl.path(ingress ? "ingress" : "egress").forEach(rules::add);
    rules.sort(Comparator.comparingInt(r -> r.path("rule_no").asInt()));
    for (JsonNode rule : rules) {
      if (!contains(rule.path("cidr_block").asText(), peer)) continue;
      String p = rule.path("protocol").asText();
      boolean all = p.equals("-1") || p.equals("all");
      if (!all && !normalize(p).equals(normalize(protocol))) continue;
      if (!all && (port < rule.path("from_port").asInt() || port > rule.path("to_port").asInt())) continue;
      return rule.path("action").asText().equals("allow");
    }
    return false;
  }

  /**
   * A TCP connection from {@code sourceIp} to {@code targetIp}:{@code port} and its replies pass the ACLs: the source
   * subnet's egress and the target's ingress for the request, the target's egress and the source's ingress for the
   * replies on each of {@link #RETURN_PORTS}. A null ACL is a side outside the VPC (the internet).
   */
  public static List<String> tcpPathProblems(JsonNode sourceAcl, String sourceIp, JsonNode targetAcl, String targetIp, int port) {
    List<String> problems = new ArrayList<>();
    if (sourceAcl != null && !allows(sourceAcl, false, targetIp, "tcp", port)) problems.add("source egress to " + targetIp + ":" + port);
    if (targetAcl != null && !allows(targetAcl, true, sourceIp, "tcp", port)) problems.add("target ingress from " + sourceIp + " on " + port);
    for (int reply : RETURN_PORTS) {
      if (targetAcl != null && !allows(targetAcl, false, sourceIp, "tcp", reply)) problems.add("target egress reply to " + sourceIp + ":" + reply);
      if (sourceAcl != null && !allows(sourceAcl, true, targetIp, "tcp", reply)) problems.add("source ingress reply from " + targetIp + " on " + reply);
    }
    return problems;
  }

  private static String normalize(String protocol) {
    return switch (protocol) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      default -> protocol;
    };
  }

  static boolean contains(String cidr, String ip) {
    String[] parts = cidr.split("/");
    int prefix = Integer.parseInt(parts[1]);
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
  }

  private static long toLong(String ip) {
    long out = 0;
    for (String octet : ip.split("\\.")) out = (out << 8) | Integer.parseInt(octet);
    return out;
  }
}
