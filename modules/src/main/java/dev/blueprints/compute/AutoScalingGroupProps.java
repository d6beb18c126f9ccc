package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An EC2 Auto Scaling group of plain instances.
 *
 * @param vpcId                the VPC (for the instances' security group)
 * @param subnets              where instances launch (private subnets: instances never get public IPs)
 * @param instanceType         e.g. {@code t3.medium}
 * @param name                 group name; null takes {@code <project>-<blueprint>-<env>-<construct id>}. Default: null
 * @param minSize              fewest instances, 0..1000. Default: 2
 * @param maxSize              most instances, at least {@code minSize} and 1. Default: 4
 * @param desiredCapacity      instances at creation, within min..max; null is {@code minSize}. Default: null
 * @param targetGroups         instance-type target groups the instances register with; the group then uses the
 *                             load balancer's health checks (grace period 300 s). Default: none (EC2 checks)
 * @param userData             plain-text user data (a shell script or cloud-init), at most 16 KB; null for none.
 *                             Default: null
 * @param rootVolumeGb         root volume size, 8..16384 GiB, gp3, encrypted. Default: 20
 * @param rootDeviceName       the AMI's root device. Default: {@code /dev/xvda} (Amazon Linux)
 * @param ami                  AMI id; null reads the latest Amazon Linux 2023 for the instance type's architecture
 *                             from the public SSM parameter at plan time. Default: null
 * @param scaling              scaling policy; null keeps the desired capacity (instances are still replaced
 *                             when unhealthy). Default: null
 * @param alarmActions         extra actions (e.g. SNS topic ARNs) of the {@link ScalingPolicy.SimpleCpu} alarms.
 *                             Default: none
 * @param managedPolicyArns    AWS managed policies attached to the instance role besides
 *                             {@code AmazonSSMManagedInstanceCore} and {@code CloudWatchAgentServerPolicy}. Default: none
 * @param metadataHopLimit     IMDSv2 PUT response hop limit: 1 keeps credentials away from containers on the
 *                             instance, 2 lets containers reach them. Default: 1
 * @param healthCheckGracePeriodSeconds how long a new instance may fail load balancer health checks before it
 *                             is replaced, and the warm-up of an instance refresh: it must cover boot, software
 *                             installation, image pull and the application's start, 0..7200. Default: 300
 * @param refreshMinHealthyPercent share of the group kept in service while an instance refresh (any change of
 *                             the launch template: image, user data, instance type) replaces instances, 0..100.
 *                             Default: 90
 */
public record AutoScalingGroupProps(
    String vpcId,
    SubnetGroup subnets,
    String instanceType,
    String name,
    int minSize,
    int maxSize,
    Integer desiredCapacity,
    List<TargetGroup> targetGroups,
    String userData,
    int rootVolumeGb,
    String rootDeviceName,
    String ami,
    ScalingPolicy scaling,
    List<String> alarmActions,
    List<String> managedPolicyArns,
    int metadataHopLimit,
    int healthCheckGracePeriodSeconds,
    int refreshMinHealthyPercent) {

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
  private static final Pattern AMI = Pattern.compile("^ami-[0-9a-f]{8,17}$");

  public AutoScalingGroupProps {
    Validate.notBlank("vpcId", vpcId);
    Validate.notNull("subnets", subnets);
    if (subnets.subnetIds().isEmpty()) throw Validate.invalid("subnets", subnets.subnetIds(), "at least one subnet");
    InstanceTypes.require("instanceType", instanceType);
    if (name != null) Validate.matches("name", name, NAME, "1-128 letters, digits, . _ - (it also names the launch template)");
    Validate.range("minSize", minSize, 0, 1000);
    Validate.range("maxSize", maxSize, 1, 1000);
    Validate.ordered("minSize", minSize, "maxSize", maxSize);
    if (desiredCapacity != null && (desiredCapacity < minSize || desiredCapacity > maxSize)) {
      throw Validate.invalid("desiredCapacity", desiredCapacity, "between minSize = " + minSize + " and maxSize = " + maxSize);
    }
    targetGroups = List.copyOf(targetGroups == null ? List.of() : targetGroups);
    for (TargetGroup group : targetGroups) {
      if (group.targetType() != TargetType.INSTANCE) {
        throw Validate.invalid("targetGroups", group.getNode().getPath(), "target groups of an Auto Scaling group register instances: use TargetType.INSTANCE");
      }
    }
    if (userData != null && userData.getBytes(StandardCharsets.UTF_8).length > 16 * 1024) {
      throw Validate.invalid("userData", userData.length() + " characters", "at most 16 KB before base64 encoding");
    }
    Validate.range("rootVolumeGb", rootVolumeGb, 8, 16384);
    Validate.matches("rootDeviceName", rootDeviceName, Pattern.compile("^/dev/[a-z0-9]+$"), "a device such as /dev/xvda");
    if (ami != null) Validate.matches("ami", ami, AMI, "an AMI id such as ami-0123456789abcdef0");
    alarmActions = List.copyOf(alarmActions == null ? List.of() : alarmActions);
    if (!alarmActions.isEmpty() && !(scaling instanceof ScalingPolicy.SimpleCpu)) {
      throw Validate.invalid("alarmActions", alarmActions, "only used with ScalingPolicy.simpleCpu (target tracking alarms belong to AWS)");
    }
    managedPolicyArns = List.copyOf(managedPolicyArns == null ? List.of() : managedPolicyArns);
    Validate.range("metadataHopLimit", metadataHopLimit, 1, 2);
    Validate.range("healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, 0, 7200);
    Validate.range("refreshMinHealthyPercent", refreshMinHealthyPercent, 0, 100);
  }

  public static Builder builder(String vpcId, SubnetGroup subnets, String instanceType) {
    return new Builder(vpcId, subnets, instanceType);
  }

  /** The capacity the group starts with. */
  public int effectiveDesiredCapacity() {
    return desiredCapacity == null ? minSize : desiredCapacity;
  }

  /** Graviton families ({@code t4g}, {@code m7g}, {@code c7gn}, ...) run arm64 images. */
  public boolean isArm64() {
    String family = instanceType.substring(0, instanceType.indexOf('.'));
    return family.matches("^[a-z]+\\d+g[a-z]*$");
  }

  public static final class Builder {
    private final String vpcId;
    private final SubnetGroup subnets;
    private final String instanceType;
    private String name;
    private int minSize = 2;
    private int maxSize = 4;
    private Integer desiredCapacity;
    private final List<TargetGroup> targetGroups = new ArrayList<>();
    private String userData;
    private int rootVolumeGb = 20;
    private String rootDeviceName = "/dev/xvda";
    private String ami;
    private ScalingPolicy scaling;
    private final List<String> alarmActions = new ArrayList<>();
    private final List<String> managedPolicyArns = new ArrayList<>();
    private int metadataHopLimit = 1;
    private int healthCheckGracePeriodSeconds = 300;
    private int refreshMinHealthyPercent = 90;

    private Builder(String vpcId, SubnetGroup subnets, String instanceType) {
      this.vpcId = vpcId;
      this.subnets = subnets;
      this.instanceType = instanceType;
    }

    public Builder name(String value) { this.name = value; return this; }
    public Builder minSize(int value) { this.minSize = value; return this; }
    public Builder maxSize(int value) { this.maxSize = value; return this; }
    public Builder desiredCapacity(int value) { this.desiredCapacity = value; return this; }
    public Builder targetGroups(List<TargetGroup> value) { targetGroups.clear(); targetGroups.addAll(value); return this; }
    public Builder userData(String value) { this.userData = value; return this; }
    public Builder rootVolumeGb(int value) { this.rootVolumeGb = value; return this; }
    public Builder rootDeviceName(String value) { this.rootDeviceName = value; return this; }
    public Builder ami(String value) { this.ami = value; return this; }
    public Builder scaling(ScalingPolicy value) { this.scaling = value; return this; }
    public Builder alarmActions(List<String> topicArns) { alarmActions.clear(); alarmActions.addAll(topicArns); return this; }
    public Builder managedPolicy(String arn) { managedPolicyArns.add(arn); return this; }
    public Builder managedPolicies(List<String> arns) { managedPolicyArns.addAll(arns); return this; }
    public Builder healthCheckGracePeriodSeconds(int value) { this.healthCheckGracePeriodSeconds = value; return this; }
    public Builder refreshMinHealthyPercent(int value) { this.refreshMinHealthyPercent = value; return this; }

    /**
     * Raises the IMDSv2 hop limit to 2 so containers on the instance (Docker bridge networking) can read
     * instance metadata, including the instance role's credentials. Only for hosts that run containers.
     */
    public Builder imdsHopLimitForContainers() { this.metadataHopLimit = 2; return this; }

    public AutoScalingGroupProps build() {
      return new AutoScalingGroupProps(vpcId, subnets, instanceType, name, minSize, maxSize, desiredCapacity, targetGroups,
          userData, rootVolumeGb, rootDeviceName, ami, scaling, alarmActions, managedPolicyArns, metadataHopLimit,
          healthCheckGracePeriodSeconds, refreshMinHealthyPercent);
    }
  }
}
