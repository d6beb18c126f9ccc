package dev.blueprints.compute;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import dev.blueprints.core.StackContext;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceCapacityProviderStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceOrderedPlacementStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolume;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolumeDockerVolumeConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolumeEfsVolumeConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfig;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Grantable;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.Account;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Stacks;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
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
 * An ECS service with its task definition, log groups, roles and security group.
 *
 * <ul>
 *   <li>Launch follows the cluster: FARGATE on a Fargate cluster, the EC2 capacity provider (tasks spread
 *       across AZs, then bin-packed on memory) on an EC2 cluster.</li>
 *   <li>Deployments use the circuit breaker with rollback; Terraform does not wait for steady state. A container
 *       health check ({@link ContainerSpec.HealthCheck}, essential containers only) makes ECS wait for the task's
 *       HEALTHY status as well as the load balancer's before a new task counts as running, replaces tasks that
 *       turn UNHEALTHY, and counts failures toward the circuit breaker.</li>
 *   <li>awsvpc tasks run in the given subnets with no public IP and a security group of their own that starts
 *       with no rules; bridge and host tasks share the cluster's instance security group.</li>
 *   <li>Each container logs to its own log group ({@code /ecs/<service name>/<container>}) with the environment's
 *       retention unless the container sets one.</li>
 *   <li>The execution role (used by ECS to start tasks) may write those log groups, pull from ECR and read
 *       exactly the secrets the containers name. The task role (the application's) starts empty: grant to
 *       {@link #taskRole()}. Secrets encrypted with a customer-managed KMS key also need {@code kms:Decrypt}
 *       on the execution role.</li>
 * </ul>
 *
 * <p><b>Egress</b> is denied by default. Tasks on Fargate pull images, fetch secrets and ship logs through their
 * own network interface: call {@link #allowHttpsEgressToInternet(String)} (through NAT), or wire the service to
 * the interface VPC endpoints' security group ({@code connections().allowTo(endpoints, Port.tcp(443), ...)}) and
 * S3 prefix list; otherwise tasks cannot start. On EC2 the agent pulls through the instances' group instead
 * ({@link EcsCluster#allowHttpsEgressToInternet(String)}).
 *
 * <p>A target group must belong to a listener before a service can register with it: when the listener is in the
 * same stack, pass it to {@link #dependsOn(TerraformResource)}.
 */
public final class EcsService extends BlueprintConstruct implements Connectable, Grantable {
  /** The port range of bridge mode's dynamic host ports (covers both kernel and Docker defaults). */
  public static final Port DYNAMIC_HOST_PORTS = Port.tcpRange(32768, 65535);

  private final EcsServiceProps props;
  private final String serviceName;
  private final Map<String, LogGroup> logGroups = new LinkedHashMap<>();
  private final SecurityGroup securityGroup;
  private final Role executionRole;
  private final Role taskRole;
  private final EcsTaskDefinition taskDefinition;
  private final com.hashicorp.cdktf.providers.aws.ecs_service.EcsService service;
  private AppautoscalingTarget scalingTarget;

  public EcsService(Construct scope, String id, EcsServiceProps props) {
    super(scope, id);
    this.props = props;
    StackContext stack = context();
    Naming naming = stack.naming();
    String region = stack.settings().region();
    String component = id.toLowerCase(Locale.ROOT);
    EcsCluster cluster = props.cluster();
    serviceName = props.name() != null ? props.name() : naming.name(component, NameLimit.ECS_SERVICE);

    for (ContainerSpec c : props.containers()) {
      int retention = c.logRetentionDays() != null ? c.logRetentionDays() : stack.environment().logRetentionDays();
      logGroups.put(c.name(), new LogGroup(this, "LogGroup" + pascal(c.name()),
          LogGroupProps.of("/ecs/" + serviceName + "/" + c.name(), retention)));
    }

    if (props.networkMode() == NetworkMode.AWSVPC) {
      securityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps(
          props.vpcId(), naming.name(component + "-service", NameLimit.SECURITY_GROUP), "ECS service tasks"));
    } else {
      securityGroup = cluster.instanceSecurityGroup();
    }

    executionRole = new Role(this, "ExecutionRole", RoleProps.builder(
            naming.name(component + "-execution", NameLimit.IAM_ROLE), "ecs-tasks.amazonaws.com")
        .description("ECS starts the tasks of " + serviceName + ": image pull, logs, secrets")
        .build());
    grantExecution(region);
    taskRole = new Role(this, "TaskRole", RoleProps.builder(
            naming.name(component + "-task", NameLimit.IAM_ROLE), "ecs-tasks.amazonaws.com")
        .description("Application permissions of the tasks of " + serviceName)
        .build());
    grantTaskRole(region);

    var td = EcsTaskDefinition.Builder.create(this, "TaskDefinition")
        .family(serviceName)
        .cpu(String.valueOf(props.taskSize().cpu()))
        .memory(String.valueOf(props.taskSize().memory()))
        .networkMode(props.networkMode().value())
        .requiresCompatibilities(List.of(cluster.isEc2() ? "EC2" : "FARGATE"))
        .executionRoleArn(executionRole.arn())
        .taskRoleArn(taskRole.arn())
        .containerDefinitions(ContainerDefinitions.json(props.containers(), props.networkMode(), logGroupNames(), region));
    if (!props.volumes().isEmpty()) td.volume(props.volumes().stream().map(EcsService::volume).toList());
    taskDefinition = td.build();

    int desired = props.desiredCount() != null ? props.desiredCount() : (stack.environment().highAvailability() ? 2 : 1);
    if (props.autoScaling() != null) desired = Math.max(props.autoScaling().min(), Math.min(props.autoScaling().max(), desired));

    var builder = com.hashicorp.cdktf.providers.aws.ecs_service.EcsService.Builder.create(this, "Resource")
        .name(serviceName)
        .cluster(cluster.id())
        .taskDefinition(taskDefinition.getArn())
        .desiredCount(desired)
        .capacityProviderStrategy(List.of(EcsServiceCapacityProviderStrategy.builder()
            .capacityProvider(cluster.capacityProviderName()).weight(1).build()))
        .deploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .deploymentMinimumHealthyPercent(props.minHealthyPercent())
        .deploymentMaximumPercent(props.maxPercent())
        .enableExecuteCommand(props.enableExecuteCommand())
        .enableEcsManagedTags(true)
        .propagateTags("SERVICE")
        .waitForSteadyState(false);
    if (cluster.capacityProviders() != null && Stacks.of(cluster) == Stacks.of(this)) {
      // The strategy names providers that the cluster association must have attached first (across stacks,
      // the cluster's stack is applied first anyway).
      builder.dependsOn(List.of(cluster.capacityProviders()));
    }
    if (props.networkMode() == NetworkMode.AWSVPC) {
      builder.networkConfiguration(EcsServiceNetworkConfiguration.builder()
          .subnets(props.subnets().subnetIds())
          .securityGroups(List.of(securityGroup.id()))
          .assignPublicIp(false)
          .build());
    }
    if (cluster.isEc2()) {
      builder.orderedPlacementStrategy(List.of(
          EcsServiceOrderedPlacementStrategy.builder().type("spread").field("attribute:ecs.availability-zone").build(),
          EcsServiceOrderedPlacementStrategy.builder().type("binpack").field("memory").build()));
    }
    if (!props.loadBalancers().isEmpty()) {
      builder.loadBalancer(props.loadBalancers().stream().map(lb -> EcsServiceLoadBalancer.builder()
          .targetGroupArn(lb.targetGroupArn())
          .containerName(lb.containerName())
          .containerPort(lb.containerPort())
          .build()).toList());
      builder.healthCheckGracePeriodSeconds(gracePeriodSeconds(props));
    }
    if (props.autoScaling() != null) {
      // Application Auto Scaling owns the task count once the service exists.
      builder.lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("desired_count")).build());
    }
    service = builder.build();

    for (EcsServiceProps.LoadBalancerTarget lb : props.loadBalancers()) {
      if (lb.loadBalancer() instanceof LoadBalancer owner) owner.orderAfterListeners(this);
      boolean dynamic = props.networkMode() == NetworkMode.BRIDGE;
      connections().allowFrom(lb.loadBalancer(), dynamic ? DYNAMIC_HOST_PORTS : Port.tcp(lb.containerPort()),
          "load balancer to " + serviceName + (dynamic ? " (dynamic host ports)" : ""));
    }
    if (props.autoScaling() != null) addAutoScaling(naming, component, props.autoScaling());
  }

  /**
   * The load balancer grace period: at least the longest container health check start period, so a task the
   * container check still lets start is not killed by the load balancer's check first.
   */
  static int gracePeriodSeconds(EcsServiceProps props) {
    int longestStart = props.containers().stream().filter(c -> c.healthCheck() != null)
        .mapToInt(c -> c.healthCheck().startPeriod()).max().orElse(0);
    return Math.max(props.healthCheckGracePeriodSeconds(), longestStart);
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
    for (ContainerSpec c : props.containers()) c.secrets().forEach(s -> secrets.add(s.secretOnlyArn()));
    if (!secrets.isEmpty()) {
      executionRole.grant("ReadSecrets", PolicyStatement.allow("ReadSecrets",
          List.of("secretsmanager:GetSecretValue"), List.copyOf(secrets)));
    }
  }

  /** ECR statements are needed unless every image is a literal reference to another registry. */
  private boolean pullsFromEcr() {
    if (!props.pullFrom().isEmpty()) return true;
    return props.containers().stream().anyMatch(c -> Token.isUnresolved(c.image()) || c.image().contains(".dkr.ecr."));
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

  private void addAutoScaling(Naming naming, String component, EcsServiceProps.AutoScaling scaling) {
    scalingTarget = AppautoscalingTarget.Builder.create(this, "ScalingTarget")
        .serviceNamespace("ecs")
        .scalableDimension("ecs:service:DesiredCount")
        .resourceId("service/" + props.cluster().name() + "/" + service.getName())
        .minCapacity(scaling.min())
        .maxCapacity(scaling.max())
        .build();
    if (scaling.cpuTargetPercent() != null) {
      targetTracking(naming, component, "CpuScaling", "-cpu", "ECSServiceAverageCPUUtilization", scaling.cpuTargetPercent());
    }
    if (scaling.memoryTargetPercent() != null) {
      targetTracking(naming, component, "MemoryScaling", "-memory", "ECSServiceAverageMemoryUtilization", scaling.memoryTargetPercent());
    }
  }

  private void targetTracking(Naming naming, String component, String id, String suffix, String metric, double target) {
    AppautoscalingPolicy.Builder.create(this, id)
        .name(naming.name(component + suffix, NameLimit.GENERIC))
        .policyType("TargetTrackingScaling")
        .serviceNamespace(scalingTarget.getServiceNamespace())
        .scalableDimension(scalingTarget.getScalableDimension())
        .resourceId(scalingTarget.getResourceId())
        .targetTrackingScalingPolicyConfiguration(AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
            .targetValue(target)
            .predefinedMetricSpecification(AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification.builder()
                .predefinedMetricType(metric).build())
            // Scale out fast, scale in slowly to avoid flapping.
            .scaleOutCooldown(60)
            .scaleInCooldown(300)
            .build())
        .build();
  }

  private Map<String, String> logGroupNames() {
    Map<String, String> names = new LinkedHashMap<>();
    logGroups.forEach((container, group) -> names.put(container, group.name()));
    return names;
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

  /**
   * Lets the tasks reach any HTTPS endpoint (through NAT): image pulls from ECR, Secrets Manager and CloudWatch
   * Logs, unless interface endpoints serve them. On bridge and host mode this opens the instances' group.
   */
  public EcsService allowHttpsEgressToInternet(String reason) {
    connections().allowToAnyIpv4(Port.tcp(443), reason);
    return this;
  }

  /**
   * Creates the service only after {@code resource}; same stack only. The listeners of a {@link LoadBalancer}
   * given to {@code EcsServiceProps.loadBalancer} are added automatically, whenever they are created.
   */
  public EcsService dependsOn(TerraformResource resource) {
    // depends_on takes a bare address; getFqn() would render as an interpolation here.
    String address = resource.getTerraformResourceType() + "." + resource.getFriendlyUniqueId();
    List<String> all = new ArrayList<>(service.getDependsOn() == null ? List.of() : service.getDependsOn());
    if (!all.contains(address)) all.add(address);
    service.setDependsOn(all);
    return this;
  }

  /** Average CPU of the service's tasks (%), keyed by the cluster's and the service's name references. */
  public Metric metricCpu() {
    return Metrics.ecsServiceCpu(props.cluster().name(), name());
  }

  /** Average memory of the service's tasks (%), keyed by the cluster's and the service's name references. */
  public Metric metricMemory() {
    return Metrics.ecsServiceMemory(props.cluster().name(), name());
  }

  /** The service name as a reference. */
  public String name() {
    return service.getName();
  }

  /** The service's physical name, known at synth. */
  public String physicalName() {
    return serviceName;
  }

  /** @deprecated the literal is {@link #physicalName()}; dimensions and references take {@link #name()}. */
  @Deprecated
  public String serviceName() {
    return serviceName;
  }

  public com.hashicorp.cdktf.providers.aws.ecs_service.EcsService resource() {
    return service;
  }

  public EcsTaskDefinition taskDefinition() {
    return taskDefinition;
  }

  public String taskDefinitionArn() {
    return taskDefinition.getArn();
  }

  /** The application's role: grant what the code calls here. */
  public Role taskRole() {
    return taskRole;
  }

  /** The role ECS uses to start tasks (pull images, write logs, read secrets). */
  public Role executionRole() {
    return executionRole;
  }

  /** The tasks' security group (the cluster's instance group in bridge and host mode). */
  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  /** Grants go to the task role: what the containers run as (the execution role, which pulls images and reads the secrets at start, is not given app grants). */
  @Override
  public Role grantRole() {
    return taskRole;
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }

  /** The log group of {@code containerName}; fails listing the containers when there is no such container. */
  public LogGroup logGroup(String containerName) {
    LogGroup group = logGroups.get(containerName);
    if (group == null) {
      throw new IllegalArgumentException("service " + serviceName + " has no container " + containerName + "; it has " + logGroups.keySet());
    }
    return group;
  }

  /** The Application Auto Scaling target; null without auto scaling. */
  public AppautoscalingTarget scalingTarget() {
    return scalingTarget;
  }
}
