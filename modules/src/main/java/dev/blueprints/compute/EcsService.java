package dev.blueprints.compute;

import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceCapacityProviderStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceOrderedPlacementStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import dev.blueprints.auth.Grantable;
import dev.blueprints.auth.Role;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.StackContext;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.constructs.Construct;

/**
 * An ECS service running a {@link TaskDefinition}: the service, its security group, its load balancer targets
 * and, with {@link #autoScale}, its {@link ServiceScaling}. Given only task settings
 * ({@code EcsServiceProps.builder(...).container(...)}), it builds its task definition itself.
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
 *   <li>Logs, roles and secrets are the task definition's; grants given to the service go to its task role.</li>
 *   <li>ECS refuses to register a service with a target group no load balancer uses yet: the service is created
 *       after the listeners and listener rules of its stack that forward to its target groups, whether they are
 *       declared before or after it.</li>
 * </ul>
 *
 * <p><b>Egress</b> is denied by default. Tasks on Fargate pull images, fetch secrets and ship logs through their
 * own network interface: call {@link #allowHttpsEgressToInternet(String)} (through NAT), or wire the service to
 * the interface VPC endpoints' security group ({@code connections().allowTo(endpoints, Port.tcp(443), ...)}) and
 * S3 prefix list; otherwise tasks cannot start. On EC2 the agent pulls through the instances' group instead
 * ({@link EcsCluster#allowHttpsEgressToInternet(String)}).
 */
public final class EcsService extends BlueprintConstruct implements Connectable, Grantable {
  /** The port range of bridge mode's dynamic host ports (covers both kernel and Docker defaults). */
  public static final Port DYNAMIC_HOST_PORTS = Port.tcpRange(32768, 65535);

  private final EcsServiceProps props;
  private final String component;
  private final String serviceName;
  private final TaskDefinition task;
  private final SecurityGroup securityGroup;
  private final com.hashicorp.cdktf.providers.aws.ecs_service.EcsService service;
  private final List<TargetGroup> targetGroups = new ArrayList<>();
  private ServiceScaling scaling;

  public EcsService(Construct scope, String id, EcsServiceProps props) {
    super(scope, id);
    this.props = Validate.notNull("props", props);
    StackContext stack = context();
    component = id.toLowerCase(Locale.ROOT);
    EcsCluster cluster = props.cluster();
    serviceName = props.name() != null ? props.name() : stack.naming().name(component, NameLimit.ECS_SERVICE);
    task = props.taskDefinition() != null ? props.taskDefinition()
        : new TaskDefinition(this, "Task", this, component, serviceName, props.task());
    NetworkMode networkMode = task.props().networkMode();

    if (networkMode == NetworkMode.AWSVPC) {
      securityGroup = new SecurityGroup(this, "SecurityGroup", SecurityGroupProps.builder(
          props.vpcId(), stack.naming().name(component + "-service", NameLimit.SECURITY_GROUP), "ECS service tasks").build());
    } else {
      securityGroup = cluster.instanceSecurityGroup();
    }

    var builder = com.hashicorp.cdktf.providers.aws.ecs_service.EcsService.Builder.create(this, "Resource")
        .name(serviceName)
        .cluster(cluster.id())
        .taskDefinition(task.arn())
        .desiredCount(props.desiredCount() != null ? props.desiredCount() : (stack.environment().highAvailability() ? 2 : 1))
        .capacityProviderStrategy(List.of(EcsServiceCapacityProviderStrategy.builder()
            .capacityProvider(cluster.capacityProviderName()).weight(1).build()))
        .deploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .deploymentMinimumHealthyPercent(props.minHealthyPercent())
        .deploymentMaximumPercent(props.maxPercent())
        .enableExecuteCommand(task.props().enableExecuteCommand())
        .enableEcsManagedTags(true)
        .propagateTags("SERVICE")
        .waitForSteadyState(false);
    if (cluster.capacityProviders() != null && Stacks.of(cluster) == Stacks.of(this)) {
      // The strategy names providers that the cluster association must have attached first (across stacks,
      // the cluster's stack is applied first anyway).
      builder.dependsOn(List.of(cluster.capacityProviders()));
    }
    if (networkMode == NetworkMode.AWSVPC) {
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
    service = builder.build();

    for (EcsServiceProps.LoadBalancerTarget lb : props.loadBalancers()) {
      TargetGroup group = lb.targetGroup();
      if (group != null) {
        targetGroups.add(group);
        // Across stacks the load balancer's stack is applied first anyway (and depends_on cannot cross).
        if (Stacks.of(group) == Stacks.of(this)) group.whenForwarded(this::addDependency);
      }
      boolean dynamic = networkMode == NetworkMode.BRIDGE;
      connections().allowFrom(lb.loadBalancer(), dynamic ? DYNAMIC_HOST_PORTS : Port.tcp(lb.containerPort()),
          "load balancer to " + serviceName + (dynamic ? " (dynamic host ports)" : ""));
    }
    if (props.autoScaling() != null) scaling = scale(this, props.autoScaling());
  }

  /**
   * Scales the task count with Application Auto Scaling from now on (once per service): the desired count is
   * kept within {@code props}' range and Terraform stops managing it.
   */
  public ServiceScaling autoScale(ServiceScalingProps props) {
    Validate.notNull("props", props);
    if (scaling != null) throw Validate.invalid("autoScale", getNode().getPath(), "one ServiceScaling per service; it already has one");
    if (props.requestsPerTarget() != null && !targetGroups.contains(props.requestsPerTarget().targetGroup())) {
      throw Validate.invalid("requestsPerTarget.targetGroup", props.requestsPerTarget().targetGroup().getNode().getPath(),
          "a target group service " + serviceName + " registers with (EcsServiceProps.loadBalancer)");
    }
    Integer desired = this.props.desiredCount();
    if (desired != null && (desired < props.min() || desired > props.max())) {
      throw Validate.invalid("desiredCount", desired, "within the auto scaling range " + props.min() + ".." + props.max());
    }
    scaling = scale(null, props);
    return scaling;
  }

  /** The scaling; {@code owner} non-null puts its resources in the service (see {@link ServiceScaling}). */
  private ServiceScaling scale(Construct owner, ServiceScalingProps scalingProps) {
    Number desired = service.getDesiredCount();
    service.setDesiredCount(Math.max(scalingProps.min(), Math.min(scalingProps.max(), desired.intValue())));
    // Application Auto Scaling owns the task count once the service exists.
    service.setLifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("desired_count")).build());
    return new ServiceScaling(this, "Scaling", owner, this, component, scalingProps);
  }

  /**
   * The load balancer grace period: at least the longest container health check start period, so a task the
   * container check still lets start is not killed by the load balancer's check first.
   */
  static int gracePeriodSeconds(EcsServiceProps props) {
    return Math.max(props.healthCheckGracePeriodSeconds(), props.task().longestStartPeriod());
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
   * Creates the service only after {@code resource}; same stack only.
   *
   * @deprecated the listeners and rules forwarding to the service's target groups are depended on
   *     automatically, whenever they are created; nothing else needs to come first.
   */
  @Deprecated
  public EcsService dependsOn(TerraformResource resource) {
    addDependency(resource);
    return this;
  }

  private void addDependency(TerraformResource resource) {
    // depends_on takes a bare address; getFqn() would render as an interpolation here.
    String address = resource.getTerraformResourceType() + "." + resource.getFriendlyUniqueId();
    List<String> all = new ArrayList<>(Objects.requireNonNullElse(service.getDependsOn(), List.of()));
    if (!all.contains(address)) all.add(address);
    service.setDependsOn(all);
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

  public EcsCluster cluster() {
    return props.cluster();
  }

  public com.hashicorp.cdktf.providers.aws.ecs_service.EcsService resource() {
    return service;
  }

  /** The task definition the service runs: the given one, or the one built from the props' task settings. */
  public TaskDefinition task() {
    return task;
  }

  public EcsTaskDefinition taskDefinition() {
    return task.resource();
  }

  public String taskDefinitionArn() {
    return task.arn();
  }

  /** The application's role: grant what the code calls here. */
  public Role taskRole() {
    return task.taskRole();
  }

  /** The role ECS uses to start tasks (pull images, write logs, read secrets). */
  public Role executionRole() {
    return task.executionRole();
  }

  /** The tasks' security group (the cluster's instance group in bridge and host mode). */
  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  /** The target groups the service registers with, where known as {@link TargetGroup}s. */
  public List<TargetGroup> targetGroups() {
    return List.copyOf(targetGroups);
  }

  /** Grants go to the task definition's task role (see {@link TaskDefinition#grantRole()}). */
  @Override
  public Role grantRole() {
    return task.grantRole();
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }

  /** The log group of {@code containerName}; fails listing the containers when there is no such container. */
  public LogGroup logGroup(String containerName) {
    return task.logGroup(containerName);
  }

  /** The scaling of the task count; null without auto scaling. */
  public ServiceScaling scaling() {
    return scaling;
  }

  /** The Application Auto Scaling target; null without auto scaling. */
  public AppautoscalingTarget scalingTarget() {
    return scaling == null ? null : scaling.target();
  }
}
