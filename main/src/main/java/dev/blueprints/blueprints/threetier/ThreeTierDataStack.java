package dev.blueprints.blueprints.threetier;

import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.StorageType;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import software.constructs.Construct;

/** The MySQL 8.0 database of {@code three-tier}, in the isolated database subnets. */
public final class ThreeTierDataStack extends BlueprintStack {
  final Database database;

  public ThreeTierDataStack(Construct scope, String id, Settings settings, Network network) {
    super(scope, id, settings, ThreeTierBlueprint.ID);
    database = new Database(this, "Database", DatabaseProps.mysql("8.0")
        .vpcId(network.vpcId())
        .subnets(network.subnets(SubnetTier.ISOLATED))
        .instanceClass("db.t3.micro")
        .storageType(StorageType.GP3)
        .allocatedStorageGb(20)
        .backupRetentionDays(7)
        .databaseName("appdb")
        .build());
  }
}
