package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;

/**
 * EC2 capacity for an {@link EcsCluster}: an {@link Ec2Fleet} of ECS-optimized Amazon Linux 2023 instances behind
 * a capacity provider with managed scaling.
 *
 * @param fleet                        the instances, set through this builder (sizes, root volume, hop limit);
 *                                     the cluster adds the ECS-optimized image, the ECS agent's policy and user
 *                                     data, and leaves the desired capacity to managed scaling after creation.
 *                                     Sizes default to {@value #DEFAULT_MIN_SIZE}..{@value #DEFAULT_MAX_SIZE}
 *                                     instances, the gp3 root volume (always encrypted; the AMI needs 30 GB) to
 *                                     {@value #DEFAULT_ROOT_VOLUME_GB} GB. The IMDSv2 hop limit ({@code imdsHopLimit},
 *                                     1 or 2): with 1, containers in bridge mode cannot reach the instance
 *                                     metadata service and so cannot take the instance role's credentials (tasks
 *                                     get their own through the task role); awsvpc tasks are blocked from it by
 *                                     {@code ECS_AWSVPC_BLOCK_IMDS} either way. 2 only for bridge-mode containers
 *                                     that must read instance metadata. Default: {@value Ec2FleetProps#DEFAULT_IMDS_HOP_LIMIT}
 * @param managedTerminationProtection ECS keeps instances running tasks from being scaled in. It also blocks
 *                                     {@code terraform destroy} while any instance runs a task (the group
 *                                     cannot be deleted until the tasks are drained), so it is off unless asked.
 *                                     Default: {@value #DEFAULT_MANAGED_TERMINATION_PROTECTION}
 * @param targetCapacityPercent        managed scaling's target utilization of the group (1-100); 100 leaves no
 *                                     spare instance, lower values keep headroom for faster task starts.
 *                                     Default: {@value #DEFAULT_TARGET_CAPACITY_PERCENT}
 */
public record Ec2Capacity(Ec2FleetProps fleet, boolean managedTerminationProtection, int targetCapacityPercent) {
  public static final int DEFAULT_MIN_SIZE = 1;
  public static final int DEFAULT_MAX_SIZE = 2;
  /** The ECS-optimized AMI's snapshot is 30 GB: a smaller root volume cannot hold it. */
  private static final int MIN_ROOT_VOLUME_GB = 30;
  public static final int DEFAULT_ROOT_VOLUME_GB = MIN_ROOT_VOLUME_GB;
  public static final boolean DEFAULT_MANAGED_TERMINATION_PROTECTION = false;
  public static final int DEFAULT_TARGET_CAPACITY_PERCENT = 100;

  public Ec2Capacity {
    Validate.notNull("fleet", fleet);
    Validate.range("rootVolumeGb", fleet.rootVolumeGb(), MIN_ROOT_VOLUME_GB, 16_384);
    Validate.range("targetCapacityPercent", targetCapacityPercent, 1, 100);
  }

  public static Builder builder(String vpcId, SubnetGroup subnets, String instanceType) {
    return new Builder(vpcId, subnets, instanceType);
  }

  public static final class Builder {
    private final Ec2FleetProps.Builder fleet;
    private boolean managedTerminationProtection = DEFAULT_MANAGED_TERMINATION_PROTECTION;
    private int targetCapacityPercent = DEFAULT_TARGET_CAPACITY_PERCENT;

    private Builder(String vpcId, SubnetGroup subnets, String instanceType) {
      this.fleet = Ec2FleetProps.builder(vpcId, subnets, instanceType)
          .minSize(DEFAULT_MIN_SIZE).maxSize(DEFAULT_MAX_SIZE).rootVolumeGb(DEFAULT_ROOT_VOLUME_GB);
    }

    public Builder minSize(int value) { fleet.minSize(value); return this; }
    public Builder maxSize(int value) { fleet.maxSize(value); return this; }
    public Builder desiredCapacity(int value) { fleet.desiredCapacity(value); return this; }
    public Builder rootVolumeGb(int value) { fleet.rootVolumeGb(value); return this; }
    /** See the record's javadoc: protects busy instances from scale-in but blocks teardown until tasks drain. */
    public Builder managedTerminationProtection(boolean value) { this.managedTerminationProtection = value; return this; }
    public Builder targetCapacityPercent(int value) { this.targetCapacityPercent = value; return this; }
    public Builder imdsHopLimit(int value) { fleet.imdsHopLimit(value); return this; }

    public Ec2Capacity build() {
      return new Ec2Capacity(fleet.build(), managedTerminationProtection, targetCapacityPercent);
    }
  }
}
