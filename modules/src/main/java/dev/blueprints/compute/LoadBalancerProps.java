package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.data.Bucket;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import java.util.regex.Pattern;

/**
 * An application or network load balancer.
 *
 * @param kind                  application or network
 * @param vpcId                 the VPC of the subnets (for the load balancer's security group)
 * @param subnets               where the load balancer's nodes live; at least 2 AZs. Public subnets for an
 *                              internet-facing load balancer
 * @param name                  physical name, 1-32 letters, digits and hyphens; null takes
 *                              {@code <project>-<blueprint>-<env>-<construct id>}. Default: null
 * @param internetFacing        reachable from the internet. Default: {@value #DEFAULT_INTERNET_FACING} (internal)
 * @param accessLogsBucket      bucket receiving access logs, or null for none. The bucket must use SSE-S3
 *                              ({@link dev.blueprints.data.BucketEncryption#S3_MANAGED}) and carry
 *                              {@code Bucket.forLoadBalancerLogs}. Default: null
 * @param accessLogsPrefix      key prefix of the logs ({@code ""} for none). Default: {@value #DEFAULT_ACCESS_LOGS_PREFIX} (none)
 * @param deletionProtection    refuse deletion through the API; null takes the environment's
 *                              {@code deletionProtection}. Default: null
 * @param idleTimeoutSeconds    connection idle timeout of an application load balancer, 1..4000; null applies
 *                              {@value #DEFAULT_IDLE_TIMEOUT_SECONDS} (none on a network load balancer). Default: null
 * @param enforcePrivateLinkInboundRules evaluate the security group's inbound rules for traffic arriving
 *                              through PrivateLink (network load balancers only). Default:
 *                              {@value #DEFAULT_ENFORCE_PRIVATE_LINK_INBOUND_RULES}
 */
public record LoadBalancerProps(
    LoadBalancerKind kind,
    String vpcId,
    SubnetGroup subnets,
    String name,
    boolean internetFacing,
    Bucket accessLogsBucket,
    String accessLogsPrefix,
    Boolean deletionProtection,
    Integer idleTimeoutSeconds,
    boolean enforcePrivateLinkInboundRules) {

  public static final boolean DEFAULT_INTERNET_FACING = false;
  public static final String DEFAULT_ACCESS_LOGS_PREFIX = "";
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
  public static final boolean DEFAULT_ENFORCE_PRIVATE_LINK_INBOUND_RULES = true;
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$");
  private static final Pattern PREFIX = Pattern.compile("^([A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*)?$");

  public LoadBalancerProps {
    Validate.notNull("kind", kind);
    Validate.notBlank("vpcId", vpcId);
    Validate.notNull("subnets", subnets).requireAzs("subnets", 2);
    if (name != null && (!NAME.matcher(name).matches() || name.startsWith("internal-"))) {
      throw Validate.invalid("name", name, "1-32 letters, digits and hyphens, not starting or ending with a hyphen "
          + "nor starting with \"internal-\"");
    }
    if (internetFacing && subnets.tier() != SubnetTier.PUBLIC) {
      throw Validate.invalid("subnets", subnets.tier().label() + " tier",
          "an internet-facing load balancer needs the public tier (a route to the internet gateway)");
    }
    accessLogsPrefix = accessLogsPrefix == null ? DEFAULT_ACCESS_LOGS_PREFIX : accessLogsPrefix;
    if (!PREFIX.matcher(accessLogsPrefix).matches() || accessLogsPrefix.contains("AWSLogs")) {
      throw Validate.invalid("accessLogsPrefix", accessLogsPrefix,
          "S3 key segments separated by \"/\", without leading or trailing \"/\" and without \"AWSLogs\"");
    }
    if (idleTimeoutSeconds != null) {
      if (kind != LoadBalancerKind.APPLICATION) {
        throw Validate.invalid("idleTimeoutSeconds", idleTimeoutSeconds, "only application load balancers have an idle timeout");
      }
      Validate.range("idleTimeoutSeconds", idleTimeoutSeconds, 1, 4000);
    }
    if (!enforcePrivateLinkInboundRules && kind != LoadBalancerKind.NETWORK) {
      throw Validate.invalid("skipSecurityGroupForPrivateLink", true, "only network load balancers receive PrivateLink traffic");
    }
  }

  public static Builder builder(LoadBalancerKind kind, String vpcId, SubnetGroup subnets) {
    return new Builder(kind, vpcId, subnets);
  }

  /** The idle timeout applied to an application load balancer. */
  public int effectiveIdleTimeoutSeconds() {
    return idleTimeoutSeconds == null ? DEFAULT_IDLE_TIMEOUT_SECONDS : idleTimeoutSeconds;
  }

  public static final class Builder {
    private final LoadBalancerKind kind;
    private final String vpcId;
    private final SubnetGroup subnets;
    private String name;
    private boolean internetFacing = DEFAULT_INTERNET_FACING;
    private Bucket accessLogsBucket;
    private String accessLogsPrefix = DEFAULT_ACCESS_LOGS_PREFIX;
    private Boolean deletionProtection;
    private Integer idleTimeoutSeconds;
    private boolean enforcePrivateLinkInboundRules = DEFAULT_ENFORCE_PRIVATE_LINK_INBOUND_RULES;

    private Builder(LoadBalancerKind kind, String vpcId, SubnetGroup subnets) {
      this.kind = kind;
      this.vpcId = vpcId;
      this.subnets = subnets;
    }

    public Builder name(String value) { this.name = value; return this; }

    /**
     * Places the load balancer on the internet (public subnets required). Each listener added later opens
     * its port to {@code 0.0.0.0/0} on the load balancer's security group, and nothing else.
     */
    public Builder internetFacing() { this.internetFacing = true; return this; }

    /** Writes access logs to {@code bucket} under {@code prefix} (see {@code Bucket.forLoadBalancerLogs}). */
    public Builder accessLogs(Bucket bucket, String prefix) {
      this.accessLogsBucket = Validate.notNull("accessLogs.bucket", bucket);
      this.accessLogsPrefix = prefix;
      return this;
    }

    public Builder deletionProtection(boolean value) { this.deletionProtection = value; return this; }

    public Builder idleTimeoutSeconds(int value) { this.idleTimeoutSeconds = value; return this; }

    /**
     * Network load balancers only: traffic arriving through PrivateLink, such as an API Gateway REST API's VPC
     * link, is not filtered by the security group's inbound rules. Needed for VPC links: API Gateway's source
     * addresses are not published, so no inbound rule can name them (the alternative is opening the listener
     * to {@code 0.0.0.0/0}). Other clients stay filtered.
     *
     * <p>The argument ({@code enforce_security_group_inbound_rules_on_private_link_traffic = "off"}) arrived
     * in hashicorp/aws 5.30.0, after the 5.23.1 the Java bindings were generated from, so it is written as an
     * override listed in {@code ProviderFeatures}, from which the provider constraint is derived.
     */
    public Builder skipSecurityGroupForPrivateLink() { this.enforcePrivateLinkInboundRules = false; return this; }

    public LoadBalancerProps build() {
      return new LoadBalancerProps(kind, vpcId, subnets, name, internetFacing, accessLogsBucket, accessLogsPrefix,
          deletionProtection, idleTimeoutSeconds, enforcePrivateLinkInboundRules);
    }
  }
}
