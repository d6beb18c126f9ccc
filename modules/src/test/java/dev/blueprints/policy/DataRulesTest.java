package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.prod;

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
import org.junit.jupiter.api.Test;

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

  @Test
  void storageIsEncrypted() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    db.setStorageEncrypted(false);
    fails(stack, "BP-RDS-001", "aws_db_instance.Db", "storage_encrypted is false");
    db.resetStorageEncrypted();
    fails(stack, "BP-RDS-001", "aws_db_instance.Db", "storage_encrypted is absent (default false)");
  }

  @Test
  void databasesAreNotPublic() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    db.setPubliclyAccessible(true);
    fails(stack, "BP-RDS-002", "aws_db_instance.Db", "publicly_accessible is true");
    db.resetPubliclyAccessible();
    passes(stack, "BP-RDS-002");
  }

  @Test
  void backupsAreKeptAWeek() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    db.setBackupRetentionPeriod(1);
    fails(stack, "BP-RDS-003", "aws_db_instance.Db", "backup_retention_period is 1");
    db.resetBackupRetentionPeriod();
    fails(stack, "BP-RDS-003", "aws_db_instance.Db", "backup_retention_period is absent");
  }

  @Test
  void deletionProtectionIsOn() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    db.setDeletionProtection(false);
    fails(stack, "BP-RDS-004", "aws_db_instance.Db", "deletion_protection is false");
    db.resetDeletionProtection();
    fails(stack, "BP-RDS-004", "aws_db_instance.Db", "deletion_protection is absent");
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
    db.resetManageMasterUserPassword();
    fails(stack, "BP-RDS-006", "aws_db_instance.Db", "manage_master_user_password is absent");
    db.setPassword("hunter2hunter2");
    fails(stack, "BP-RDS-006", "aws_db_instance.Db", "password is a literal");
    db.setPassword("${data.aws_secretsmanager_secret_version.db.secret_string}");
    passes(stack, "BP-RDS-006");
  }

  @Test
  void deletingTakesAFinalSnapshot() {
    BlueprintStack stack = dev();
    DbInstance db = database(stack);
    db.setSkipFinalSnapshot(true);
    fails(stack, "BP-RDS-007", "aws_db_instance.Db", "skip_final_snapshot is true");
    db.resetSkipFinalSnapshot();
    passes(stack, "BP-RDS-007");
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
    db.setAutoMinorVersionUpgrade(false);
    fails(stack, "BP-RDS-011", "aws_db_instance.Db", "auto_minor_version_upgrade is false");
    db.resetAutoMinorVersionUpgrade();
    passes(stack, "BP-RDS-011");
  }

  @Test
  void memoryDbUsesTlsKeepsSnapshotsAndReplicasInProduction() {
    BlueprintStack stack = prod();
    MemorydbCluster cache = MemorydbCluster.Builder.create(stack, "Cache").name("cache").aclName("acl").nodeType("db.t4g.small")
        .tlsEnabled(true).snapshotRetentionLimit(7).numReplicasPerShard(1).build();
    for (String id : List.of("BP-MDB-001", "BP-MDB-002", "BP-MDB-003")) passes(stack, id);
    cache.setTlsEnabled(false);
    fails(stack, "BP-MDB-001", "aws_memorydb_cluster.Cache", "tls_enabled is false");
    cache.resetTlsEnabled();
    passes(stack, "BP-MDB-001");
    cache.resetSnapshotRetentionLimit();
    fails(stack, "BP-MDB-002", "aws_memorydb_cluster.Cache", "snapshot_retention_limit is absent (default 0");
    cache.setSnapshotRetentionLimit(0);
    fails(stack, "BP-MDB-002", "aws_memorydb_cluster.Cache", "snapshot_retention_limit is 0");
    cache.setNumReplicasPerShard(0);
    fails(stack, "BP-MDB-003", "aws_memorydb_cluster.Cache", "num_replicas_per_shard is 0 in production");
    cache.resetNumReplicasPerShard();   // absent: 1 replica
    passes(stack, "BP-MDB-003");
  }

  @Test
  void theBucketModulePassesEveryS3Rule() {
    BlueprintStack stack = dev();
    new Bucket(stack, "Data", BucketProps.builder("acme-data").build());
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
    secret.setRecoveryWindowInDays(0);
    fails(stack, "BP-SM-001", "aws_secretsmanager_secret.Secret", "recovery_window_in_days is 0");
    secret.resetRecoveryWindowInDays();   // absent: 30 days
    passes(stack, "BP-SM-001");
    secret.resetKmsKeyId();
    fails(stack, "BP-SM-002", "aws_secretsmanager_secret.Secret", "kms_key_id is absent");
  }

  @Test
  void kmsKeysRotate() {
    BlueprintStack stack = dev();
    KmsKey key = KmsKey.Builder.create(stack, "Key").enableKeyRotation(true).build();
    passes(stack, "BP-KMS-001");
    key.resetEnableKeyRotation();
    fails(stack, "BP-KMS-001", "aws_kms_key.Key", "enable_key_rotation is absent (default false)");
    key.setCustomerMasterKeySpec("RSA_2048");   // asymmetric keys cannot rotate
    passes(stack, "BP-KMS-001");
  }

  @Test
  void logGroupsHaveRetention() {
    BlueprintStack stack = dev();
    new LogGroup(stack, "Logs", LogGroupProps.of("/acme/app", 30));
    passes(stack, "BP-CW-001");
    CloudwatchLogGroup raw = CloudwatchLogGroup.Builder.create(stack, "Raw").name("/acme/raw").build();
    fails(stack, "BP-CW-001", "aws_cloudwatch_log_group.Raw", "retention_in_days is absent");
    raw.setRetentionInDays(0);
    fails(stack, "BP-CW-001", "aws_cloudwatch_log_group.Raw", "retention_in_days is 0");
  }

  @Test
  void alarmsHaveActions() {
    BlueprintStack stack = dev();
    CloudwatchMetricAlarm alarm = CloudwatchMetricAlarm.Builder.create(stack, "Alarm").alarmName("cpu")
        .comparisonOperator("GreaterThanThreshold").evaluationPeriods(2).metricName("CPUUtilization").namespace("AWS/EC2")
        .period(300).statistic("Average").threshold(80).alarmActions(List.of("arn:sns")).build();
    passes(stack, "BP-CW-002");
    alarm.setActionsEnabled(false);
    fails(stack, "BP-CW-002", "aws_cloudwatch_metric_alarm.Alarm", "actions_enabled is false");
    alarm.resetActionsEnabled();
    alarm.resetAlarmActions();
    fails(stack, "BP-CW-002", "aws_cloudwatch_metric_alarm.Alarm", "the alarm has no alarm_actions");
  }
}
