package dev.blueprints.compute;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import dev.blueprints.core.StackContext;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupInstanceRefresh;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupInstanceRefreshPreferences;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupLaunchTemplate;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupTag;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicyTargetTrackingConfiguration;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicyTargetTrackingConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
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
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Validate;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.constructs.Construct;

/**
 * An EC2 Auto Scaling group of plain instances from a launch template.
 *
 * <ul>
 *   <li>Instances: IMDSv2 only (hop limit 1 unless containers need 2), no public IP, encrypted gp3 root volume,
 *   detailed monitoring, an instance role with SSM Session Manager and CloudWatch agent policies (no SSH key:
 *   operators connect through Session Manager).</li>
 *   <li>A security group of its own, created empty in both directions. Load balancers reach the instances
 *   through {@code group.connections().allowFrom(lb, Port.tcp(port), "...")}; the SSM agent, the CloudWatch
 *   agent and package repositories need HTTPS out, opened by {@link #allowHttpsEgressToInternet} (or by VPC
 *   endpoints).</li>
 *   <li>With target groups, the group replaces instances the load balancer finds unhealthy (after a 300 s
 *   grace period, {@code healthCheckGracePeriodSeconds}). A launch-template change (a new version: image, user
 *   data, instance type) starts an instance refresh that rolls through the group, keeping 90% healthy.</li>
 *   <li>Stack tags (and {@code Name}) propagate to instances and volumes: {@code aws_autoscaling_group} does
 *   not take the provider's default tags.</li>
 * </ul>
 */
public final class AutoScalingGroup extends BlueprintConstruct implements Connectable, Grantable {
  static final String AL2023_X86 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
  static final String AL2023_ARM = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";
  private static final List<String> GROUP_METRICS = List.of("GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity",
      "GroupInServiceInstances", "GroupPendingInstances", "GroupTerminatingInstances", "GroupTotalInstances");

  private final Role role;
  private final IamInstanceProfile instanceProfile;
  private final SecurityGroup securityGroup;
  private final LaunchTemplate launchTemplate;
  private final AutoscalingGroup group;
  private final List<AutoscalingPolicy> policies = new ArrayList<>();
  private final List<CloudwatchMetricAlarm> alarms = new ArrayList<>();

  public AutoScalingGroup(Construct scope, String id, AutoScalingGroupProps props) {
    super(scope, id);
    Validate.notNull("props", props);
    StackContext stack = context();
    Naming naming = stack.naming();
    String component = id.toLowerCase(Locale.ROOT);
    String name = props.name() != null ? props.name() : naming.name(component, NameLimit.AUTOSCALING_GROUP);

    RoleProps.Builder roleProps = RoleProps.builder(naming.name(component + "-instance", NameLimit.IAM_ROLE), "ec2.amazonaws.com")
        .description("Instances of Auto Scaling group " + name)
        .sourceAccountCondition(false)   // EC2 does not send aws:SourceAccount when it assumes an instance role
        .managedPolicy("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
        .managedPolicy("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy");
    props.managedPolicyArns().forEach(roleProps::managedPolicy);
    role = new Role(this, "Role", roleProps.build());
    instanceProfile = IamInstanceProfile.Builder.create(this, "InstanceProfile")
        .name(naming.name(component + "-instance", NameLimit.IAM_INSTANCE_PROFILE))
        .role(role.name())
        .build();

    securityGroup = new SecurityGroup(this, "SecurityGroup",
        new SecurityGroupProps(props.vpcId(), name, "Instances of Auto Scaling group " + name));

    Map<String, String> tags = new LinkedHashMap<>(stack.tags());
    tags.put("Name", name);
    String imageId = props.ami() != null ? props.ami() : DataAwsSsmParameter.Builder.create(this, "Ami")
        .name(props.isArm64() ? AL2023_ARM : AL2023_X86)
        .build()
        .getInsecureValue();   // an AMI id is public: keep it readable in plans

    var template = LaunchTemplate.Builder.create(this, "LaunchTemplate")
        .name(props.name() != null ? props.name() : naming.name(component, NameLimit.LAUNCH_TEMPLATE))
        .description("Instances of Auto Scaling group " + name)
        .imageId(imageId)
        .instanceType(props.instanceType())
        .updateDefaultVersion(true)
        .iamInstanceProfile(LaunchTemplateIamInstanceProfile.builder().arn(instanceProfile.getArn()).build())
        .metadataOptions(LaunchTemplateMetadataOptions.builder()
            .httpEndpoint("enabled")
            .httpTokens("required")
            .httpPutResponseHopLimit(props.metadataHopLimit())
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

    boolean behindLoadBalancer = !props.targetGroups().isEmpty();
    var builder = AutoscalingGroup.Builder.create(this, "Resource")
        .name(name)
        .minSize(props.minSize())
        .maxSize(props.maxSize())
        .desiredCapacity(props.effectiveDesiredCapacity())
        .vpcZoneIdentifier(props.subnets().subnetIds())
        .launchTemplate(AutoscalingGroupLaunchTemplate.builder()
            .id(launchTemplate.getId())
            .version(Token.asString(launchTemplate.getLatestVersion()))
            .build())
        .healthCheckType(behindLoadBalancer ? "ELB" : "EC2")
        .healthCheckGracePeriod(props.healthCheckGracePeriodSeconds())
        // Any change of the launch template (a new version: image, user data, instance type) starts a refresh.
        .instanceRefresh(AutoscalingGroupInstanceRefresh.builder()
            .strategy("Rolling")
            .preferences(AutoscalingGroupInstanceRefreshPreferences.builder()
                .minHealthyPercentage(props.refreshMinHealthyPercent())
                .instanceWarmup(String.valueOf(props.healthCheckGracePeriodSeconds()))
                .build())
            .build())
        .enabledMetrics(GROUP_METRICS)
        .metricsGranularity("1Minute")
        .tag(tags.entrySet().stream()
            .map(e -> AutoscalingGroupTag.builder().key(e.getKey()).value(e.getValue()).propagateAtLaunch(true).build())
            .toList());
    if (behindLoadBalancer) builder.targetGroupArns(props.targetGroups().stream().map(TargetGroup::arn).toList());
    // Scaling policies move the desired capacity; a later apply must not reset it.
    if (props.scaling() != null) builder.lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("desired_capacity")).build());
    group = builder.build();

    if (props.scaling() instanceof ScalingPolicy.TargetTrackingCpu tracking) {
      policies.add(AutoscalingPolicy.Builder.create(this, "CpuTargetTracking")
          .name(name + "-cpu-target")
          .autoscalingGroupName(group.getName())
          .policyType("TargetTrackingScaling")
          .targetTrackingConfiguration(AutoscalingPolicyTargetTrackingConfiguration.builder()
              .predefinedMetricSpecification(AutoscalingPolicyTargetTrackingConfigurationPredefinedMetricSpecification.builder()
                  .predefinedMetricType("ASGAverageCPUUtilization").build())
              .targetValue(tracking.targetPercent())
              .build())
          .build());
    } else if (props.scaling() instanceof ScalingPolicy.SimpleCpu simple) {
      addSimpleStep("ScaleUp", name + "-scale-up", 1, simple, "GreaterThanThreshold", simple.upAbovePercent(), props.alarmActions());
      addSimpleStep("ScaleDown", name + "-scale-down", -1, simple, "LessThanThreshold", simple.downBelowPercent(), props.alarmActions());
    }
  }

  private void addSimpleStep(String id, String policyName, int adjustment, ScalingPolicy.SimpleCpu simple, String comparison,
      double threshold, List<String> extraActions) {
    AutoscalingPolicy policy = AutoscalingPolicy.Builder.create(this, id + "Policy")
        .name(policyName)
        .autoscalingGroupName(group.getName())
        .policyType("SimpleScaling")
        .adjustmentType("ChangeInCapacity")
        .scalingAdjustment(adjustment)
        .cooldown(simple.cooldownSeconds())
        .build();
    List<String> actions = new ArrayList<>();
    actions.add(policy.getArn());
    actions.addAll(extraActions);
    alarms.add(CloudwatchMetricAlarm.Builder.create(this, id + "Alarm")
        .alarmName(policyName + "-cpu")
        .alarmDescription("Average CPU " + (adjustment > 0 ? "above " : "below ") + threshold + "% for "
            + simple.evaluationPeriods() + " x " + simple.periodSeconds() + " s: " + (adjustment > 0 ? "add" : "remove") + " an instance")
        .namespace("AWS/EC2")
        .metricName("CPUUtilization")
        .statistic("Average")
        .dimensions(Map.of("AutoScalingGroupName", group.getName()))
        .period(simple.periodSeconds())
        .evaluationPeriods(simple.evaluationPeriods())
        .threshold(threshold)
        .comparisonOperator(comparison)
        .alarmActions(actions)
        .build());
    policies.add(policy);
  }

  private static String base64(String userData) {
    // References resolve at apply, inside an HCL string: its quotes and backslashes are escaped here (the
    // references' own markers hold neither).
    if (Token.isUnresolved(userData)) return Fn.base64encode(userData.replace("\\", "\\\\").replace("\"", "\\\""));
    return Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Opens HTTPS (443) out to the internet, through the NAT gateways: what the SSM agent, the CloudWatch agent,
   * package repositories and ECR need when the VPC has no endpoints for them.
   */
  public AutoScalingGroup allowHttpsEgressToInternet(String reason) {
    connections().allowToAnyIpv4(Port.tcp(443), reason);
    return this;
  }

  /** Average CPU of the group's instances (%), keyed by the group's name reference. */
  public Metric metricCpu() {
    return Metrics.asgCpu(name());
  }

  /** The group name (a reference). */
  public String name() {
    return group.getName();
  }

  public String arn() {
    return group.getArn();
  }

  /** The instance role: add grants here ({@code bucket.grantRead(group.role(), "")}). */
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

  public AutoscalingGroup resource() {
    return group;
  }

  /** Scaling policies, in creation order (none without {@code scaling}). */
  public List<AutoscalingPolicy> policies() {
    return List.copyOf(policies);
  }

  /** Alarms of {@link ScalingPolicy.SimpleCpu} (scale up, then scale down). */
  public List<CloudwatchMetricAlarm> alarms() {
    return List.copyOf(alarms);
  }

  /** Grants go to the instance role. */
  @Override
  public Role grantRole() {
    return role();
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }
}
