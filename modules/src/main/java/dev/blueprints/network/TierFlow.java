package dev.blueprints.network;

import dev.blueprints.core.Validate;

/**
 * One kind of traffic a subnet tier may start, in the terms the security groups use: who opens the connection,
 * who accepts it, on which port. {@link Network} turns a list of these into its network ACLs: each flow allows the
 * request on the port at both ends and the stateless return traffic on the ephemeral ports
 * ({@link #EPHEMERAL}) the other way.
 *
 * @param from        the tier whose hosts open the connection; null for the internet
 * @param to          the tier whose hosts accept it; null for the internet (through NAT from the private tier)
 * @param port        TCP or UDP port or range the connection is made to
 * @param description why the flow exists (the security group rule's reason)
 */
public record TierFlow(SubnetTier from, SubnetTier to, Port port, String description) {
  /** The return ports of the stateless rules: Linux, NAT gateways and load balancers all use ports in this range. */
  public static final Port EPHEMERAL = Port.tcpRange(1024, 65535);

  public TierFlow {
    if (from == null && to == null) throw Validate.invalid("tierFlow", "internet to internet", "a flow with at least one subnet tier");
    Validate.notNull("tierFlow.port", port);
    if (!port.protocol().equals("tcp") && !port.protocol().equals("udp")) {
      throw Validate.invalid("tierFlow.port", port.toString(), "a tcp or udp port or range (network ACLs are written per protocol and port)");
    }
    if (from == null && to != SubnetTier.PUBLIC) {
      throw Validate.invalid("tierFlow.to", to, "PUBLIC: only the public tier can be reached from the internet");
    }
    if (to == null && from == SubnetTier.ISOLATED) {
      throw Validate.invalid("tierFlow.from", from, "PUBLIC or PRIVATE: the isolated tier has no route to the internet");
    }
    Validate.notBlank("tierFlow.description", description);
  }

  /** Clients on the internet connect to the public tier (load balancers). */
  public static TierFlow fromInternet(SubnetTier to, Port port, String description) {
    return new TierFlow(null, to, port, description);
  }

  /** Hosts of {@code from} connect out to the internet (through NAT from the private tier). */
  public static TierFlow toInternet(SubnetTier from, Port port, String description) {
    return new TierFlow(from, null, port, description);
  }

  /** Hosts of {@code from} connect to hosts of {@code to} (the same tier for traffic between its AZs). */
  public static TierFlow between(SubnetTier from, SubnetTier to, Port port, String description) {
    return new TierFlow(Validate.notNull("tierFlow.from", from), Validate.notNull("tierFlow.to", to), port, description);
  }

  @Override
  public String toString() {
    return (from == null ? "internet" : from.label()) + " -> " + (to == null ? "internet" : to.label()) + " " + port;
  }
}
