package dev.blueprints.data;

import static dev.blueprints.testing.Fixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.auth.Grant;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.compute.EcsCluster;
import dev.blueprints.compute.EcsClusterProps;
import dev.blueprints.compute.EcsService;
import dev.blueprints.compute.EcsServiceProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grants: what they return, what they write, bucket grants with their key, and ids reused. */
class GrantTest {
  private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";
  private static final SubnetGroup PRIVATE = new SubnetGroup(SubnetTier.PRIVATE, List.of("subnet-a", "subnet-b"), Fixtures.AZS,
      List.of("10.0.11.0/24", "10.0.12.0/24"), List.of("rtb-private"));
  private final BlueprintStack stack = Fixtures.stack("grants");
  private final Role role = new Role(stack, "TaskRole", RoleProps.builder("acme-task", "ecs-tasks.amazonaws.com").build());

  private static JsonNode policy(Synthesized json, String name) {
    return Synthesized.json(json.only("aws_iam_role_policy", "name", name), "policy");
  }

  @Test
  void readWriteOnACustomerKeyBucketBringsTheKmsActionsOnThatKeyThroughS3Only() {
    Bucket uploads = new Bucket(stack, "Uploads", BucketProps.builder().name("acme-uploads").kmsKeyArn(KEY).build());
    Grant grant = uploads.grantReadWrite(role, "incoming/");
    assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey", "s3:AbortMultipartUpload", "s3:GetObject", "s3:ListBucket", "s3:PutObject"),
        grant.actions());
    assertSame(role, grant.role());

    Synthesized json = Synthesized.of(stack);
    JsonNode doc = policy(json, grant.id());
    String bucketArn = json.ref("aws_s3_bucket", json.only("aws_s3_bucket"), "arn");
    JsonNode objects = doc.path("Statement").get(0);
    assertEquals(List.of("s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload"), texts(objects.path("Action")));
    assertEquals(List.of(bucketArn + "/incoming/*"), texts(objects.path("Resource")));
    assertEquals(List.of(bucketArn), texts(doc.path("Statement").get(1).path("Resource")));
    JsonNode kms = doc.path("Statement").get(2);
    assertEquals(List.of(KEY), texts(kms.path("Resource")));
    assertEquals("s3.eu-west-1.amazonaws.com", texts(kms.path("Condition").path("StringEquals").path("kms:ViaService")).get(0));
    assertEquals(json.ref("aws_iam_role", json.only("aws_iam_role"), "id"), json.only("aws_iam_role_policy").path("role").asText());
  }

  @Test
  void theAwsManagedKeyNeedsNoKmsGrantAndDeleteIsNotPermanent() {
    Bucket bucket = new Bucket(stack, "Data", BucketProps.builder().name("acme-data").build());
    assertEquals(List.of("s3:GetObject", "s3:ListBucket"), bucket.grantRead(role).actions());
    assertEquals(List.of("s3:AbortMultipartUpload", "s3:PutObject"), bucket.grantWrite(role).actions());
    Grant delete = bucket.grantDelete(role, "tmp/");
    assertEquals(List.of("s3:DeleteObject"), delete.actions());
    assertEquals(3, Synthesized.of(stack).count("aws_iam_role_policy"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> bucket.grantRead(role, "/logs/*")).getMessage()
        .startsWith("prefix = \"/logs/*\" is invalid: an object key prefix"));
  }

  @Test
  void anEcsServiceIsGrantableThroughItsTaskRole() {
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    EcsService service = new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE)
        .container(ContainerSpec.builder("app", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1").port(8000).build()).build());
    Bucket bucket = new Bucket(stack, "Data", BucketProps.builder().name("acme-data").kmsKeyArn(KEY).build());
    Grant grant = bucket.grantWrite(service);
    assertSame(service.taskRole(), grant.role());
    assertTrue(grant.actions().contains("kms:GenerateDataKey"));
    Synthesized json = Synthesized.of(stack);
    String taskRoleId = json.ref("aws_iam_role", json.only("aws_iam_role", "name", "acme-test-dev-backend-task"), "id");
    assertEquals(taskRoleId, json.only("aws_iam_role_policy", "name", grant.id()).path("role").asText());
  }

  @Test
  void aSecondGrantWithTheSameIdIsTheSameGrantOrFails() {
    PolicyStatement read = PolicyStatement.allow(List.of("sqs:ReceiveMessage"), List.of("arn:aws:sqs:eu-west-1:123456789012:jobs"));
    Grant first = role.grant("Jobs", read);
    assertSame(first, role.grant("Jobs", read), "the same access asked twice is one policy");
    PolicyStatement send = PolicyStatement.allow(List.of("sqs:SendMessage"), List.of("arn:aws:sqs:eu-west-1:123456789012:jobs"));
    String message = assertThrows(IllegalArgumentException.class, () -> role.grant("Jobs", send)).getMessage();
    assertTrue(message.startsWith("id = \"Jobs\" is invalid: role "), message);
    assertTrue(message.contains("already has a grant Jobs with other statements [sqs:ReceiveMessage]"), message);
    assertEquals(1, Synthesized.of(stack).count("aws_iam_role_policy"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> role.grant("no spaces", read)).getMessage()
        .startsWith("id = \"no spaces\" is invalid"));
  }
}
