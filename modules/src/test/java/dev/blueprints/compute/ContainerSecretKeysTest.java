package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.Secret;
import dev.blueprints.data.SecretProps;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Container secrets given as the library's secrets: the execution role may read them and decrypt them with their keys. */
class ContainerSecretKeysTest {
  private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";

  private final BlueprintStack stack = Fixtures.stack("compute");
  private final EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.builder().build());

  private JsonNode readSecrets(ContainerSpec.Builder container) {
    new EcsService(stack, "Api", EcsServiceProps.builder(cluster, "vpc-0123", LoadBalancerTest.PRIVATE)
        .container(container.build()).build());
    Synthesized json = Synthesized.of(stack);
    return Synthesized.json(json.only("aws_iam_role_policy", "name", "ReadSecrets"), "policy").path("Statement");
  }

  @Test
  void aSecretUnderACustomerKeyIsDecryptedThroughSecretsManagerOnly() {
    Secret plain = new Secret(stack, "Plain", SecretProps.builder("acme/plain").build());
    Secret keyed = new Secret(stack, "Keyed", SecretProps.builder("acme/keyed").kmsKeyArn(KEY).build());
    Database db = new Database(stack, "Db", DatabaseProps.postgres("16").vpcId("vpc-0123")
        .subnets(Fixtures.network(stack).subnets(SubnetTier.ISOLATED)).kmsKeyArn(KEY).build());
    JsonNode statements = readSecrets(ContainerSpec.builder("api", EcsServiceTest.IMAGE)
        .secret("PLAIN", plain).secret("TOKEN", keyed, "token").secret("DB_PASSWORD", db, "password"));
    assertEquals(2, statements.size(), statements.toString());
    assertEquals(3, statements.get(0).path("Resource").size(), "GetSecretValue on each secret's own ARN");
    JsonNode decrypt = statements.get(1);
    assertEquals("DecryptSecrets", decrypt.path("Sid").asText());
    assertEquals("kms:Decrypt", decrypt.path("Action").asText());
    assertEquals(KEY, decrypt.path("Resource").asText(), "the one key, once");
    assertEquals("secretsmanager.eu-west-1.amazonaws.com", decrypt.path("Condition").path("StringEquals").path("kms:ViaService").asText());
    assertEquals(KEY, db.secretKmsKeyArn());

    JsonNode definitions = Synthesized.json(Synthesized.of(stack).only("aws_ecs_task_definition"), "container_definitions");
    List<String> valueFrom = new java.util.ArrayList<>();
    definitions.get(0).path("secrets").forEach(s -> valueFrom.add(s.path("name").asText() + "=" + s.path("valueFrom").asText()));
    assertTrue(valueFrom.get(0).startsWith("DB_PASSWORD=${aws_db_instance.") && valueFrom.get(0).endsWith(":password::"), valueFrom.toString());
    assertTrue(valueFrom.get(2).endsWith(":token::"), valueFrom.toString());
  }

  @Test
  void secretsUnderTheAwsManagedKeyNeedNoKmsStatement() {
    Secret plain = new Secret(stack, "Plain", SecretProps.builder("acme/plain").build());
    JsonNode statements = readSecrets(ContainerSpec.builder("api", EcsServiceTest.IMAGE).secret("PLAIN", plain));
    assertEquals(1, statements.size(), statements.toString());
    assertEquals("secretsmanager:GetSecretValue", statements.get(0).path("Action").asText());
  }

  @Test
  void aMissingSecretIsRefusedNamingTheVariable() {
    assertEquals("container.secret TOKEN = null is invalid: a value is required",
        EcsServiceTest.fails(() -> ContainerSpec.builder("api", EcsServiceTest.IMAGE).secret("TOKEN", (Secret) null)).getMessage());
    assertEquals("container.secret DB = null is invalid: a value is required",
        EcsServiceTest.fails(() -> ContainerSpec.builder("api", EcsServiceTest.IMAGE).secret("DB", (Database) null, "password")).getMessage());
  }
}
