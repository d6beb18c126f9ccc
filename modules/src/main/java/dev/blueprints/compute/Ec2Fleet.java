package dev.blueprints.compute;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupTag;
import com.hashicorp.cdktf.providers.aws.data_aws_ssm_parameter.DataAwsSsmParameter;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappings;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappingsEbs;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateIamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMetadataOptions;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMonitoring;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateNetworkInterfaces;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateTagSpecifications;
import dev.blueprints.auth.Grantable;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.constructs.Construct;

/**
 * A hardened EC2 fleet: an Auto Scaling group of instances from a launch template, what {@link AutoScalingGroup}
 * (an application fleet) and {@link EcsCluster}'s EC2 capacity are built on.
 *
 * <ul>
 *   <li>Instances: IMDSv2 required (hop limit 1 unless asked), no public IP, encrypted gp3 root volume, detailed
 *   monitoring, no SSH key: operators connect through Session Manager.</li>
 *   <li>An instance role (EC2 sends no {@code aws:SourceAccount} when it assumes one, so its trust has no such
 *   condition) with the Session Manager policy and those asked for; grants go to it ({@link Grantable}).</li>
 *   <li>A security group of its own, empty in both directions ({@link Connectable}): the SSM agent and package
 *   repositories need HTTPS out, opened by {@link #allowHttpsEgressToInternet} (or by VPC endpoints).</li>
 *   <li>Stack tags and {@code Name} reach instances and volumes: {@code aws_autoscaling_group} does not take the
 *   provider's default tags.</li>
 * </ul>
 *
 * <p>Health checks, target groups, scaling and instance refresh belong to the fleet's user; {@link #resource()} is
 * the group to set them on.
 */
public final class Ec2Fleet extends BlueprintConstruct implements Connectable, Grantable {
  /**
   * The id of a fleet inside the construct that owns it. CDKTF leaves {@code Default} out of Terraform addresses,
   * so the owner's instances, role and group keep the addresses they had before the fleet was a construct.
   */
  static final String OWNED_ID = "Default";

  /** The ids of the fleet's children that differ between its users (their Terraform addresses come from them). */
  record ChildIds(String role, String securityGroup, String group) {
    static final ChildIds STANDARD = new ChildIds("Role", "SecurityGroup", "Resource");
  }

  private final Ec2FleetProps props;
  private final Role role;
  private final IamInstanceProfile instanceProfile;
  private final SecurityGroup securityGroup;
  private final LaunchTemplate launchTemplate;
  private final AutoscalingGroup group;
  private final String physicalName;
  private final Memo<String> groupName;

  public Ec2Fleet(Construct scope, String id, Ec2FleetProps props) {
    this(scope, id, id, props, ChildIds.STANDARD);
  }

  /** The fleet of {@code owner}, named after it, its resources addressed as the owner's own. */
  static Ec2Fleet ownedBy(BlueprintConstruct owner, Ec2FleetProps props, ChildIds ids) {
    return new Ec2Fleet(owner, OWNED_ID, Stacks.id(owner), props, ids);
  }

  private Ec2Fleet(Construct scope, String id, String namedAfter, Ec2FleetProps props, ChildIds ids) {
    super(scope, id);
    this.props = Validate.notNull("props", props);
    Naming naming = naming();
    String component = namedAfter.toLowerCase(Locale.ROOT);
    String name = props.name() != null ? props.name() : naming.name(component, NameLimit.AUTOSCALING_GROUP);
    physicalName = name;
    String description = props.description() != null ? props.description() : "Instances of Auto Scaling group " + name;

    RoleProps.Builder roleProps = RoleProps.builder(naming.name(component + "-instance", NameLimit.IAM_ROLE), "ec2.amazonaws.com")
        .description(description)
        .sourceAccountCondition(false);   // EC2 does not send aws:SourceAccount when it assumes an instance role
    props.managedPolicyArns().forEach(roleProps::managedPolicy);
    role = new Role(this, ids.role(), roleProps.build());
    instanceProfile = IamInstanceProfile.Builder.create(this, "InstanceProfile")
        .name(naming.name(component + "-instance", NameLimit.IAM_INSTANCE_PROFILE))
        .role(role.name())
        .build();

    securityGroup = new SecurityGroup(this, ids.securityGroup(), SecurityGroupProps.builder(props.vpcId(),
        props.securityGroupName() != null ? props.securityGroupName() : name, description).build());

    Map<String, String> tags = new LinkedHashMap<>(context().tags());
    tags.put("Name", name);
    String parameter = props.image().parameterFor(props.instanceType());
    String imageId = parameter == null ? props.image().amiId() : DataAwsSsmParameter.Builder.create(this, "Ami")
        .name(parameter)
        .build()
        .getInsecureValue();   // an AMI id is public: keep it readable in plans

    var template = LaunchTemplate.Builder.create(this, "LaunchTemplate")
        .name(props.name() != null ? props.name() : naming.name(component, NameLimit.LAUNCH_TEMPLATE))
        .description(description)
        .imageId(imageId)
        .instanceType(props.instanceType())
        .updateDefaultVersion(true)
        .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(instanceProfile.getArn()).build())
        .metadataOptions(LaunchTemplateMetadataOptions.builder()
            .httpEndpoint("enabled")
            .httpTokens("required")
            .httpPutResponseHopLimit(props.imdsHopLimit())
            .instanceMetadataTags("disabled")
            .build())
        .networkInterfaces(List.of(LaunchTemplateNetworkInterfaces.builder()
            .deviceIndex(0)
            .associatePublicIpAddress("false")
            .deleteOnTermination("true")
            .securityGroups(List.of(securityGroup.id()))
            .build()))
        .blockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder()
            .deviceName(props.rootDeviceName())
            .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder()
                .volumeSize(props.rootVolumeGb())
                .volumeType("gp3")
                .encrypted("true")
                .deleteOnTermination("true")
                .build())
            .build()))
        .monitoring(LaunchTemplateMonitoring.builder().enabled(true).build())
        .tagSpecifications(List.of(LaunchTemplateTagSpecifications.builder().resourceType("volume").tags(tags).build()));
    if (props.userData() != null) template.userData(base64(props.userData()));
    launchTemplate = template.build();

    tags.putAll(props.tags());
    var builder = AutoscalingGroup.Builder.create(this, ids.group())
        .name(name)
        .minSize(props.minSize())
        .maxSize(props.maxSize())
        .desiredCapacity(props.effectiveDesiredCapacity())
        .vpcZoneIdentifier(props.subnets().subnetIds())
        .launchTemplate(AutoscalingGroupLaunchTemplate.builder()
            .id(launchTemplate.getId())
            .version(Token.asString(launchTemplate.getLatestVersion()))
            .build())
        .tag(tags.entrySet().stream()
            .map(e -> AutoscalingGroupTag.builder().key(e.getKey()).value(e.getValue()).propagateAtLaunch(true).build())
            .toList());
    // Scaling policies or ECS move the desired capacity; a later apply must not reset it.
    if (props.externalScaling()) builder.lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("desired_capacity")).build());
    group = builder.build();
    groupName = Memo.of(group::getName);
  }

  private static String base64(String userData) {
    // References resolve at apply, inside an HCL string: its quotes and backslashes are escaped here (the
    // references' own markers hold neither).
    if (Tokens.isUnresolved(userData)) return Fn.base64encode(userData.replace("\\", "\\\\").replace("\"", "\\\""));
    return Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Opens HTTPS (443) out to the internet, through the NAT gateways: what the SSM agent, the CloudWatch agent,
   * package repositories, ECR and the ECS agent need when the VPC has no endpoints for them.
   */
  public Ec2Fleet allowHttpsEgressToInternet(String reason) {
    connections().allowToAnyIpv4(Port.tcp(443), reason);
    return this;
  }

  /** Average CPU of the fleet's instances (%), keyed by the group's name reference. */
  public Metric metricCpu() {
    return Metrics.asgCpu(name());
  }

  /** The Auto Scaling group's name (a reference). */
  public String name() {
    return groupName.get();
  }

  /** The Auto Scaling group's name as known at synth, for messages and names derived from it. */
  public String physicalName() {
    return physicalName;
  }

  public String arn() {
    return group.getArn();
  }

  /** What the fleet was built from. */
  public Ec2FleetProps props() {
    return props;
  }

  /** The instance role: add grants here, or grant to the fleet itself. */
  public Role role() {
    return role;
  }

  public IamInstanceProfile instanceProfile() {
    return instanceProfile;
  }

  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  public LaunchTemplate launchTemplate() {
    return launchTemplate;
  }

  /** The Auto Scaling group: its user sets health checks, target groups and refresh on it. */
  public AutoscalingGroup resource() {
    return group;
  }

  /** Grants go to the instance role. */
  @Override
  public Role grantRole() {
    return role;
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }
}
