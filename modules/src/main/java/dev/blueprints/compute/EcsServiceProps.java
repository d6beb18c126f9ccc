package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An ECS service and its task definition. The launch type follows the cluster: a Fargate cluster runs
 * the tasks on FARGATE, an EC2 cluster on its capacity provider.
 *
 * @param cluster                       the cluster to run in
 * @param vpcId                         VPC of the service's security group (awsvpc)
 * @param subnets                       task subnets (awsvpc); private or isolated tier, never a public IP
 * @param name                          service name. Default: the naming helper's {@code <project>-<blueprint>-<env>-<id>}
 * @param taskSize                      task CPU units and memory (MiB); checked against Fargate's pairs on Fargate. Default: 256 / 512
 * @param networkMode                   task networking; BRIDGE and HOST need an EC2 cluster. Default: AWSVPC
 * @param containers                    the task's containers (at least one essential)
 * @param volumes                       task volumes; mount points must name one of them. Default: none
 * @param desiredCount                  running tasks. Default: null = 2 when the environment is highly available, else 1
 *                                      (raised to the auto scaling minimum when that is higher)
 * @param minHealthyPercent             deployment lower bound (0-100). Default: 100 (no capacity loss while deploying)
 * @param maxPercent                    deployment upper bound (100-200, above minHealthyPercent). Default: 200
 * @param healthCheckGracePeriodSeconds seconds the load balancer's failing checks are ignored after a task
 *                                      starts; set only when a load balancer is attached, and raised to the longest
 *                                      container health check {@code startPeriod} so both checks give a starting task
 *                                      the same time. Default: 60
 * @param enableExecuteCommand          ECS Exec (interactive shells into tasks; grants the task role the SSM
 *                                      message channels). Default: false
 * @param loadBalancers                 target groups the service registers with. Default: none
 * @param autoScaling                   target tracking on CPU and/or memory. Default: none (fixed count)
 * @param pullFrom                      ECR repository ARNs the execution role may pull from. Default: empty =
 *                                      every repository of the account and region when an image is (or may be) in ECR
 */
public record EcsServiceProps(
    EcsCluster cluster,
    String vpcId,
    SubnetGroup subnets,
    String name,
    TaskSize taskSize,
    NetworkMode networkMode,
    List<ContainerSpec> containers,
    List<VolumeSpec> volumes,
    Integer desiredCount,
    int minHealthyPercent,
    int maxPercent,
    int healthCheckGracePeriodSeconds,
    boolean enableExecuteCommand,
    List<LoadBalancerTarget> loadBalancers,
    AutoScaling autoScaling,
    List<String> pullFrom) {

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

  public EcsServiceProps {
    Validate.notNull("cluster", cluster);
    Validate.notBlank("vpcId", vpcId);
    Validate.notNull("subnets", subnets);
    if (subnets.tier() == SubnetTier.PUBLIC) {
      throw Validate.invalid("subnets", subnets.tier().label(), "tasks run in the private or isolated tier (they never get a public IP)");
    }
    if (name != null) Validate.matches("name", name, NAME, "1-255 letters, digits, hyphens and underscores");
    Validate.notNull("taskSize", taskSize);
    Validate.notNull("networkMode", networkMode);
    for (LoadBalancerTarget target : loadBalancers == null ? List.<LoadBalancerTarget>of() : loadBalancers) {
      TargetType needed = networkMode == NetworkMode.AWSVPC ? TargetType.IP : TargetType.INSTANCE;
      if (target.targetType() != null && target.targetType() != needed) {
        throw Validate.invalid("loadBalancer.targetType", target.targetType().name(), "tasks in " + networkMode.name()
            + " network mode register as " + needed.name() + " targets; build the target group with targetType(TargetType." + needed.name() + ")");
      }
    }
    if (!cluster.isEc2()) {
      if (networkMode != NetworkMode.AWSVPC) {
        throw Validate.invalid("networkMode", networkMode.name(), "Fargate supports only AWSVPC; BRIDGE and HOST need an EC2 cluster");
      }
      taskSize.requireFargate();
    }

    containers = List.copyOf(Validate.notNull("containers", containers));
    if (containers.isEmpty()) throw Validate.invalid("containers", containers, "at least one container(...)");
    Set<String> names = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (ContainerSpec c : containers) {
      if (!names.add(c.name())) throw Validate.invalid("container.name", c.name(), "each container name once per task");
      if (!ids.add(EcsService.pascal(c.name()))) {
        throw Validate.invalid("container.name", c.name(), "names that differ in more than hyphens and underscores");
      }
    }
    if (containers.stream().noneMatch(ContainerSpec::essential)) {
      throw Validate.invalid("containers", containers.stream().map(ContainerSpec::name).toList(), "at least one container marked essential");
    }
    int containerMemory = containers.stream().mapToInt(c -> c.memory() == null ? 0 : c.memory()).sum();
    if (containerMemory > taskSize.memory()) {
      throw Validate.invalid("container memory", containerMemory, "the containers' memory limits must fit the task's " + taskSize.memory() + " MiB");
    }
    int containerCpu = containers.stream().mapToInt(c -> c.cpu() == null ? 0 : c.cpu()).sum();
    if (containerCpu > taskSize.cpu()) {
      throw Validate.invalid("container cpu", containerCpu, "the containers' CPU units must fit the task's " + taskSize.cpu());
    }

    volumes = List.copyOf(volumes == null ? List.of() : volumes);
    Map<String, VolumeSpec> byName = volumes.stream().collect(Collectors.toMap(VolumeSpec::name, Function.identity(), (a, b) -> {
      throw Validate.invalid("volume.name", a.name(), "each volume name once per task");
    }));
    for (VolumeSpec v : volumes) {
      if (!cluster.isEc2() && !v.fargateCompatible()) {
        throw Validate.invalid("volume " + v.name(), v.getClass().getSimpleName(), "Fargate supports efs and ephemeral volumes; host paths and Docker volumes need an EC2 cluster");
      }
    }
    for (ContainerSpec c : containers) {
      for (ContainerSpec.MountPoint m : c.mountPoints()) {
        if (!byName.containsKey(m.volumeName())) {
          throw Validate.invalid("mountPoint.volumeName", m.volumeName(),
              "container " + c.name() + " mounts a volume that is not declared; declared volumes are " + byName.keySet().stream().sorted().toList());
        }
      }
    }

    if (desiredCount != null) Validate.range("desiredCount", desiredCount, 0, 5000);
    Validate.range("minHealthyPercent", minHealthyPercent, 0, 100);
    Validate.range("maxPercent", maxPercent, 100, 200);
    if (maxPercent <= minHealthyPercent) {
      throw Validate.invalid("maxPercent", maxPercent, "greater than minHealthyPercent (" + minHealthyPercent + ") or deployments cannot start a new task");
    }
    Validate.range("healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, 0, 7200);
    for (ContainerSpec c : containers) {
      if (c.healthCheck() != null && !c.essential()) {
        // ECS derives a task's health from its essential containers only: this check would never stop a deployment.
        throw Validate.invalid("container " + c.name() + " healthCheck", c.healthCheck().command(),
            "a health check on an essential container only (ECS ignores a non-essential container's health)");
      }
    }

    loadBalancers = List.copyOf(loadBalancers == null ? List.of() : loadBalancers);
    List<ContainerSpec> declared = containers;
    for (LoadBalancerTarget lb : loadBalancers) {
      ContainerSpec target = declared.stream().filter(c -> c.name().equals(lb.containerName())).findFirst().orElseThrow(() ->
          Validate.invalid("loadBalancer.containerName", lb.containerName(), "one of the containers " + declared.stream().map(ContainerSpec::name).toList()));
      if (!target.ports().contains(lb.containerPort())) {
        throw Validate.invalid("loadBalancer.containerPort", lb.containerPort(), "a port declared on container " + target.name() + ": " + target.ports());
      }
    }
    if (autoScaling != null && desiredCount != null) {
      if (desiredCount < autoScaling.min() || desiredCount > autoScaling.max()) {
        throw Validate.invalid("desiredCount", desiredCount, "within the auto scaling range " + autoScaling.min() + ".." + autoScaling.max());
      }
    }
    pullFrom = List.copyOf(pullFrom == null ? List.of() : pullFrom);
    for (String arn : pullFrom) Validate.notBlank("pullFrom", arn);
  }

  public static Builder builder(EcsCluster cluster, String vpcId, SubnetGroup subnets) {
    return new Builder(cluster, vpcId, subnets);
  }

  /**
   * A target group the service registers its tasks with.
   *
   * @param targetGroupArn the target group (type {@code ip} for awsvpc, {@code instance} for bridge and host)
   * @param loadBalancer   the load balancer, whose security group is allowed to reach the tasks
   * @param containerName  the container receiving traffic
   * @param containerPort  its port, declared with {@link ContainerSpec.Builder#port}
   */
  public record LoadBalancerTarget(String targetGroupArn, Connectable loadBalancer, String containerName, int containerPort,
      TargetType targetType) {
    /** A target group known only by its ARN: its target type cannot be checked against the network mode. */
    public LoadBalancerTarget(String targetGroupArn, Connectable loadBalancer, String containerName, int containerPort) {
      this(targetGroupArn, loadBalancer, containerName, containerPort, null);
    }

    public LoadBalancerTarget {
      Validate.notBlank("loadBalancer.targetGroupArn", targetGroupArn);
      Validate.notNull("loadBalancer", loadBalancer);
      Validate.notBlank("loadBalancer.containerName", containerName);
      Validate.range("loadBalancer.containerPort", containerPort, 1, 65535);
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
  public record AutoScaling(int min, int max, Double cpuTargetPercent, Double memoryTargetPercent) {
    public AutoScaling {
      Validate.range("autoScaling.min", min, 0, 5000);
      Validate.range("autoScaling.max", max, 1, 5000);
      Validate.ordered("autoScaling.min", min, "autoScaling.max", max);
      if (cpuTargetPercent == null && memoryTargetPercent == null) {
        throw Validate.invalid("autoScaling", "no target", "a CPU or a memory target percent (or both)");
      }
      requirePercent("autoScaling.cpuTargetPercent", cpuTargetPercent);
      requirePercent("autoScaling.memoryTargetPercent", memoryTargetPercent);
    }

    private static void requirePercent(String field, Double value) {
      if (value == null) return;
      Validate.finite(field, value);
      if (value <= 0 || value > 100) throw Validate.invalid(field, value, "a percentage in (0, 100]");
    }
  }

  public static final class Builder {
    private final EcsCluster cluster;
    private final String vpcId;
    private final SubnetGroup subnets;
    private String name;
    private TaskSize taskSize = new TaskSize(256, 512);
    private NetworkMode networkMode = NetworkMode.AWSVPC;
    private final List<ContainerSpec> containers = new ArrayList<>();
    private final List<VolumeSpec> volumes = new ArrayList<>();
    private Integer desiredCount;
    private int minHealthyPercent = 100;
    private int maxPercent = 200;
    private int healthCheckGracePeriodSeconds = 60;
    private boolean enableExecuteCommand = false;
    private final List<LoadBalancerTarget> loadBalancers = new ArrayList<>();
    private AutoScaling autoScaling;
    private final List<String> pullFrom = new ArrayList<>();

    private Builder(EcsCluster cluster, String vpcId, SubnetGroup subnets) {
      this.cluster = cluster;
      this.vpcId = vpcId;
      this.subnets = subnets;
    }

    public Builder name(String value) { this.name = value; return this; }
    public Builder taskSize(int cpu, int memory) { this.taskSize = new TaskSize(cpu, memory); return this; }
    public Builder networkMode(NetworkMode value) { this.networkMode = value; return this; }
    public Builder container(ContainerSpec spec) { containers.add(Validate.notNull("container", spec)); return this; }
    public Builder volume(VolumeSpec volume) { volumes.add(Validate.notNull("volume", volume)); return this; }
    public Builder desiredCount(int value) { this.desiredCount = value; return this; }
    public Builder minHealthyPercent(int value) { this.minHealthyPercent = value; return this; }
    public Builder maxPercent(int value) { this.maxPercent = value; return this; }
    public Builder healthCheckGracePeriodSeconds(int value) { this.healthCheckGracePeriodSeconds = value; return this; }
    /** Turns on ECS Exec (shell access into running tasks, logged by SSM). */
    public Builder enableExecuteCommand() { this.enableExecuteCommand = true; return this; }
    /** Registers {@code containerName:containerPort} with the target group and lets the load balancer reach it. */
    public Builder loadBalancer(String targetGroupArn, Connectable loadBalancer, String containerName, int containerPort) {
      loadBalancers.add(new LoadBalancerTarget(targetGroupArn, loadBalancer, containerName, containerPort));
      return this;
    }
    /** As above, with the target group itself, whose target type is then checked against the network mode. */
    public Builder loadBalancer(TargetGroup targetGroup, Connectable loadBalancer, String containerName, int containerPort) {
      loadBalancers.add(new LoadBalancerTarget(targetGroup.arn(), loadBalancer, containerName, containerPort, targetGroup.targetType()));
      return this;
    }
    public Builder autoScaling(int min, int max, Double cpuTargetPercent, Double memoryTargetPercent) {
      this.autoScaling = new AutoScaling(min, max, cpuTargetPercent, memoryTargetPercent);
      return this;
    }
    /** Limits image pulls to this ECR repository (repeatable). */
    public Builder pullFrom(String repositoryArn) { pullFrom.add(repositoryArn); return this; }

    public EcsServiceProps build() {
      return new EcsServiceProps(cluster, vpcId, subnets, name, taskSize, networkMode, containers, volumes, desiredCount,
          minHealthyPercent, maxPercent, healthCheckGracePeriodSeconds, enableExecuteCommand, loadBalancers, autoScaling, pullFrom);
    }
  }
}
