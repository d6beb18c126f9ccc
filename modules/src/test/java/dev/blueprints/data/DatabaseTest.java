package dev.blueprints.data;

import static dev.blueprints.testing.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Network;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTest {
  private static final String DB = "aws_db_instance";

  private static DatabaseProps.Builder postgres() {
    return DatabaseProps.postgres("15").vpcId("vpc-0123").subnets(Fixtures.ISOLATED);
  }

  @Test
  void postgresDefaultsProtectTheData() {
    BlueprintStack stack = Fixtures.stack("data");
    Database db = new Database(stack, "Database", postgres().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode instance = json.only(DB);
    json.assertResource(DB, Map.ofEntries(
        Map.entry("identifier", "acme-test-dev-database"),
        Map.entry("engine", "postgres"),
        Map.entry("engine_version", "15"),
        Map.entry("instance_class", "db.t3.micro"),
        Map.entry("storage_type", "gp3"),
        Map.entry("allocated_storage", 20),
        Map.entry("storage_encrypted", true),
        Map.entry("publicly_accessible", false),
        Map.entry("manage_master_user_password", true),
        Map.entry("username", "app_admin"),
        Map.entry("db_name", "app"),
        Map.entry("port", 5432),
        Map.entry("multi_az", false),
        Map.entry("backup_retention_period", 7),
        Map.entry("deletion_protection", true),
        Map.entry("skip_final_snapshot", false),
        Map.entry("final_snapshot_identifier", "acme-test-dev-database-final"),
        Map.entry("delete_automated_backups", false),
        Map.entry("copy_tags_to_snapshot", true),
        Map.entry("auto_minor_version_upgrade", true),
        Map.entry("monitoring_interval", 60),
        Map.entry("iam_database_authentication_enabled", true),
        Map.entry("ca_cert_identifier", "rds-ca-rsa2048-g1"),
        Map.entry("performance_insights_enabled", true),
        Map.entry("performance_insights_retention_period", 7),
        Map.entry("backup_window", "03:00-04:00"),
        Map.entry("maintenance_window", "sun:04:30-sun:05:30"),
        Map.entry("lifecycle.prevent_destroy", true)));
    assertEquals(List.of("postgresql", "upgrade"), List.of(instance.path("enabled_cloudwatch_logs_exports").get(0).asText(),
        instance.path("enabled_cloudwatch_logs_exports").get(1).asText()));
    assertTrue(instance.path("password").isMissingNode(), "never a literal password");
    assertTrue(instance.path("kms_key_id").isMissingNode());
    assertTrue(instance.path("max_allocated_storage").isMissingNode());

    JsonNode subnetGroup = json.only("aws_db_subnet_group");
    assertEquals(json.ref("aws_db_subnet_group", subnetGroup, "name"), instance.path("db_subnet_group_name").asText());
    assertEquals("[\"subnet-a\",\"subnet-b\"]", subnetGroup.path("subnet_ids").toString());
    JsonNode sg = json.only("aws_security_group");
    assertEquals("vpc-0123", sg.path("vpc_id").asText());
    assertEquals(json.ref("aws_security_group", sg, "id"), instance.path("vpc_security_group_ids").get(0).asText());
    JsonNode role = json.only("aws_iam_role");
    assertEquals(json.ref("aws_iam_role", role, "arn"), instance.path("monitoring_role_arn").asText());
    assertEquals("monitoring.rds.amazonaws.com", Synthesized.json(role, "assume_role_policy").at("/Statement/0/Principal/Service").asText());
    json.assertResource("aws_iam_role_policy_attachment",
        Map.of("policy_arn", "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"));

    assertEquals(5432, db.port());
    assertEquals(DatabaseEngine.POSTGRES, db.engine());
    assertEquals(5432, db.endpoint().port());
    assertTrue(db.endpoint().address().contains("${TfToken"), "address is a reference");
  }

  @Test
  void anExactMinorVersionPinsTheInstanceAndAMajorVersionTakesMinorUpgrades() {
    BlueprintStack stack = Fixtures.stack("data");
    new Database(stack, "Database", DatabaseProps.postgres("15.4").vpcId("vpc-0123").subnets(Fixtures.ISOLATED).build());
    JsonNode pinned = Synthesized.of(stack).only(DB);
    assertEquals("15.4", pinned.path("engine_version").asText());
    assertFalse(pinned.path("auto_minor_version_upgrade").asBoolean(),
        "automatic upgrades would leave the pin and every plan would try to move the instance back");
    var finding = dev.blueprints.policy.Policy.check(stack).of("BP-RDS-011");
    assertEquals(1, finding.size());
    assertTrue(finding.get(0).suppressed(), "the pin is a named choice");
    assertTrue(finding.get(0).reason().contains("engineVersion 15.4 is pinned"), finding.get(0).reason());

    BlueprintStack major = Fixtures.stack("data");
    new Database(major, "Database", DatabaseProps.mysql("8.0").vpcId("vpc-0123").subnets(Fixtures.ISOLATED).build());
    JsonNode mysql = Synthesized.of(major).only(DB);
    assertEquals("8.0", mysql.path("engine_version").asText());
    assertTrue(mysql.path("auto_minor_version_upgrade").asBoolean());
    assertTrue(dev.blueprints.policy.Policy.check(major).of("BP-RDS-011").isEmpty());
    assertTrue(DatabaseEngine.MYSQL.pinsMinorVersion("8.0.35"));
    assertFalse(DatabaseEngine.POSTGRES.pinsMinorVersion("16"));
  }

  @Test
  void postgresParameterGroupForcesTls() {
    BlueprintStack stack = Fixtures.stack("data");
    new Database(stack, "Database", postgres().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode group = json.only("aws_db_parameter_group");
    assertEquals("postgres15", group.path("family").asText());
    assertEquals("acme-test-dev-database-postgres15", group.path("name").asText());
    assertTrue(group.path("lifecycle").path("create_before_destroy").asBoolean());
    assertEquals("1", parameter(group, "rds.force_ssl"));
    assertEquals("1000", parameter(group, "log_min_duration_statement"));
    assertEquals(json.ref("aws_db_parameter_group", group, "name"), json.only(DB).path("parameter_group_name").asText());
  }

  @Test
  void mysqlUsesItsPortFamilyTlsParameterAndLogs() {
    BlueprintStack stack = Fixtures.stack("data");
    Database db = new Database(stack, "Database", DatabaseProps.mysql("8.0").vpcId("vpc-0123").subnets(Fixtures.ISOLATED).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode instance = json.assertResource(DB, Map.of("engine", "mysql", "engine_version", "8.0", "port", 3306));
    assertEquals("[\"error\",\"slowquery\"]", instance.path("enabled_cloudwatch_logs_exports").toString());
    JsonNode group = json.only("aws_db_parameter_group");
    assertEquals("mysql8.0", group.path("family").asText());
    assertEquals("acme-test-dev-database-mysql8-0", group.path("name").asText());
    assertEquals("ON", parameter(group, "require_secure_transport"));
    assertEquals("FILE", parameter(group, "log_output"));
    // RDS for MySQL has no Performance Insights on db.t3.micro: left off rather than failing the apply.
    assertFalse(instance.path("performance_insights_enabled").asBoolean());
    assertTrue(instance.path("performance_insights_retention_period").isMissingNode());
    assertEquals(3306, db.port());
  }

  @Test
  void mysqlOnALargerClassHasPerformanceInsights() {
    BlueprintStack stack = Fixtures.stack("data");
    new Database(stack, "Database", DatabaseProps.mysql("8.4.3").vpcId("vpc-0123").subnets(Fixtures.ISOLATED).instanceClass("db.t3.medium").build());
    Synthesized json = Synthesized.of(stack);
    json.assertResource(DB, Map.of("performance_insights_enabled", true, "instance_class", "db.t3.medium"));
    assertEquals("mysql8.4", json.only("aws_db_parameter_group").path("family").asText());
  }

  @Test
  void productionIsMultiAzAndEveryOptionIsApplied() {
    BlueprintStack prod = Fixtures.stack(Fixtures.app(), "test-prod-data", Fixtures.prod());
    String key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    new Database(prod, "Orders", DatabaseProps.postgres("15.4").vpcId("vpc-0123").subnets(Fixtures.ISOLATED)
        .instanceClass("db.m6g.large").storageType(StorageType.GP2).allocatedStorageGb(100).maxAllocatedStorageGb(500)
        .backupRetentionDays(14).databaseName("orders").masterUsername("orders_admin").kmsKeyArn(key)
        .identifier("orders-main").backupWindow("01:00-02:00").maintenanceWindow("sat:03:00-sat:04:00")
        .performanceInsights(true).build());
    Synthesized json = Synthesized.of(prod);
    json.assertResource(DB, Map.ofEntries(
        Map.entry("identifier", "orders-main"),
        Map.entry("engine_version", "15.4"),
        Map.entry("instance_class", "db.m6g.large"),
        Map.entry("storage_type", "gp2"),
        Map.entry("allocated_storage", 100),
        Map.entry("max_allocated_storage", 500),
        Map.entry("multi_az", true),
        Map.entry("backup_retention_period", 14),
        Map.entry("db_name", "orders"),
        Map.entry("username", "orders_admin"),
        Map.entry("kms_key_id", key),
        Map.entry("master_user_secret_kms_key_id", key),
        Map.entry("performance_insights_kms_key_id", key),
        Map.entry("final_snapshot_identifier", "orders-main-final"),
        Map.entry("backup_window", "01:00-02:00"),
        Map.entry("maintenance_window", "sat:03:00-sat:04:00")));
    assertEquals("acme-test-prod-orders", json.only("aws_security_group").path("name").asText());
  }

  @Test
  void explicitChoicesOverrideTheEnvironment() {
    BlueprintStack prod = Fixtures.stack(Fixtures.app(), "test-prod-data", Fixtures.prod());
    new Database(prod, "Database", postgres().multiAz(false).deletionProtection(false).performanceInsights(false)
        .shortBackupRetention(1, "preview environment rebuilt nightly").build());
    Synthesized json = Synthesized.of(prod);
    JsonNode instance = json.assertResource(DB, Map.of("multi_az", false, "deletion_protection", false,
        "performance_insights_enabled", false, "backup_retention_period", 1));
    // Even with deletion protection off, Terraform still refuses to destroy it and RDS keeps a final snapshot.
    assertTrue(instance.path("lifecycle").path("prevent_destroy").asBoolean());
    assertFalse(instance.path("skip_final_snapshot").asBoolean());
  }

  @Test
  void onlyTheNamedPeerReachesTheDatabasePort() {
    BlueprintStack stack = Fixtures.stack("data");
    Database db = new Database(stack, "Database", postgres().build());
    SecurityGroup service = new SecurityGroup(stack, "Service", SecurityGroupProps.builder("vpc-0123", "acme-service", "service tasks").build());
    SecurityGroup other = new SecurityGroup(stack, "Other", SecurityGroupProps.builder("vpc-0123", "acme-other", "other tasks").build());
    db.allowDefaultPortFrom(service, "service to database");
    Synthesized json = Synthesized.of(stack);
    JsonNode ingress = Fixtures.assertPeerRule(json, "acme-service", "acme-test-dev-database", 5432);
    assertEquals("service to database", ingress.path("description").asText());
    assertTrue(json.where("aws_vpc_security_group_ingress_rule", Map.of("referenced_security_group_id",
        json.ref("aws_security_group", json.only("aws_security_group", "name", "acme-other"), "id"))).isEmpty());
    assertTrue(other.connections() != null);
  }

  @Test
  void theDatabaseGroupStartsWithNoRules() {
    BlueprintStack stack = Fixtures.stack("data");
    new Database(stack, "Database", postgres().build());
    Synthesized json = Synthesized.of(stack);
    assertEquals(0, json.count("aws_vpc_security_group_ingress_rule"));
    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"));
    assertTrue(json.only("aws_security_group").path("ingress").isMissingNode());
  }

  @Test
  void wiringThroughTheIntentApiWithAnExplicitPort() {
    BlueprintStack stack = Fixtures.stack("data");
    Database db = new Database(stack, "Database", postgres().build());
    SecurityGroup service = new SecurityGroup(stack, "Service", SecurityGroupProps.builder("vpc-0123", "acme-service", "service tasks").build());
    db.connections().allowFrom(service, Port.tcp(db.port()), "service to database");
    db.allowDefaultPortFrom(service, "service to database");
    assertEquals(1, Synthesized.of(stack).count("aws_vpc_security_group_ingress_rule"));
  }

  @Test
  void grantReadSecretIsScopedToTheManagedSecret() {
    BlueprintStack stack = Fixtures.stack("data");
    Database db = new Database(stack, "Database", postgres().build());
    Role role = new Role(stack, "TaskRole", RoleProps.builder("acme-task", "ecs-tasks.amazonaws.com").build());
    db.grantReadSecret(role);
    Synthesized json = Synthesized.of(stack);
    String secretArn = "${aws_db_instance." + json.nameOf(DB, json.only(DB)) + ".master_user_secret[0].secret_arn}";
    JsonNode policy = Synthesized.json(json.only("aws_iam_role_policy"), "policy");
    assertEquals(1, policy.path("Statement").size(), "no kms statement without a CMK");
    JsonNode statement = policy.path("Statement").get(0);
    assertEquals("Allow", statement.path("Effect").asText());
    assertEquals("[\"secretsmanager:GetSecretValue\",\"secretsmanager:DescribeSecret\"]", statement.path("Action").toString());
    assertEquals(secretArn, statement.path("Resource").asText());
  }

  @Test
  void grantReadSecretAddsDecryptOnTheCustomerKey() {
    BlueprintStack stack = Fixtures.stack("data");
    String key = "arn:aws:kms:eu-west-1:111122223333:key/abcd";
    Database db = new Database(stack, "Database", postgres().kmsKeyArn(key).build());
    Role role = new Role(stack, "TaskRole", RoleProps.builder("acme-task", "ecs-tasks.amazonaws.com").build());
    db.grantReadSecret(role);
    JsonNode statements = Synthesized.json(Synthesized.of(stack).only("aws_iam_role_policy"), "policy").path("Statement");
    assertEquals(2, statements.size());
    assertEquals("kms:Decrypt", statements.get(1).path("Action").asText());
    assertEquals(key, statements.get(1).path("Resource").asText());
    assertEquals("secretsmanager.eu-west-1.amazonaws.com", statements.get(1).at("/Condition/StringEquals/kms:ViaService").asText());
  }

  @Test
  void worksOnTheNetworkIsolatedTier() {
    BlueprintStack stack = Fixtures.stack("data");
    Network network = Fixtures.network(stack);
    new Database(stack, "Database", DatabaseProps.postgres("16").vpcId(network.vpcId()).subnets(network.subnets(SubnetTier.ISOLATED)).build());
    Synthesized json = Synthesized.of(stack);
    assertEquals(2, json.only("aws_db_subnet_group").path("subnet_ids").size());
  }

  @Test
  void engineVersionMismatchListsTheAcceptedForms() {
    assertEquals("engineVersion = \"15.4\" is invalid: mysql accepts a MySQL version 8.0 or 8.4, optionally with a patch version: "
            + "\"8.0\", \"8.0.35\", \"8.4\" or \"8.4.3\"",
        assertThrows(IllegalArgumentException.class,
            () -> DatabaseProps.mysql("15.4").vpcId("vpc-0123").subnets(Fixtures.ISOLATED).build()).getMessage());
    assertEquals("engineVersion = \"8.0\" is invalid: postgres accepts a PostgreSQL major version 13 to 17, optionally with a minor "
            + "version: \"15\" or \"15.4\"",
        assertThrows(IllegalArgumentException.class,
            () -> DatabaseProps.postgres("8.0").vpcId("vpc-0123").subnets(Fixtures.ISOLATED).build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DatabaseProps.postgres("12").vpcId("vpc-0123").subnets(Fixtures.ISOLATED).build()).getMessage().startsWith("engineVersion = \"12\""));
  }

  @Test
  void storageBelowTheEngineMinimumIsRefused() {
    assertEquals("allocatedStorageGb = 10 is invalid: the postgres minimum for gp3 is 20 GiB (allowed range 20..65536)",
        error(() -> postgres().allocatedStorageGb(10).build()));
    assertEquals("maxAllocatedStorageGb = 20 is invalid: greater than allocatedStorageGb (20) and at most 65536",
        error(() -> postgres().maxAllocatedStorageGb(20).build()));
  }

  @Test
  void oneAzSubnetGroupIsRefused() {
    SubnetGroup oneAz = new SubnetGroup(SubnetTier.ISOLATED, List.of("subnet-a"), List.of("eu-west-1a"), List.of("10.0.2.0/24"), List.of("rtb-a"));
    assertEquals("subnets spans 1 availability zone(s) [eu-west-1a] (isolated tier): at least 2 are required",
        error(() -> postgres().subnets(oneAz).build()));
    SubnetGroup publicTier = new SubnetGroup(SubnetTier.PUBLIC, List.of("a", "b"), Fixtures.AZS, List.of("x", "y"), List.of("r"));
    assertTrue(error(() -> postgres().subnets(publicTier).build()).startsWith("subnets = \"public tier\" is invalid: the isolated (or private) tier"));
  }

  @Test
  void backupRetentionUnderSevenDaysNeedsTheNamedOverride() {
    assertEquals("backupRetentionDays = 3 is invalid: at least 7 days; a shorter retention needs shortBackupRetention(days, reason)",
        error(() -> postgres().backupRetentionDays(3).build()));
    assertEquals("backupRetentionDays = 0 is invalid: allowed range is 1..35", error(() -> postgres().shortBackupRetention(0, "no backups").build()));
    assertEquals("backupRetentionDays = 36 is invalid: allowed range is 1..35", error(() -> postgres().backupRetentionDays(36).build()));
    assertEquals("reason = \" \" is invalid: a non-empty value is required", error(() -> postgres().shortBackupRetention(3, " ").build()));
    assertEquals(3, postgres().shortBackupRetention(3, "preview").build().backupRetentionDays());
  }

  @Test
  void reservedMasterUsernamesAreRefusedPerEngine() {
    assertEquals("masterUsername = \"admin\" is invalid: reserved by postgres on RDS; choose another name such as app_admin",
        error(() -> postgres().masterUsername("admin").build()));
    assertTrue(error(() -> postgres().masterUsername("rdsadmin").build()).startsWith("masterUsername = \"rdsadmin\" is invalid: reserved"));
    // "postgres" is RDS's own default for PostgreSQL, and MySQL accepts "admin".
    assertEquals("postgres", postgres().masterUsername("postgres").build().masterUsername());
    assertEquals("admin", DatabaseProps.mysql("8.0").vpcId("v").subnets(Fixtures.ISOLATED).masterUsername("admin").build().masterUsername());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DatabaseProps.mysql("8.0").vpcId("v").subnets(Fixtures.ISOLATED).masterUsername("application_admin").build())
        .getMessage().endsWith("at most 16 characters for mysql"));
  }

  @Test
  void otherBadInputFailsWithOneMessage() {
    assertTrue(error(() -> postgres().instanceClass("t3.micro").build()).startsWith("instanceClass = \"t3.micro\" is invalid"));
    assertTrue(error(() -> postgres().identifier("Bad_Name").build()).startsWith("identifier = \"Bad_Name\" is invalid"));
    assertTrue(error(() -> postgres().databaseName("1db").build()).startsWith("databaseName = \"1db\" is invalid"));
    assertTrue(error(() -> postgres().kmsKeyArn("alias/mine").build()).startsWith("kmsKeyArn = \"alias/mine\" is invalid"));
    assertTrue(error(() -> postgres().vpcId(null).build()).startsWith("vpcId = null is invalid"));
    assertTrue(error(() -> postgres().backupWindow("3am").build()).startsWith("backupWindow = \"3am\" is invalid"));
    assertEquals("performanceInsights = true is invalid: mysql does not support Performance Insights on db.t3.micro; "
            + "choose a larger class or leave performanceInsights unset",
        assertThrows(IllegalArgumentException.class,
            () -> DatabaseProps.mysql("8.0").vpcId("v").subnets(Fixtures.ISOLATED).performanceInsights(true).build()).getMessage());
  }

  private static String parameter(JsonNode group, String name) {
    for (JsonNode p : group.path("parameter")) if (p.path("name").asText().equals(name)) return p.path("value").asText();
    throw new AssertionError("no parameter " + name + " in " + group.path("parameter"));
  }
}
