package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerRegistryTest {
  @Test
  void defaultsScanOnPushImmutableTagsAes256AndLifecycle() {
    BlueprintStack stack = Fixtures.stack();
    ContainerRegistry registry = new ContainerRegistry(stack, "Backend", ContainerRegistryProps.builder("acme-test-dev-backend").build());
    Synthesized json = Synthesized.of(stack);
    JsonNode repo = json.only("aws_ecr_repository");
    assertEquals("acme-test-dev-backend", repo.path("name").asText());
    assertTrue(Synthesized.at(repo, "image_scanning_configuration.scan_on_push").asBoolean());
    assertEquals("IMMUTABLE", repo.path("image_tag_mutability").asText());
    assertEquals("AES256", Synthesized.at(repo, "encryption_configuration.0.encryption_type").asText());
    assertFalse(repo.path("force_delete").asBoolean());
    assertEquals("acme-test-dev-backend", registry.name());

    JsonNode lifecycle = json.only("aws_ecr_lifecycle_policy");
    assertEquals(json.ref("aws_ecr_repository", repo, "name"), lifecycle.path("repository").asText());
    JsonNode rules = Synthesized.json(lifecycle, "policy").path("rules");
    assertEquals(2, rules.size());
    assertEquals("untagged", rules.get(0).at("/selection/tagStatus").asText());
    assertEquals("sinceImagePushed", rules.get(0).at("/selection/countType").asText());
    assertEquals(7, rules.get(0).at("/selection/countNumber").asInt());
    assertEquals("any", rules.get(1).at("/selection/tagStatus").asText());
    assertEquals("imageCountMoreThan", rules.get(1).at("/selection/countType").asText());
    assertEquals(30, rules.get(1).at("/selection/countNumber").asInt());
    assertTrue(rules.get(1).path("rulePriority").asInt() > rules.get(0).path("rulePriority").asInt(), "the 'any' rule comes last");
    assertEquals("expire", rules.get(0).at("/action/type").asText());
  }

  @Test
  void optionsAreApplied() {
    BlueprintStack stack = Fixtures.stack();
    String key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    new ContainerRegistry(stack, "Frontend", ContainerRegistryProps.builder("acme/frontend")
        .mutableTags().kms(key).untaggedExpiryDays(1).keepLast(5).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode repo = json.only("aws_ecr_repository");
    assertEquals("MUTABLE", repo.path("image_tag_mutability").asText());
    assertEquals("KMS", Synthesized.at(repo, "encryption_configuration.0.encryption_type").asText());
    assertEquals(key, Synthesized.at(repo, "encryption_configuration.0.kms_key").asText());
    JsonNode rules = Synthesized.json(json.only("aws_ecr_lifecycle_policy"), "policy").path("rules");
    assertEquals(1, rules.get(0).at("/selection/countNumber").asInt());
    assertEquals(5, rules.get(1).at("/selection/countNumber").asInt());
  }

  @Test
  void grantPullAllowsReadingThisRepositoryAndTheRegistryToken() {
    BlueprintStack stack = Fixtures.stack();
    ContainerRegistry registry = new ContainerRegistry(stack, "Backend", ContainerRegistryProps.builder("acme-backend").build());
    Role role = new Role(stack, "Execution", RoleProps.builder("acme-execution", "ecs-tasks.amazonaws.com").build());
    registry.grantPull(role);
    registry.grantPull(role);
    Synthesized json = Synthesized.of(stack);
    JsonNode policy = json.only("aws_iam_role_policy");
    assertEquals("PullBackend", policy.path("name").asText());
    JsonNode statements = Synthesized.json(policy, "policy").path("Statement");
    String repoArn = json.ref("aws_ecr_repository", json.only("aws_ecr_repository"), "arn");
    assertEquals(repoArn, statements.get(0).path("Resource").asText());
    assertEquals(List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
        List.of(statements.get(0).path("Action").get(0).asText(), statements.get(0).path("Action").get(1).asText(),
            statements.get(0).path("Action").get(2).asText()));
    assertEquals("ecr:GetAuthorizationToken", statements.get(1).path("Action").asText());
    assertEquals("*", statements.get(1).path("Resource").asText());
  }

  @Test
  void imageUriIsTheUrlAndTag() {
    BlueprintStack stack = Fixtures.stack();
    ContainerRegistry registry = new ContainerRegistry(stack, "Backend", ContainerRegistryProps.builder("acme-backend").build());
    new com.hashicorp.cdktf.TerraformOutput(stack, "Image",
        com.hashicorp.cdktf.TerraformOutputConfig.builder().value(registry.imageUri("v1.2.3")).build());
    Synthesized json = Synthesized.of(stack);
    String url = json.ref("aws_ecr_repository", json.only("aws_ecr_repository"), "repository_url");
    assertEquals(url + ":v1.2.3", json.root().at("/output/Image/value").asText());
    assertThrows(IllegalArgumentException.class, () -> registry.imageUri("-bad"));
  }

  @Test
  void badInputIsRefused() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ContainerRegistryProps.builder("Backend").build())
        .getMessage().startsWith("name = \"Backend\" is invalid"));
    assertThrows(IllegalArgumentException.class, () -> ContainerRegistryProps.builder("a").build());
    assertThrows(IllegalArgumentException.class, () -> ContainerRegistryProps.builder("acme//x").build());
    assertEquals("untaggedExpiryDays = 0 is invalid: allowed range is 1..3650",
        assertThrows(IllegalArgumentException.class, () -> ContainerRegistryProps.builder("acme").untaggedExpiryDays(0).build()).getMessage());
    assertEquals("keepLast = 0 is invalid: allowed range is 1..10000",
        assertThrows(IllegalArgumentException.class, () -> ContainerRegistryProps.builder("acme").keepLast(0).build()).getMessage());
  }
}
