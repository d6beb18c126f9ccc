package dev.blueprints.compute;

import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolume;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolumeDockerVolumeConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolumeEfsVolumeConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfig;
import dev.blueprints.auth.Grantable;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.Account;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.StackContext;
import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.LogGroupProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.constructs.Construct;

/**
 * An ECS task definition with its log groups and roles; an {@link EcsService} runs one, and one can be used
 * alone (a scheduled task, a one-off migration run with {@code aws ecs run-task}).
 *
 * <ul>
 *   <li>Each container logs to its own log group ({@code /ecs/<family>/<container>}) with the environment's
 *       retention unless the container sets one.</li>
 *   <li>The execution role (used by ECS to start tasks) may write those log groups, pull from ECR and read
 *       exactly the secrets the containers name. The task role (the application's) starts empty: grants go to
 *       it ({@link Grantable}). Secrets encrypted with a customer-managed KMS key also need {@code kms:Decrypt}
 *       on the execution role.</li>
 *   <li>EFS volumes use transit encryption and IAM authorization: the task role may mount them, and write
 *       only where a container mounts them writable.</li>
 * </ul>
 */
public final class TaskDefinition extends BlueprintConstruct implements Grantable {
  private final TaskDefinitionProps props;
  private final String family;
  private final Map<String, LogGroup> logGroups = new LinkedHashMap<>();
  private final Role executionRole;
  private final Role taskRole;
  private final EcsTaskDefinition taskDefinition;

  /** A task definition whose resources are created under this construct. */
  public TaskDefinition(Construct scope, String id, TaskDefinitionProps props) {
    this(scope, id, null, id.toLowerCase(Locale.ROOT), null, props);
  }

  /**
   * The task definition of a service built from {@link EcsServiceProps} alone: its resources are created in
   * {@code owner} rather than here, where they were before services and task definitions were separate
   * constructs, so their addresses stay the same; {@code serviceName}, when given, is the family.
   */
  TaskDefinition(Construct scope, String id, Construct owner, String component, String serviceName, TaskDefinitionProps props) {
    super(scope, id);
    this.props = Validate.notNull("props", props);
    Construct in = owner != null ? owner : this;
    StackContext stack = context();
    String region = stack.settings().region();
    this.family = serviceName != null ? serviceName
        : props.family() != null ? props.family() : stack.naming().name(component, NameLimit.ECS_SERVICE);

    for (ContainerSpec c : props.containers()) {
      int retention = c.logRetentionDays() != null ? c.logRetentionDays() : stack.environment().logRetentionDays();
      logGroups.put(c.name(), new LogGroup(in, "LogGroup" + pascal(c.name()),
          LogGroupProps.of("/ecs/" + family + "/" + c.name(), retention)));
    }
    executionRole = new Role(in, "ExecutionRole", RoleProps.builder(
            stack.naming().name(component + "-execution", NameLimit.IAM_ROLE), "ecs-tasks.amazonaws.com")
        .description("ECS starts the tasks of " + family + ": image pull, logs, secrets")
        .build());
    grantExecution(region);
    taskRole = new Role(in, "TaskRole", RoleProps.builder(
            stack.naming().name(component + "-task", NameLimit.IAM_ROLE), "ecs-tasks.amazonaws.com")
        .description("Application permissions of the tasks of " + family)
        .build());
    grantTaskRole(region);

    Map<String, String> logGroupNames = new LinkedHashMap<>();
    logGroups.forEach((container, group) -> logGroupNames.put(container, group.name()));
    var td = EcsTaskDefinition.Builder.create(in, "TaskDefinition")
        .family(family)
        .cpu(String.valueOf(props.taskSize().cpu()))
        .memory(String.valueOf(props.taskSize().memory()))
        .networkMode(props.networkMode().value())
        .requiresCompatibilities(List.of(props.compatibility().name()))
        .executionRoleArn(executionRole.arn())
        .taskRoleArn(taskRole.arn())
        .containerDefinitions(ContainerDefinitions.json(props.containers(), props.networkMode(), logGroupNames, region));
    if (!props.volumes().isEmpty()) td.volume(props.volumes().stream().map(TaskDefinition::volume).toList());
    taskDefinition = td.build();
  }

  /** The family's physical name, known at synth. */
  public String family() {
    return family;
  }

  /** The ARN of this revision, as a reference. */
  public String arn() {
    return taskDefinition.getArn();
  }

  private void grantExecution(String region) {
    executionRole.grant("WriteLogs", PolicyStatement.allow("WriteLogs",
        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
        logGroups.values().stream().map(g -> g.arn() + ":*").toList()));
    if (pullsFromEcr()) {
      List<String> repositories = props.pullFrom().isEmpty()
          ? List.of("arn:aws:ecr:" + region + ":" + Account.id(this) + ":repository/*")
          : props.pullFrom();
      executionRole.grant("PullImages", List.of(
          // GetAuthorizationToken has no resource-level permissions: IAM accepts only "*" for it.
          PolicyStatement.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
          PolicyStatement.allow("EcrPull",
              List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), repositories)));
    }
    Set<String> secrets = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    for (ContainerSpec c : props.containers()) {
      c.secrets().forEach(s -> secrets.add(s.secretOnlyArn()));
      c.secrets().stream().filter(s -> s.kmsKeyArn() != null).forEach(s -> keys.add(s.kmsKeyArn()));
    }
    if (!secrets.isEmpty()) {
      List<PolicyStatement> read = new ArrayList<>(List.of(PolicyStatement.allow("ReadSecrets",
          List.of("secretsmanager:GetSecretValue"), List.copyOf(secrets))));
      // A secret under a customer-managed key is unreadable without kms:Decrypt on it, through Secrets Manager only.
      if (!keys.isEmpty()) {
        read.add(PolicyStatement.allow("DecryptSecrets", List.of("kms:Decrypt"), List.copyOf(keys))
            .withCondition("StringEquals", "kms:ViaService", List.of("secretsmanager." + region + ".amazonaws.com")));
      }
      executionRole.grant("ReadSecrets", read);
    }
  }

  /** The application's role: grant what the code calls here. */
  public Role taskRole() {
    return taskRole;
  }

  /** The role ECS uses to start tasks (pull images, write logs, read secrets). */
  public Role executionRole() {
    return executionRole;
  }

  /** ECR statements are needed unless every image is a literal reference to another registry. */
  private boolean pullsFromEcr() {
    if (!props.pullFrom().isEmpty()) return true;
    return props.containers().stream().anyMatch(c -> Tokens.isUnresolved(c.image()) || c.image().contains(".dkr.ecr."));
  }

  /** Grants go to the task role: what the containers run as (the execution role, which pulls images and reads the secrets at start, is not given app grants). */
  @Override
  public Role grantRole() {
    return taskRole;
  }

  private void grantTaskRole(String region) {
    List<PolicyStatement> efs = new ArrayList<>();
    for (VolumeSpec v : props.volumes()) {
      if (!(v instanceof VolumeSpec.Efs e)) continue;
      boolean writable = props.containers().stream().flatMap(c -> c.mountPoints().stream())
          .anyMatch(m -> m.volumeName().equals(v.name()) && !m.readOnly());
      List<String> actions = writable
          ? List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite")
          : List.of("elasticfilesystem:ClientMount");
      efs.add(PolicyStatement.allow("Efs" + pascal(v.name()), actions,
          List.of("arn:aws:elasticfilesystem:" + region + ":" + Account.id(this) + ":file-system/" + e.fileSystemId())));
    }
    if (!efs.isEmpty()) taskRole.grant("MountEfs", efs);
    if (props.enableExecuteCommand()) {
      // The SSM message channels of ECS Exec have no resource-level permissions.
      taskRole.grant("EcsExec", PolicyStatement.allow("EcsExec", List.of(
          "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
          "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"), List.of("*")));
    }
  }

  /** What the task definition was built from. */
  public TaskDefinitionProps props() {
    return props;
  }

  public EcsTaskDefinition resource() {
    return taskDefinition;
  }

  private static EcsTaskDefinitionVolume volume(VolumeSpec spec) {
    var v = EcsTaskDefinitionVolume.builder().name(spec.name());
    if (spec instanceof VolumeSpec.HostPath h) {
      v.hostPath(h.sourcePath());
    } else if (spec instanceof VolumeSpec.Docker d) {
      var docker = EcsTaskDefinitionVolumeDockerVolumeConfiguration.builder().scope(d.scope()).driver("local");
      if (d.scope().equals("shared")) docker.autoprovision(d.autoprovision());
      v.dockerVolumeConfiguration(docker.build());
    } else if (spec instanceof VolumeSpec.Efs e) {
      var auth = EcsTaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfig.builder().iam("ENABLED");
      if (e.accessPointId() != null) auth.accessPointId(e.accessPointId());
      v.efsVolumeConfiguration(EcsTaskDefinitionVolumeEfsVolumeConfiguration.builder()
          .fileSystemId(e.fileSystemId())
          .transitEncryption("ENABLED")
          .authorizationConfig(auth.build())
          .build());
    }
    // Ephemeral: a named volume with no configuration is task-scoped scratch space.
    return v.build();
  }

  /** {@code web-api} to {@code WebApi}, for construct ids. */
  static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("[-_]+")) {
      if (part.isEmpty()) continue;
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  /** The log group of {@code containerName}; fails listing the containers when there is no such container. */
  public LogGroup logGroup(String containerName) {
    LogGroup group = logGroups.get(containerName);
    if (group == null) {
      throw new IllegalArgumentException("task definition " + family + " has no container " + containerName + "; it has " + logGroups.keySet());
    }
    return group;
  }
}
