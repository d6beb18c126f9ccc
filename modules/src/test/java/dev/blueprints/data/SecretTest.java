package dev.blueprints.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String SECRET = "aws_secretsmanager_secret";
  private static final String RANDOM = "aws_secretsmanager_random_password";

  @Test
  void defaultsCreateAnEmptyProtectedSecret() {
    BlueprintStack stack = Fixtures.stack();
    Secret secret = new Secret(stack, "ApiKey", SecretProps.builder("/acme/dev/api-key").build());
    Synthesized json = Synthesized.of(stack);
    json.assertResource(SECRET, Map.of("name", "/acme/dev/api-key", "recovery_window_in_days", 30,
        "description", "Managed by Blueprints", "lifecycle.prevent_destroy", true));
    assertTrue(json.only(SECRET).path("kms_key_id").isMissingNode());
    assertEquals(0, json.count("aws_secretsmanager_secret_version"), "the value is set out of band");
    assertTrue(json.dataSources(RANDOM).isEmpty());
    assertNull(secret.generatedPassword());
  }

  @Test
  void everyOptionIsApplied() {
    BlueprintStack stack = Fixtures.stack();
    String key = "arn:aws:kms:eu-west-1:111122223333:key/abcd";
    new Secret(stack, "ApiKey", SecretProps.builder("acme-api-key").description("Partner API key").kmsKeyArn(key)
        .recoveryWindowDays(7).allowDestroy().build());
    Synthesized.of(stack).assertResource(SECRET, Map.of("description", "Partner API key", "kms_key_id", key,
        "recovery_window_in_days", 7, "lifecycle.prevent_destroy", false));
  }

  @Test
  void generatedPasswordComesFromSecretsManagerAndIsKeptAcrossPlans() {
    BlueprintStack stack = Fixtures.stack();
    new Secret(stack, "DjangoKey", SecretProps.builder("acme-django-key").generatedPassword(50, true).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode random = json.dataSources(RANDOM).values().iterator().next();
    assertEquals(50, random.path("password_length").asInt());
    assertTrue(random.path("exclude_punctuation").asBoolean());
    String randomName = json.dataSources(RANDOM).keySet().iterator().next();
    JsonNode version = json.only("aws_secretsmanager_secret_version");
    assertEquals("${data." + RANDOM + "." + randomName + ".random_password}", version.path("secret_string").asText());
    assertEquals(json.ref(SECRET, json.only(SECRET), "id"), version.path("secret_id").asText());
    assertEquals("[\"secret_string\"]", version.path("lifecycle").path("ignore_changes").toString());
  }

  @Test
  void aPlaceholderIsTheFirstVersionTaggedForFillingAndLaterValuesAreNotTerraformsToChange() {
    BlueprintStack stack = Fixtures.stack("data");
    new Secret(stack, "ApiKey", SecretProps.builder("acme/api-key").placeholder("REPLACE_ME").build());
    Synthesized json = Synthesized.of(stack);
    JsonNode secret = json.only(SECRET);
    assertEquals("true", secret.path("tags").path(SecretProps.FILL_TAG).asText());
    JsonNode version = json.only("aws_secretsmanager_secret_version");
    assertEquals("REPLACE_ME", version.path("secret_string").asText(), "consumers such as ECS tasks start with it");
    assertEquals(json.ref(SECRET, secret, "id"), version.path("secret_id").asText());
    assertEquals("secret_string", version.path("lifecycle").path("ignore_changes").get(0).asText());

    BlueprintStack empty = Fixtures.stack("data");
    new Secret(empty, "ApiKey", SecretProps.builder("acme/api-key").build());
    assertEquals(0, Synthesized.of(empty).count("aws_secretsmanager_secret_version"));
    assertTrue(Synthesized.of(empty).only(SECRET).path("tags").path(SecretProps.FILL_TAG).isMissingNode());

    var both = assertThrows(IllegalArgumentException.class,
        () -> SecretProps.builder("acme/key").generatedPassword(32, true).placeholder("x").build());
    assertEquals("placeholder = \"x\" is invalid: a secret with a generated password has its value already", both.getMessage());
  }

  @Test
  void generatedCredentialsAreStoredAsJson() {
    BlueprintStack stack = Fixtures.stack();
    new Secret(stack, "Credentials", SecretProps.builder("acme-creds").generatedCredentials("app", 32, true).build());
    Synthesized json = Synthesized.of(stack);
    String randomName = json.dataSources(RANDOM).keySet().iterator().next();
    String value = json.only("aws_secretsmanager_secret_version").path("secret_string").asText();
    assertTrue(value.startsWith("${jsonencode("), value);
    assertTrue(value.contains("\"username\" = \"app\""), value);
    assertTrue(value.contains("\"password\" = data." + RANDOM + "." + randomName + ".random_password"), value);
  }

  @Test
  void grantReadIsScopedToTheExactArn() {
    BlueprintStack stack = Fixtures.stack();
    Secret secret = new Secret(stack, "ApiKey", SecretProps.builder("acme-api-key").build());
    Role role = new Role(stack, "TaskRole", RoleProps.builder("acme-task", "ecs-tasks.amazonaws.com").build());
    secret.grantRead(role);
    secret.grantRead(role);
    Synthesized json = Synthesized.of(stack);
    JsonNode policy = json.only("aws_iam_role_policy");
    JsonNode statements = Synthesized.json(policy, "policy").path("Statement");
    assertEquals(1, statements.size());
    assertEquals("[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]", statements.get(0).path("Action").toString());
    assertEquals(json.ref(SECRET, json.only(SECRET), "arn"), statements.get(0).path("Resource").asText());
    assertEquals("ReadTestdevunitApiKey", policy.path("name").asText());
  }

  @Test
  void grantReadAddsDecryptWithACustomerKey() {
    BlueprintStack stack = Fixtures.stack();
    String key = "arn:aws:kms:eu-west-1:111122223333:key/abcd";
    Secret secret = new Secret(stack, "ApiKey", SecretProps.builder("acme-api-key").kmsKeyArn(key).build());
    Role role = new Role(stack, "TaskRole", RoleProps.builder("acme-task", "ecs-tasks.amazonaws.com").build());
    secret.grantRead(role);
    JsonNode statements = Synthesized.json(Synthesized.of(stack).only("aws_iam_role_policy"), "policy").path("Statement");
    assertEquals(2, statements.size());
    assertEquals("kms:Decrypt", statements.get(1).path("Action").asText());
    assertEquals(key, statements.get(1).path("Resource").asText());
  }

  @Test
  void recoveryWindowOutsideSevenToThirtyIsRefused() {
    assertEquals("recoveryWindowDays = 3 is invalid: allowed range is 7..30",
        assertThrows(IllegalArgumentException.class, () -> SecretProps.builder("s").recoveryWindowDays(3).build()).getMessage());
    assertEquals("recoveryWindowDays = 0 is invalid: allowed range is 7..30; deleting without recovery needs forceDeleteWithoutRecovery(reason)",
        assertThrows(IllegalArgumentException.class, () -> SecretProps.builder("s").recoveryWindowDays(0).build()).getMessage());
    assertEquals(0, SecretProps.builder("s").forceDeleteWithoutRecovery("ephemeral test secret").build().recoveryWindowDays());
  }

  @Test
  void forceDeleteWithoutRecoverySynthesizesZero() {
    BlueprintStack stack = Fixtures.stack();
    new Secret(stack, "Temp", SecretProps.builder("acme-temp").forceDeleteWithoutRecovery("recreated by every CI run").build());
    Synthesized.of(stack).assertResource(SECRET, Map.of("recovery_window_in_days", 0));
  }

  @Test
  void badInputFailsWithOneMessage() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SecretProps.builder("has space").build())
        .getMessage().startsWith("name = \"has space\" is invalid"));
    assertEquals("passwordLength = 8 is invalid: allowed range is 16..4096",
        assertThrows(IllegalArgumentException.class, () -> SecretProps.builder("s").generatedPassword(8, false).build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SecretProps.builder("s").forceDeleteWithoutRecovery("").build())
        .getMessage().startsWith("reason = \"\" is invalid"));
  }
}
