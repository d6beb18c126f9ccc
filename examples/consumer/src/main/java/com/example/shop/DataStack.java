package com.example.shop;

import dev.blueprints.auth.EncryptionKey;
import dev.blueprints.auth.EncryptionKeyProps;
import dev.blueprints.auth.MfaMode;
import dev.blueprints.auth.UserPool;
import dev.blueprints.auth.UserPoolProps;
import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.compute.ContainerRegistryProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.NameLimit;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketProps;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.RedisCache;
import dev.blueprints.data.RedisCacheProps;
import dev.blueprints.data.Secret;
import dev.blueprints.data.SecretProps;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import java.util.List;
import software.constructs.Construct;

/**
 * What the shop keeps: PostgreSQL and Redis in the isolated subnets, the uploads bucket, the users, the session
 * key, the API's image repository and the load balancer's access logs, and the shop's KMS key: everything it can
 * encrypt is encrypted with it.
 */
final class DataStack extends BlueprintStack {
  final EncryptionKey dataKey;
  final Database database;
  final RedisCache cache;
  final Bucket uploads;
  final Bucket accessLogs;
  final UserPool users;
  final Secret sessionKey;
  final ContainerRegistry images;

  DataStack(Construct app, ShopEnvironment env, Network network) {
    super(app, env.stackId("data"), env.settings());
    SubnetGroup isolated = network.subnets(SubnetTier.ISOLATED);
    dataKey = new EncryptionKey(this, "DataKey", EncryptionKeyProps.builder()
        .description("Encrypts the shop's data: database, cache, uploads and session key").build());
    String key = dataKey.arn();
    database = new Database(this, "Database", DatabaseProps.postgres("16")
        .vpcId(network.vpcId()).subnets(isolated).databaseName("shop").kmsKeyArn(key).build());
    cache = new RedisCache(this, "Cache", RedisCacheProps.builder(network.vpcId(), isolated).kmsKeyArn(key).build());
    uploads = new Bucket(this, "Uploads", BucketProps.builder().kmsKeyArn(key).build());
    accessLogs = Bucket.forLoadBalancerLogs(this, "AccessLogs");
    users = new UserPool(this, "Users", UserPoolProps.builder()
        .mfa(MfaMode.ON).callbackUrls(List.of(env.url() + "/auth/callback")).build());
    sessionKey = new Secret(this, "SessionKey", SecretProps.builder(naming().name("session-key", NameLimit.SECRET))
        .description("Signs the API's session cookies").generatedPassword(64, true).kmsKeyArn(key).build());
    images = new ContainerRegistry(this, "Images", ContainerRegistryProps.builder(naming().name("api", NameLimit.ECR_REPOSITORY)).build());
  }
}
