package dev.blueprints.blueprints.threetier;

import dev.blueprints.blueprints.Ec2Application;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.compute.AutoScalingGroup;
import dev.blueprints.compute.AutoScalingGroupProps;
import dev.blueprints.compute.HealthCheck;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.compute.ScalingPolicy;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Settings;
import dev.blueprints.network.Network;
import dev.blueprints.network.Port;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.observability.AlarmTopic;
import dev.blueprints.observability.AlarmTopicProps;
import dev.blueprints.observability.Alarms;
import dev.blueprints.observability.Dashboard;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.DashboardProps;
import dev.blueprints.observability.Widgets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** Frontend and backend tiers of {@code three-tier}, each an Auto Scaling group behind its own ALB. */
public final class ThreeTierComputeStack extends LayerStack {
  /** What the settings file decides for this stack. */
  public record Options(WebListeners listeners, String instanceType, Ec2Application frontend, Ec2Application backend) {}

  private final AutoScalingGroup frontend;
  private final AutoScalingGroup backend;

  public ThreeTierComputeStack(Construct scope, String id, Settings settings, Network network,
      ThreeTierDataStack data, Options options) {
    super(scope, id, settings, ThreeTierBlueprint.ID);
    boolean ha = environment().highAvailability();
    var privateSubnets = network.subnets(SubnetTier.PRIVATE);
    var database = data.database;

    // The seed's target group: HTTP 5000, /health every 30 s, 2 healthy / 2 unhealthy, 5 s timeout.
    HealthCheck health = HealthCheck.builder().path("/health").intervalSeconds(30).timeoutSeconds(5)
        .healthyThreshold(2).unhealthyThreshold(2).build();

    LoadBalancer publicLb = publicLoadBalancer("PublicLoadBalancer", "public", network, data.accessLogs, "public");
    TargetGroup frontendTarget = publicLb.addTargetGroup("Frontend", TargetGroupProps.builder(5000)
        .targetType(dev.blueprints.compute.TargetType.INSTANCE).healthCheck(health).build());
    options.listeners().attach(publicLb, frontendTarget);

    // Internal ALB between the tiers: the frontend calls http://<internal dns>/api/..., never instance IPs.
    LoadBalancer internalLb = new LoadBalancer(this, "InternalLoadBalancer", LoadBalancerProps.builder(
        LoadBalancerKind.APPLICATION, network.vpcId(), privateSubnets)
        .name(naming().name("internal", NameLimit.LOAD_BALANCER))
        .accessLogs(data.accessLogs, "internal").build());
    TargetGroup backendTarget = internalLb.addTargetGroup("Backend", TargetGroupProps.builder(5001)
        .targetType(dev.blueprints.compute.TargetType.INSTANCE).healthCheck(health).build());
    internalLb.addPlainHttpListener(80, backendTarget);

    // Each tier's container output and boot log, kept as long as the environment's application logs.
    LogGroup frontendLogs = instanceLogs("FrontendLogs", "frontend");
    LogGroup backendLogs = instanceLogs("BackendLogs", "backend");

    Map<String, String> frontendEnv = new LinkedHashMap<>();
    frontendEnv.put("APP_PORT", "5000");
    frontendEnv.put("PORT", "5000");
    frontendEnv.put("BACKEND_URL", "http://" + internalLb.dnsName());
    var frontendProps = AutoScalingGroupProps.builder(network.vpcId(), privateSubnets, options.instanceType())
        .minSize(2).maxSize(ha ? 6 : 4)
        .targetGroups(List.of(frontendTarget))
        .scaling(ScalingPolicy.targetTrackingCpu(60));
    options.frontend().configure(frontendProps, data.frontendRepository, 5000, frontendLogs.name(), settings.region(), frontendEnv);
    frontend = new AutoScalingGroup(this, "Frontend", frontendProps.build());
    options.frontend().grantPull(data.frontendRepository, frontend);

    Map<String, String> backendEnv = Ec2Application.databaseEnvironment(5001, settings.region(), database, "appdb");
    var backendProps = AutoScalingGroupProps.builder(network.vpcId(), privateSubnets, options.instanceType())
        .minSize(2).maxSize(ha ? 6 : 4)
        .targetGroups(List.of(backendTarget))
        .scaling(ScalingPolicy.targetTrackingCpu(60));
    options.backend().configure(backendProps, data.backendRepository, 5001, backendLogs.name(), settings.region(), backendEnv);
    // The backend reads its database secret with the instance role: from a container, that is a second hop.
    if (options.backend().runsContainer()) backendProps.imdsHopLimitForContainers();
    backend = new AutoScalingGroup(this, "Backend", backendProps.build());
    options.backend().grantPull(data.backendRepository, backend);

    // The security-group chain: ALB -> frontend -> internal ALB -> backend -> database.
    frontend.connections().allowFrom(publicLb, Port.tcp(5000), "public ALB to frontend");
    internalLb.connections().allowFrom(frontend, Port.tcp(80), "frontend to internal ALB");
    backend.connections().allowFrom(internalLb, Port.tcp(5001), "internal ALB to backend");
    database.connections().allowFrom(backend, Port.tcp(database.port()), "backend to MySQL");
    frontend.allowHttpsEgressToInternet("SSM, CloudWatch agent and package repositories through NAT");
    backend.allowHttpsEgressToInternet("SSM, CloudWatch agent, Secrets Manager and package repositories through NAT");
    database.grantReadSecret(backend.role());

    AlarmTopic topic = new AlarmTopic(this, "AlarmTopic", AlarmTopicProps.builder().build());
    Alarms alarms = new Alarms(this, "Alarms", topic);
    alarms.recommended("Public", publicLb.metricHttp5xx());
    alarms.recommended("Frontend", frontendTarget.metricUnhealthyHosts());
    alarms.recommended("Backend", backendTarget.metricUnhealthyHosts());
    alarms.recommended("Backend", backendTarget.metricTarget5xx());
    alarms.recommended("Frontend", frontendTarget.metricResponseTime());
    alarms.recommended("Frontend", frontend.metricCpu());
    alarms.recommended("Backend", backend.metricCpu());
    alarms.recommended("Database", database.metricCpu());
    alarms.recommended("Database", database.metricFreeStorage(), spec -> spec.threshold(2.0 * 1024 * 1024 * 1024));
    alarms.recommended("Database", database.metricConnections(), spec -> spec.threshold(60));

    var dashboard = DashboardProps.builder()
        .widgets(publicLb.widgets("Public load balancer"))
        .widgets(internalLb.widgets("Internal load balancer"))
        .widgets(Widgets.autoScalingGroup("Frontend", frontend.name()))
        .widgets(Widgets.autoScalingGroup("Backend", backend.name()))
        .widgets(Widgets.database("MySQL", database.identifier()));
    // Memory and disk as the CloudWatch agent reports them, where the user data installs it.
    if (options.frontend().runsContainer()) dashboard.widgets(Widgets.cloudWatchAgent("Frontend instances", frontend.name()));
    if (options.backend().runsContainer()) dashboard.widgets(Widgets.cloudWatchAgent("Backend instances", backend.name()));
    new Dashboard(this, "Dashboard", dashboard.build());
  }

  public AutoScalingGroup frontend() {
    return frontend;
  }

  public AutoScalingGroup backend() {
    return backend;
  }
}
