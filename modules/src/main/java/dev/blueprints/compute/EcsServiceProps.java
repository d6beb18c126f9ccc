package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import java.util.ArrayList;
import java.util.List;

/**
 * An ECS service. It runs an existing {@link TaskDefinition} ({@link Builder#taskDefinition}), or builds its own
 * from the task settings given here ({@link Builder#container} and the others marked so). The launch type follows
 * the cluster: a Fargate cluster runs the tasks on FARGATE, an EC2 cluster on its capacity provider.
 *
 * @param cluster                       the cluster to run in
 * @param vpcId                         VPC of the service's security group (awsvpc)
 * @param subnets                       task subnets (awsvpc); private or isolated tier, never a public IP
 * @param name                          service name (and family of the task definition built here). Default: the
 *                                      naming helper's {@code <project>-<blueprint>-<env>-<id>}
 * @param taskDefinition                the task definition to run; its compatibility must match the cluster.
 *                                      Default: none, one is built from {@code task}
 * @param task                          the settings of the task definition built here (the given one's otherwise)
 * @param desiredCount                  running tasks. Default: null = 2 when the environment is highly available, else 1
 *                                      (raised to the auto scaling minimum when that is higher)
 * @param minHealthyPercent             deployment lower bound (0-100). Default: {@value #DEFAULT_MIN_HEALTHY_PERCENT} (no capacity loss while deploying)
 * @param maxPercent                    deployment upper bound (100-200, above minHealthyPercent). Default: {@value #DEFAULT_MAX_PERCENT}
 * @param healthCheckGracePeriodSeconds seconds the load balancer's failing checks are ignored after a task
 *                                      starts; set only when a load balancer is attached, and raised to the longest
 *                                      container health check {@code startPeriod} so both checks give a starting task
 *                                      the same time. Default: {@value #DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS}
 * @param loadBalancers                 target groups the service registers with. Default: none
 * @param autoScaling                   target tracking on CPU, memory and/or requests per task. Default: none (fixed count; or
 *                                      {@link EcsService#autoScale} later)
 */
public record EcsServiceProps(
    EcsCluster cluster,
    String vpcId,
    SubnetGroup subnets,
    String name,
    TaskDefinition taskDefinition,
    TaskDefinitionProps task,
    Integer desiredCount,
    int minHealthyPercent,
    int maxPercent,
    int healthCheckGracePeriodSeconds,
    List<LoadBalancerTarget> loadBalancers,
    ServiceScalingProps autoScaling) {

  public static final int DEFAULT_MIN_HEALTHY_PERCENT = 100;
  public static final int DEFAULT_MAX_PERCENT = 200;
  public static final int DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS = 60;

  public EcsServiceProps {
    Validate.notNull("cluster", cluster);
    Validate.notBlank("vpcId", vpcId);
    Validate.notNull("subnets", subnets);
    if (subnets.tier() == SubnetTier.PUBLIC) {
      throw Validate.invalid("subnets", subnets.tier().label(), "tasks run in the private or isolated tier (they never get a public IP)");
    }
    if (name != null) Validate.matches("name", name, TaskDefinitionProps.NAME, "1-255 letters, digits, hyphens and underscores");
    if (taskDefinition != null) task = taskDefinition.props();
    Validate.notNull("task", task);
    if (task.compatibility() != TaskCompatibility.of(cluster)) {
      throw Validate.invalid("taskDefinition.compatibility", task.compatibility().name(),
          TaskCompatibility.of(cluster).name() + " to run on " + (cluster.isEc2() ? "an EC2" : "a Fargate") + " cluster");
    }
    loadBalancers = List.copyOf(loadBalancers == null ? List.of() : loadBalancers);
    TargetType needed = task.networkMode() == NetworkMode.AWSVPC ? TargetType.IP : TargetType.INSTANCE;
    for (LoadBalancerTarget target : loadBalancers) {
      if (target.targetType() != null && target.targetType() != needed) {
        throw Validate.invalid("loadBalancer.targetType", target.targetType().name(), "tasks in " + task.networkMode().name()
            + " network mode register as " + needed.name() + " targets; build the target group with targetType(TargetType." + needed.name() + ")");
      }
      ContainerSpec container = task.container("loadBalancer.containerName", target.containerName());
      if (!container.ports().contains(target.containerPort())) {
        throw Validate.invalid("loadBalancer.containerPort", target.containerPort(), "a port declared on container " + container.name() + ": " + container.ports());
      }
    }

    if (desiredCount != null) Validate.range("desiredCount", desiredCount, 0, 5000);
    Validate.range("minHealthyPercent", minHealthyPercent, 0, 100);
    Validate.range("maxPercent", maxPercent, 100, 200);
    if (maxPercent <= minHealthyPercent) {
      throw Validate.invalid("maxPercent", maxPercent, "greater than minHealthyPercent (" + minHealthyPercent + ") or deployments cannot start a new task");
    }
    Validate.range("healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, 0, 7200);
    if (autoScaling != null && desiredCount != null) {
      if (desiredCount < autoScaling.min() || desiredCount > autoScaling.max()) {
        throw Validate.invalid("desiredCount", desiredCount, "within the auto scaling range " + autoScaling.min() + ".." + autoScaling.max());
      }
    }
  }

  /** A service on {@code cluster}; give it a {@link Builder#taskDefinition} or the task's settings. */
  public static Builder builder(EcsCluster cluster, String vpcId, SubnetGroup subnets) {
    return new Builder(cluster, vpcId, subnets);
  }

  /** The task's CPU and memory. */
  public TaskSize taskSize() {
    return task.taskSize();
  }

  /** The task's network mode. */
  public NetworkMode networkMode() {
    return task.networkMode();
  }

  /** The task's containers. */
  public List<ContainerSpec> containers() {
    return task.containers();
  }

  /** The task's volumes. */
  public List<VolumeSpec> volumes() {
    return task.volumes();
  }

  /** Whether ECS Exec is on (a setting of the task definition). */
  public boolean enableExecuteCommand() {
    return task.enableExecuteCommand();
  }

  /** The ECR repositories the execution role may pull from; empty = every one of the account and region. */
  public List<String> pullFrom() {
    return task.pullFrom();
  }

  /**
   * A target group the service registers its tasks with.
   *
   * @param targetGroupArn the target group (type {@code ip} for awsvpc, {@code instance} for bridge and host)
   * @param loadBalancer   the load balancer, whose security group is allowed to reach the tasks
   * @param containerName  the container receiving traffic
   * @param containerPort  its port, declared with {@link ContainerSpec.Builder#port}
   * @param targetGroup    the target group itself when known: its type is checked against the network mode, and
   *                       the service is created after the listeners and rules forwarding to it. Default: null
   */
  public record LoadBalancerTarget(String targetGroupArn, Connectable loadBalancer, String containerName, int containerPort,
      TargetGroup targetGroup) {
    /** A target group known only by its ARN (looked up among the load balancer's target groups when it is a {@link LoadBalancer}). */
    public LoadBalancerTarget(String targetGroupArn, Connectable loadBalancer, String containerName, int containerPort) {
      this(targetGroupArn, loadBalancer, containerName, containerPort, ownGroup(loadBalancer, targetGroupArn));
    }

    public LoadBalancerTarget {
      Validate.notBlank("loadBalancer.targetGroupArn", targetGroupArn);
      Validate.notNull("loadBalancer", loadBalancer);
      Validate.notBlank("loadBalancer.containerName", containerName);
      Validate.range("loadBalancer.containerPort", containerPort, 1, 65535);
    }

    /** The target group's type; null when only its ARN is known. */
    public TargetType targetType() {
      return targetGroup == null ? null : targetGroup.targetType();
    }

    /** The target group of {@code loadBalancer} with this ARN (the same reference its {@code arn()} gave), or null. */
    private static TargetGroup ownGroup(Connectable loadBalancer, String arn) {
      if (!(loadBalancer instanceof LoadBalancer lb)) return null;
      return lb.getNode().getChildren().stream()
          .filter(c -> c instanceof TargetGroup g && g.arn().equals(arn)).map(TargetGroup.class::cast)
          .findFirst().orElse(null);
    }
  }

  /**
   * Application Auto Scaling of the task count with target tracking.
   *
   * @param min                 fewest tasks
   * @param max                 most tasks
   * @param cpuTargetPercent    average CPU utilization to hold, in (0, 100]; null for none
   * @param memoryTargetPercent average memory utilization to hold, in (0, 100]; null for none
   */
  @Deprecated
  public record AutoScaling(int min, int max, Double cpuTargetPercent, Double memoryTargetPercent) {
    public AutoScaling {
      ServiceScalingProps.validate("autoScaling.", min, max, cpuTargetPercent, memoryTargetPercent, false);
    }

    /** As {@link ServiceScalingProps}. */
    ServiceScalingProps toProps() {
      var props = ServiceScalingProps.builder(min, max);
      if (cpuTargetPercent != null) props.cpuTargetPercent(cpuTargetPercent);
      if (memoryTargetPercent != null) props.memoryTargetPercent(memoryTargetPercent);
      return props.build();
    }
  }

  public static final class Builder {
    private final EcsCluster cluster;
    private final String vpcId;
    private final SubnetGroup subnets;
    private String name;
    private TaskDefinition taskDefinition;
    private final TaskDefinitionProps.Builder task = TaskDefinitionProps.builder();
    /** The task setting first given here, named in the error when a task definition is given too. */
    private String taskSetting;
    private Integer desiredCount;
    private int minHealthyPercent = DEFAULT_MIN_HEALTHY_PERCENT;
    private int maxPercent = DEFAULT_MAX_PERCENT;
    private int healthCheckGracePeriodSeconds = DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS;
    private final List<LoadBalancerTarget> loadBalancers = new ArrayList<>();
    private ServiceScalingProps autoScaling;

    private Builder(EcsCluster cluster, String vpcId, SubnetGroup subnets) {
      this.cluster = cluster;
      this.vpcId = vpcId;
      this.subnets = subnets;
    }

    private TaskDefinitionProps.Builder task(String setting) {
      if (taskSetting == null) taskSetting = setting;
      return task;
    }

    public Builder name(String value) { this.name = value; return this; }
    /** Runs this task definition; the task settings below then belong on its {@link TaskDefinitionProps}. */
    public Builder taskDefinition(TaskDefinition value) { this.taskDefinition = Validate.notNull("taskDefinition", value); return this; }
    /** Task setting (see {@link TaskDefinitionProps}). */
    public Builder taskSize(int cpu, int memory) { task("taskSize").taskSize(cpu, memory); return this; }
    /** Task setting (see {@link TaskDefinitionProps}). */
    public Builder networkMode(NetworkMode value) { task("networkMode").networkMode(value); return this; }
    /** Task setting (see {@link TaskDefinitionProps}). */
    public Builder container(ContainerSpec spec) { task("container").container(spec); return this; }
    /** Task setting (see {@link TaskDefinitionProps}). */
    public Builder volume(VolumeSpec volume) { task("volume").volume(volume); return this; }
    public Builder desiredCount(int value) { this.desiredCount = value; return this; }
    public Builder minHealthyPercent(int value) { this.minHealthyPercent = value; return this; }
    public Builder maxPercent(int value) { this.maxPercent = value; return this; }
    public Builder healthCheckGracePeriodSeconds(int value) { this.healthCheckGracePeriodSeconds = value; return this; }
    /** Task setting: turns on ECS Exec (shell access into running tasks, logged by SSM). */
    public Builder enableExecuteCommand() { task("enableExecuteCommand").enableExecuteCommand(); return this; }
    /** Registers {@code containerName:containerPort} with the target group and lets the load balancer reach it. */
    public Builder loadBalancer(String targetGroupArn, Connectable loadBalancer, String containerName, int containerPort) {
      loadBalancers.add(new LoadBalancerTarget(targetGroupArn, loadBalancer, containerName, containerPort));
      return this;
    }
    /** As above, with the target group itself, whose target type is then checked against the network mode. */
    public Builder loadBalancer(TargetGroup targetGroup, Connectable loadBalancer, String containerName, int containerPort) {
      loadBalancers.add(new LoadBalancerTarget(targetGroup.arn(), loadBalancer, containerName, containerPort, targetGroup));
      return this;
    }
    /**
     * Application Auto Scaling of the task count:
     * {@code .autoScaling(ServiceScalingProps.builder(2, 8).cpuTargetPercent(60).build())}.
     */
    public Builder autoScaling(ServiceScalingProps value) { this.autoScaling = Validate.notNull("autoScaling", value); return this; }

    /**
     * Positional form of {@link #autoScaling(ServiceScalingProps)}, with null for a target not used.
     *
     * @deprecated use {@link #autoScaling(ServiceScalingProps)}, which names each target
     */
    @Deprecated
    public Builder autoScaling(int min, int max, Double cpuTargetPercent, Double memoryTargetPercent) {
      this.autoScaling = new AutoScaling(min, max, cpuTargetPercent, memoryTargetPercent).toProps();
      return this;
    }
    /** Task setting: limits image pulls to this ECR repository (repeatable). */
    public Builder pullFrom(String repositoryArn) { task("pullFrom").pullFrom(repositoryArn); return this; }

    public EcsServiceProps build() {
      TaskDefinitionProps taskProps = null;
      if (taskDefinition != null && taskSetting != null) {
        throw Validate.invalid(taskSetting, "set with taskDefinition", "the task's settings on the TaskDefinitionProps of "
            + taskDefinition.getNode().getPath() + " (a service runs the given task definition as it is)");
      }
      if (taskDefinition == null && cluster != null) taskProps = task.compatibility(TaskCompatibility.of(cluster)).build();
      return new EcsServiceProps(cluster, vpcId, subnets, name, taskDefinition, taskProps, desiredCount,
          minHealthyPercent, maxPercent, healthCheckGracePeriodSeconds, loadBalancers, autoScaling);
    }
  }
}
