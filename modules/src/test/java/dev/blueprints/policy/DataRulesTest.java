package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.prod;
import static dev.blueprints.policy.PolicyAssert.rule;

import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.memorydb_cluster.MemorydbCluster;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketProps;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.LogGroupProps;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataRulesTest {
  /** An RDS instance as a careful team ships it: every RDS rule passes. */
  private static DbInstance database(BlueprintStack stack) {
    return DbInstance.Builder.create(stack, "Db").engine("postgres").engineVersion("15.4").instanceClass("db.t3.micro")
        .allocatedStorage(20).username("app").manageMasterUserPassword(true).storageEncrypted(true)
        .publiclyAccessible(false).backupRetentionPeriod(7).deletionProtection(true).multiAz(true)
        .finalSnapshotIdentifier("db-final").iamDatabaseAuthenticationEnabled(true).performanceInsightsEnabled(true)
        .enabledCloudwatchLogsExports(List.of("postgresql", "upgrade")).autoMinorVersionUpgrade(true).build();
  }

  @Test
  void theSecureDatabasePassesEveryRdsRule() {
    BlueprintStack stack = prod();
    database(stack);
    for (int i = 1; i <= 11; i++) passes(stack, String.format("BP-RDS-%03d", i));
  }

  /**
   * One setting of the secure database changed breaks one rule ({@code message}); reset to its default, the rule
   * reports {@code afterReset}, or passes when that is null.
   */
  record Weakened(String rule, Consumer<DbInstance> change, String message, Consumer<DbInstance> reset, String afterReset) {
    @Override
    public String toString() {
      return rule + ": " + message;
    }
  }

  static Stream<Weakened> weakenedDatabases() {
    return Stream.of(
        new Weakened("BP-RDS-001", db -> db.setStorageEncrypted(false), "storage_encrypted is false",
            DbInstance::resetStorageEncrypted, "storage_encrypted is absent (default false)"),
        new Weakened("BP-RDS-002", db -> db.setPubliclyAccessible(true), "publicly_accessible is true",
            DbInstance::resetPubliclyAccessible, null),
        new Weakened("BP-RDS-003", db -> db.setBackupRetentionPeriod(1), "backup_retention_period is 1",
            DbInstance::resetBackupRetentionPeriod, "backup_retention_period is absent"),
        new Weakened("BP-RDS-004", db -> db.setDeletionProtection(false), "deletion_protection is false",
            DbInstance::resetDeletionProtection, "deletion_protection is absent"),
        new Weakened("BP-RDS-007", db -> db.setSkipFinalSnapshot(true), "skip_final_snapshot is true",
            DbInstance::resetSkipFinalSnapshot, null));
  }

  @ParameterizedTest
  @MethodSource("weakenedDatabases")
  void oneWeakenedSettingFailsItsRule(Weakened c) {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    c.change().accept(db);
    fails(stack, c.rule(), "aws_db_instance.Db", c.message());
    c.reset().accept(db);
    if (c.afterReset() == null) passes(stack, c.rule());
    else fails(stack, c.rule(), "aws_db_instance.Db", c.afterReset());
  }

  @Test
  void productionDatabasesAreMultiAz() {
    BlueprintStack prod = prod();
    database(prod).resetMultiAz();
    fails(prod, "BP-RDS-005", "aws_db_instance.Db", "multi_az is absent in production");
    BlueprintStack dev = dev();
    database(dev).setMultiAz(false);
    passes(dev, "BP-RDS-005");
  }

  @Test
  void masterPasswordsAreManagedByRds() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    rule(stack, "BP-RDS-006", "aws_db_instance.Db")
        .after(db::resetManageMasterUserPassword).fails("manage_master_user_password is absent")
        .after(() -> db.setPassword("hunter2hunter2")).fails("password is a literal")
        .after(() -> db.setPassword("${data.aws_secretsmanager_secret_version.db.secret_string}")).passes();
  }

  @Test
  void iamAuthenticationAndPerformanceInsightsAreWarnings() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    db.resetIamDatabaseAuthenticationEnabled();
    db.setPerformanceInsightsEnabled(false);
    fails(stack, "BP-RDS-008", "aws_db_instance.Db", "iam_database_authentication_enabled is absent");
    fails(stack, "BP-RDS-009", "aws_db_instance.Db", "performance_insights_enabled is false");
  }

  @Test
  void logsAreExportedAndMinorUpgradesApplied() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    db.resetEnabledCloudwatchLogsExports();
    fails(stack, "BP-RDS-010", "aws_db_instance.Db", "enabled_cloudwatch_logs_exports is absent");
    rule(stack, "BP-RDS-011", "aws_db_instance.Db")
        .after(() -> db.setAutoMinorVersionUpgrade(false)).fails("auto_minor_version_upgrade is false")
        .after(db::resetAutoMinorVersionUpgrade).passes();
  }

  @Test
  void memoryDbUsesTlsKeepsSnapshotsAndReplicasInProduction() {
    BlueprintStack stack = prod();
    MemorydbCluster cache = MemorydbCluster.Builder.create(stack, "Cache").name("cache").aclName("acl").nodeType("db.t4g.small")
        .tlsEnabled(true).snapshotRetentionLimit(7).numReplicasPerShard(1).build();
    for (String id : List.of("BP-MDB-001", "BP-MDB-002", "BP-MDB-003")) passes(stack, id);
    rule(stack, "BP-MDB-001", "aws_memorydb_cluster.Cache")
        .after(() -> cache.setTlsEnabled(false)).fails("tls_enabled is false")
        .after(cache::resetTlsEnabled).passes();
    rule(stack, "BP-MDB-002", "aws_memorydb_cluster.Cache")
        .after(cache::resetSnapshotRetentionLimit).fails("snapshot_retention_limit is absent (default 0")
        .after(() -> cache.setSnapshotRetentionLimit(0)).fails("snapshot_retention_limit is 0");
    rule(stack, "BP-MDB-003", "aws_memorydb_cluster.Cache")
        .after(() -> cache.setNumReplicasPerShard(0)).fails("num_replicas_per_shard is 0 in production")
        .after(cache::resetNumReplicasPerShard).passes();   // absent: 1 replica
  }

  @Test
  void theBucketModulePassesEveryS3Rule() {
    BlueprintStack stack = dev();
    new Bucket(stack, "Data", BucketProps.builder().name("acme-data").build());
    for (String id : List.of("BP-S3-001", "BP-S3-002", "BP-S3-003", "BP-S3-004", "BP-S3-005", "BP-REL-001")) passes(stack, id);
  }

  @Test
  void aBareBucketFailsEveryS3Rule() {
    BlueprintStack stack = dev();
    S3Bucket.Builder.create(stack, "Raw").bucket("acme-raw").build();
    fails(stack, "BP-S3-001", "aws_s3_bucket.Raw", "the bucket has no public access block");
    fails(stack, "BP-S3-002", "aws_s3_bucket.Raw", "no server-side encryption configuration");
    fails(stack, "BP-S3-003", "aws_s3_bucket.Raw", "no versioning configuration");
    fails(stack, "BP-S3-004", "aws_s3_bucket.Raw", "no bucket policy denies requests without TLS");
    fails(stack, "BP-S3-005", "aws_s3_bucket.Raw", "no ownership controls");
  }

  @Test
  void companionsWithWeakSettingsFail() {
    BlueprintStack stack = dev();
    S3Bucket bucket = S3Bucket.Builder.create(stack, "Raw").bucket("acme-raw").build();
    S3BucketPublicAccessBlock.Builder.create(stack, "Pab").bucket(bucket.getId()).blockPublicAcls(true).blockPublicPolicy(true)
        .ignorePublicAcls(true).build();
    S3BucketVersioningA.Builder.create(stack, "Versioning").bucket(bucket.getId())
        .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Suspended").build()).build();
    S3BucketPolicy.Builder.create(stack, "Policy").bucket(bucket.getId())
        .policy("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}").build();
    // by name rather than by reference
    S3BucketOwnershipControls.Builder.create(stack, "Ownership").bucket("acme-raw")
        .rule(S3BucketOwnershipControlsRule.builder().objectOwnership("ObjectWriter").build()).build();
    fails(stack, "BP-S3-001", "aws_s3_bucket.Raw", "leaves [restrict_public_buckets] off");
    fails(stack, "BP-S3-003", "aws_s3_bucket.Raw", "versioning status is \"Suspended\"");
    fails(stack, "BP-S3-004", "aws_s3_bucket.Raw", "no bucket policy denies requests without TLS");
    fails(stack, "BP-S3-005", "aws_s3_bucket.Raw", "object_ownership is \"ObjectWriter\"");
  }

  @Test
  void secretsStayRecoverableAndUseACustomerKey() {
    BlueprintStack stack = dev();
    SecretsmanagerSecret secret = SecretsmanagerSecret.Builder.create(stack, "Secret").name("db").kmsKeyId("arn:kms").build();
    passes(stack, "BP-SM-001");
    passes(stack, "BP-SM-002");
    rule(stack, "BP-SM-001", "aws_secretsmanager_secret.Secret")
        .after(() -> secret.setRecoveryWindowInDays(0)).fails("recovery_window_in_days is 0")
        .after(secret::resetRecoveryWindowInDays).passes();   // absent: 30 days
    secret.resetKmsKeyId();
    fails(stack, "BP-SM-002", "aws_secretsmanager_secret.Secret", "kms_key_id is absent");
  }

  @Test
  void kmsKeysRotate() {
    BlueprintStack stack = dev();
    KmsKey key = KmsKey.Builder.create(stack, "Key").enableKeyRotation(true).build();
    rule(stack, "BP-KMS-001", "aws_kms_key.Key").passes()
        .after(key::resetEnableKeyRotation).fails("enable_key_rotation is absent (default false)")
        .after(() -> key.setCustomerMasterKeySpec("RSA_2048")).passes();   // asymmetric keys cannot rotate
  }

  @Test
  void logGroupsHaveRetention() {
    BlueprintStack stack = dev();
    new LogGroup(stack, "Logs", LogGroupProps.of("/acme/app", 30));
    passes(stack, "BP-CW-001");
    CloudwatchLogGroup raw = CloudwatchLogGroup.Builder.create(stack, "Raw").name("/acme/raw").build();
    rule(stack, "BP-CW-001", "aws_cloudwatch_log_group.Raw")
        .fails("retention_in_days is absent")
        .after(() -> raw.setRetentionInDays(0)).fails("retention_in_days is 0");
  }

  @Test
  void alarmsHaveActions() {
    BlueprintStack stack = dev();
    CloudwatchMetricAlarm alarm = CloudwatchMetricAlarm.Builder.create(stack, "Alarm").alarmName("cpu")
        .comparisonOperator("GreaterThanThreshold").evaluationPeriods(2).metricName("CPUUtilization").namespace("AWS/EC2")
        .period(300).statistic("Average").threshold(80).alarmActions(List.of("arn:sns")).build();
    rule(stack, "BP-CW-002", "aws_cloudwatch_metric_alarm.Alarm").passes()
        .after(() -> alarm.setActionsEnabled(false)).fails("actions_enabled is false")
        .after(alarm::resetActionsEnabled).after(alarm::resetAlarmActions).fails("the alarm has no alarm_actions");
  }
}
