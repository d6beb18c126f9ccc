package dev.blueprints.blueprints.asgweb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.core.StateSettings;
import dev.blueprints.data.BackupReplicationProps;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** asg-web's PostgreSQL backups are copied to a second region in prod (the committed us-west-2), not in dev. */
class AsgWebBackupReplicationTest {
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  private static Settings settings(Environment environment) {
    return Settings.builder("acme", environment, "us-east-1").availabilityZones(List.of("us-east-1a", "us-east-1b"))
        .state(StateSettings.lockfile("acme-tfstate", "us-east-1", "acme")).build();
  }

  private static SettingsNode node(String json) throws Exception {
    return new SettingsNode("prod.json", "blueprints.asg-web.backupReplication", Synthesized.JSON.readTree(json));
  }

  @Test
  void prodCopiesTheDatabasesBackupsToUsWest2UnderAKeyThere() {
    Synthesized data = app.stack("asg-web-prod-data");
    JsonNode alias = null;
    for (JsonNode p : data.root().path("provider").path("aws")) if (p.path("alias").asText().equals("us-west-2")) alias = p;
    assertTrue(alias != null, "a provider alias for the destination region");
    assertEquals("us-west-2", alias.path("region").asText());
    JsonNode replication = data.only("aws_db_instance_automated_backups_replication");
    assertEquals("aws.us-west-2", replication.path("provider").asText());
    assertEquals(data.ref("aws_db_instance", data.only("aws_db_instance"), "arn"), replication.path("source_db_instance_arn").asText());
    assertEquals(7, replication.path("retention_period").asInt());
    JsonNode key = data.only("aws_kms_key");
    assertEquals("aws.us-west-2", key.path("provider").asText());
    assertEquals(data.ref("aws_kms_key", key, "arn"), replication.path("kms_key_id").asText());
    assertTrue(key.path("enable_key_rotation").asBoolean());
  }

  @Test
  void devHasNoCopyAndNoSecondProvider() {
    Synthesized data = app.stack("asg-web-dev-data");
    assertEquals(0, data.count("aws_db_instance_automated_backups_replication"));
    assertEquals(0, data.count("aws_kms_key"));
    assertEquals(1, data.root().path("provider").path("aws").size());
  }

  @Test
  void settingsChooseRegionRetentionAndWhetherAtAll() throws Exception {
    BackupReplicationProps props = AsgWebBlueprint.readBackupReplication(node("{\"region\": \"us-east-2\", \"retentionDays\": 14}"), settings(Environment.prod()));
    assertEquals("us-east-2", props.region());
    assertEquals(14, props.retentionDays());
    assertNull(AsgWebBlueprint.readBackupReplication(node("{\"region\": \"us-east-2\", \"enabled\": false}"), settings(Environment.prod())));
    assertNull(AsgWebBlueprint.readBackupReplication(node("{}"), settings(Environment.dev())), "off by default in dev");
    assertEquals("us-west-2", AsgWebBlueprint.readBackupReplication(node("{\"enabled\": true, \"region\": \"us-west-2\"}"),
        settings(Environment.dev())).region());
  }

  @Test
  void badSettingsNameThePath() {
    Map<String, String> cases = Map.of(
        "{}", "blueprints.asg-web.backupReplication.region = null is invalid: a second region for the database's backup copies, e.g. us-west-2 (or \"enabled\": false)",
        "{\"region\": \"us-east-1\"}", "blueprints.asg-web.backupReplication.region = \"us-east-1\" is invalid: a region other than the database's own (us-east-1)",
        "{\"region\": \"oregon\"}", "blueprints.asg-web.backupReplication.region = \"oregon\" is invalid: an AWS region such as us-west-2",
        "{\"region\": \"us-west-2\", \"retentionDays\": 0}", "blueprints.asg-web.backupReplication.retentionDays = 0 is invalid: allowed range is 1..35");
    cases.forEach((json, message) -> assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> AsgWebBlueprint.readBackupReplication(node(json), settings(Environment.prod()))).getMessage(), json));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> AsgWebBlueprint.readBackupReplication(node("{\"regions\": [\"us-west-2\"]}"), settings(Environment.prod())))
        .getMessage().contains("unknown field blueprints.asg-web.backupReplication.regions"));
  }
}
