package dev.blueprints.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.ssm_parameter.SsmParameter;
import dev.blueprints.state.StateBootstrapStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One AWS account per environment: the provider's guard and role, the state's role, and their validation. */
class AccountsTest {
  static final String TOOLING = "111111111111";
  static final String DEV = "222222222222";
  static final String PROD = "333333333333";
  static final String DEPLOY = "arn:aws:iam::" + PROD + ":role/blueprints-deploy";
  static final String PLAN = "arn:aws:iam::" + PROD + ":role/ci/blueprints-plan";
  static final String STATE_ROLE = "arn:aws:iam::" + TOOLING + ":role/blueprints-state";

  private static Settings prod(AccountSettings account, StateSettings state) {
    Settings base = Fixtures.prod();
    return Settings.builder(base.project(), base.environment(), base.region())
        .availabilityZones(base.availabilityZones()).state(state).tags(base.tags()).alarmEmails(base.alarmEmails())
        .account(account).build();
  }

  private static StateSettings toolingState(LockMode lock) {
    return StateSettings.builder("acme-tfstate", Fixtures.REGION, "acme").lock(lock)
        .lockTable(lock == LockMode.DYNAMODB ? "acme-locks" : null).account(TOOLING).roleArn(STATE_ROLE).build();
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void withoutAnAccountTheProviderHasNoGuardAndNoRole() {
    Synthesized json = Synthesized.of(Fixtures.stack());
    JsonNode provider = json.root().path("provider").path("aws").get(0);
    assertTrue(provider.path("allowed_account_ids").isMissingNode());
    assertTrue(provider.path("assume_role").isMissingNode());
    assertTrue(provider.path("dynamic").isMissingNode());
    assertTrue(json.root().path("variable").isMissingNode());
    assertTrue(json.terraform().path("backend").path("s3").path("assume_role").isMissingNode());
  }

  @Test
  void anAccountWithoutARoleOnlyGuardsTheProvider() {
    Settings settings = prod(AccountSettings.of(PROD), StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme"));
    Synthesized json = Synthesized.of(Fixtures.stack(Fixtures.app(), "test-prod-unit", settings));
    JsonNode provider = json.root().path("provider").path("aws").get(0);
    assertEquals(List.of(PROD), strings(provider.path("allowed_account_ids")));
    assertTrue(provider.path("dynamic").isMissingNode());
    assertTrue(json.root().path("variable").isMissingNode());
  }

  @Test
  void aRoleIsAssumedThroughAVariableLimitedToTheDeployAndPlanRoles() {
    AccountSettings account = AccountSettings.builder(PROD).roleArn(DEPLOY).planRoleArn(PLAN)
        .externalId("blueprints-ext-42").sessionName("blueprints-prod").build();
    Synthesized json = Synthesized.of(Fixtures.stack(Fixtures.app(), "test-prod-unit", prod(account, toolingState(LockMode.LOCKFILE))));
    JsonNode provider = json.root().path("provider").path("aws").get(0);
    assertEquals(List.of(PROD), strings(provider.path("allowed_account_ids")));
    assertTrue(provider.path("assume_role").isMissingNode(), "the block is dynamic, absent when the variable is empty");
    JsonNode dynamic = provider.path("dynamic").path("assume_role");
    assertEquals("${compact([var.aws_role_arn])}", dynamic.path("for_each").asText());
    assertEquals("${assume_role.value}", dynamic.path("content").path("role_arn").asText());
    assertEquals("blueprints-ext-42", dynamic.path("content").path("external_id").asText());
    assertEquals("blueprints-prod", dynamic.path("content").path("session_name").asText());

    JsonNode variable = json.root().path("variable").path(Providers.ROLE_VARIABLE);
    assertEquals("string", variable.path("type").asText());
    assertEquals(DEPLOY, variable.path("default").asText(), "Terraform deploys with the deploy role unless told otherwise");
    assertEquals("${contains([\"\", \"" + DEPLOY + "\", \"" + PLAN + "\"], var.aws_role_arn)}",
        variable.path("validation").get(0).path("condition").asText());
    assertTrue(variable.path("validation").get(0).path("error_message").asText().contains(PLAN));
  }

  @Test
  void withoutExternalIdOrSessionNameTheBlockHasOnlyTheRole() {
    Synthesized json = Synthesized.of(Fixtures.stack(Fixtures.app(), "test-prod-unit",
        prod(AccountSettings.withRole(PROD, DEPLOY), StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme"))));
    JsonNode content = json.root().path("provider").path("aws").get(0).path("dynamic").path("assume_role").path("content");
    assertEquals(List.of("role_arn"), fieldNames(content));
    JsonNode variable = json.root().path("variable").path(Providers.ROLE_VARIABLE);
    assertEquals("${contains([\"\", \"" + DEPLOY + "\"], var.aws_role_arn)}", variable.path("validation").get(0).path("condition").asText());
  }

  @Test
  void theBackendAndEveryRemoteStateReadAssumeTheStateRole(@TempDir Path outdir) {
    App app = new App(AppConfig.builder().outdir(outdir.toString()).stackTraces(false).build());
    Settings settings = prod(AccountSettings.withRole(PROD, DEPLOY), toolingState(LockMode.LOCKFILE));
    BlueprintStack producer = Fixtures.stack(app, "test-prod-network", settings);
    BlueprintStack consumer = Fixtures.stack(app, "test-prod-data", settings);
    SsmParameter parameter = SsmParameter.Builder.create(producer, "Param").name("/acme/p").type("String").value("v").build();
    TerraformOutput.Builder.create(consumer, "Read").value(parameter.getArn()).build();
    app.synth();

    Synthesized data = Synthesized.read(outdir.resolve("stacks/test-prod-data/cdk.tf.json"));
    JsonNode s3 = data.terraform().path("backend").path("s3");
    assertEquals(STATE_ROLE, s3.path("assume_role").path("role_arn").asText());
    assertTrue(s3.path("role_arn").isMissingNode(), "the deprecated top-level role_arn is not used");
    assertEquals(">= 1.10.0", data.terraform().path("required_version").asText());

    JsonNode reads = data.root().path("data").path("terraform_remote_state");
    assertEquals(1, reads.size());
    JsonNode config = reads.elements().next().path("config");
    assertEquals("acme/test-prod-network.tfstate", config.path("key").asText());
    assertEquals("acme-tfstate", config.path("bucket").asText());
    assertEquals(STATE_ROLE, config.path("assume_role").path("role_arn").asText());
    assertTrue(data.root().path("output").path("Read").path("value").asText().startsWith("${data.terraform_remote_state."));

    Synthesized network = Synthesized.read(outdir.resolve("stacks/test-prod-network/cdk.tf.json"));
    assertEquals(STATE_ROLE, network.terraform().path("backend").path("s3").path("assume_role").path("role_arn").asText());
  }

  @Test
  void withDynamoDbLockingTheStateRoleAsksForTerraform16() {
    Synthesized json = Synthesized.of(Fixtures.stack(Fixtures.app(), "test-prod-unit",
        prod(AccountSettings.of(PROD), toolingState(LockMode.DYNAMODB))));
    assertEquals(">= 1.6.0", json.terraform().path("required_version").asText());
    assertEquals(STATE_ROLE, json.terraform().path("backend").path("s3").path("assume_role").path("role_arn").asText());
    assertEquals("acme-locks", json.terraform().path("backend").path("s3").path("dynamodb_table").asText());
  }

  @Test
  void theBootstrapStackTargetsTheStateAccountWithTheCredentialsAsTheyAre() {
    Synthesized json = Synthesized.of(new StateBootstrapStack(Fixtures.app(), StateBootstrapStack.ID, "acme",
        toolingState(LockMode.LOCKFILE), Map.of()));
    JsonNode provider = json.root().path("provider").path("aws").get(0);
    assertEquals(List.of(TOOLING), strings(provider.path("allowed_account_ids")));
    assertTrue(provider.path("dynamic").isMissingNode());
    assertTrue(json.terraform().path("backend").path("local").isObject(), "its own state stays local until the bucket exists");

    Synthesized plain = Synthesized.of(new StateBootstrapStack(Fixtures.app(), StateBootstrapStack.ID, "acme",
        StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme"), Map.of()));
    assertTrue(plain.root().path("provider").path("aws").get(0).path("allowed_account_ids").isMissingNode());
  }

  @Test
  void accountIdsAreTwelveDigits() {
    assertEquals("account.id = \"12345\" is invalid: a 12-digit AWS account id such as 123456789012",
        message(() -> AccountSettings.of("12345")));
    assertEquals("account.id = null is invalid: a 12-digit AWS account id such as 123456789012", message(() -> AccountSettings.of(null)));
    assertTrue(message(() -> AccountSettings.of("12345678901a")).startsWith("account.id = \"12345678901a\" is invalid"));
    assertTrue(message(() -> StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme").inAccount("1111", null))
        .startsWith("state.account = \"1111\" is invalid: a 12-digit"));
  }

  @Test
  void rolesMustBeIamRolesOfTheirAccount() {
    assertEquals("account.roleArn = \"" + DEPLOY + "\" is invalid: a role of account account.id = " + DEV
        + ", but the ARN names account " + PROD, message(() -> AccountSettings.withRole(DEV, DEPLOY)));
    assertEquals("account.planRoleArn = \"" + PLAN + "\" is invalid: a role of account account.id = " + DEV
        + ", but the ARN names account " + PROD,
        message(() -> AccountSettings.builder(DEV).roleArn("arn:aws:iam::" + DEV + ":role/deploy")
            .planRoleArn(PLAN).build()));
    assertTrue(message(() -> AccountSettings.withRole(PROD, "arn:aws:iam::" + PROD + ":user/deploy"))
        .startsWith("account.roleArn = \"arn:aws:iam::" + PROD + ":user/deploy\" is invalid: an IAM role ARN"));
    assertTrue(message(() -> AccountSettings.withRole(PROD, "arn:aws:sts::" + PROD + ":assumed-role/deploy/x"))
        .contains("an IAM role ARN"));
    assertEquals("state.roleArn = \"" + DEPLOY + "\" is invalid: a role of account state.account = " + TOOLING
        + ", but the ARN names account " + PROD,
        message(() -> StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme").inAccount(TOOLING, DEPLOY)));
    // Other partitions, paths.
    AccountSettings.withRole(PROD, "arn:aws-us-gov:iam::" + PROD + ":role/a/b/deploy");
    assertEquals(TOOLING, StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme").inAccount(null, STATE_ROLE).account(),
        "the state account follows from the role when only the role is given");
  }

  @Test
  void planRoleExternalIdAndSessionNameNeedTheDeployRole() {
    assertTrue(message(() -> AccountSettings.builder(PROD).planRoleArn(PLAN).build())
        .startsWith("account.planRoleArn = \"" + PLAN + "\" is invalid: only used with account.roleArn"));
    assertTrue(message(() -> AccountSettings.builder(PROD)
        .externalId("ext-1").build()).startsWith("account.externalId"));
    assertTrue(message(() -> AccountSettings.builder(PROD)
        .sessionName("s1").build()).startsWith("account.sessionName"));
    assertTrue(message(() -> AccountSettings.builder(PROD).roleArn(DEPLOY).planRoleArn(DEPLOY).build())
        .contains("a read-only role other than account.roleArn"));
    assertTrue(message(() -> AccountSettings.builder(PROD).roleArn(DEPLOY).sessionName("has space").build())
        .startsWith("account.sessionName = \"has space\" is invalid: 2-64 letters"));
    assertTrue(message(() -> AccountSettings.builder(PROD).roleArn(DEPLOY)
        .externalId("x").build()).startsWith("account.externalId = \"x\""));
    assertFalse(AccountSettings.of(PROD).hasRole());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
