package dev.blueprints.blueprints.ecscluster;

import dev.blueprints.compute.RedeployOnSecretChange;

import dev.blueprints.blueprints.ImageSource;
import dev.blueprints.blueprints.LogQueries;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.compute.Ec2Capacity;
import dev.blueprints.compute.EcsCluster;
import dev.blueprints.compute.EcsClusterProps;
import dev.blueprints.compute.EcsService;
import dev.blueprints.compute.EcsServiceProps;
import dev.blueprints.compute.ServiceScalingProps;
import dev.blueprints.compute.HealthCheck;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.compute.VolumeSpec;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.network.Network;
import dev.blueprints.network.Port;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.observability.AlarmTopic;
import dev.blueprints.observability.AlarmTopicProps;
import dev.blueprints.observability.Alarms;
import dev.blueprints.observability.Dashboard;
import dev.blueprints.observability.DashboardProps;
import dev.blueprints.observability.Widgets;
import software.constructs.Construct;

/** The running part of {@code ecs-cluster}: EC2 capacity, ALB, service, scaling and alarms. */
public final class EcsClusterComputeStack extends LayerStack {
  /** What the settings file decides for this stack. */
  public record Options(ImageSource image, WebListeners listeners, String instanceType, int minInstances, int maxInstances,
      ContainerSpec.HealthCheck healthCheck) {}

  private final EcsService service;

  public EcsClusterComputeStack(Construct scope, String id, Settings settings, Network network,
      EcsClusterDataStack data, Options options) {
    super(scope, id, settings, EcsClusterBlueprint.ID);
    var privateSubnets = network.subnets(SubnetTier.PRIVATE);
    EcsCluster cluster = new EcsCluster(this, "Cluster", EcsClusterProps.ec2(
        Ec2Capacity.builder(network.vpcId(), privateSubnets, options.instanceType())
            .minSize(options.minInstances())
            .maxSize(options.maxInstances())
            .build()).build());
    cluster.allowHttpsEgressToInternet("ECS agent registration, ECR image pulls and SSM through NAT");

    LoadBalancer lb = publicLoadBalancer("LoadBalancer", "app", network, data.accessLogs, "app");
    TargetGroup target = lb.addTargetGroup("App", TargetGroupProps.builder(3000)
        .healthCheck(HealthCheck.builder().path("/api/health").build()).build());
    options.listeners().attach(lb, target);

    var database = data.database;
    boolean ha = environment().highAvailability();
    service = new EcsService(this, "App", EcsServiceProps.builder(cluster, network.vpcId(), privateSubnets)
        .taskSize(512, 1024)
        .desiredCount(2)
        .container(ContainerSpec.builder("app", options.image().image(data.repository))
            .port(3000)
            .env("NODE_ENV", "production")
            .env("PORT", "3000")
            .env("DB_HOST", database.endpoint().address())
            .env("DB_PORT", String.valueOf(database.port()))
            .env("DB_NAME", "app")
            .secret("DB_USER", database.secretArn(), "username")
            .secret("DB_PASSWORD", database.secretArn(), "password")
            .secret("APP_CONFIG", data.appConfig.arn())
            .mountPoint("tmp", "/tmp", false)
            .healthCheck(options.healthCheck())
            .build())
        .volume(VolumeSpec.ephemeral("tmp"))
        .loadBalancer(target, lb, "app", 3000)
        .autoScaling(ServiceScalingProps.builder(2, ha ? 20 : 6).cpuTargetPercent(70.0).memoryTargetPercent(80.0).build())
        .build());
    service.allowHttpsEgressToInternet("ECR image pulls, Secrets Manager and CloudWatch Logs through NAT");
    database.connections().allowFrom(service, Port.tcp(database.port()), "app to PostgreSQL");
    // Tasks read secrets once, at start: a rotated database password or new settings reach them by a redeploy.
    new RedeployOnSecretChange(this, "AppSecrets", service, java.util.List.of(database.secretArn(), data.appConfig.arn()));

    LogQueries.findErrors(this, java.util.List.of(service.logGroup("app")));
    LogQueries.requestLatency(this, java.util.List.of(service.logGroup("app")), LogQueries.APP_DURATION_FIELD);

    AlarmTopic topic = new AlarmTopic(this, "AlarmTopic", AlarmTopicProps.builder().build());
    Alarms alarms = new Alarms(this, "Alarms", topic);
    alarms.recommended("App", service.metricCpu());
    alarms.recommended("App", service.metricMemory());
    alarms.recommended("App", lb.metricHttp5xx());
    alarms.recommended("App", target.metricTarget5xx());
    alarms.recommended("App", target.metricUnhealthyHosts());
    alarms.recommended("App", target.metricResponseTime());
    alarms.recommended("Capacity", cluster.metricCapacityCpu());
    alarms.recommended("Database", database.metricCpu());
    alarms.recommended("Database", database.metricFreeStorage(), spec -> spec.threshold(2.0 * 1024 * 1024 * 1024));
    alarms.recommended("Database", database.metricConnections(), spec -> spec.threshold(80));

    new Dashboard(this, "Dashboard", DashboardProps.builder()
        .widgets(lb.widgets("Load balancer"))
        .widgets(Widgets.ecsService("Service", cluster.name(), service.name()))
        .widgets(Widgets.autoScalingGroup("Capacity", cluster.autoScalingGroupName()))
        .widgets(Widgets.database("PostgreSQL", database.identifier()))
        .build());
  }

  public EcsService service() {
    return service;
  }
}
