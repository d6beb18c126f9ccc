package dev.blueprints.blueprints.asgweb;

import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.core.Settings;
import dev.blueprints.data.BackupReplication;
import dev.blueprints.data.BackupReplicationProps;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.network.Network;
import software.constructs.Construct;

/** What {@code asg-web} keeps: ALB access logs, the PostgreSQL database and the application's image repository. */
public final class AsgWebDataStack extends LayerStack {
  final Bucket accessLogs;
  final Database database;
  final ContainerRegistry repository;

  /** The cross-region copy of the database's automated backups, or null when the settings turn it off. */
  final BackupReplication backupReplication;

  /**
   * @param backups       where the database's automated backups are copied; null for no copy
   * @param engineVersion the PostgreSQL version asked of RDS (the major version unless the settings pin a minor)
   */
  public AsgWebDataStack(Construct scope, String id, Settings settings, Network network, BackupReplicationProps backups,
      String engineVersion) {
    super(scope, id, settings, AsgWebBlueprint.ID);
    accessLogs = accessLogs();
    repository = repository("Repository", "app");
    database = database(network, DatabaseProps.postgres(engineVersion)
        .instanceClass(environment().highAvailability() ? "db.t3.medium" : "db.t3.micro")
        .allocatedStorageGb(20)
        .maxAllocatedStorageGb(200)
        .backupRetentionDays(7)
        .performanceInsights(true)
        .databaseName("app"));
    // The seed's configurable cross-region backup replication (disaster recovery when the region is lost).
    backupReplication = backups == null ? null : new BackupReplication(this, "BackupReplication", database, backups);
  }
}
