package dev.blueprints.blueprints.threetier;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.Ec2Application;
import dev.blueprints.blueprints.BlueprintOptions;
import dev.blueprints.blueprints.Layers;
import dev.blueprints.blueprints.TierFlows;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.network.TierFlow;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/**
 * {@code three-tier} (seed {@code 003_777c6fc58d2b9708.txt}): VPC 10.0.0.0/16 with public
 * (10.0.1.0/24, 10.0.2.0/24), private (10.0.11.0/24, 10.0.12.0/24) and database (10.0.21.0/24,
 * 10.0.22.0/24) subnets in two AZs, an internet-facing ALB to frontend instances on 5000, backend
 * instances on 5001, RDS MySQL 8.0 (db.t3.micro, 20 GB gp3, encrypted, 7-day backups), a security-group
 * chain ALB → frontend → backend → database, and instance roles with CloudWatch and SSM.
 *
 * <pre>
 *   network  the seed's subnet layout, NAT per AZ in prod (the seed's two NAT gateways), one in dev
 *   data     RDS MySQL 8.0 with its RDS-managed secret
 *   compute  public ALB + frontend Auto Scaling group, internal ALB + backend group, alarms, dashboard
 * </pre>
 *
 * <p>Production choices where the seed shows shortcuts:
 * <ul>
 *   <li>No SSH at all (the seed opens 22 to 0.0.0.0/0 "restrict in production"): shell access is
 *       through SSM Session Manager, which the instance role allows.</li>
 *   <li>Frontend instances run in private subnets, not public ones; only the ALB is public.</li>
 *   <li>The database subnets have no route to NAT (the seed routes them to NAT): RDS needs none.</li>
 *   <li>The frontend reaches the backend through an internal ALB (the seed proxies to instance IPs),
 *       so both tiers scale and heal as Auto Scaling groups.</li>
 *   <li>Egress is explicit: HTTPS out for package and SSM traffic, 80 from frontend to the internal
 *       ALB, 5001 from it to the backend, 3306 from the backend to MySQL. MySQL requires TLS.</li>
 *   <li>The database password is managed by RDS in Secrets Manager; the backend instance role may read
 *       exactly that secret, and the instances learn its ARN from {@code /etc/app/app.env}.</li>
 * </ul>
 *
 * <p>Each tier runs its application as a container image ({@code images.frontend}, {@code images.backend}:
 * a tag in the tier's ECR repository or a full URI): user data on Amazon Linux 2023 installs Docker and the
 * CloudWatch agent and runs the image on the tier's port with its variables, logging to the tier's log group.
 * An AMI with the application baked in ({@code frontendAmi}, {@code backendAmi}) may replace the image; its
 * service then reads {@code /etc/app/app.env}.
 *
 * <p>Settings ({@code blueprints.three-tier}): {@code images.frontend}, {@code images.backend},
 * {@code certificateArn} or {@code allowPlainHttp}, {@code domain}, {@code instanceType} (t3.micro),
 * {@code frontendAmi}, {@code backendAmi}, {@code networkAcls} (default false: the seed's optional layer; true
 * adds a network ACL per tier, see {@link TierFlows}).
 */
public final class ThreeTierBlueprint extends Blueprint {
  public static final String ID = "three-tier";

  public ThreeTierBlueprint() {
    super(ID, "003_777c6fc58d2b9708.txt");
  }

  @Override
  public List<LayerStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly("images", "certificateArn", "allowPlainHttp", "domain", "instanceType", "frontendAmi", "backendAmi",
        "networkAcls");
    options.object("images").allowOnly("frontend", "backend");
    BlueprintOptions checked = new BlueprintOptions(options, ID);
    var compute = new ThreeTierComputeStack.Options(WebListeners.read(options, ID).inRegion(settings.region()),
        checked.instanceType("instanceType", "t3.micro"),
        Ec2Application.read(options, ID, "frontend", "frontendAmi"), Ec2Application.read(options, ID, "backend", "backendAmi"));
    // The seed calls NACLs an optional additional layer: off unless the settings say "networkAcls": true.
    List<TierFlow> acls = TierFlows.read(options, false, TierFlows.webEntry(compute.listeners())
        .between(SubnetTier.PUBLIC, SubnetTier.PRIVATE, 5000, "public ALB to the frontend")
        .between(SubnetTier.PRIVATE, SubnetTier.PRIVATE, 80, "frontend to the internal ALB (across AZs)")
        .between(SubnetTier.PRIVATE, SubnetTier.PRIVATE, 5001, "internal ALB to the backend (across AZs)")
        .between(SubnetTier.PRIVATE, SubnetTier.ISOLATED, 3306, "backend to MySQL")
        .httpsOutThroughNat("SSM, CloudWatch agent, Secrets Manager and package repositories through NAT"));
    return Layers.add(this, app, settings, EnumSet.allOf(SubnetTier.class), acls, ThreeTierDataStack::new,
        (scope, id, s, network, data) -> new ThreeTierComputeStack(scope, id, s, network, data, compute)).stacks();
  }
}
