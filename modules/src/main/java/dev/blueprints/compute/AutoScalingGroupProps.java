package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * An application fleet: an {@link Ec2Fleet} that may sit behind target groups and follow a scaling policy.
 *
 * @param fleet                the instances, set through this builder ({@code name}, sizes, {@code userData},
 *                             root volume, {@code ami}, managed policies, hop limit), with the defaults of
 *                             {@link Ec2FleetProps}; the instance role also carries
 *                             {@value #CLOUDWATCH_AGENT_SERVER_POLICY}, and a scaling policy owns the desired
 *                             capacity after creation
 * @param targetGroups         instance-type target groups the instances register with; the group then uses the
 *                             load balancer's health checks. Default: {@link #DEFAULT_TARGET_GROUPS} (EC2 checks)
 * @param scaling              scaling policy; null keeps the desired capacity (instances are still replaced
 *                             when unhealthy). Default: null
 * @param alarmActions         extra actions (e.g. SNS topic ARNs) of the {@link ScalingPolicy.SimpleCpu} alarms.
 *                             Default: {@link #DEFAULT_ALARM_ACTIONS}
 * @param healthCheckGracePeriodSeconds how long a new instance may fail load balancer health checks before it
 *                             is replaced, and the warm-up of an instance refresh: it must cover boot, software
 *                             installation, image pull and the application's start, 0..7200.
 *                             Default: {@value #DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS}
 * @param refreshMinHealthyPercent share of the group kept in service while an instance refresh (any change of
 *                             the launch template: image, user data, instance type) replaces instances, 0..100.
 *                             Default: {@value #DEFAULT_REFRESH_MIN_HEALTHY_PERCENT}
 */
public record AutoScalingGroupProps(
    Ec2FleetProps fleet,
    List<TargetGroup> targetGroups,
    ScalingPolicy scaling,
    List<String> alarmActions,
    int healthCheckGracePeriodSeconds,
    int refreshMinHealthyPercent) {

  /** What the CloudWatch agent needs to publish metrics and logs; every application fleet's role has it. */
  public static final String CLOUDWATCH_AGENT_SERVER_POLICY = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy";
  public static final List<TargetGroup> DEFAULT_TARGET_GROUPS = List.of();
  public static final List<String> DEFAULT_ALARM_ACTIONS = List.of();
  public static final int DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS = 300;
  public static final int DEFAULT_REFRESH_MIN_HEALTHY_PERCENT = 90;

  public AutoScalingGroupProps {
    Validate.notNull("fleet", fleet);
    targetGroups = List.copyOf(Validate.notNull("targetGroups", targetGroups));
    for (TargetGroup group : targetGroups) {
      if (group.targetType() != TargetType.INSTANCE) {
        throw Validate.invalid("targetGroups", group.getNode().getPath(), "target groups of an Auto Scaling group register instances: use TargetType.INSTANCE");
      }
    }
    alarmActions = List.copyOf(Validate.notNull("alarmActions", alarmActions));
    if (!alarmActions.isEmpty() && !(scaling instanceof ScalingPolicy.SimpleCpu)) {
      throw Validate.invalid("alarmActions", alarmActions, "only used with ScalingPolicy.simpleCpu (target tracking alarms belong to AWS)");
    }
    Validate.range("healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, 0, 7200);
    Validate.range("refreshMinHealthyPercent", refreshMinHealthyPercent, 0, 100);
  }

  public static Builder builder(String vpcId, SubnetGroup subnets, String instanceType) {
    return new Builder(vpcId, subnets, instanceType);
  }

  /** The capacity the group starts with. */
  public int effectiveDesiredCapacity() {
    return fleet.effectiveDesiredCapacity();
  }

  /** Graviton families ({@code t4g}, {@code m7g}, {@code c7gn}, ...) run arm64 images. */
  public boolean isArm64() {
    return fleet.isArm64();
  }

  public static final class Builder {
    private final Ec2FleetProps.Builder fleet;
    private final List<TargetGroup> targetGroups = new ArrayList<>(DEFAULT_TARGET_GROUPS);
    private ScalingPolicy scaling;
    private final List<String> alarmActions = new ArrayList<>(DEFAULT_ALARM_ACTIONS);
    private int healthCheckGracePeriodSeconds = DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS;
    private int refreshMinHealthyPercent = DEFAULT_REFRESH_MIN_HEALTHY_PERCENT;

    private Builder(String vpcId, SubnetGroup subnets, String instanceType) {
      this.fleet = Ec2FleetProps.builder(vpcId, subnets, instanceType).managedPolicy(CLOUDWATCH_AGENT_SERVER_POLICY);
    }

    public Builder name(String value) { fleet.name(value); return this; }
    public Builder minSize(int value) { fleet.minSize(value); return this; }
    public Builder maxSize(int value) { fleet.maxSize(value); return this; }
    public Builder desiredCapacity(int value) { fleet.desiredCapacity(value); return this; }
    public Builder targetGroups(List<TargetGroup> value) { targetGroups.clear(); targetGroups.addAll(value); return this; }
    public Builder userData(String value) { fleet.userData(value); return this; }
    public Builder rootVolumeGb(int value) { fleet.rootVolumeGb(value); return this; }
    public Builder rootDeviceName(String value) { fleet.rootDeviceName(value); return this; }
    /** A fixed AMI instead of the latest Amazon Linux 2023 of the instance type's architecture. */
    public Builder ami(String value) { fleet.image(MachineImage.of(value)); return this; }
    public Builder scaling(ScalingPolicy value) { this.scaling = value; return this; }
    public Builder alarmActions(List<String> topicArns) { alarmActions.clear(); alarmActions.addAll(topicArns); return this; }
    public Builder managedPolicy(String arn) { fleet.managedPolicy(arn); return this; }
    public Builder managedPolicies(List<String> arns) { arns.forEach(fleet::managedPolicy); return this; }
    public Builder healthCheckGracePeriodSeconds(int value) { this.healthCheckGracePeriodSeconds = value; return this; }
    public Builder refreshMinHealthyPercent(int value) { this.refreshMinHealthyPercent = value; return this; }

    /**
     * Raises the IMDSv2 hop limit to 2 so containers on the instance (Docker bridge networking) can read
     * instance metadata, including the instance role's credentials. Only for hosts that run containers.
     */
    public Builder imdsHopLimitForContainers() { fleet.imdsHopLimit(2); return this; }

    public AutoScalingGroupProps build() {
      return new AutoScalingGroupProps(fleet.externalScaling(scaling != null).build(), targetGroups, scaling,
          alarmActions, healthCheckGracePeriodSeconds, refreshMinHealthyPercent);
    }
  }
}
