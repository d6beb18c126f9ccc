package dev.blueprints.blueprints.fargateweb;

import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.Settings;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.RedisCache;
import dev.blueprints.data.RedisCacheProps;
import dev.blueprints.data.Secret;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import software.constructs.Construct;

/** What {@code fargate-web} keeps: images, the PostgreSQL database, the Redis cache, the secrets and ALB logs. */
public final class FargateWebDataStack extends LayerStack {
  /** The external API key's first value: the backend starts, and calls to the API fail until the real key is put. */
  static final String PLACEHOLDER = "REPLACE_ME";
  final ContainerRegistry frontendRepository;
  final ContainerRegistry backendRepository;
  final Database database;
  final RedisCache cache;
  final Secret secretKey;
  final Secret externalApiKey;
  final Bucket accessLogs;

  public FargateWebDataStack(Construct scope, String id, Settings settings, Network network) {
    super(scope, id, settings, FargateWebBlueprint.ID);
    frontendRepository = repository("FrontendRepository", "frontend");
    backendRepository = repository("BackendRepository", "backend");

    database = database(network, DatabaseProps.postgres("15")
        .instanceClass(environment().highAvailability() ? "db.t3.medium" : "db.t3.micro")
        .databaseName("app"));
    cache = new RedisCache(this, "Cache", RedisCacheProps.builder(network.vpcId(), network.subnets(SubnetTier.ISOLATED)).build());

    secretKey = secret("SecretKey", "secret-key", s -> s
        .description("SECRET_KEY of the backend (signing sessions and tokens)")
        .generatedPassword(64, true));
    externalApiKey = secret("ExternalApiKey", "openai-api-key", s -> s
        .description("OPENAI_API_KEY of the backend; set the value out of band: aws secretsmanager put-secret-value")
        .placeholder(PLACEHOLDER));
    accessLogs = accessLogs();
  }
}
