package dev.blueprints.network;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Stacks;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.LogGroupProps;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A VPC with public, private and isolated subnet tiers across 2 or 3 AZs.
 *
 * <ul>
 *   <li>Public subnets route to an internet gateway but never assign public IPs on launch.</li>
 *   <li>Private subnets route to NAT per {@link NatStrategy} (in the same AZ with {@code ONE_PER_AZ}).</li>
 *   <li>Isolated subnets have no route beyond the VPC (databases, caches).</li>
 *   <li>The default security group is adopted with no rules, so nothing can use it by accident.</li>
 *   <li>Flow logs go to a CloudWatch log group through a role that may write only there.</li>
 *   <li>Subnet CIDRs come from {@link SubnetLayout}: adding an AZ or a tier never changes an existing one.</li>
 *   <li>Optionally a network ACL per tier derived from {@link TierFlow}s ({@link NetworkProps.Builder#networkAcls}).</li>
 * </ul>
 */
public final class Network extends BlueprintConstruct implements VpcRef {
  /** The most AZs a network spans. */
  public static final int MAX_AZS = 3;

  private final Vpc vpc;
  private final Memo<String> vpcId;
  private final NetworkProps props;
  private final Map<SubnetTier, SubnetGroup> tiers = new EnumMap<>(SubnetTier.class);
  private final List<NatGateway> natGateways = new ArrayList<>();
  private final Naming naming;
  private InternetGateway internetGateway;
  private VpcEndpoint s3Endpoint;
  private SecurityGroup endpointSecurityGroup;
  private final Map<SubnetTier, com.hashicorp.cdktf.providers.aws.network_acl.NetworkAcl> networkAcls = new EnumMap<>(SubnetTier.class);

  public Network(Construct scope, String id, NetworkProps props) {
    super(scope, id);
    this.props = props;
    this.naming = naming();
    String name = naming.name(id.toLowerCase(), NameLimit.GENERIC);
    vpc = Vpc.Builder.create(this, "Resource")
        .cidrBlock(props.cidr())
        .enableDnsSupport(true)
        .enableDnsHostnames(true)
        .tags(Map.of("Name", name))
        .build();
    vpcId = Memo.of(vpc::getId);

    // Adopting the default group with no ingress or egress blocks removes every rule from it.
    DefaultSecurityGroup.Builder.create(this, "DefaultSecurityGroup")
        .vpcId(vpcId.get())
        .tags(Map.of("Name", name + "-default-deny-all"))
        .build();

    List<String> publicSubnets = props.tiers().contains(SubnetTier.PUBLIC) ? addPublicTier(name) : List.of();
    if (props.tiers().contains(SubnetTier.PRIVATE)) addPrivateTier(name, publicSubnets);
    if (props.tiers().contains(SubnetTier.ISOLATED)) addIsolatedTier(name);
    if (props.s3GatewayEndpoint()) addS3GatewayEndpoint(name);
    if (!props.interfaceEndpoints().isEmpty()) addInterfaceEndpoints(name);
    if (props.flowLogs()) addFlowLogs();
    if (props.networkAcls() != null) {
      networkAcls.putAll(TierAcls.create(this, vpcId.get(), props.cidr(), name, tiers, props.networkAcls()));
    }
  }

  private List<String> addPublicTier(String name) {
    internetGateway = InternetGateway.Builder.create(this, "InternetGateway")
        .vpcId(vpcId.get()).tags(Map.of("Name", name)).build();
    String tableId = routeTable("PublicRouteTable", name + "-public");
    Route.Builder.create(this, "PublicDefaultRoute")
        .routeTableId(tableId)
        .destinationCidrBlock("0.0.0.0/0")
        .gatewayId(internetGateway.getId())
        .build();
    List<String> subnets = subnets(SubnetTier.PUBLIC, name);
    for (int i = 0; i < subnets.size(); i++) associate("Public", i, subnets.get(i), tableId);
    record(SubnetTier.PUBLIC, subnets, List.of(tableId));
    return subnets;
  }

  private void addPrivateTier(String name, List<String> publicSubnets) {
    if (props.nat() != NatStrategy.NONE) {
      int count = props.nat() == NatStrategy.SINGLE ? 1 : props.availabilityZones().size();
      for (int i = 0; i < count; i++) {
        String az = props.availabilityZones().get(i);
        Eip eip = Eip.Builder.create(this, "NatEip" + (i + 1))
            .domain("vpc").tags(Map.of("Name", name + "-nat-" + az)).build();
        natGateways.add(NatGateway.Builder.create(this, "NatGateway" + (i + 1))
            .allocationId(eip.getAllocationId())
            .subnetId(publicSubnets.get(i))
            .tags(Map.of("Name", name + "-" + az))
            .dependsOn(List.of(internetGateway))
            .build());
      }
    }
    List<String> subnets = subnets(SubnetTier.PRIVATE, name);
    List<String> tables = new ArrayList<>();
    for (int i = 0; i < subnets.size(); i++) {
      String az = props.availabilityZones().get(i);
      String table = routeTable("PrivateRouteTable" + (i + 1), name + "-private-" + az);
      if (!natGateways.isEmpty()) {
        NatGateway nat = natGateways.get(Math.min(i, natGateways.size() - 1));
        Route.Builder.create(this, "PrivateDefaultRoute" + (i + 1))
            .routeTableId(table)
            .destinationCidrBlock("0.0.0.0/0")
            .natGatewayId(nat.getId())
            .build();
      }
      associate("Private", i, subnets.get(i), table);
      tables.add(table);
    }
    record(SubnetTier.PRIVATE, subnets, tables);
  }

  private void addIsolatedTier(String name) {
    // One table with only the implicit local route: nothing in these subnets reaches the internet.
    String table = routeTable("IsolatedRouteTable", name + "-isolated");
    List<String> subnets = subnets(SubnetTier.ISOLATED, name);
    for (int i = 0; i < subnets.size(); i++) associate("Isolated", i, subnets.get(i), table);
    record(SubnetTier.ISOLATED, subnets, List.of(table));
  }

  /** Creates the tier's subnets, one per availability zone; returns their ids. */
  private List<String> subnets(SubnetTier tier, String name) {
    SubnetLayout layout = props.layout();
    List<String> subnets = new ArrayList<>();
    for (int i = 0; i < props.availabilityZones().size(); i++) {
      String az = props.availabilityZones().get(i);
      String label = tier.name().charAt(0) + tier.label().substring(1);
      subnets.add(Subnet.Builder.create(this, label + "Subnet" + (i + 1))
          .vpcId(vpcId.get())
          .cidrBlock(layout.subnet(tier, i).toString())
          .availabilityZone(az)
          .mapPublicIpOnLaunch(false)
          .tags(Map.of("Name", name + "-" + tier.label() + "-" + az, "Tier", tier.label()))
          .build()
          .getId());
    }
    return subnets;
  }

  /** Creates a route table; returns its id. */
  private String routeTable(String id, String nameTag) {
    return RouteTable.Builder.create(this, id).vpcId(vpcId.get()).tags(Map.of("Name", nameTag)).build().getId();
  }

  private void associate(String label, int index, String subnetId, String routeTableId) {
    RouteTableAssociation.Builder.create(this, label + "RouteTableAssociation" + (index + 1))
        .subnetId(subnetId).routeTableId(routeTableId).build();
  }

  private void record(SubnetTier tier, List<String> subnetIds, List<String> routeTableIds) {
    SubnetLayout layout = props.layout();
    List<String> cidrs = new ArrayList<>();
    for (int i = 0; i < subnetIds.size(); i++) cidrs.add(layout.subnet(tier, i).toString());
    tiers.put(tier, new SubnetGroup(tier, subnetIds, props.availabilityZones(), cidrs, routeTableIds));
  }

  private void addS3GatewayEndpoint(String name) {
    List<String> tables = new ArrayList<>();
    for (SubnetTier tier : List.of(SubnetTier.PRIVATE, SubnetTier.ISOLATED)) {
      if (tiers.containsKey(tier)) tables.addAll(tiers.get(tier).routeTableIds());
    }
    if (tables.isEmpty()) return;
    s3Endpoint = VpcEndpoint.Builder.create(this, "S3GatewayEndpoint")
        .vpcId(vpcId.get())
        .serviceName("com.amazonaws." + region() + ".s3")
        .vpcEndpointType("Gateway")
        .routeTableIds(tables)
        .tags(Map.of("Name", name + "-s3"))
        .build();
  }

  private void addInterfaceEndpoints(String name) {
    SubnetGroup placement = tiers.getOrDefault(SubnetTier.PRIVATE, tiers.get(SubnetTier.ISOLATED));
    endpointSecurityGroup = new SecurityGroup(this, "EndpointSecurityGroup", SecurityGroupProps.builder(
        vpcId.get(), naming.name(Stacks.id(this).toLowerCase() + "-endpoints", NameLimit.SECURITY_GROUP),
        "Interface VPC endpoints: HTTPS from inside the VPC").build());
    endpointSecurityGroup.connections().allowFromCidr(props.cidr(), Port.tcp(443), "HTTPS to AWS APIs from inside the VPC");
    String region = region();
    for (String service : props.interfaceEndpoints()) {
      String id = "Endpoint" + service.replaceAll("[^A-Za-z0-9]", "").toUpperCase();
      VpcEndpoint.Builder.create(this, id)
          .vpcId(vpcId.get())
          .serviceName("com.amazonaws." + region + "." + service)
          .vpcEndpointType("Interface")
          .privateDnsEnabled(true)
          .subnetIds(placement.subnetIds())
          .securityGroupIds(List.of(endpointSecurityGroup.id()))
          .tags(Map.of("Name", name + "-" + service))
          .build();
    }
  }

  private void addFlowLogs() {
    LogGroup logGroup = new LogGroup(this, "FlowLogGroup",
        LogGroupProps.of(naming.path("vpc-flow-logs/" + Stacks.id(this).toLowerCase()), props.flowLogRetentionDays()));
    Role role = new Role(this, "FlowLogRole", RoleProps.builder(
            naming.name(Stacks.id(this).toLowerCase() + "-flow-logs", NameLimit.IAM_ROLE), "vpc-flow-logs.amazonaws.com")
        .description("Lets VPC Flow Logs write to " + "its log group")
        .statement(PolicyStatement.allow("WriteFlowLogs",
            List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
            List.of(logGroup.arn() + ":*")))
        .build());
    FlowLog.Builder.create(this, "FlowLog")
        .vpcId(vpcId.get())
        .trafficType("ALL")
        .logDestinationType("cloud-watch-logs")
        .logDestination(logGroup.arn())
        .iamRoleArn(role.arn())
        .maxAggregationInterval(60)
        .build();
  }

  @Override
  public String vpcId() {
    return vpcId.get();
  }

  @Override
  public String cidr() {
    return props.cidr();
  }

  public Vpc resource() {
    return vpc;
  }

  /** The subnets of {@code tier}; fails with the tiers that exist when the network has no such tier. */
  @Override
  public SubnetGroup subnets(SubnetTier tier) {
    SubnetGroup group = tiers.get(tier);
    if (group == null) throw new IllegalArgumentException("network " + Stacks.id(this) + " has no " + tier + " tier; it has " + tiers.keySet());
    return group;
  }

  @Override
  public boolean hasTier(SubnetTier tier) {
    return tiers.containsKey(tier);
  }

  public List<String> natGatewayIds() {
    return natGateways.stream().map(NatGateway::getId).toList();
  }

  /** The S3 gateway endpoint's prefix list, for egress rules to S3; null without the endpoint. */
  public String s3PrefixListId() {
    return s3Endpoint == null ? null : s3Endpoint.getPrefixListId();
  }

  /** The network ACL of {@code tier}; null when the network has no ACLs. */
  public com.hashicorp.cdktf.providers.aws.network_acl.NetworkAcl networkAcl(SubnetTier tier) {
    return networkAcls.get(tier);
  }

  /** The security group of the interface endpoints; null without them. */
  public SecurityGroup endpointSecurityGroup() {
    return endpointSecurityGroup;
  }
}
