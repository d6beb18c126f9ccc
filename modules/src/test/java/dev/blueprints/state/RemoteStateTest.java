package dev.blueprints.state;

import dev.blueprints.core.StateSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import org.junit.jupiter.api.Test;

class RemoteStateTest {
  @Test
  void everyStackHasAnEncryptedLockedBackendWithItsOwnKey() {
    var app = Fixtures.app();
    var network = Fixtures.stack(app, "shop-dev-network", Fixtures.dev(), "shop");
    var data = Fixtures.stack(app, "shop-dev-data", Fixtures.dev(), "shop");
    JsonNode a = Synthesized.of(network).terraform();
    JsonNode b = Synthesized.of(data).terraform();

    JsonNode s3 = a.path("backend").path("s3");
    assertEquals("acme-tfstate", s3.path("bucket").asText());
    assertEquals("acme/shop-dev-network.tfstate", s3.path("key").asText());
    assertEquals("eu-west-1", s3.path("region").asText());
    assertTrue(s3.path("encrypt").asBoolean());
    assertTrue(s3.path("use_lockfile").asBoolean());
    assertTrue(s3.path("dynamodb_table").isMissingNode());
    assertEquals(">= 1.10.0", a.path("required_version").asText(), "S3 lock files need Terraform 1.10");
    assertEquals("acme/shop-dev-data.tfstate", b.path("backend").path("s3").path("key").asText());
  }

  @Test
  void dynamoDbLockingIsAnOption() {
    Settings settings = Settings.builder("acme", Environment.dev(), "eu-west-1").availabilityZones(Fixtures.AZS)
        .state(StateSettings.builder("acme-tfstate", "eu-west-1", "acme").dynamoDbLock("acme-locks").build()).build();
    JsonNode tf = Synthesized.of(Fixtures.stack(Fixtures.app(), "shop-dev-network", settings, "shop")).terraform();
    assertEquals("acme-locks", tf.path("backend").path("s3").path("dynamodb_table").asText());
    assertTrue(tf.path("backend").path("s3").path("use_lockfile").isMissingNode());
    assertTrue(tf.path("backend").path("s3").path("encrypt").asBoolean());
  }

  @Test
  void providerCarriesDefaultTagsAndAnOpenMinorVersion() {
    Synthesized json = Synthesized.of(Fixtures.stack());
    JsonNode provider = json.root().path("provider").path("aws").get(0);
    assertEquals("eu-west-1", provider.path("region").asText());
    JsonNode tags = provider.path("default_tags").get(0).path("tags");
    assertEquals("acme", tags.path("Project").asText());
    assertEquals("dev", tags.path("Environment").asText());
    assertEquals("test", tags.path("Blueprint").asText());
    assertEquals("test-dev-unit", tags.path("Stack").asText());
    assertEquals("blueprints", tags.path("ManagedBy").asText());
    assertEquals("42", tags.path("CostCenter").asText());
    assertEquals("~> 5.83", json.terraform().path("required_providers").path("aws").path("version").asText());
  }
}
