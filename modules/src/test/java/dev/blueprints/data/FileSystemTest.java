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

class FileSystemTest {
  private static final String EFS = "aws_efs_file_system";
  private static final SubnetGroup PRIVATE = new SubnetGroup(SubnetTier.PRIVATE, List.of("subnet-a", "subnet-b"),
      Fixtures.AZS, List.of("10.0.1.0/24", "10.0.11.0/24"), List.of("rtb-a", "rtb-b"));

  private static FileSystemProps.Builder props() {
    return FileSystemProps.builder("vpc-0123", PRIVATE);
  }

  @Test
  void defaultsAreEncryptedBackedUpAndProtected() {
    BlueprintStack stack = Fixtures.stack("data");
    FileSystem fs = new FileSystem(stack, "Volume", props().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode efs = json.assertResource(EFS, Map.of("creation_token", "acme-test-dev-volume", "encrypted", true,
        "performance_mode", "generalPurpose", "throughput_mode", "elastic", "lifecycle.prevent_destroy", true,
        "tags.Name", "acme-test-dev-volume"));
    assertTrue(efs.path("kms_key_id").isMissingNode());
    assertEquals("AFTER_30_DAYS", efs.path("lifecycle_policy").get(0).path("transition_to_ia").asText());
    assertEquals("AFTER_1_ACCESS", efs.path("lifecycle_policy").get(1).path("transition_to_primary_storage_class").asText());
    String id = json.ref(EFS, efs, "id");
    json.assertResource("aws_efs_backup_policy", Map.of("file_system_id", id, "backup_policy.status", "ENABLED"));

    String sg = json.ref("aws_security_group", json.only("aws_security_group"), "id");
    assertEquals(2, json.count("aws_efs_mount_target"));
    json.assertResource("aws_efs_mount_target", Map.of("file_system_id", id, "subnet_id", "subnet-a", "security_groups", List.of(sg)));
    json.assertResource("aws_efs_mount_target", Map.of("file_system_id", id, "subnet_id", "subnet-b", "security_groups", List.of(sg)));

    JsonNode ap = json.only("aws_efs_access_point");
    assertEquals(id, ap.path("file_system_id").asText());
    assertEquals(1000, Synthesized.at(ap, "posix_user.uid").asInt());
    assertEquals(1000, Synthesized.at(ap, "posix_user.gid").asInt());
    assertEquals("/data", Synthesized.at(ap, "root_directory.path").asText());
    assertEquals("0750", Synthesized.at(ap, "root_directory.creation_info.permissions").asText());
    assertEquals(1000, Synthesized.at(ap, "root_directory.creation_info.owner_uid").asInt());

    JsonNode policy = json.only("aws_efs_file_system_policy");
    assertEquals(id, policy.path("file_system_id").asText());
    JsonNode deny = Synthesized.json(policy, "policy").path("Statement").get(0);
    assertEquals("Deny", deny.path("Effect").asText());
    assertEquals("*", deny.at("/Principal/AWS").asText());
    assertEquals(json.ref(EFS, efs, "arn"), deny.path("Resource").asText());
    assertEquals("false", deny.at("/Condition/Bool/aws:SecureTransport").asText());
    assertEquals(1, Synthesized.json(policy, "policy").path("Statement").size(), "no allow for anonymous clients");
    assertEquals(2, fs.mountTargets().size());
    assertEquals(2049, fs.port());
  }

  @Test
  void everyOptionIsApplied() {
    BlueprintStack stack = Fixtures.stack("data");
    String key = "arn:aws:kms:eu-west-1:111122223333:key/abcd";
    new FileSystem(stack, "Media", props().kmsKeyArn(key).transitionToIaDays(7).accessPoint("/srv/media", 101, 102)
        .accessPointPermissions("0700").allowDestroy().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode efs = json.assertResource(EFS, Map.of("kms_key_id", key, "lifecycle.prevent_destroy", false));
    assertEquals("AFTER_7_DAYS", efs.path("lifecycle_policy").get(0).path("transition_to_ia").asText());
    json.assertResource("aws_efs_access_point", Map.of("posix_user.uid", 101, "posix_user.gid", 102,
        "root_directory.path", "/srv/media", "root_directory.creation_info.permissions", "0700"));
    assertEquals("AFTER_1_DAY", props().transitionToIaDays(1).build().transitionToIa());
  }

  @Test
  void onlyTheNamedPeerReachesNfs() {
    BlueprintStack stack = Fixtures.stack("data");
    FileSystem fs = new FileSystem(stack, "Volume", props().build());
    SecurityGroup service = new SecurityGroup(stack, "Service", SecurityGroupProps.builder("vpc-0123", "acme-service", "service tasks").build());
    fs.allowDefaultPortFrom(service, "service to volume");
    Fixtures.assertPeerRule(Synthesized.of(stack), "acme-service", "acme-test-dev-volume", 2049);
  }

  @Test
  void grantMountIsScopedToTheFileSystemAndAccessPoint() {
    BlueprintStack stack = Fixtures.stack("data");
    FileSystem fs = new FileSystem(stack, "Volume", props().build());
    Role reader = new Role(stack, "Reader", RoleProps.builder("acme-reader", "ecs-tasks.amazonaws.com").build());
    Role writer = new Role(stack, "Writer", RoleProps.builder("acme-writer", "ecs-tasks.amazonaws.com").build());
    fs.grantMount(reader, false);
    fs.grantMount(writer, true);
    Synthesized json = Synthesized.of(stack);
    String fsArn = json.ref(EFS, json.only(EFS), "arn");
    String apArn = json.ref("aws_efs_access_point", json.only("aws_efs_access_point"), "arn");
    JsonNode read = Synthesized.json(json.only("aws_iam_role_policy", "name", "MountReadOnlyTestdevdataVolume"), "policy").path("Statement").get(0);
    assertEquals("elasticfilesystem:ClientMount", read.path("Action").asText());
    assertEquals(fsArn, read.path("Resource").asText());
    assertEquals(apArn, read.at("/Condition/StringEquals/elasticfilesystem:AccessPointArn").asText());
    JsonNode write = Synthesized.json(json.only("aws_iam_role_policy", "name", "MountReadWriteTestdevdataVolume"), "policy").path("Statement").get(0);
    assertEquals("[\"elasticfilesystem:ClientMount\",\"elasticfilesystem:ClientWrite\"]", write.path("Action").toString());
    assertEquals(fsArn, write.path("Resource").asText());
    assertEquals(apArn, write.at("/Condition/StringEquals/elasticfilesystem:AccessPointArn").asText());
  }

  @Test
  void badInputFailsWithOneMessage() {
    SubnetGroup oneAz = new SubnetGroup(SubnetTier.PRIVATE, List.of("subnet-a"), List.of("eu-west-1a"), List.of("10.0.1.0/24"), List.of("r"));
    assertEquals("subnets spans 1 availability zone(s) [eu-west-1a] (private tier): at least 2 are required",
        assertThrows(IllegalArgumentException.class, () -> FileSystemProps.builder("vpc-0123", oneAz).build()).getMessage());
    SubnetGroup twoInOneAz = new SubnetGroup(SubnetTier.PRIVATE, List.of("a", "b", "c"), List.of("eu-west-1a", "eu-west-1b", "eu-west-1a"),
        List.of("x", "y", "z"), List.of("r"));
    assertEquals("subnets = [eu-west-1a, eu-west-1b, eu-west-1a] is invalid: one subnet per availability zone (EFS allows one mount target per AZ)",
        assertThrows(IllegalArgumentException.class, () -> FileSystemProps.builder("vpc-0123", twoInOneAz).build()).getMessage());
    assertEquals("transitionToIaDays = 45 is invalid: allowed values are [1, 7, 14, 30, 60, 90]", error(() -> props().transitionToIaDays(45).build()));
    assertEquals("accessPointUid = 0 is invalid: allowed range is 1..2147483647", error(() -> props().accessPoint("/data", 0, 1000).build()));
    assertTrue(error(() -> props().accessPoint("data", 1000, 1000).build()).startsWith("accessPointPath = \"data\" is invalid"));
    assertTrue(error(() -> props().accessPointPermissions("rwx").build()).startsWith("accessPointPermissions = \"rwx\" is invalid"));
  }
}
