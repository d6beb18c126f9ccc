package dev.blueprints.blueprints.threetier;

import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.core.Settings;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.StorageType;
import dev.blueprints.network.Network;
import dev.blueprints.policy.Policy;
import software.constructs.Construct;

/** What {@code three-tier} keeps: the MySQL 8.0 database in the isolated subnets, the ALB access logs and the tiers' image repositories. */
public final class ThreeTierDataStack extends LayerStack {
  final Database database;
  final Bucket accessLogs;
  final ContainerRegistry frontendRepository;
  final ContainerRegistry backendRepository;

  public ThreeTierDataStack(Construct scope, String id, Settings settings, Network network) {
    super(scope, id, settings, ThreeTierBlueprint.ID);
    database = database(network, DatabaseProps.mysql("8.0")
        .instanceClass("db.t3.micro")
        .storageType(StorageType.GP3)
        .allocatedStorageGb(20)
        .backupRetentionDays(7)
        .databaseName("appdb"));
    // The seed's class: RDS offers Performance Insights for MySQL only from db.t3.medium up.
    Policy.suppress(database, "BP-RDS-009", "MySQL on db.t3.micro (the seed's class) has no Performance Insights");
    accessLogs = accessLogs();
    frontendRepository = repository("FrontendRepository", "frontend");
    backendRepository = repository("BackendRepository", "backend");
  }
}
