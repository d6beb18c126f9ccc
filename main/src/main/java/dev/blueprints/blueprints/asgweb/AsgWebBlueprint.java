package dev.blueprints.blueprints.asgweb;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.Ec2Application;
import dev.blueprints.blueprints.BlueprintOptions;
import dev.blueprints.blueprints.EngineVersion;
import dev.blueprints.data.DatabaseEngine;
import dev.blueprints.blueprints.Layers;
import dev.blueprints.blueprints.TierFlows;
import dev.blueprints.blueprints.WebListeners;
import dev.blueprints.network.TierFlow;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.core.Validate;
import dev.blueprints.data.BackupReplicationProps;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/**
 * {@code asg-web} (seed {@code 004_637a5a107183c5c2.txt}): an internet-facing ALB with access logs in S3,
 * an EC2 Auto Scaling group in private subnets serving on 8000 (health {@code /health} every 30 s),
 * simple CPU scaling (out above 80 %, in below 20 %, 2 periods, 5-minute cooldown), RDS PostgreSQL 15
 * (the seed pins 15.4) with Performance Insights, encryption and RDS-managed credentials in Secrets Manager, database subnets
 * with no route out, CloudWatch dashboards and alarms.
 *
 * <pre>
 *   network  public / private / isolated tiers (10.0.1.0/24 ... 10.0.22.0/24), NAT per AZ in prod
 *   data     ALB access-log bucket (SSE-S3, 90-day expiry), RDS PostgreSQL 15, Multi-AZ in prod
 *   compute  ALB, Auto Scaling group with its scaling alarms, alarm topic, alarms, dashboard
 * </pre>
 *
 * <p>Production choices: the database is Multi-AZ in prod and single-AZ in dev (the environment preset;
 * the seed's Multi-AZ applies to production); HTTPS needs {@code certificateArn} and plain HTTP is served
 * only with {@code "allowPlainHttp": true}; instances get no SSH, only SSM Session Manager; the
 * application is a container image ({@code images.app}) that user data runs on port 8000 with Docker and the
 * CloudWatch agent, or is baked into an AMI ({@code ami}) whose service reads {@code /etc/app/app.env}.
 *
 * <p>Settings ({@code blueprints.asg-web}): {@code images.app}, {@code certificateArn} or {@code allowPlainHttp},
 * {@code domain}, {@code instanceType} (t3.small), {@code ami}, {@code minInstances} (2), {@code maxInstances} (6),
 * {@code backupReplication} ({@code region}, {@code retentionDays}, {@code enabled}: the database's automated
 * backups copied to a second region; on by default in production, off elsewhere), {@code networkAcls} (default true),
 * {@code engineVersion} ("15"; an exact minor such as "15.4" pins it).
 */
public final class AsgWebBlueprint extends Blueprint {
  public static final String ID = "asg-web";

  public AsgWebBlueprint() {
    super(ID, "004_637a5a107183c5c2.txt");
  }

  @Override
  public List<LayerStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly("images", "certificateArn", "allowPlainHttp", "domain", "instanceType", "ami", "minInstances",
        "maxInstances", "backupReplication", "networkAcls", "engineVersion");
    options.object("images").allowOnly("app");
    BackupReplicationProps backups = readBackupReplication(options.object("backupReplication"), settings);
    BlueprintOptions checked = new BlueprintOptions(options, ID);
    int[] size = checked.groupSize("minInstances", 2, 0, "maxInstances", 6);
    var compute = new AsgWebComputeStack.Options(WebListeners.read(options, ID).inRegion(settings.region()),
        checked.instanceType("instanceType", "t3.small"), Ec2Application.read(options, ID, "app", "ami"), size[0], size[1]);
    // The seed's "NACLs for additional protection", on unless the settings say "networkAcls": false.
    List<TierFlow> acls = TierFlows.read(options, true, TierFlows.webEntry(compute.listeners())
        .between(SubnetTier.PUBLIC, SubnetTier.PRIVATE, 8000, "ALB to the application instances")
        .between(SubnetTier.PRIVATE, SubnetTier.ISOLATED, 5432, "application to PostgreSQL")
        .httpsOutThroughNat("SSM, CloudWatch agent, Secrets Manager and package repositories through NAT"));
    var engineVersion = EngineVersion.read(options, ID, DatabaseEngine.POSTGRES, "15");
    return Layers.add(this, app, settings, EnumSet.allOf(SubnetTier.class), acls,
        (scope, id, s, network) -> new AsgWebDataStack(scope, id, s, network, backups, engineVersion),
        (scope, id, s, network, data) -> new AsgWebComputeStack(scope, id, s, network, data, compute)).stacks();
  }

  /**
   * {@code backupReplication}: {@code enabled} (default on in production, off elsewhere), {@code region} (required
   * when enabled: the destination is a deliberate choice, not a guess), {@code retentionDays} (7). Null when off.
   */
  static BackupReplicationProps readBackupReplication(SettingsNode node, Settings settings) {
    node.allowOnly("enabled", "region", "retentionDays");
    String path = "blueprints." + ID + ".backupReplication";
    if (!node.bool("enabled", settings.environment().isProduction())) return null;
    String region = node.string("region", null);
    if (region == null) {
      throw Validate.invalid(path + ".region", null, "a second region for the database's backup copies, e.g. us-west-2"
          + " (or \"enabled\": false)");
    }
    try {
      BackupReplicationProps props = BackupReplicationProps.builder(region)
          .retentionDays(node.integer("retentionDays", BackupReplicationProps.DEFAULT_RETENTION_DAYS)).build();
      if (region.equals(settings.region())) {
        throw Validate.invalid("backupReplication.region", region, "a region other than the database's own (" + settings.region() + ")");
      }
      return props;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replaceFirst("^backupReplication\\.", path + "."), e);
    }
  }
}
