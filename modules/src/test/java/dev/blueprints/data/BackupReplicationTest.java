package dev.blueprints.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupReplicationTest {
  private static final SubnetGroup ISOLATED = new SubnetGroup(SubnetTier.ISOLATED, List.of("subnet-a", "subnet-b"),
      Fixtures.AZS, List.of("10.0.2.0/24", "10.0.3.0/24"), List.of("rtb-a"));
  private final BlueprintStack stack = Fixtures.stack("data");
  private final Database db = new Database(stack, "Database", DatabaseProps.postgres("15").vpcId("vpc-0123").subnets(ISOLATED).build());

  private static String error(org.junit.jupiter.api.function.Executable build) {
    return assertThrows(IllegalArgumentException.class, build).getMessage();
  }

  private static JsonNode provider(Synthesized json, String alias) {
    for (JsonNode p : json.root().path("provider").path("aws")) {
      if (p.path("alias").asText().equals(alias)) return p;
    }
    throw new AssertionError("no aws provider with alias " + alias + ": " + json.root().path("provider"));
  }

  @Test
  void backupsAreCopiedToTheOtherRegionUnderAKeyCreatedThere() {
    new BackupReplication(stack, "BackupReplication", db, BackupReplicationProps.to("eu-central-1").withRetentionDays(14));
    Synthesized json = Synthesized.of(stack);
    JsonNode alias = provider(json, "eu-central-1");
    assertEquals("eu-central-1", alias.path("region").asText());
    JsonNode home = json.root().path("provider").path("aws").get(0);
    assertEquals(home.path("default_tags"), alias.path("default_tags"), "the same default tags in both regions");

    JsonNode replication = json.only("aws_db_instance_automated_backups_replication");
    assertEquals("aws.eu-central-1", replication.path("provider").asText());
    assertEquals(json.ref("aws_db_instance", json.only("aws_db_instance"), "arn"), replication.path("source_db_instance_arn").asText());
    assertEquals(14, replication.path("retention_period").asInt());
    JsonNode key = json.only("aws_kms_key");
    assertEquals(json.ref("aws_kms_key", key, "arn"), replication.path("kms_key_id").asText());
    assertEquals("aws.eu-central-1", key.path("provider").asText());
    assertTrue(key.path("enable_key_rotation").asBoolean());
    assertEquals(30, key.path("deletion_window_in_days").asInt());
    assertTrue(Synthesized.at(key, "lifecycle.prevent_destroy").asBoolean(), "the copies are unreadable without it");
    JsonNode keyAlias = json.only("aws_kms_alias");
    assertEquals("aws.eu-central-1", keyAlias.path("provider").asText());
    assertEquals("alias/acme-test-dev-backup-replication", keyAlias.path("name").asText());
  }

  @Test
  void databasesCopyingToTheSameRegionShareOneProviderAlias() {
    Database orders = new Database(stack, "Orders", DatabaseProps.postgres("15").vpcId("vpc-0123").subnets(ISOLATED).build());
    new BackupReplication(stack, "BackupReplication", db, BackupReplicationProps.to("eu-central-1"));
    new BackupReplication(stack, "OrdersBackupReplication", orders, BackupReplicationProps.to("eu-central-1"));
    new BackupReplication(stack, "FarBackupReplication", orders, BackupReplicationProps.to("us-east-1"));
    Synthesized json = Synthesized.of(stack);
    assertEquals(3, json.root().path("provider").path("aws").size(), "the stack's own provider and one alias per region");
    assertEquals("eu-central-1", provider(json, "eu-central-1").path("region").asText());
    assertEquals("us-east-1", provider(json, "us-east-1").path("region").asText());
    assertEquals(3, json.count("aws_db_instance_automated_backups_replication"));
  }

  @Test
  void aGivenKeyMustBeInTheDestinationRegion() {
    String key = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    new BackupReplication(stack, "BackupReplication", db, BackupReplicationProps.to("eu-central-1").withKmsKeyArn(key));
    Synthesized json = Synthesized.of(stack);
    assertEquals(0, json.count("aws_kms_key"));
    assertEquals(key, json.only("aws_db_instance_automated_backups_replication").path("kms_key_id").asText());
    assertTrue(error(() -> BackupReplicationProps.to("eu-central-1").withKmsKeyArn(key.replace("eu-central-1", "eu-west-1")))
        .contains("a key in the destination region eu-central-1"));
  }

  @Test
  void badInputFailsBeforeAnythingIsAdded() {
    assertEquals("backupReplication.region = \"eu-west-1\" is invalid: a region other than the database's own (eu-west-1)",
        error(() -> new BackupReplication(stack, "BackupReplication", db, BackupReplicationProps.to("eu-west-1"))));
    assertEquals("backupReplication.region = \"Frankfurt\" is invalid: an AWS region such as us-west-2",
        error(() -> BackupReplicationProps.to("Frankfurt")));
    assertEquals("backupReplication.retentionDays = 36 is invalid: allowed range is 1..35",
        error(() -> BackupReplicationProps.to("eu-central-1").withRetentionDays(36)));
    BlueprintStack other = Fixtures.stack("other");
    assertTrue(error(() -> new BackupReplication(other, "BackupReplication", db, BackupReplicationProps.to("eu-central-1")))
        .contains("is invalid: a database of this stack"));
    assertEquals(0, Synthesized.of(stack).count("aws_db_instance_automated_backups_replication"));
  }
}
