package dev.blueprints.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EncryptionKeyTest {
  private static final String ACCOUNT = "${data.aws_caller_identity.CallerIdentity.account_id}";

  private static String fails(Executable build) {
    return assertThrows(IllegalArgumentException.class, build).getMessage();
  }

  @Test
  void theDefaultKeyRotatesIsProtectedAndOnlyTheAccountAdministersIt() {
    BlueprintStack stack = Fixtures.stack("data");
    new EncryptionKey(stack, "DataKey", EncryptionKeyProps.builder().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode key = json.only("aws_kms_key");
    assertTrue(key.path("enable_key_rotation").asBoolean());
    assertEquals(EncryptionKeyProps.DEFAULT_DELETION_WINDOW_DAYS, key.path("deletion_window_in_days").asInt());
    assertTrue(key.path("lifecycle").path("prevent_destroy").asBoolean(), key.toString());
    assertEquals(EncryptionKeyProps.DEFAULT_DESCRIPTION, key.path("description").asText());
    JsonNode statements = Synthesized.json(key, "policy").path("Statement");
    assertEquals(1, statements.size(), statements.toString());
    assertEquals("AccountAdministers", statements.get(0).path("Sid").asText());
    assertEquals("kms:*", statements.get(0).path("Action").asText());
    assertEquals(ACCOUNT, statements.get(0).path("Principal").path("AWS").asText());

    JsonNode alias = json.only("aws_kms_alias");
    assertEquals("alias/acme-test-dev-data-key", alias.path("name").asText(), "the naming rule for the construct id");
    assertEquals(json.ref("aws_kms_key", key, "key_id"), alias.path("target_key_id").asText());
  }

  @Test
  void aServicePrincipalMayUseTheKeyForThisAccountOnlyUnlessItSendsNoSourceContext() {
    BlueprintStack stack = Fixtures.stack("data");
    new EncryptionKey(stack, "LogsKey", EncryptionKeyProps.builder().alias("acme/logs")
        .allowService(EncryptionKeyProps.ServiceUse.of("LogsUse", "logs.eu-west-1.amazonaws.com", "kms:Encrypt*", "kms:Decrypt*"))
        .allowService(EncryptionKeyProps.ServiceUse.withoutSourceCondition("AlarmsUse", "cloudwatch.amazonaws.com", "kms:Decrypt"))
        .build());
    Synthesized json = Synthesized.of(stack);
    JsonNode statements = Synthesized.json(json.only("aws_kms_key"), "policy").path("Statement");
    assertEquals(3, statements.size());
    JsonNode logs = statements.get(1);
    assertEquals("logs.eu-west-1.amazonaws.com", logs.path("Principal").path("Service").asText());
    assertEquals("[\"kms:Encrypt*\",\"kms:Decrypt*\"]", logs.path("Action").toString());
    assertEquals(ACCOUNT, logs.path("Condition").path("StringEquals").path("aws:SourceAccount").asText());
    JsonNode alarms = statements.get(2);
    assertEquals("cloudwatch.amazonaws.com", alarms.path("Principal").path("Service").asText());
    assertTrue(alarms.path("Condition").isMissingNode(), alarms.toString());
    assertEquals("alias/acme/logs", json.only("aws_kms_alias").path("name").asText());
  }

  @Test
  void theKeyAndItsAliasKeepTheAddressesOfAKeyAndAliasBuiltAsTwoResources() {
    BlueprintStack raw = Fixtures.stack("data");
    KmsKey key = KmsKey.Builder.create(raw, "Key").build();
    KmsAlias.Builder.create(raw, "KeyAlias").name("alias/x").targetKeyId(key.getKeyId()).build();
    BlueprintStack built = Fixtures.stack("data");
    new EncryptionKey(built, "Key", EncryptionKeyProps.builder().build());
    for (String type : List.of("aws_kms_key", "aws_kms_alias")) {
      assertEquals(Synthesized.of(raw).resources(type).keySet(), Synthesized.of(built).resources(type).keySet(), type);
    }
  }

  @Test
  void aKeyInAnotherRegionUsesTheStacksProviderForItAndGrantsNameThatRegionsService() {
    BlueprintStack stack = Fixtures.stack("data");
    EncryptionKey key = new EncryptionKey(stack, "CopiesKey", EncryptionKeyProps.builder().region("eu-central-1").build());
    Role role = new Role(stack, "Role", RoleProps.builder("acme-role", "ecs-tasks.amazonaws.com").build());
    Grant grant = key.grantDecrypt(role, "rds");
    Synthesized json = Synthesized.of(stack);
    assertEquals("aws.eu-central-1", json.only("aws_kms_key").path("provider").asText());
    assertEquals("aws.eu-central-1", json.only("aws_kms_alias").path("provider").asText());
    assertEquals("rds.eu-central-1.amazonaws.com",
        grant.statements().get(0).conditions().get(0).values().get(0));
  }

  @Test
  void grantsAllowTheKeyActionsOnThisKeyOnlyThroughTheNamedServiceWhenOneIsGiven() {
    BlueprintStack stack = Fixtures.stack("data");
    EncryptionKey key = new EncryptionKey(stack, "DataKey", EncryptionKeyProps.builder().build());
    Role role = new Role(stack, "Role", RoleProps.builder("acme-role", "ecs-tasks.amazonaws.com").build());
    Grant decrypt = key.grantDecrypt(role, "secretsmanager");
    Grant both = key.grantEncryptDecrypt(role);
    Synthesized json = Synthesized.of(stack);
    String keyArn = json.ref("aws_kms_key", json.only("aws_kms_key"), "arn");

    JsonNode viaSecrets = Synthesized.json(json.only("aws_iam_role_policy", "name", decrypt.id()), "policy").path("Statement").get(0);
    assertEquals("kms:Decrypt", viaSecrets.path("Action").asText());
    assertEquals(keyArn, viaSecrets.path("Resource").asText());
    assertEquals("secretsmanager.eu-west-1.amazonaws.com", viaSecrets.path("Condition").path("StringEquals").path("kms:ViaService").asText());

    JsonNode direct = Synthesized.json(json.only("aws_iam_role_policy", "name", both.id()), "policy").path("Statement").get(0);
    assertEquals(List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"), both.actions());
    assertEquals(keyArn, direct.path("Resource").asText());
    assertTrue(direct.path("Condition").isMissingNode());
    assertFalse(decrypt.id().equals(both.id()));
  }

  @Test
  void badPropsAreRefusedNamingTheField() {
    assertEquals("deletionWindowDays = 5 is invalid: allowed range is 7..30",
        fails(() -> EncryptionKeyProps.builder().deletionWindowDays(5).build()));
    assertTrue(fails(() -> EncryptionKeyProps.builder().alias("aws/mine").build()).startsWith("alias = \"aws/mine\" is invalid"));
    assertTrue(fails(() -> EncryptionKeyProps.builder().alias("alias/x y").build()).startsWith("alias = \"alias/x y\" is invalid"));
    assertTrue(fails(() -> EncryptionKeyProps.ServiceUse.of("Logs", "logs", "kms:Decrypt")).startsWith("services.principal = \"logs\" is invalid"));
    assertTrue(fails(() -> EncryptionKeyProps.ServiceUse.of("Logs", "logs.amazonaws.com", "kms:*")).startsWith("services.actions = \"kms:*\" is invalid"));
    assertTrue(fails(() -> EncryptionKeyProps.ServiceUse.of("Logs", "logs.amazonaws.com")).startsWith("services.actions = [] is invalid"));
    var use = EncryptionKeyProps.ServiceUse.of("Logs", "logs.amazonaws.com", "kms:Decrypt");
    assertEquals("services.sid = \"Logs\" is invalid: each statement id once",
        fails(() -> EncryptionKeyProps.builder().allowService(use).allowService(use).build()));
    BlueprintStack stack = Fixtures.stack("data");
    EncryptionKey key = new EncryptionKey(stack, "DataKey", EncryptionKeyProps.builder().build());
    Role role = new Role(stack, "Role", RoleProps.builder("acme-role", "ecs-tasks.amazonaws.com").build());
    assertTrue(fails(() -> key.grantDecrypt(role, "secretsmanager.amazonaws.com")).startsWith("service = \"secretsmanager.amazonaws.com\" is invalid"));
  }
}
