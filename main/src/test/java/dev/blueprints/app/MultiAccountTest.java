package dev.blueprints.app;

import static dev.blueprints.blueprints.BlueprintAssertions.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprints.state.StateBootstrapStack;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-app synth with three accounts (tooling holds the state, dev and prod one each; settings in
 * {@code src/test/resources/multi-account}) against the single-account committed settings.
 */
class MultiAccountTest {
  static final Path MULTI = Path.of("src", "test", "resources", "multi-account");
  static final String TOOLING = "111111111111";
  static final Map<String, String> ACCOUNTS = Map.of("dev", "222222222222", "prod", "333333333333");
  static final String STATE_ROLE = "arn:aws:iam::111111111111:role/bp-terraform-state";

  private static AppSynth multi() {
    return AppSynth.of(new Selection(List.of("three-tier"), List.of("dev", "prod"), MULTI));
  }

  @Test
  void everyStackIsGuardedAndAssumesItsEnvironmentsRoles() {
    AppSynth app = multi();
    int stacks = 0;
    int reads = 0;
    for (var entry : app.stacks().entrySet()) {
      if (entry.getKey().equals(StateBootstrapStack.ID)) continue;
      String env = entry.getKey().split("-")[2];
      String account = ACCOUNTS.get(env);
      Synthesized json = entry.getValue();
      JsonNode provider = json.root().path("provider").path("aws").get(0);
      assertEquals(List.of(account), texts(provider.path("allowed_account_ids")), entry.getKey());
      assertEquals("${assume_role.value}", provider.path("dynamic").path("assume_role").path("content").path("role_arn").asText());
      assertEquals("bp-" + env, provider.path("dynamic").path("assume_role").path("content").path("session_name").asText());
      JsonNode variable = json.root().path("variable").path("aws_role_arn");
      assertEquals("arn:aws:iam::" + account + ":role/bp-deploy", variable.path("default").asText(), entry.getKey());
      assertTrue(variable.path("validation").get(0).path("condition").asText().contains("arn:aws:iam::" + account + ":role/bp-plan"));
      assertEquals(STATE_ROLE, json.terraform().path("backend").path("s3").path("assume_role").path("role_arn").asText());
      for (JsonNode read : iterable(json.root().path("data").path("terraform_remote_state"))) {
        assertEquals(STATE_ROLE, read.path("config").path("assume_role").path("role_arn").asText(), entry.getKey());
        assertEquals("blueprints-tfstate-example", read.path("config").path("bucket").asText());
        reads++;
      }
      stacks++;
    }
    assertEquals(6, stacks, "three-tier has three stacks per environment");
    assertTrue(reads >= 4, "the later layers read earlier ones through remote state: " + reads);

    JsonNode bootstrap = app.stack(StateBootstrapStack.ID).root().path("provider").path("aws").get(0);
    assertEquals(List.of(TOOLING), texts(bootstrap.path("allowed_account_ids")));
    assertTrue(bootstrap.path("dynamic").isMissingNode());
  }

  @Test
  void theCommittedSingleAccountSettingsAddNoGuardAndNoRole() {
    AppSynth app = AppSynth.of(List.of("three-tier"), List.of("dev", "prod"));
    for (var entry : app.stacks().entrySet()) {
      JsonNode root = entry.getValue().root();
      JsonNode provider = root.path("provider").path("aws").get(0);
      assertTrue(provider.path("allowed_account_ids").isMissingNode(), entry.getKey());
      assertTrue(provider.path("dynamic").isMissingNode(), entry.getKey());
      assertTrue(root.path("variable").path("aws_role_arn").isMissingNode(), entry.getKey());
      assertTrue(entry.getValue().terraform().path("backend").path("s3").path("assume_role").isMissingNode(), entry.getKey());
      for (JsonNode read : iterable(root.path("data").path("terraform_remote_state"))) {
        assertTrue(read.path("config").path("assume_role").isMissingNode(), entry.getKey());
      }
    }
  }

  // --- validation of the settings files -------------------------------------------------------------------

  private static String loadFails(Path dir) {
    return assertThrows(IllegalArgumentException.class,
        () -> BlueprintsApp.load(new Selection(List.of("three-tier"), List.of("dev", "prod"), dir))).getMessage();
  }

  /** The multi-account files copied into {@code dir}, each changed by {@code edit}. */
  private static Path copy(Path dir, Map<String, Consumer<ObjectNode>> edits) throws IOException {
    for (String env : List.of("dev", "prod")) {
      ObjectNode root = (ObjectNode) Synthesized.JSON.readTree(MULTI.resolve(env + ".json").toFile());
      edits.getOrDefault(env, r -> { }).accept(root);
      Files.writeString(dir.resolve(env + ".json"), Synthesized.JSON.writeValueAsString(root));
    }
    return dir;
  }

  @Test
  void aProdRoleInAnotherAccountNamesBoth(@TempDir Path dir) throws IOException {
    copy(dir, Map.of("prod", r -> ((ObjectNode) r.path("account")).put("roleArn", "arn:aws:iam::222222222222:role/bp-deploy")));
    assertEquals("account.roleArn = \"arn:aws:iam::222222222222:role/bp-deploy\" is invalid: a role of account account.id = "
        + "333333333333, but the ARN names account 222222222222", loadFails(dir));
  }

  @Test
  void accountIdsAreTwelveDigits(@TempDir Path dir) throws IOException {
    copy(dir, Map.of("dev", r -> ((ObjectNode) r.path("account")).put("id", "2222-2222-2222")));
    assertTrue(loadFails(dir).startsWith("account.id = \"2222-2222-2222\" is invalid: a 12-digit AWS account id"));
  }

  @Test
  void theStateRoleBelongsToTheStateAccount(@TempDir Path dir) throws IOException {
    Consumer<ObjectNode> edit = r -> ((ObjectNode) r.path("state")).put("roleArn", "arn:aws:iam::333333333333:role/bp-terraform-state");
    copy(dir, Map.of("dev", edit, "prod", edit));
    assertEquals("state.roleArn = \"arn:aws:iam::333333333333:role/bp-terraform-state\" is invalid: a role of account "
        + "state.account = 111111111111, but the ARN names account 333333333333", loadFails(dir));
  }

  @Test
  void devAndProdShareAnAccountOnlyWhenBothSaySo(@TempDir Path dir) throws IOException {
    Consumer<ObjectNode> intoDev = r -> {
      ObjectNode account = (ObjectNode) r.path("account");
      account.put("id", "222222222222").put("roleArn", "arn:aws:iam::222222222222:role/bp-deploy")
          .put("planRoleArn", "arn:aws:iam::222222222222:role/bp-plan");
    };
    copy(dir, Map.of("prod", intoDev));
    assertEquals("account.id = \"222222222222\" is invalid in both dev and prod: each environment needs an account of its own;"
        + " to share one on purpose, set \"shared\": true under account in both settings files", loadFails(dir));

    copy(dir, Map.of("prod", intoDev.andThen(r -> ((ObjectNode) r.path("account")).put("shared", true))));
    assertTrue(loadFails(dir).startsWith("account.id = \"222222222222\" is invalid in both dev and prod"), "one side is not enough");

    Consumer<ObjectNode> shared = r -> ((ObjectNode) r.path("account")).put("shared", true);
    copy(dir, Map.of("dev", shared, "prod", intoDev.andThen(shared)));
    var deployment = BlueprintsApp.load(new Selection(List.of("three-tier"), List.of("dev", "prod"), dir));
    assertEquals("222222222222", deployment.environments().get("prod").settings().account().id());
  }

  @Test
  void anAccountForOneEnvironmentOnlyIsRefused(@TempDir Path dir) throws IOException {
    copy(dir, Map.of("dev", r -> r.remove("account")));
    String message = loadFails(dir);
    assertTrue(message.endsWith("dev.json: account is absent, but environment prod declares account 333333333333: declare "
        + "account.id for every environment synthesized together, or for none"), message);
  }

  @Test
  void unknownAccountFieldsAndStateAccountsThatDifferAreErrors(@TempDir Path dir) throws IOException {
    copy(dir, Map.of("dev", r -> ((ObjectNode) r.path("account")).put("role", "x")));
    assertTrue(loadFails(dir).contains("unknown field account.role; allowed fields are [externalId, id, planRoleArn, roleArn, sessionName, shared]"));
    copy(dir, Map.of("dev", r -> ((ObjectNode) r.path("state")).remove("roleArn")));
    assertTrue(loadFails(dir).contains("share one state bucket, region, lock, account and role"));
  }

  private static Iterable<JsonNode> iterable(JsonNode object) {
    List<JsonNode> out = new ArrayList<>();
    object.elements().forEachRemaining(out::add);
    return out;
  }
}
