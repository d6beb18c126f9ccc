package dev.blueprints.data;

import static dev.blueprints.testing.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisCacheTest {
  private static final String CLUSTER = "aws_memorydb_cluster";

  private static RedisCacheProps.Builder props() {
    return RedisCacheProps.builder("vpc-0123", Fixtures.ISOLATED);
  }

  @Test
  void defaultsAreEncryptedSnapshottedAndProtected() {
    BlueprintStack stack = Fixtures.stack("data");
    RedisCache cache = new RedisCache(stack, "Cache", props().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode cluster = json.assertResource(CLUSTER, Map.ofEntries(
        Map.entry("name", "acme-test-dev-cache"),
        Map.entry("node_type", "db.t4g.small"),
        Map.entry("engine_version", "7.1"),
        Map.entry("num_shards", 1),
        Map.entry("num_replicas_per_shard", 0),
        Map.entry("port", 6379),
        Map.entry("tls_enabled", true),
        Map.entry("auto_minor_version_upgrade", true),
        Map.entry("snapshot_retention_limit", 7),
        Map.entry("snapshot_window", "03:00-04:00"),
        Map.entry("maintenance_window", "sun:05:00-sun:06:00"),
        Map.entry("final_snapshot_name", "acme-test-dev-cache-final"),
        Map.entry("lifecycle.prevent_destroy", true)));
    assertTrue(cluster.path("kms_key_arn").isMissingNode());
    JsonNode acl = json.only("aws_memorydb_acl");
    assertEquals(json.ref("aws_memorydb_acl", acl, "name"), cluster.path("acl_name").asText());
    JsonNode user = json.only("aws_memorydb_user");
    assertEquals("[\"" + json.ref("aws_memorydb_user", user, "user_name") + "\"]", acl.path("user_names").toString());
    JsonNode subnetGroup = json.only("aws_memorydb_subnet_group");
    assertEquals(json.ref("aws_memorydb_subnet_group", subnetGroup, "name"), cluster.path("subnet_group_name").asText());
    assertEquals("[\"subnet-a\",\"subnet-b\"]", subnetGroup.path("subnet_ids").toString());
    JsonNode sg = json.only("aws_security_group");
    assertEquals("[\"" + json.ref("aws_security_group", sg, "id") + "\"]", cluster.path("security_group_ids").toString());

    assertEquals(6379, cache.port());
    assertEquals("acme-test-dev-cache", cache.physicalName());
    assertTrue(cache.name().contains("TOKEN"), "name() is a reference");
    assertTrue(cache.endpoint().contains("${TfToken"));
  }

  @Test
  void theUserPasswordIsGeneratedStoredAndNotChurned() {
    BlueprintStack stack = Fixtures.stack("data");
    new RedisCache(stack, "Cache", props().build());
    Synthesized json = Synthesized.of(stack);
    String random = "data.aws_secretsmanager_random_password." + json.dataSources("aws_secretsmanager_random_password").keySet().iterator().next()
        + ".random_password";
    JsonNode user = json.only("aws_memorydb_user");
    assertEquals("acme-test-dev-cache-app", user.path("user_name").asText());
    assertEquals("on ~* &* +@all", user.path("access_string").asText());
    assertEquals("password", Synthesized.at(user, "authentication_mode.type").asText());
    assertEquals("${" + random + "}", Synthesized.at(user, "authentication_mode.passwords.0").asText());
    assertEquals("[\"authentication_mode\"]", user.path("lifecycle").path("ignore_changes").toString());

    JsonNode secret = json.only("aws_secretsmanager_secret");
    assertEquals("/acme-test/dev/cache", secret.path("name").asText());
    assertTrue(secret.path("lifecycle").path("prevent_destroy").asBoolean());
    assertEquals(30, secret.path("recovery_window_in_days").asInt());
    JsonNode version = json.only("aws_secretsmanager_secret_version");
    String value = version.path("secret_string").asText();
    assertTrue(value.contains("\"username\" = \"acme-test-dev-cache-app\"") && value.contains("\"password\" = " + random), value);
    assertEquals("[\"secret_string\"]", version.path("lifecycle").path("ignore_changes").toString());
    JsonNode password = json.dataSources("aws_secretsmanager_random_password").values().iterator().next();
    assertEquals(32, password.path("password_length").asInt());
    assertTrue(password.path("exclude_punctuation").asBoolean());
  }

  @Test
  void productionGetsAReplicaPerShard() {
    BlueprintStack prod = Fixtures.stack(Fixtures.app(), "test-prod-data", Fixtures.prod());
    new RedisCache(prod, "Cache", props().build());
    Synthesized.of(prod).assertResource(CLUSTER, Map.of("num_replicas_per_shard", 1));
  }

  @Test
  void everyOptionIsApplied() {
    BlueprintStack stack = Fixtures.stack("data");
    String key = "arn:aws:kms:eu-west-1:111122223333:key/abcd";
    new RedisCache(stack, "Sessions", props().nodeType("db.r7g.large").engineVersion("7.0").shards(2).replicasPerShard(2)
        .snapshotRetentionDays(14).kmsKeyArn(key).accessString("on ~session:* +@read +@write")
        .maintenanceWindow("sat:06:00-sat:07:00").snapshotWindow("01:00-02:00").build());
    Synthesized json = Synthesized.of(stack);
    json.assertResource(CLUSTER, Map.of("node_type", "db.r7g.large", "engine_version", "7.0", "num_shards", 2,
        "num_replicas_per_shard", 2, "snapshot_retention_limit", 14, "kms_key_arn", key,
        "maintenance_window", "sat:06:00-sat:07:00", "snapshot_window", "01:00-02:00"));
    json.assertResource("aws_memorydb_user", Map.of("access_string", "on ~session:* +@read +@write"));
    json.assertResource("aws_secretsmanager_secret", Map.of("kms_key_id", key));
  }

  @Test
  void onlyTheNamedPeerReachesTheCachePort() {
    BlueprintStack stack = Fixtures.stack("data");
    RedisCache cache = new RedisCache(stack, "Cache", props().build());
    SecurityGroup service = new SecurityGroup(stack, "Service", SecurityGroupProps.builder("vpc-0123", "acme-service", "service tasks").build());
    cache.allowDefaultPortFrom(service, "service to cache");
    Fixtures.assertPeerRule(Synthesized.of(stack), "acme-service", "acme-test-dev-cache", 6379);
  }

  @Test
  void grantReadSecretIsScopedToTheExactArn() {
    BlueprintStack stack = Fixtures.stack("data");
    RedisCache cache = new RedisCache(stack, "Cache", props().build());
    Role role = new Role(stack, "TaskRole", RoleProps.builder("acme-task", "ecs-tasks.amazonaws.com").build());
    cache.grantReadSecret(role);
    Synthesized json = Synthesized.of(stack);
    JsonNode statements = Synthesized.json(json.only("aws_iam_role_policy"), "policy").path("Statement");
    assertEquals(1, statements.size());
    assertEquals(json.ref("aws_secretsmanager_secret", json.only("aws_secretsmanager_secret"), "arn"),
        statements.get(0).path("Resource").asText());
    assertEquals("[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]", statements.get(0).path("Action").toString());
  }

  @Test
  void badInputFailsWithOneMessage() {
    assertEquals("engineVersion = \"6.2\" is invalid: Redis 7: \"7\" or \"7.x\" such as \"7.1\"", error(() -> props().engineVersion("6.2").build()));
    assertEquals("snapshotRetentionDays = 0 is invalid: allowed range is 1..35", error(() -> props().snapshotRetentionDays(0).build()));
    assertEquals("replicasPerShard = 6 is invalid: allowed range is 0..5", error(() -> props().replicasPerShard(6).build()));
    assertEquals("shards = 0 is invalid: allowed range is 1..500", error(() -> props().shards(0).build()));
    assertTrue(error(() -> props().nodeType("cache.t4g.small").build()).startsWith("nodeType = \"cache.t4g.small\" is invalid"));
    assertTrue(error(() -> props().accessString("~* +@all").build()).startsWith("accessString = \"~* +@all\" is invalid"));
    SubnetGroup oneAz = new SubnetGroup(SubnetTier.ISOLATED, List.of("subnet-a"), List.of("eu-west-1a"), List.of("10.0.2.0/24"), List.of("r"));
    assertEquals("subnets spans 1 availability zone(s) [eu-west-1a] (isolated tier): at least 2 are required",
        assertThrows(IllegalArgumentException.class, () -> RedisCacheProps.builder("vpc-0123", oneAz).build()).getMessage());
  }
}
