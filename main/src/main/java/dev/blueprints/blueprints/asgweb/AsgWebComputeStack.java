package dev.blueprints.blueprints.asgweb;

import dev.blueprints.blueprints.Ec2Application;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.compute.AutoScalingGroup;
import dev.blueprints.compute.AutoScalingGroupProps;
import dev.blueprints.compute.HealthCheck;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.ScalingPolicy;
import dev.blueprints.compute.TargetGroup;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.blueprints.LayerStack;
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
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** The web tier of {@code asg-web}: ALB with access logs, the Auto Scaling group and its scaling, alarms. */
public final class AsgWebComputeStack extends LayerStack {
  /** What the settings file decides for this stack. */
  public record Options(WebListeners listeners, String instanceType, Ec2Application app, int minInstances, int maxInstances) {}

  private final AutoScalingGroup group;

  public AsgWebComputeStack(Construct scope, String id, Settings settings, Network network, AsgWebDataStack data,
      Options options) {
    super(scope, id, settings, AsgWebBlueprint.ID);
    var database = data.database;
    LoadBalancer lb = publicLoadBalancer("LoadBalancer", "app", network, data.accessLogs, "alb");
    TargetGroup target = lb.addTargetGroup("App", TargetGroupProps.builder(8000)
        .targetType(dev.blueprints.compute.TargetType.INSTANCE)
        .healthCheck(HealthCheck.builder().path("/health").intervalSeconds(30).build())
        .build());
    options.listeners().attach(lb, target);

    AlarmTopic topic = new AlarmTopic(this, "AlarmTopic", AlarmTopicProps.builder().build());

    LogGroup logs = instanceLogs("AppLogs", "app");
    Map<String, String> env = Ec2Application.databaseEnvironment(8000, settings.region(), database, "app");
    var props = AutoScalingGroupProps.builder(network.vpcId(), network.subnets(SubnetTier.PRIVATE), options.instanceType())
        .minSize(options.minInstances())
        .maxSize(options.maxInstances())
        .targetGroups(List.of(target))
        // The seed's policy: out above 80 % CPU, in below 20 %, 2 evaluation periods, 5-minute cooldown.
        .scaling(ScalingPolicy.simpleCpu(80, 20, 300, 2))
        .alarmActions(List.of(topic.arn()));
    options.app().configure(props, data.repository, 8000, logs.name(), settings.region(), env);
    // The application reads its database secret with the instance role: from a container, that is a second hop.
    if (options.app().runsContainer()) props.imdsHopLimitForContainers();
    group = new AutoScalingGroup(this, "App", props.build());
    options.app().grantPull(data.repository, group);
    group.connections().allowFrom(lb, Port.tcp(8000), "ALB to application instances");
    group.allowHttpsEgressToInternet("SSM, CloudWatch agent, Secrets Manager and package repositories through NAT");
    database.connections().allowFrom(group, Port.tcp(database.port()), "application to PostgreSQL");
    database.grantReadSecret(group.role());

    Alarms alarms = new Alarms(this, "Alarms", topic);
    alarms.recommended("App", lb.metricHttp5xx());
    alarms.recommended("App", target.metricTarget5xx());
    alarms.recommended("App", target.metricUnhealthyHosts());
    alarms.recommended("App", target.metricResponseTime());
    alarms.recommended("Database", database.metricCpu());
    alarms.recommended("Database", database.metricFreeStorage(), spec -> spec.threshold(2.0 * 1024 * 1024 * 1024));
    alarms.recommended("Database", database.metricFreeableMemory(), spec -> spec.threshold(128.0 * 1024 * 1024));
    alarms.recommended("Database", database.metricConnections(), spec -> spec.threshold(80));

    var dashboard = DashboardProps.builder()
        .widgets(lb.widgets("Load balancer"))
        .widgets(Widgets.autoScalingGroup("Application instances", group.name()))
        .widgets(Widgets.database("PostgreSQL", database.identifier()));
    // Memory and disk as the CloudWatch agent reports them, where the user data installs it.
    if (options.app().runsContainer()) dashboard.widgets(Widgets.cloudWatchAgent("Application instances", group.name()));
    new Dashboard(this, "Dashboard", dashboard.build());
  }

  public AutoScalingGroup group() {
    return group;
  }
}
