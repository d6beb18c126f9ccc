package dev.blueprints.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.core.Environment;
import dev.blueprints.core.LockMode;
import dev.blueprints.core.Settings;
import dev.blueprints.core.StateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  private static final List<String> AZS = List.of("eu-west-1a", "eu-west-1b");

  private static Settings settings(Environment environment) {
    return Settings.builder("acme", environment, "eu-west-1").availabilityZones(AZS)
        .state(StateSettings.lockfile("acme-tfstate", "eu-west-1", "acme")).tags(Map.of("CostCenter", "42")).build();
  }

  private static final StateSettings STATE = StateSettings.lockfile("acme-tfstate", "eu-west-1", "acme");

  private static IllegalArgumentException invalid(Runnable build) {
    return assertThrows(IllegalArgumentException.class, build::run);
  }

  private static Settings settings(String project, String region, List<String> azs, Map<String, String> tags) {
    return Settings.builder(project, Environment.dev(), region).availabilityZones(azs).state(STATE).tags(tags).build();
  }

  @Test
  void validSettingsKeepTheirValues() {
    Settings s = settings(Environment.prod());
    assertEquals("acme", s.project());
    assertTrue(s.environment().highAvailability());
    assertEquals(List.of("eu-west-1a", "eu-west-1b"), s.availabilityZones());
  }

  @Test
  void presetsDifferWhereEnvironmentsShould() {
    assertFalse(Environment.dev().highAvailability());
    assertTrue(Environment.prod().highAvailability());
    assertTrue(Environment.dev().deletionProtection(), "deletion protection is on in every preset");
    assertTrue(Environment.prod().deletionProtection());
    assertEquals(30, Environment.dev().logRetentionDays());
  }

  @Test
  void unknownEnvironmentNamesTheKnownOnes() {
    var e = invalid(() -> Environment.preset("staging"));
    assertEquals("environment = \"staging\" is invalid: known environments are [dev, prod]", e.getMessage());
  }

  @Test
  void badValuesNameFieldValueAndWhatIsAllowed() {
    assertTrue(invalid(() -> settings("Acme!", "eu-west-1", AZS, Map.of())).getMessage().startsWith("project = \"Acme!\" is invalid"));
    assertTrue(invalid(() -> settings("acme", "europe", AZS, Map.of())).getMessage().contains("an AWS region that exists, such as us-east-1"));
    assertTrue(invalid(() -> settings("acme", "eu-west-1", List.of("eu-west-1a"), Map.of())).getMessage()
        .contains("2 or 3 availability zones are required, got 1"));
    assertTrue(invalid(() -> settings("acme", "eu-west-1", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d"), Map.of()))
        .getMessage().contains("got 4"));
    assertTrue(invalid(() -> settings("acme", "eu-west-1", List.of("eu-west-1a", "us-east-1b"), Map.of())).getMessage()
        .contains("availabilityZones = \"us-east-1b\" is invalid: an availability zone of region eu-west-1"));
    assertTrue(invalid(() -> settings("acme", "eu-west-1", List.of("eu-west-1a", "eu-west-1a"), Map.of())).getMessage()
        .contains("each availability zone may appear once"));
    assertTrue(invalid(() -> settings("acme", "eu-west-1", AZS, Map.of("Project", "x"))).getMessage()
        .contains("tags.Project"));
  }

  @Test
  void stateSettingsAreChecked() {
    assertTrue(invalid(() -> StateSettings.lockfile("", "eu-west-1", "acme")).getMessage()
        .startsWith("state.bucket = \"\" is invalid: a non-empty value is required"));
    assertTrue(invalid(() -> StateSettings.lockfile("Bad_Bucket", "eu-west-1", "acme")).getMessage().startsWith("state.bucket"));
    assertTrue(invalid(() -> StateSettings.lockfile("acme-tfstate", "eu-west-1", "/acme/")).getMessage().startsWith("state.keyPrefix"));
    assertTrue(invalid(() -> StateSettings.builder("acme-tfstate", "eu-west-1", "acme")
        .lock(LockMode.DYNAMODB).build()).getMessage()
        .startsWith("state.lockTable"));
    assertTrue(invalid(() -> StateSettings.builder("acme-tfstate", "eu-west-1", "acme")
        .lockTable("locks").build()).getMessage()
        .contains("only used when state.lock is DYNAMODB"));
  }

  @Test
  void tagsPutBlueprintKeysFirstAndKeepExtras() {
    Map<String, String> tags = settings(Environment.dev()).tagsFor("three-tier-dev-network", Map.of("Blueprint", "three-tier"));
    assertEquals(List.of("Project", "Environment", "Blueprint", "Stack", "ManagedBy", "CostCenter"), List.copyOf(tags.keySet()));
    assertEquals("three-tier-dev-network", tags.get("Stack"));
  }

  @Test
  void settingsFileOverridesThePreset(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("prod.json"), """
        {"project": "shop", "region": "eu-central-1",
         "state": {"bucket": "shop-tfstate", "lock": "dynamodb", "lockTable": "shop-locks"},
         "environment": {"logRetentionDays": 365}}
        """);
    Settings s = SettingsFile.load(dir, "prod").settings();
    assertEquals("shop", s.project());
    assertEquals(List.of("eu-central-1a", "eu-central-1b", "eu-central-1c"), s.availabilityZones(), "prod preset: 3 AZs");
    assertEquals("eu-central-1", s.state().region(), "state region defaults to the region");
    assertEquals(LockMode.DYNAMODB, s.state().lock());
    assertEquals(365, s.environment().logRetentionDays());
    assertTrue(s.environment().highAvailability(), "unset fields keep the preset");
  }

  @Test
  void settingsFileErrorsNameFileAndField(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("dev.json"), "{\"regoin\": \"eu-west-1\"}");
    var unknown = invalid(() -> SettingsFile.load(dir, "dev"));
    assertTrue(unknown.getMessage().contains("unknown field regoin"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("allowed fields are [account, alarmEmails, alarmTopicArn, availabilityZones"), unknown.getMessage());

    Files.writeString(dir.resolve("dev.json"), "{\"region\": \"eu-west-1\",");
    assertTrue(invalid(() -> SettingsFile.load(dir, "dev")).getMessage().contains("malformed JSON at line 1"));

    Files.writeString(dir.resolve("dev.json"), "{\"state\": {\"bucket\": \"b-tfstate\"}, \"environment\": {\"logRetentionDays\": \"30\"}}");
    assertTrue(invalid(() -> SettingsFile.load(dir, "dev")).getMessage().contains("environment.logRetentionDays = \"30\" is invalid: expected a whole number"));

    Files.writeString(dir.resolve("dev.json"), "{\"state\": {\"bucket\": \"b-tfstate\"}, \"environment\": {\"logRetentionDays\": 31}}");
    assertTrue(invalid(() -> SettingsFile.load(dir, "dev")).getMessage().contains("logRetentionDays = 31 is invalid: CloudWatch accepts"));

    Files.writeString(dir.resolve("dev.json"), "{}");
    assertTrue(invalid(() -> SettingsFile.load(dir, "dev")).getMessage().startsWith("state.bucket = null is invalid"));

    assertTrue(invalid(() -> SettingsFile.load(dir, "qa")).getMessage().contains("known environments are [dev, prod]"));
  }
}
