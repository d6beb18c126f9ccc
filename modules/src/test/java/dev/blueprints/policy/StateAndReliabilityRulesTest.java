package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.rule;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.state.StateBootstrapStack;
import dev.blueprints.core.StateSettings;
import dev.blueprints.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateAndReliabilityRulesTest {
  @Test
  void blueprintStacksHaveAnEncryptedLockedS3Backend() {
    BlueprintStack stack = dev();
    rule(stack, "BP-STATE-001", "terraform").passes()
        .after(() -> stack.addOverride("terraform.backend.s3.use_lockfile", false))
        .fails("the S3 backend has no locking")
        .after(() -> stack.addOverride("terraform.backend.s3.encrypt", false))
        .fails("the S3 backend has encrypt = false")
        .after(() -> stack.addOverride("terraform.backend.s3.dynamodb_table", "locks"))
        .after(() -> stack.addOverride("terraform.backend.s3.encrypt", true)).passes();
  }

  @Test
  void onlyTheBootstrapStackKeepsLocalState() {
    TerraformStack plain = new TerraformStack(Fixtures.app(), "plain");
    fails(plain, "BP-STATE-001", "terraform", "state is local (no backend)");
    TerraformStack local = new TerraformStack(Fixtures.app(), "other");
    new LocalBackend(local, com.hashicorp.cdktf.LocalBackendConfig.builder().path("x.tfstate").build());
    fails(local, "BP-STATE-001", "terraform", "state is local (local backend)");
    StateBootstrapStack bootstrap = new StateBootstrapStack(Fixtures.app(), StateBootstrapStack.ID, "acme",
        StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme"), Map.of());
    for (Finding f : Policy.check(bootstrap).findings()) {
      throw new AssertionError("the bootstrap stack should pass every rule: " + f.line());
    }
  }

  @Test
  void statefulResourcesPreventDestroy() {
    BlueprintStack stack = dev();
    S3Bucket bucket = S3Bucket.Builder.create(stack, "Raw").bucket("acme-raw")
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build()).build();
    DynamodbTable table = DynamodbTable.Builder.create(stack, "Table").name("t").hashKey("id").billingMode("PAY_PER_REQUEST")
        .attribute(List.of(com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute.builder().name("id").type("S").build()))
        .build();
    rule(stack, "BP-REL-001", "aws_dynamodb_table.Table")
        .fails("lifecycle.prevent_destroy is absent")
        .after(() -> table.setLifecycle(TerraformResourceLifecycle.builder().preventDestroy(false).build()))
        .fails("lifecycle.prevent_destroy is false")
        .after(() -> table.setLifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build())).passes();
    bucket.setLifecycle(TerraformResourceLifecycle.builder().build());
    fails(stack, "BP-REL-001", "aws_s3_bucket.Raw", "lifecycle.prevent_destroy is absent");
  }

  @Test
  void theEnvironmentComesFromTheDefaultTagOrTheStackName() {
    BlueprintStack stack = PolicyAssert.prod();
    assertEnvironment("prod", stack);
    assertEnvironment("dev", dev());
    assertEnvironment("qa", new TerraformStack(Fixtures.app(), "shop-qa-data"));
  }

  private static void assertEnvironment(String expected, TerraformStack stack) {
    var json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(stack.toTerraform());
    org.junit.jupiter.api.Assertions.assertEquals(expected, new StackView(stack.getNode().getPath(),
        (com.fasterxml.jackson.databind.JsonNode) json).environment());
  }

  @Test
  void lockTableModeKeepsTheBootstrapClean() {
    StateBootstrapStack bootstrap = new StateBootstrapStack(Fixtures.app(), StateBootstrapStack.ID, "acme",
        StateSettings.builder("acme-tfstate", Fixtures.REGION, "acme").dynamoDbLock("acme-tflock").build(), Map.of());
    List<Finding> blocking = Policy.check(bootstrap).blocking();
    if (!blocking.isEmpty()) throw new AssertionError("bootstrap with a lock table: " + blocking.stream().map(Finding::line).toList());
  }
}
