package dev.blueprints.state;

import dev.blueprints.core.StateSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateBootstrapStackTest {
  private static Synthesized bootstrap(StateSettings state) {
    return Synthesized.of(new StateBootstrapStack(Fixtures.app(), StateBootstrapStack.ID, "acme", state, Map.of()));
  }

  @Test
  void theSettingsConstructorBuildsWhatTheSettingsValuesGiveAndRefusesNone() {
    var settings = Fixtures.dev();
    String fromSettings = Synthesized.of(new StateBootstrapStack(Fixtures.app(), settings)).root().toString();
    String fromValues = Synthesized.of(new StateBootstrapStack(Fixtures.app(), StateBootstrapStack.ID, settings.project(),
        settings.state(), settings.tags())).root().toString();
    assertEquals(fromValues, fromSettings);
    assertTrue(fromSettings.contains("\"CostCenter\":\"42\""), "the settings' tags");
    assertEquals("settings = null is invalid: a value is required", org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new StateBootstrapStack(Fixtures.app(), null)).getMessage());
  }

  @Test
  void stateBucketIsVersionedEncryptedPrivateTlsOnlyAndProtected() {
    Synthesized json = bootstrap(StateSettings.lockfile("acme-tfstate", "eu-west-1", "acme"));
    JsonNode bucket = json.only("aws_s3_bucket");
    assertEquals("acme-tfstate", bucket.path("bucket").asText());
    assertTrue(bucket.path("lifecycle").path("prevent_destroy").asBoolean());
    assertEquals(false, bucket.path("force_destroy").asBoolean());
    String bucketId = json.ref("aws_s3_bucket", bucket, "id");

    json.assertResource("aws_s3_bucket_versioning", Map.of("bucket", bucketId, "versioning_configuration.status", "Enabled"));
    json.assertResource("aws_s3_bucket_server_side_encryption_configuration",
        Map.of("bucket", bucketId, "rule.0.apply_server_side_encryption_by_default.sse_algorithm", "aws:kms"));
    json.assertResource("aws_s3_bucket_public_access_block", Map.of("bucket", bucketId, "block_public_acls", true,
        "block_public_policy", true, "ignore_public_acls", true, "restrict_public_buckets", true));
    json.assertResource("aws_s3_bucket_ownership_controls", Map.of("rule.object_ownership", "BucketOwnerEnforced"));
    json.assertResource("aws_s3_bucket_lifecycle_configuration",
        Map.of("rule.0.noncurrent_version_expiration.noncurrent_days", 365, "rule.0.status", "Enabled"));

    JsonNode policy = Synthesized.json(json.only("aws_s3_bucket_policy"), "policy");
    JsonNode deny = policy.path("Statement").get(0);
    assertEquals("Deny", deny.path("Effect").asText());
    assertEquals("false", deny.path("Condition").path("Bool").path("aws:SecureTransport").asText());
    assertEquals(json.ref("aws_s3_bucket", bucket, "arn") + "/*", deny.path("Resource").get(1).asText());

    assertTrue(json.terraform().path("backend").has("local"), "the bootstrap cannot keep state in the bucket it creates");
    assertEquals(0, json.count("aws_dynamodb_table"), "no lock table with S3 lock files");
  }

  @Test
  void dynamoDbModeAddsAProtectedOnDemandLockTable() {
    Synthesized json = bootstrap(StateSettings.builder("acme-tfstate", "eu-west-1", "acme")
        .dynamoDbLock("acme-locks").build());
    json.assertResource("aws_dynamodb_table", Map.of("name", "acme-locks", "billing_mode", "PAY_PER_REQUEST",
        "hash_key", "LockID", "point_in_time_recovery.enabled", true, "server_side_encryption.enabled", true,
        "deletion_protection_enabled", true, "lifecycle.prevent_destroy", true));
  }
}
