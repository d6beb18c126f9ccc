package com.example.shop;

import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.compute.EcsCluster;
import dev.blueprints.compute.EcsClusterProps;
import dev.blueprints.compute.EcsService;
import dev.blueprints.compute.EcsServiceProps;
import dev.blueprints.compute.ServiceScalingProps;
import dev.blueprints.compute.HealthCheck;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.compute.VolumeSpec;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.edge.PublicDomain;
import dev.blueprints.edge.PublicDomainProps;
import dev.blueprints.network.Network;
import dev.blueprints.network.Port;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.observability.AlarmSpec;
import dev.blueprints.observability.AlarmTopic;
import dev.blueprints.observability.Alarms;
import dev.blueprints.observability.Dashboard;
import dev.blueprints.observability.DashboardProps;
import dev.blueprints.observability.MissingData;
import dev.blueprints.observability.Widgets;
import software.constructs.Construct;

/**
 * The running shop: the API on Fargate behind an HTTPS load balancer at its public name, reaching the data
 * stack's database and cache, reading and writing the uploads bucket; alarms to the on-call topic; a dashboard.
 */
final class AppStack extends BlueprintStack {
  static final int API_PORT = 8080;

  AppStack(Construct app, ShopEnvironment env, Network network, DataStack data) {
    super(app, env.stackId("app"), env.settings());
    boolean ha = environment().highAvailability();

    // HTTPS on 443 (TLS 1.3/1.2) with a certificate validated in the zone, 80 redirecting, the name aliased.
    LoadBalancer lb = new LoadBalancer(this, "LoadBalancer", LoadBalancerProps.builder(
            LoadBalancerKind.APPLICATION, network.vpcId(), network.subnets(SubnetTier.PUBLIC))
        .internetFacing().accessLogs(data.accessLogs, "api").build());
    TargetGroup target = lb.addTargetGroup("Api", TargetGroupProps.builder(API_PORT)
        .healthCheck(HealthCheck.http("/health")).build());
    PublicDomain domain = new PublicDomain(this, "Domain", PublicDomainProps.inZone(ShopEnvironment.HOSTED_ZONE_ID, env.recordName()));
    lb.addHttpsListener(domain.certificate(), target);
    domain.aliasTo(lb);

    EcsCluster cluster = new EcsCluster(this, "Cluster", EcsClusterProps.fargate().build());
    EcsService api = new EcsService(this, "Api", EcsServiceProps.builder(cluster, network.vpcId(), network.subnets(SubnetTier.PRIVATE))
        .taskSize(512, 1024)
        .container(ContainerSpec.builder("api", data.images.imageUri(env.imageTag()))
            .port(API_PORT)
            .env("DB_HOST", data.database.endpoint().address())
            .env("DB_NAME", data.database.databaseName())
            .env("REDIS_HOST", data.cache.endpoint())
            .env("UPLOADS_BUCKET", data.uploads.name())
            .env("COGNITO_ISSUER", data.users.issuerUrl())
            .env("COGNITO_CLIENT_ID", data.users.clientId())
            // Each secret is read by the execution role at start, with kms:Decrypt on the shop's key via Secrets Manager.
            .secret("DB_USER", data.database, "username")
            .secret("DB_PASSWORD", data.database, "password")
            .secret("REDIS_USERNAME", data.cache.secret(), "username")
            .secret("REDIS_PASSWORD", data.cache.secret(), "password")
            .secret("SESSION_KEY", data.sessionKey)
            .healthCheck(ContainerSpec.HealthCheck.httpWithCurl(API_PORT, "/health"))
            .mountPoint("tmp", "/tmp", false)
            .build())
        .volume(VolumeSpec.ephemeral("tmp"))
        .loadBalancer(target, lb, "api", API_PORT)
        .pullFrom(data.images.arn())
        .autoScaling(ServiceScalingProps.builder(ha ? 2 : 1, ha ? 8 : 2).cpuTargetPercent(60.0).build())
        .build());

    // Reachability by reference: each call writes the ingress rule on the data's group and the egress on the API's.
    api.connections().allowTo(data.database, Port.tcp(data.database.port()), "API to PostgreSQL");
    api.connections().allowTo(data.cache, Port.tcp(data.cache.port()), "API to Redis (TLS)");
    api.allowHttpsEgressToInternet("ECR, Secrets Manager, S3, Cognito and CloudWatch Logs through NAT");
    // The task role reads and writes the uploads (kms:Decrypt and GenerateDataKey on the shop's key through S3).
    data.uploads.grantReadWrite(api);

    // Alarms on the constructs' own metrics (their dimensions are references), to the on-call addresses.
    Alarms alarms = new Alarms(this, "Alarms", new AlarmTopic(this, "AlarmTopic"));
    alarms.add("ApiCpu", api.metricCpu(), AlarmSpec.above(80).forPeriods(3));
    alarms.add("Http5xx", lb.metricHttp5xx(), AlarmSpec.above(10).period(300).missingData(MissingData.NOT_BREACHING));
    alarms.add("DbFreeStorage", data.database.metricFreeStorage(), AlarmSpec.below(2e9).period(300));
    alarms.add("ApiMemory", api.metricMemory(), AlarmSpec.above(85).forPeriods(3));
    alarms.add("UnhealthyTasks", target.metricUnhealthyHosts(), AlarmSpec.above(0).forPeriods(2).missingData(MissingData.BREACHING));
    alarms.add("CacheMemory", data.cache.metricMemory(), AlarmSpec.above(80).forPeriods(5));

    new Dashboard(this, "Dashboard", DashboardProps.builder()
        .widgets(lb.widgets("Load balancer"))
        .widgets(Widgets.row("API", Widgets.widget("CPU (%)", api.metricCpu()), Widgets.widget("Memory (%)", api.metricMemory())))
        .widgets(Widgets.row("Data", Widgets.widget("PostgreSQL free storage", data.database.metricFreeStorage()),
            Widgets.widget("Redis memory (%)", data.cache.metricMemory())))
        .build());
  }
}
