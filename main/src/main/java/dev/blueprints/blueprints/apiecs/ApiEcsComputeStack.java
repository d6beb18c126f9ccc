package dev.blueprints.blueprints.apiecs;

import dev.blueprints.blueprints.ImageSource;
import dev.blueprints.blueprints.LogQueries;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.compute.Ec2Capacity;
import dev.blueprints.compute.EcsCluster;
import dev.blueprints.compute.EcsClusterProps;
import dev.blueprints.compute.EcsService;
import dev.blueprints.compute.EcsServiceProps;
import dev.blueprints.compute.HealthCheck;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.compute.VolumeSpec;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Settings;
import dev.blueprints.network.Network;
import dev.blueprints.network.Port;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.observability.AlarmTopic;
import dev.blueprints.observability.AlarmTopicProps;
import dev.blueprints.observability.Alarms;
import software.constructs.Construct;

/** The Django service of {@code api-ecs} on EC2 capacity behind an internal NLB on TCP 8000. */
public final class ApiEcsComputeStack extends LayerStack {
  static final int PORT = 8000;
  final LoadBalancer nlb;
  final EcsService service;
  final AlarmTopic alarmTopic;

  public ApiEcsComputeStack(Construct scope, String id, Settings settings, Network network, ApiEcsDataStack data,
      ImageSource image, String instanceType, ContainerSpec.HealthCheck healthCheck, java.util.List<String> corsOrigins) {
    super(scope, id, settings, ApiEcsBlueprint.ID);
    var privateSubnets = network.subnets(SubnetTier.PRIVATE);
    EcsCluster cluster = new EcsCluster(this, "Cluster", EcsClusterProps.ec2(
        Ec2Capacity.builder(network.vpcId(), privateSubnets, instanceType).minSize(1).maxSize(2).build()).build());
    cluster.allowHttpsEgressToInternet("ECS agent registration, ECR image pulls and SSM through NAT");

    // Internal: the only way in is the API's VPC link, so the Cognito authorizer cannot be bypassed.
    nlb = new LoadBalancer(this, "LoadBalancer", LoadBalancerProps.builder(
        LoadBalancerKind.NETWORK, network.vpcId(), privateSubnets)
        .name(naming().name("api", NameLimit.LOAD_BALANCER))
        // The VPC link reaches the NLB over PrivateLink; its security group would otherwise drop that traffic.
        .skipSecurityGroupForPrivateLink()
        .build());
    TargetGroup target = nlb.addTargetGroup("Backend", TargetGroupProps.builder(PORT)
        .healthCheck(HealthCheck.tcp()).build());
    nlb.addTcpListener(PORT, target);

    var container = ContainerSpec.builder("backend", image.image(data.repository))
        .port(PORT)
        .env("DJANGO_SETTINGS_MODULE", "config.settings")
        .env("SQLITE_PATH", "/app/data/db.sqlite3")
        .env("COGNITO_USER_POOL_ID", data.userPool.userPoolId())
        .env("COGNITO_APP_CLIENT_ID", data.userPool.clientId())
        .env("COGNITO_REGION", settings.region())
        .mountPoint("sqlite", "/app/data", false)
        .mountPoint("tmp", "/tmp", false)
        .healthCheck(healthCheck);
    // The browser reads the backend's own responses only if they name its origin (django-cors-headers reads this).
    if (!corsOrigins.isEmpty()) container.env("CORS_ALLOWED_ORIGINS", String.join(",", corsOrigins));
    var props = EcsServiceProps.builder(cluster, network.vpcId(), privateSubnets)
        .taskSize(1024, 2048)
        .desiredCount(1)
        // One SQLite writer: stop the old task before the new one starts.
        .minHealthyPercent(0)
        .maxPercent(100)
        .loadBalancer(target, nlb, "backend", PORT);
    if (data.sqliteFiles != null) {
      props.volume(VolumeSpec.efs("sqlite", data.sqliteFiles.id(), data.sqliteFiles.accessPointId()));
    } else {
      props.volume(VolumeSpec.docker("sqlite", "shared", true));
    }
    props.volume(VolumeSpec.ephemeral("tmp"));
    service = new EcsService(this, "Backend", props.container(container.build()).build());
    service.allowHttpsEgressToInternet("ECR image pulls, CloudWatch Logs and Cognito JWKS through NAT");
    if (data.sqliteFiles != null) {
      data.sqliteFiles.connections().allowFrom(service, Port.tcp(2049), "backend to its SQLite file system");
      data.sqliteFiles.grantMount(service.taskRole(), true);
    }

    LogQueries.findErrors(this, java.util.List.of(service.logGroup("backend")));

    alarmTopic = new AlarmTopic(this, "AlarmTopic", AlarmTopicProps.builder().build());
    Alarms alarms = new Alarms(this, "Alarms", alarmTopic);
    alarms.recommended("Backend", service.metricCpu());
    alarms.recommended("Backend", service.metricMemory());
    alarms.recommended("Backend", target.metricUnhealthyHosts());
    alarms.recommended("Capacity", cluster.metricCapacityCpu());
  }
}
