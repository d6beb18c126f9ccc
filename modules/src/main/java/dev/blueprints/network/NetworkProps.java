package dev.blueprints.network;

import dev.blueprints.core.Cidr;
import dev.blueprints.core.LogRetention;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A VPC with subnet tiers.
 *
 * @param cidr                 VPC CIDR, /16 to /24. Default: {@value #DEFAULT_CIDR}
 * @param availabilityZones    2 or 3 AZ names, in order (position decides each subnet's CIDR)
 * @param tiers                tiers to create. Default: {@link #DEFAULT_TIERS}
 * @param nat                  NAT layout for the private tier. Default: {@link #DEFAULT_NAT}
 * @param subnetPrefix         prefix length of every subnet. Default: {@value #DEFAULT_SUBNET_PREFIX}
 * @param flowLogs             VPC flow logs to CloudWatch Logs. Default: {@value #DEFAULT_FLOW_LOGS}
 * @param flowLogRetentionDays retention of the flow log group. Default: {@value #DEFAULT_FLOW_LOG_RETENTION_DAYS}
 * @param s3GatewayEndpoint    S3 gateway endpoint on the private and isolated route tables (free; keeps
 *                             image layers and S3 traffic off NAT). Default: {@value #DEFAULT_S3_GATEWAY_ENDPOINT}
 * @param interfaceEndpoints   interface endpoints by service suffix, e.g. {@code ecr.api}, {@code logs}. Default: none
 * @param networkAcls          the traffic each tier may start or accept, from which a network ACL per tier is derived
 *                             (see {@link TierFlow}); unset (null) keeps the subnets on the VPC's default ACL (allow
 *                             all), leaving the security groups as the only filter
 */
public record NetworkProps(
    String cidr,
    List<String> availabilityZones,
    Set<SubnetTier> tiers,
    NatStrategy nat,
    int subnetPrefix,
    boolean flowLogs,
    int flowLogRetentionDays,
    boolean s3GatewayEndpoint,
    List<String> interfaceEndpoints,
    List<TierFlow> networkAcls) {

  /** 65,536 addresses: room for every tier in up to three AZs with /24 subnets. */
  public static final String DEFAULT_CIDR = "10.0.0.0/16";
  /** Public, private and isolated: load balancers, workloads and data each in a tier of their own. */
  public static final Set<SubnetTier> DEFAULT_TIERS = Collections.unmodifiableSet(EnumSet.allOf(SubnetTier.class));
  /** One NAT gateway per AZ: losing an AZ does not cut the others off the internet. */
  public static final NatStrategy DEFAULT_NAT = NatStrategy.ONE_PER_AZ;
  /** 256 addresses per subnet. */
  public static final int DEFAULT_SUBNET_PREFIX = 24;
  /** A record of accepted and rejected traffic is kept for investigations. */
  public static final boolean DEFAULT_FLOW_LOGS = true;
  /** A year of flow logs, long enough to look back on an incident found late. */
  public static final int DEFAULT_FLOW_LOG_RETENTION_DAYS = 365;
  /** Free, and keeps S3 and image-layer traffic off NAT. */
  public static final boolean DEFAULT_S3_GATEWAY_ENDPOINT = true;
  private static final Pattern ENDPOINT_SERVICE = Pattern.compile("^[a-z0-9-]+(\\.[a-z0-9-]+)*$");

  public NetworkProps {
    Cidr vpc = Cidr.requireBlock("cidr", cidr, 16, 24);
    Validate.notNull("availabilityZones", availabilityZones);
    if (availabilityZones.size() < 2 || availabilityZones.size() > Network.MAX_AZS) {
      throw Validate.invalid("availabilityZones", availabilityZones, "2 to " + Network.MAX_AZS + " availability zones, got " + availabilityZones.size());
    }
    if (new LinkedHashSet<>(availabilityZones).size() != availabilityZones.size()) {
      throw Validate.invalid("availabilityZones", availabilityZones, "each availability zone may appear once");
    }
    availabilityZones = List.copyOf(availabilityZones);
    Validate.notNull("tiers", tiers);
    if (tiers.isEmpty()) throw Validate.invalid("tiers", tiers, "at least one tier");
    tiers = Set.copyOf(tiers);
    Validate.notNull("nat", nat);
    if (nat != NatStrategy.NONE && !(tiers.contains(SubnetTier.PUBLIC) && tiers.contains(SubnetTier.PRIVATE))) {
      throw Validate.invalid("nat", nat, "NAT gateways need the PUBLIC and PRIVATE tiers; use NONE or add the tiers");
    }
    new SubnetLayout(vpc, subnetPrefix);
    LogRetention.require("flowLogRetentionDays", flowLogRetentionDays);
    interfaceEndpoints = List.copyOf(interfaceEndpoints == null ? List.of() : interfaceEndpoints);
    for (String service : interfaceEndpoints) {
      Validate.matches("interfaceEndpoints", service, ENDPOINT_SERVICE, "a service suffix such as ecr.api, logs or secretsmanager");
    }
    if (!interfaceEndpoints.isEmpty() && !tiers.contains(SubnetTier.PRIVATE) && !tiers.contains(SubnetTier.ISOLATED)) {
      throw Validate.invalid("interfaceEndpoints", interfaceEndpoints, "interface endpoints need a PRIVATE or ISOLATED tier");
    }
    if (networkAcls != null) {
      networkAcls = List.copyOf(networkAcls);
      if (networkAcls.isEmpty()) throw Validate.invalid("networkAcls", "[]", "at least one flow; leave networkAcls unset for no ACLs");
      for (TierFlow flow : networkAcls) {
        for (SubnetTier tier : java.util.Arrays.asList(flow.from(), flow.to())) {
          if (tier != null && !tiers.contains(tier)) {
            throw Validate.invalid("networkAcls", flow.toString(), "flows between the network's tiers " + tiers.stream().sorted().toList());
          }
        }
        if (flow.to() == null && flow.from() == SubnetTier.PRIVATE && nat == NatStrategy.NONE) {
          throw Validate.invalid("networkAcls", flow.toString(), "a NAT strategy other than NONE: the private tier reaches the internet only through NAT");
        }
      }
    }
  }

  public static Builder builder(List<String> availabilityZones) {
    return new Builder(availabilityZones);
  }

  public SubnetLayout layout() {
    return new SubnetLayout(Cidr.parse("cidr", cidr), subnetPrefix);
  }

  public static final class Builder {
    private String cidr = DEFAULT_CIDR;
    private final List<String> availabilityZones;
    private Set<SubnetTier> tiers = DEFAULT_TIERS;
    private NatStrategy nat = DEFAULT_NAT;
    private int subnetPrefix = DEFAULT_SUBNET_PREFIX;
    private boolean flowLogs = DEFAULT_FLOW_LOGS;
    private int flowLogRetentionDays = DEFAULT_FLOW_LOG_RETENTION_DAYS;
    private boolean s3GatewayEndpoint = DEFAULT_S3_GATEWAY_ENDPOINT;
    private final List<String> interfaceEndpoints = new ArrayList<>();
    private List<TierFlow> networkAcls;

    private Builder(List<String> availabilityZones) {
      this.availabilityZones = availabilityZones;
    }

    public Builder cidr(String value) { this.cidr = value; return this; }
    public Builder tiers(Set<SubnetTier> value) { this.tiers = value; return this; }
    public Builder nat(NatStrategy value) { this.nat = value; return this; }
    public Builder subnetPrefix(int value) { this.subnetPrefix = value; return this; }
    /** Turns VPC flow logs off: no record of accepted or rejected traffic is kept. */
    public Builder withoutFlowLogs() { this.flowLogs = false; return this; }
    public Builder flowLogRetentionDays(int value) { this.flowLogRetentionDays = value; return this; }
    public Builder s3GatewayEndpoint(boolean value) { this.s3GatewayEndpoint = value; return this; }
    public Builder interfaceEndpoint(String service) { interfaceEndpoints.add(service); return this; }
    /** A network ACL per tier allowing exactly these flows (and their return traffic); see {@link TierFlow}. */
    public Builder networkAcls(List<TierFlow> flows) { this.networkAcls = flows; return this; }

    public NetworkProps build() {
      return new NetworkProps(cidr, availabilityZones, tiers, nat, subnetPrefix, flowLogs, flowLogRetentionDays,
          s3GatewayEndpoint, interfaceEndpoints, networkAcls);
    }
  }
}
