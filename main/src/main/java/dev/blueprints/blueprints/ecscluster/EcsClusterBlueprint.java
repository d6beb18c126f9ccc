package dev.blueprints.blueprints.ecscluster;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.ContainerHealth;
import dev.blueprints.blueprints.BlueprintOptions;
import dev.blueprints.blueprints.EngineVersion;
import dev.blueprints.data.DatabaseEngine;
import dev.blueprints.blueprints.ImageSource;
import dev.blueprints.blueprints.TierFlows;
import dev.blueprints.network.TierFlow;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.blueprints.Layers;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/**
 * {@code ecs-cluster} (seed {@code 002_36e09d3c2ce1cf63.txt}): ECS on an EC2 Auto Scaling capacity
 * provider (t3.medium, 2–10 instances), an internet-facing ALB forwarding to a target group on 3000
 * (health {@code /api/health}), tasks of 512 CPU / 1024 MB in awsvpc mode, an ECR repository scanned on
 * push (AES256), RDS PostgreSQL 15 (the seed pins 15.4; db.t3.micro, 20 GB gp2, 7-day backups) in isolated subnets, Secrets
 * Manager, alarms on CPU, memory and error rate, and service auto scaling on CPU and memory.
 *
 * <pre>
 *   network  VPC, public / private / isolated tiers
 *   data     ECR repository, RDS PostgreSQL 15, application config secret
 *   compute  ECS cluster + EC2 capacity provider, ALB, service, auto scaling, alarms, dashboard
 * </pre>
 *
 * <p>Production choices where the seed differs: the seed puts the ECS instances in public subnets; here
 * they run in private subnets with no public IP and reach ECR and ECS through NAT, only the ALB is public.
 * The database is Multi-AZ in prod ("optional" in the seed). HTTPS needs {@code certificateArn}; plain
 * HTTP is served only with {@code "allowPlainHttp": true}.
 *
 * <p>Settings ({@code blueprints.ecs-cluster}): {@code images.app}, {@code certificateArn} or
 * {@code allowPlainHttp}, {@code instanceType} (t3.medium), {@code minInstances} (2), {@code maxInstances} (10),
 * {@code healthChecks.app} (the container check; default {@code GET http://localhost:3000/api/health} with
 * {@code node}, see {@link ContainerHealth}), {@code networkAcls} (default true: a network ACL per tier allowing
 * only the blueprint's flows, see {@link TierFlows}), {@code engineVersion} ("15"; an exact minor such as "15.4" pins it).
 */
public final class EcsClusterBlueprint extends Blueprint {
  public static final String ID = "ecs-cluster";
  /** The Node.js app's {@code GET /api/health} through the image's own {@code node} (curl may be absent). */
  static final ContainerHealth HEALTH = new ContainerHealth(ContainerSpec.HealthCheck.httpWithNode(3000, "/api/health"), 60);

  public EcsClusterBlueprint() {
    super(ID, "002_36e09d3c2ce1cf63.txt");
  }

  @Override
  public List<LayerStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly("images", "certificateArn", "allowPlainHttp", "domain", "instanceType", "minInstances", "maxInstances",
        "healthChecks", "networkAcls", "engineVersion");
    ContainerHealth.allowOnly(options, "app");
    SettingsNode images = options.object("images").allowOnly("app");
    BlueprintOptions checked = new BlueprintOptions(options, ID);
    int[] size = checked.groupSize("minInstances", 2, 1, "maxInstances", 10);
    int min = size[0];
    int max = size[1];
    var compute = new EcsClusterComputeStack.Options(ImageSource.read(images, "app", ID),
        WebListeners.read(options, ID).inRegion(settings.region()),
        checked.instanceType("instanceType", "t3.medium"), min, max, HEALTH.read(options, ID, "app"));

    // The seed's "NACLs: subnet-level access control", on unless the settings say "networkAcls": false.
    List<TierFlow> acls = TierFlows.read(options, true, TierFlows.webEntry(compute.listeners())
        .between(SubnetTier.PUBLIC, SubnetTier.PRIVATE, 3000, "ALB to the app tasks")
        .between(SubnetTier.PRIVATE, SubnetTier.ISOLATED, 5432, "app to PostgreSQL")
        .httpsOutThroughNat("ECS agent, ECR, Secrets Manager, CloudWatch Logs and SSM through NAT"));
    var engineVersion = EngineVersion.read(options, ID, DatabaseEngine.POSTGRES, "15");
    return Layers.add(this, app, settings, EnumSet.allOf(SubnetTier.class), acls,
        (scope, id, s, network) -> new EcsClusterDataStack(scope, id, s, network, engineVersion),
        (scope, id, s, network, data) -> new EcsClusterComputeStack(scope, id, s, network, data, compute)).stacks();
  }
}
