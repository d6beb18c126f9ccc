package dev.blueprints.blueprints.apiecs;

import dev.blueprints.auth.UserPool;
import dev.blueprints.auth.UserPoolProps;
import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.data.FileSystem;
import dev.blueprints.data.FileSystemProps;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import java.util.List;
import software.constructs.Construct;

/** What {@code api-ecs} keeps: the image repository, the user pool and (by default) the SQLite file system. */
public final class ApiEcsDataStack extends LayerStack {
  final ContainerRegistry repository;
  final UserPool userPool;
  /** Null when SQLite lives on the instance. */
  final FileSystem sqliteFiles;

  public ApiEcsDataStack(Construct scope, String id, Settings settings, Network network, boolean durableSqlite,
      List<String> callbackUrls) {
    super(scope, id, settings, ApiEcsBlueprint.ID);
    repository = repository("Repository", "backend");
    var pool = UserPoolProps.builder();
    if (!callbackUrls.isEmpty()) pool.callbackUrls(callbackUrls);
    userPool = new UserPool(this, "UserPool", pool.build());
    sqliteFiles = durableSqlite
        ? new FileSystem(this, "SqliteFiles", FileSystemProps.builder(network.vpcId(), network.subnets(SubnetTier.PRIVATE))
            .accessPoint("/sqlite", 1000, 1000).build())
        : null;
  }
}
