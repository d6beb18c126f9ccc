package dev.blueprints.compute;

import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroup;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupInstanceRefresh;
import com.hashicorp.cdktf.providers.aws.autoscaling_group.AutoscalingGroupInstanceRefreshPreferences;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicyTargetTrackingConfiguration;
import com.hashicorp.cdktf.providers.aws.autoscaling_policy.AutoscalingPolicyTargetTrackingConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.iam_instance_profile.IamInstanceProfile;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import dev.blueprints.auth.Grantable;
import dev.blueprints.auth.Role;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Validate;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.observability.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An application fleet: an {@link Ec2Fleet} (IMDSv2, no public IP, encrypted gp3 root volume, an instance role
 * with Session Manager, an empty security group) whose role also carries the CloudWatch agent policy, with:
 *
 * <ul>
 *   <li>With target groups, the group replaces instances the load balancer finds unhealthy (after a 300 s
 *   grace period, {@code healthCheckGracePeriodSeconds}). A launch-template change (a new version: image, user
 *   data, instance type) starts an instance refresh that rolls through the group, keeping 90% healthy.</li>
 *   <li>Target tracking or simple CPU scaling policies, the latter with their alarms.</li>
 *   <li>Group metrics at one-minute granularity.</li>
 * </ul>
 *
 * <p>Load balancers reach the instances through {@code group.connections().allowFrom(lb, Port.tcp(port), "...")};
 * the SSM agent, the CloudWatch agent and package repositories need HTTPS out, opened by
 * {@link #allowHttpsEgressToInternet} (or by VPC endpoints).
 */
public final class AutoScalingGroup extends BlueprintConstruct implements Connectable, Grantable {
  private static final List<String> GROUP_METRICS = List.of("GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity",
      "GroupInServiceInstances", "GroupPendingInstances", "GroupTerminatingInstances", "GroupTotalInstances");

  private final Ec2Fleet fleet;
  private final AutoscalingGroup group;
  private final List<AutoscalingPolicy> policies = new ArrayList<>();
  private final List<CloudwatchMetricAlarm> alarms = new ArrayList<>();

  public AutoScalingGroup(Construct scope, String id, AutoScalingGroupProps props) {
    super(scope, id);
    Validate.notNull("props", props);
    fleet = Ec2Fleet.ownedBy(this, props.fleet(), Ec2Fleet.ChildIds.STANDARD);
    group = fleet.resource();
    boolean behindLoadBalancer = !props.targetGroups().isEmpty();
    group.setHealthCheckType(behindLoadBalancer ? "ELB" : "EC2");
    group.setHealthCheckGracePeriod(props.healthCheckGracePeriodSeconds());
    // Any change of the launch template (a new version: image, user data, instance type) starts a refresh.
    group.putInstanceRefresh(AutoscalingGroupInstanceRefresh.builder()
        .strategy("Rolling")
        .preferences(AutoscalingGroupInstanceRefreshPreferences.builder()
            .minHealthyPercentage(props.refreshMinHealthyPercent())
            .instanceWarmup(String.valueOf(props.healthCheckGracePeriodSeconds()))
            .build())
        .build());
    group.setEnabledMetrics(GROUP_METRICS);
    group.setMetricsGranularity("1Minute");
    if (behindLoadBalancer) group.setTargetGroupArns(props.targetGroups().stream().map(TargetGroup::arn).toList());

    String name = fleet.physicalName();
    if (props.scaling() instanceof ScalingPolicy.TargetTrackingCpu tracking) {
      policies.add(AutoscalingPolicy.Builder.create(this, "CpuTargetTracking")
          .name(name + "-cpu-target")
          .autoscalingGroupName(fleet.name())
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
        .autoscalingGroupName(fleet.name())
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
        .dimensions(Map.of("AutoScalingGroupName", fleet.name()))
        .period(simple.periodSeconds())
        .evaluationPeriods(simple.evaluationPeriods())
        .threshold(threshold)
        .comparisonOperator(comparison)
        .alarmActions(actions)
        .build());
    policies.add(policy);
  }

  /**
   * Opens HTTPS (443) out to the internet, through the NAT gateways: what the SSM agent, the CloudWatch agent,
   * package repositories and ECR need when the VPC has no endpoints for them.
   */
  public AutoScalingGroup allowHttpsEgressToInternet(String reason) {
    fleet.allowHttpsEgressToInternet(reason);
    return this;
  }

  /** The instances, their role, security group and launch template, and the group itself. */
  public Ec2Fleet fleet() {
    return fleet;
  }

  /** Average CPU of the group's instances (%), keyed by the group's name reference. */
  public Metric metricCpu() {
    return fleet.metricCpu();
  }

  /** The group name (a reference). */
  public String name() {
    return fleet.name();
  }

  public String arn() {
    return fleet.arn();
  }

  /** The instance role: add grants here ({@code bucket.grantRead(group.role(), "")}), or grant to the group. */
  public Role role() {
    return fleet.role();
  }

  public IamInstanceProfile instanceProfile() {
    return fleet.instanceProfile();
  }

  public SecurityGroup securityGroup() {
    return fleet.securityGroup();
  }

  public LaunchTemplate launchTemplate() {
    return fleet.launchTemplate();
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
    return fleet.grantRole();
  }

  @Override
  public Connections connections() {
    return fleet.connections();
  }
}
