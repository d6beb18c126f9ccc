package dev.blueprints.blueprints.ecscluster;

import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.Secret;
import dev.blueprints.data.StorageType;
import dev.blueprints.network.Network;
import software.constructs.Construct;

/** What {@code ecs-cluster} keeps: the image repository, PostgreSQL, the application's secret and ALB logs. */
public final class EcsClusterDataStack extends LayerStack {
  final ContainerRegistry repository;
  final Database database;
  final Secret appConfig;
  final Bucket accessLogs;

  public EcsClusterDataStack(Construct scope, String id, Settings settings, Network network, String engineVersion) {
    super(scope, id, settings, EcsClusterBlueprint.ID);
    repository = repository("Repository", "app");
    database = database(network, DatabaseProps.postgres(engineVersion)
        .instanceClass("db.t3.micro")
        .storageType(StorageType.GP2)
        .allocatedStorageGb(20)
        .maxAllocatedStorageGb(100)
        .backupRetentionDays(7)
        .databaseName("app"));
    appConfig = secret("AppConfig", "app-config", s -> s
        .description("Application settings (API URLs, keys) as JSON; set the value out of band")
        .placeholder("{}"));
    accessLogs = accessLogs();
  }
}
