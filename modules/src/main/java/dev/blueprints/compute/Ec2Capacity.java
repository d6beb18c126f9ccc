package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import java.util.regex.Pattern;

/**
 * EC2 capacity for an {@link EcsCluster}: an Auto Scaling group of ECS-optimized Amazon Linux 2023
 * instances behind a capacity provider with managed scaling.
 *
 * @param vpcId                        the VPC of the instances' security group
 * @param subnets                      where instances run; private or isolated tier (instances never get public IPs)
 * @param instanceType                 e.g. {@code t3.medium}
 * @param minSize                      smallest group size. Default: 1
 * @param maxSize                      largest group size. Default: 2
 * @param desiredCapacity              initial size; managed scaling owns it afterwards. Default: null (the minimum)
 * @param rootVolumeGb                 gp3 root volume, always encrypted; the AMI needs 30 GB. Default: 30
 * @param managedTerminationProtection ECS keeps instances running tasks from being scaled in. It also blocks
 *                                     {@code terraform destroy} while any instance runs a task (the group
 *                                     cannot be deleted until the tasks are drained), so it is off unless asked.
 *                                     Default: false
 * @param targetCapacityPercent        managed scaling's target utilization of the group (1-100); 100 leaves no
 *                                     spare instance, lower values keep headroom for faster task starts. Default: 100
 * @param imdsHopLimit                 IMDSv2 response hop limit (1 or 2). With 1, containers in bridge mode cannot
 *                                     reach the instance metadata service and so cannot take the instance role's
 *                                     credentials (tasks get their own through the task role); awsvpc tasks are
 *                                     blocked from it by {@code ECS_AWSVPC_BLOCK_IMDS} either way. 2 only for
 *                                     bridge-mode containers that must read instance metadata. Default: 1
 */
public record Ec2Capacity(
    String vpcId,
    SubnetGroup subnets,
    String instanceType,
    int minSize,
    int maxSize,
    Integer desiredCapacity,
    int rootVolumeGb,
    boolean managedTerminationProtection,
    int targetCapacityPercent,
    int imdsHopLimit) {


  public Ec2Capacity {
    Validate.notBlank("vpcId", vpcId);
    Validate.notNull("subnets", subnets);
    if (subnets.tier() == SubnetTier.PUBLIC) {
      throw Validate.invalid("subnets", subnets.tier().label(), "container instances run in the private or isolated tier");
    }
    InstanceTypes.require("instanceType", instanceType);
    Validate.range("minSize", minSize, 0, 1000);
    Validate.range("maxSize", maxSize, 1, 1000);
    Validate.ordered("minSize", minSize, "maxSize", maxSize);
    if (desiredCapacity != null) {
      Validate.ordered("minSize", minSize, "desiredCapacity", desiredCapacity);
      Validate.ordered("desiredCapacity", desiredCapacity, "maxSize", maxSize);
    }
    Validate.range("rootVolumeGb", rootVolumeGb, 30, 16_384);
    Validate.range("targetCapacityPercent", targetCapacityPercent, 1, 100);
    Validate.range("imdsHopLimit", imdsHopLimit, 1, 2);
  }

  public static Builder builder(String vpcId, SubnetGroup subnets, String instanceType) {
    return new Builder(vpcId, subnets, instanceType);
  }

  public static final class Builder {
    private final String vpcId;
    private final SubnetGroup subnets;
    private final String instanceType;
    private int minSize = 1;
    private int maxSize = 2;
    private Integer desiredCapacity;
    private int rootVolumeGb = 30;
    private boolean managedTerminationProtection = false;
    private int targetCapacityPercent = 100;
    private int imdsHopLimit = 1;

    private Builder(String vpcId, SubnetGroup subnets, String instanceType) {
      this.vpcId = vpcId;
      this.subnets = subnets;
      this.instanceType = instanceType;
    }

    public Builder minSize(int value) { this.minSize = value; return this; }
    public Builder maxSize(int value) { this.maxSize = value; return this; }
    public Builder desiredCapacity(int value) { this.desiredCapacity = value; return this; }
    public Builder rootVolumeGb(int value) { this.rootVolumeGb = value; return this; }
    /** See the record's javadoc: protects busy instances from scale-in but blocks teardown until tasks drain. */
    public Builder managedTerminationProtection(boolean value) { this.managedTerminationProtection = value; return this; }
    public Builder targetCapacityPercent(int value) { this.targetCapacityPercent = value; return this; }
    public Builder imdsHopLimit(int value) { this.imdsHopLimit = value; return this; }

    public Ec2Capacity build() {
      return new Ec2Capacity(vpcId, subnets, instanceType, minSize, maxSize, desiredCapacity, rootVolumeGb,
          managedTerminationProtection, targetCapacityPercent, imdsHopLimit);
    }
  }
}
