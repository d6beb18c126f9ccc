package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An ECS task definition: its containers, volumes, size and networking. Used by an {@link EcsService}, or
 * alone for tasks started another way (a schedule, a one-off migration).
 *
 * @param family               task definition family. Default: the naming helper's {@code <project>-<blueprint>-<env>-<id>}
 * @param taskSize             task CPU units and memory (MiB); checked against Fargate's pairs for FARGATE. Default: {@link #DEFAULT_TASK_SIZE}
 * @param networkMode          task networking; BRIDGE and HOST need EC2. Default: {@link #DEFAULT_NETWORK_MODE}
 * @param compatibility        where the tasks run; must match the cluster. Default: {@link #DEFAULT_COMPATIBILITY}
 * @param containers           the task's containers (at least one essential)
 * @param volumes              task volumes; mount points must name one of them. Default: none
 * @param enableExecuteCommand ECS Exec: grants the task role the SSM message channels, and a service running the
 *                             task turns it on. Default: {@value #DEFAULT_ENABLE_EXECUTE_COMMAND}
 * @param pullFrom             ECR repository ARNs the execution role may pull from. Default: empty = every
 *                             repository of the account and region when an image is (or may be) in ECR
 */
public record TaskDefinitionProps(
    String family,
    TaskSize taskSize,
    NetworkMode networkMode,
    TaskCompatibility compatibility,
    List<ContainerSpec> containers,
    List<VolumeSpec> volumes,
    boolean enableExecuteCommand,
    List<String> pullFrom) {

  public static final TaskSize DEFAULT_TASK_SIZE = new TaskSize(256, 512);
  public static final NetworkMode DEFAULT_NETWORK_MODE = NetworkMode.AWSVPC;
  public static final TaskCompatibility DEFAULT_COMPATIBILITY = TaskCompatibility.FARGATE;
  public static final boolean DEFAULT_ENABLE_EXECUTE_COMMAND = false;

  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

  public TaskDefinitionProps {
    if (family != null) Validate.matches("family", family, NAME, "1-255 letters, digits, hyphens and underscores");
    Validate.notNull("taskSize", taskSize);
    Validate.notNull("networkMode", networkMode);
    Validate.notNull("compatibility", compatibility);
    if (compatibility == TaskCompatibility.FARGATE) {
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
      if (!ids.add(TaskDefinition.pascal(c.name()))) {
        throw Validate.invalid("container.name", c.name(), "names that differ in more than hyphens and underscores");
      }
      if (c.healthCheck() != null && !c.essential()) {
        // ECS derives a task's health from its essential containers only: this check would never stop a deployment.
        throw Validate.invalid("container " + c.name() + " healthCheck", c.healthCheck().command(),
            "a health check on an essential container only (ECS ignores a non-essential container's health)");
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
      if (compatibility == TaskCompatibility.FARGATE && !v.fargateCompatible()) {
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
    pullFrom = List.copyOf(pullFrom == null ? List.of() : pullFrom);
    for (String arn : pullFrom) Validate.notBlank("pullFrom", arn);
  }

  /** Containers are added with {@link Builder#container}; at least one is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The container named {@code name}; fails listing the containers when there is none. */
  ContainerSpec container(String field, String name) {
    return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
        Validate.invalid(field, name, "one of the containers " + containers.stream().map(ContainerSpec::name).toList()));
  }

  /** The longest container health check start period, 0 without container health checks. */
  int longestStartPeriod() {
    return containers.stream().filter(c -> c.healthCheck() != null).mapToInt(c -> c.healthCheck().startPeriod()).max().orElse(0);
  }

  public static final class Builder {
    private String family;
    private TaskSize taskSize = DEFAULT_TASK_SIZE;
    private NetworkMode networkMode = DEFAULT_NETWORK_MODE;
    private TaskCompatibility compatibility = DEFAULT_COMPATIBILITY;
    private final List<ContainerSpec> containers = new ArrayList<>();
    private final List<VolumeSpec> volumes = new ArrayList<>();
    private boolean enableExecuteCommand = DEFAULT_ENABLE_EXECUTE_COMMAND;
    private final List<String> pullFrom = new ArrayList<>();

    private Builder() {}

    public Builder family(String value) { this.family = value; return this; }
    public Builder taskSize(int cpu, int memory) { this.taskSize = new TaskSize(cpu, memory); return this; }
    public Builder networkMode(NetworkMode value) { this.networkMode = value; return this; }
    public Builder compatibility(TaskCompatibility value) { this.compatibility = value; return this; }
    public Builder container(ContainerSpec spec) { containers.add(Validate.notNull("container", spec)); return this; }
    public Builder volume(VolumeSpec volume) { volumes.add(Validate.notNull("volume", volume)); return this; }
    /** Turns on ECS Exec (shell access into running tasks, logged by SSM). */
    public Builder enableExecuteCommand() { this.enableExecuteCommand = true; return this; }
    /** Limits image pulls to this ECR repository (repeatable). */
    public Builder pullFrom(String repositoryArn) { pullFrom.add(repositoryArn); return this; }

    public TaskDefinitionProps build() {
      return new TaskDefinitionProps(family, taskSize, networkMode, compatibility, containers, volumes, enableExecuteCommand, pullFrom);
    }
  }
}
