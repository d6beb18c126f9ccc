package dev.blueprints.blueprints.fargateweb;

import dev.blueprints.compute.RedeployOnSecretChange;

import dev.blueprints.blueprints.ImageSource;
import dev.blueprints.blueprints.LogQueries;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.compute.ContainerSpec;
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
import dev.blueprints.core.Stacks;
import dev.blueprints.network.Network;
import dev.blueprints.network.Port;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.observability.AlarmTopic;
import dev.blueprints.observability.AlarmTopicProps;
import dev.blueprints.observability.Alarms;
import dev.blueprints.observability.Dashboard;
import dev.blueprints.observability.DashboardProps;
import dev.blueprints.observability.Widgets;
import software.constructs.Construct;

/** The running part of {@code fargate-web}: cluster, load balancers, services, scaling and alarms. */
public final class FargateWebComputeStack extends LayerStack {
  /** What the settings file decides for this stack. */
  public record Options(ImageSource frontendImage, ImageSource backendImage, WebListeners listeners, int logRetentionDays,
      ContainerSpec.HealthCheck frontendHealth, ContainerSpec.HealthCheck backendHealth) {}

  private final EcsService frontend;
  private final EcsService backend;

  public FargateWebComputeStack(Construct scope, String id, Settings settings, Network network,
      FargateWebDataStack data, Options options) {
    super(scope, id, settings, FargateWebBlueprint.ID);
    boolean ha = environment().highAvailability();
    SubnetGroup privateSubnets = network.subnets(SubnetTier.PRIVATE);
    EcsCluster cluster = new EcsCluster(this, "Cluster", EcsClusterProps.fargate().build());

    // Frontend: Next.js on 3000 behind its own ALB, health "/".
    LoadBalancer frontendLb = publicLoadBalancer("FrontendLoadBalancer", "frontend", network, data.accessLogs, "frontend");
    TargetGroup frontendTarget = frontendLb.addTargetGroup("Frontend", TargetGroupProps.builder(3000)
        .healthCheck(HealthCheck.builder().path("/").build()).build());
    options.listeners().attach(frontendLb, frontendTarget);

    // Backend: FastAPI on 8000 behind its own ALB, health "/health".
    LoadBalancer backendLb = publicLoadBalancer("BackendLoadBalancer", "backend", network, data.accessLogs, "backend");
    TargetGroup backendTarget = backendLb.addTargetGroup("Backend", TargetGroupProps.builder(8000)
        .healthCheck(HealthCheck.builder().path("/health").build()).build());
    options.listeners().attach(backendLb, backendTarget, FargateWebBlueprint.BACKEND_RECORD);
    // With a domain, the browser calls the backend by its name (the certificate's name, not the load balancer's).
    String backendUrl = options.listeners().url(backendLb, FargateWebBlueprint.BACKEND_RECORD);

    frontend = new EcsService(this, "Frontend", EcsServiceProps.builder(cluster, network.vpcId(), privateSubnets)
        .taskSize(256, 512)
        .desiredCount(ha ? 2 : 1)
        .container(ContainerSpec.builder("frontend", options.frontendImage().image(data.frontendRepository))
            .port(3000)
            .env("NODE_ENV", "production")
            .env("PORT", "3000")
            .env("NEXT_PUBLIC_API_URL", backendUrl)
            // The root file system stays read-only; Next.js gets scratch space for its cache and /tmp.
            .mountPoint("next-cache", "/app/.next/cache", false)
            .mountPoint("tmp", "/tmp", false)
            .healthCheck(options.frontendHealth())
            .logRetentionDays(options.logRetentionDays())
            .build())
        .volume(VolumeSpec.ephemeral("next-cache"))
        .volume(VolumeSpec.ephemeral("tmp"))
        .loadBalancer(frontendTarget, frontendLb, "frontend", 3000)
        .autoScaling(ServiceScalingProps.builder(ha ? 2 : 1, ha ? 6 : 2).cpuTargetPercent(70.0).build())
        .build());
    frontend.allowHttpsEgressToInternet("pull images from ECR, call the backend's public HTTPS endpoint");
    if (!options.listeners().https()) {
      // Only when the settings chose plain HTTP: the backend's public endpoint then listens on 80.
      frontend.connections().allowToAnyIpv4(Port.tcp(80), "call the backend's public endpoint (plain HTTP by settings)");
    }

    var database = data.database;
    var cache = data.cache;
    backend = new EcsService(this, "Backend", EcsServiceProps.builder(cluster, network.vpcId(), privateSubnets)
        .taskSize(512, 1024)
        .desiredCount(ha ? 2 : 1)
        .container(ContainerSpec.builder("backend", options.backendImage().image(data.backendRepository))
            .port(8000)
            .env("ENV", environment().isProduction() ? "production" : environment().name())
            .env("DEBUG", "false")
            .env("APP_PORT", "8000")
            .env("LOG_LEVEL", "WARNING")
            .env("DB_HOST", database.endpoint().address())
            .env("DB_PORT", String.valueOf(database.port()))
            .env("DB_NAME", "app")
            .env("REDIS_HOST", cache.endpoint())
            .env("REDIS_PORT", String.valueOf(cache.port()))
            .env("REDIS_TLS", "true")
            .secret("SECRET_KEY", data.secretKey.arn())
            .secret("OPENAI_API_KEY", data.externalApiKey.arn())
            .secret("DB_USER", database.secretArn(), "username")
            .secret("DB_PASSWORD", database.secretArn(), "password")
            .secret("REDIS_USERNAME", cache.secretArn(), "username")
            .secret("REDIS_PASSWORD", cache.secretArn(), "password")
            .healthCheck(options.backendHealth())
            .mountPoint("tmp", "/tmp", false)
            .logRetentionDays(options.logRetentionDays())
            .build())
        .volume(VolumeSpec.ephemeral("tmp"))
        .loadBalancer(backendTarget, backendLb, "backend", 8000)
        .autoScaling(ServiceScalingProps.builder(ha ? 2 : 1, ha ? 10 : 3).cpuTargetPercent(60.0).memoryTargetPercent(75.0).build())
        .build());
    backend.allowHttpsEgressToInternet("external APIs (LLM, search), ECR image pulls, Secrets Manager");
    // Tasks read secrets once, at start: a rotated database password or a newly put key reaches them by a redeploy.
    new RedeployOnSecretChange(this, "BackendSecrets", backend, java.util.List.of(database.secretArn(), cache.secretArn(),
        data.secretKey.arn(), data.externalApiKey.arn()));
    database.connections().allowFrom(backend, Port.tcp(database.port()), "backend to PostgreSQL");
    cache.connections().allowFrom(backend, Port.tcp(cache.port()), "backend to Redis (TLS)");

    // The seed's saved queries: errors across both services, latency of the API (the backend's request logs).
    LogQueries.findErrors(this, java.util.List.of(frontend.logGroup("frontend"), backend.logGroup("backend")));
    LogQueries.requestLatency(this, java.util.List.of(backend.logGroup("backend")), LogQueries.APP_DURATION_FIELD);

    AlarmTopic topic = new AlarmTopic(this, "AlarmTopic", AlarmTopicProps.builder().build());
    Alarms alarms = new Alarms(this, "Alarms", topic);
    for (var service : java.util.List.of(frontend, backend)) {
      String label = Stacks.id(service);
      alarms.recommended(label, service.metricCpu());
      alarms.recommended(label, service.metricMemory());
    }
    alarms.recommended("Frontend", frontendLb.metricHttp5xx());
    alarms.recommended("Backend", backendLb.metricHttp5xx());
    alarms.recommended("Backend", backendTarget.metricTarget5xx());
    alarms.recommended("Frontend", frontendTarget.metricUnhealthyHosts());
    alarms.recommended("Backend", backendTarget.metricUnhealthyHosts());
    alarms.recommended("Backend", backendTarget.metricResponseTime());
    alarms.recommended("Database", database.metricCpu());
    alarms.recommended("Database", database.metricFreeStorage(), spec -> spec.threshold(2.0 * 1024 * 1024 * 1024));
    alarms.recommended("Cache", cache.metricEngineCpu());
    alarms.recommended("Cache", cache.metricMemory());

    new Dashboard(this, "Dashboard", DashboardProps.builder()
        .widgets(frontendLb.widgets("Frontend load balancer"))
        .widgets(backendLb.widgets("Backend load balancer"))
        .widgets(Widgets.ecsService("Frontend service", cluster.name(), frontend.name()))
        .widgets(Widgets.ecsService("Backend service", cluster.name(), backend.name()))
        .widgets(Widgets.database("PostgreSQL", database.identifier()))
        .widgets(Widgets.memoryDb("Redis", cache.name()))
        .build());
  }

  public EcsService frontend() {
    return frontend;
  }

  public EcsService backend() {
    return backend;
  }
}
