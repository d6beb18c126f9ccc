package dev.blueprints.blueprints.fargateweb;

import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Settings;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.RedisCache;
import dev.blueprints.data.RedisCacheProps;
import dev.blueprints.data.Secret;
import dev.blueprints.data.SecretProps;
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

    var isolated = network.subnets(SubnetTier.ISOLATED);
    database = new Database(this, "Database", DatabaseProps.postgres("15")
        .vpcId(network.vpcId())
        .subnets(isolated)
        .instanceClass(environment().highAvailability() ? "db.t3.medium" : "db.t3.micro")
        .databaseName("app")
        .build());
    cache = new RedisCache(this, "Cache", RedisCacheProps.builder(network.vpcId(), isolated).build());

    secretKey = new Secret(this, "SecretKey", SecretProps.builder(naming().name("secret-key", NameLimit.SECRET))
        .description("SECRET_KEY of the backend (signing sessions and tokens)")
        .generatedPassword(64, true)
        .build());
    externalApiKey = new Secret(this, "ExternalApiKey", SecretProps.builder(naming().name("openai-api-key", NameLimit.SECRET))
        .description("OPENAI_API_KEY of the backend; set the value out of band: aws secretsmanager put-secret-value")
        .placeholder(PLACEHOLDER)
        .build());
    accessLogs = accessLogs();
  }
}
