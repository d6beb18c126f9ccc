package dev.blueprints.blueprints.asgweb;

import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.compute.ContainerRegistryProps;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Settings;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import software.constructs.Construct;

/** What {@code asg-web} keeps: ALB access logs, the PostgreSQL 15.4 database and the application's image repository. */
public final class AsgWebDataStack extends LayerStack {
  final Bucket accessLogs;
  final Database database;
  final ContainerRegistry repository;

  public AsgWebDataStack(Construct scope, String id, Settings settings, Network network) {
    super(scope, id, settings, AsgWebBlueprint.ID);
    accessLogs = Bucket.forLoadBalancerLogs(this, "AccessLogs", naming().name("alb-logs", NameLimit.S3_BUCKET));
    repository = new ContainerRegistry(this, "Repository",
        ContainerRegistryProps.builder(naming().name("app", NameLimit.ECR_REPOSITORY)).build());
    database = new Database(this, "Database", DatabaseProps.postgres("15.4")
        .vpcId(network.vpcId())
        .subnets(network.subnets(SubnetTier.ISOLATED))
        .instanceClass(environment().highAvailability() ? "db.t3.medium" : "db.t3.micro")
        .allocatedStorageGb(20)
        .maxAllocatedStorageGb(200)
        .backupRetentionDays(7)
        .performanceInsights(true)
        .databaseName("app")
        .build());
  }
}
