package dev.blueprints.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.core.StateSettings;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketTest {
  private static final String BUCKET = "aws_s3_bucket";

  private static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode s : policy.path("Statement")) if (s.path("Sid").asText().equals(sid)) return s;
    throw new AssertionError("no statement " + sid + " in " + policy);
  }

  private static List<String> sids(JsonNode policy) {
    List<String> out = new ArrayList<>();
    policy.path("Statement").forEach(s -> out.add(s.path("Sid").asText()));
    return out;
  }

  @Test
  void withoutANameTheBucketTakesTheStacksGlobalNameForItsId() {
    BlueprintStack stack = Fixtures.stack();
    new Bucket(stack, "UserUploads", BucketProps.builder().build());
    Bucket.forLoadBalancerLogs(stack, "AccessLogs");
    Synthesized json = Synthesized.of(stack);
    String account = "${data.aws_caller_identity.CallerIdentity.account_id}";
    json.assertResource(BUCKET, Map.of("bucket", "acme-test-dev-user-uploads-" + account + "-eu-west-1"));
    json.assertResource(BUCKET, Map.of("bucket", "acme-test-dev-access-logs-" + account + "-eu-west-1"));
    assertEquals("acme-test-dev-assets", BucketProps.builder().name("acme-test-dev-assets").build().name());
    assertEquals(null, BucketProps.builder().build().name());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BucketProps.builder().name("Not_Valid").build())
        .getMessage().startsWith("name = \"Not_Valid\" is invalid: 3-63 lowercase letters"));
  }

  @Test
  void defaultsArePrivateEncryptedVersionedAndProtected() {
    BlueprintStack stack = Fixtures.stack();
    Bucket bucket = new Bucket(stack, "Assets", BucketProps.builder().name("acme-test-dev-assets").build());
    Synthesized json = Synthesized.of(stack);
    JsonNode resource = json.assertResource(BUCKET, Map.of("bucket", "acme-test-dev-assets", "force_destroy", false,
        "lifecycle.prevent_destroy", true));
    String id = json.ref(BUCKET, resource, "id");
    String arn = json.ref(BUCKET, resource, "arn");
    json.assertResource("aws_s3_bucket_public_access_block", Map.of("bucket", id, "block_public_acls", true,
        "block_public_policy", true, "ignore_public_acls", true, "restrict_public_buckets", true));
    json.assertResource("aws_s3_bucket_ownership_controls", Map.of("rule.object_ownership", "BucketOwnerEnforced"));
    json.assertResource("aws_s3_bucket_server_side_encryption_configuration", Map.of(
        "rule.apply_server_side_encryption_by_default.sse_algorithm", "aws:kms", "rule.bucket_key_enabled", true));
    json.assertResource("aws_s3_bucket_versioning", Map.of("versioning_configuration.status", "Enabled"));
    JsonNode lifecycle = json.only("aws_s3_bucket_lifecycle_configuration");
    assertEquals(90, Synthesized.at(lifecycle, "rule.noncurrent_version_expiration.noncurrent_days").asInt());
    assertEquals(7, Synthesized.at(lifecycle, "rule.abort_incomplete_multipart_upload.days_after_initiation").asInt());
    assertTrue(Synthesized.at(lifecycle, "rule.expiration").isMissingNode());
    JsonNode policy = Synthesized.json(json.only("aws_s3_bucket_policy"), "policy");
    assertEquals(List.of("DenyInsecureTransport"), sids(policy));
    JsonNode deny = statement(policy, "DenyInsecureTransport");
    assertEquals("Deny", deny.path("Effect").asText());
    assertEquals("false", deny.at("/Condition/Bool/aws:SecureTransport").asText());
    assertEquals("[\"" + arn + "\",\"" + arn + "/*\"]", deny.path("Resource").toString());
    assertTrue(json.dataSources("aws_elb_service_account").isEmpty());
    assertTrue(bucket.arn().contains("${TfToken"), "arn is a reference");
  }

  @Test
  void everyOptionIsApplied() {
    BlueprintStack stack = Fixtures.stack();
    String key = "arn:aws:kms:eu-west-1:111122223333:key/abcd";
    new Bucket(stack, "Exports", BucketProps.builder().name("acme-exports").kmsKeyArn(key).versioned(false).noncurrentVersionDays(30)
        .expirationDays(365).allowDestroy()
        .statement(PolicyStatement.allow("ReadByAnalytics", List.of("s3:GetObject"), List.of("arn:aws:s3:::acme-exports/*"))
            .withPrincipals(Map.of("AWS", List.of("arn:aws:iam::111122223333:root"))))
        .build());
    Synthesized json = Synthesized.of(stack);
    json.assertResource(BUCKET, Map.of("lifecycle.prevent_destroy", false));
    json.assertResource("aws_s3_bucket_server_side_encryption_configuration",
        Map.of("rule.apply_server_side_encryption_by_default.kms_master_key_id", key));
    json.assertResource("aws_s3_bucket_versioning", Map.of("versioning_configuration.status", "Suspended"));
    JsonNode lifecycle = json.only("aws_s3_bucket_lifecycle_configuration");
    assertEquals(365, Synthesized.at(lifecycle, "rule.expiration.days").asInt());
    assertEquals(30, Synthesized.at(lifecycle, "rule.noncurrent_version_expiration.noncurrent_days").asInt());
    assertEquals(List.of("DenyInsecureTransport", "ReadByAnalytics"), sids(Synthesized.json(json.only("aws_s3_bucket_policy"), "policy")));
  }

  @Test
  void s3ManagedEncryption() {
    BlueprintStack stack = Fixtures.stack();
    new Bucket(stack, "Plain", BucketProps.builder().name("acme-plain").encryption(BucketEncryption.S3_MANAGED).build());
    Synthesized.of(stack).assertResource("aws_s3_bucket_server_side_encryption_configuration", Map.of(
        "rule.apply_server_side_encryption_by_default.sse_algorithm", "AES256", "rule.bucket_key_enabled", false));
  }

  @Test
  void loadBalancerLogBucketAcceptsAlbAndNlbDelivery() {
    BlueprintStack stack = Fixtures.stack();
    Bucket.forLoadBalancerLogs(stack, "AccessLogs", "acme-test-dev-access-logs");
    Synthesized json = Synthesized.of(stack);
    JsonNode resource = json.assertResource(BUCKET, Map.of("bucket", "acme-test-dev-access-logs", "lifecycle.prevent_destroy", true));
    String arn = json.ref(BUCKET, resource, "arn");
    json.assertResource("aws_s3_bucket_server_side_encryption_configuration",
        Map.of("rule.apply_server_side_encryption_by_default.sse_algorithm", "AES256"));
    json.assertResource("aws_s3_bucket_versioning", Map.of("versioning_configuration.status", "Enabled"));
    assertEquals(90, Synthesized.at(json.only("aws_s3_bucket_lifecycle_configuration"), "rule.expiration.days").asInt());

    String account = "${data.aws_caller_identity." + json.dataSources("aws_caller_identity").keySet().iterator().next() + ".account_id}";
    String elbAccount = "${data.aws_elb_service_account." + json.dataSources("aws_elb_service_account").keySet().iterator().next() + ".arn}";
    String objects = "[\"" + arn + "/AWSLogs/" + account + "/*\",\"" + arn + "/*/AWSLogs/" + account + "/*\"]";
    JsonNode policy = Synthesized.json(json.only("aws_s3_bucket_policy"), "policy");
    assertEquals(List.of("DenyInsecureTransport", "ElbAccountWritesLogs", "ElbServiceWritesLogs", "NlbDeliveryWritesLogs",
        "NlbDeliveryReadsAcl"), sids(policy));

    JsonNode elb = statement(policy, "ElbAccountWritesLogs");
    assertEquals(elbAccount, elb.at("/Principal/AWS").asText());
    assertEquals("s3:PutObject", elb.path("Action").asText());
    assertEquals(objects, elb.path("Resource").toString());
    JsonNode service = statement(policy, "ElbServiceWritesLogs");
    assertEquals("logdelivery.elasticloadbalancing.amazonaws.com", service.at("/Principal/Service").asText());
    assertEquals(objects, service.path("Resource").toString());
    JsonNode nlb = statement(policy, "NlbDeliveryWritesLogs");
    assertEquals("delivery.logs.amazonaws.com", nlb.at("/Principal/Service").asText());
    assertEquals(objects, nlb.path("Resource").toString());
    assertEquals(account, nlb.at("/Condition/StringEquals/aws:SourceAccount").asText());
    assertEquals("bucket-owner-full-control", nlb.at("/Condition/StringEquals/s3:x-amz-acl").asText());
    JsonNode acl = statement(policy, "NlbDeliveryReadsAcl");
    assertEquals("s3:GetBucketAcl", acl.path("Action").asText());
    assertEquals(arn, acl.path("Resource").asText());
    assertEquals(account, acl.at("/Condition/StringEquals/aws:SourceAccount").asText());
  }

  @Test
  void newerRegionsUseOnlyTheServicePrincipals() {
    Settings settings = Settings.builder("acme", Environment.dev(), "eu-central-2")
        .availabilityZones(List.of("eu-central-2a", "eu-central-2b"))
        .state(StateSettings.lockfile("acme-tfstate", "eu-central-2", "acme")).build();
    BlueprintStack stack = Fixtures.stack(Fixtures.app(), "test-dev-unit", settings);
    new Bucket(stack, "AccessLogs", BucketProps.loadBalancerLogs("acme-access-logs"));
    Synthesized json = Synthesized.of(stack);
    assertTrue(json.dataSources("aws_elb_service_account").isEmpty(), "the data source fails in regions it does not know");
    assertEquals(List.of("DenyInsecureTransport", "ElbServiceWritesLogs", "NlbDeliveryWritesLogs", "NlbDeliveryReadsAcl"),
        sids(Synthesized.json(json.only("aws_s3_bucket_policy"), "policy")));
  }

  @Test
  void logBucketRetentionCanBeLonger() {
    BucketProps props = BucketProps.builder().name("acme-logs").loadBalancerLogDelivery(true).expirationDays(400).build();
    assertEquals(400, props.expirationDays());
    assertEquals(BucketEncryption.S3_MANAGED, props.encryption());
    assertTrue(props.loadBalancerLogDelivery());
    assertFalse(BucketProps.builder().name("acme-data").build().loadBalancerLogDelivery());
  }

  @Test
  void grantReadIsScopedToThePrefix() {
    BlueprintStack stack = Fixtures.stack();
    Bucket bucket = new Bucket(stack, "Assets", BucketProps.builder().name("acme-assets").build());
    Role role = new Role(stack, "TaskRole", RoleProps.builder("acme-task", "ecs-tasks.amazonaws.com").build());
    bucket.grantRead(role, "static/");
    Synthesized json = Synthesized.of(stack);
    String arn = json.ref(BUCKET, json.only(BUCKET), "arn");
    JsonNode statements = Synthesized.json(json.only("aws_iam_role_policy"), "policy").path("Statement");
    assertEquals("s3:GetObject", statements.get(0).path("Action").asText());
    assertEquals(arn + "/static/*", statements.get(0).path("Resource").asText());
    assertEquals("s3:ListBucket", statements.get(1).path("Action").asText());
    assertEquals(arn, statements.get(1).path("Resource").asText());
  }

  @Test
  void badInputFailsWithOneMessage() {
    assertEquals("encryption = KMS is invalid: S3_MANAGED for load balancer access logs (Elastic Load Balancing only writes to SSE-S3 buckets)",
        assertThrows(IllegalArgumentException.class,
            () -> BucketProps.builder().name("acme-logs").loadBalancerLogDelivery(true).encryption(BucketEncryption.KMS).build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BucketProps.builder().name("Acme_Logs").build())
        .getMessage().startsWith("name = \"Acme_Logs\" is invalid"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> BucketProps.builder().name("acme-logs").encryption(BucketEncryption.S3_MANAGED).kmsKeyArn("arn:aws:kms:x").build())
        .getMessage().startsWith("kmsKeyArn = \"arn:aws:kms:x\" is invalid: only used with KMS encryption"));
  }
}
