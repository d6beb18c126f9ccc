package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.rule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPool;
import com.hashicorp.cdktf.providers.aws.cognito_user_pool.CognitoUserPoolPasswordPolicy;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroup;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroupParameter;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.efs_backup_policy.EfsBackupPolicy;
import com.hashicorp.cdktf.providers.aws.efs_backup_policy.EfsBackupPolicyBackupPolicy;
import com.hashicorp.cdktf.providers.aws.efs_file_system.EfsFileSystem;
import com.hashicorp.cdktf.providers.aws.memorydb_cluster.MemorydbCluster;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import dev.blueprints.core.BlueprintStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules for unauthenticated caches, unencrypted or unbacked file systems and topics, secrets in plain sight, TLS. */
class ExposureRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void memoryDbClustersAuthenticateClients() {
    BlueprintStack stack = dev();
    MemorydbCluster cache = MemorydbCluster.Builder.create(stack, "Cache").name("cache").aclName("cache-users")
        .nodeType("db.t4g.small").build();
    rule(stack, "BP-MDB-004", "aws_memorydb_cluster.Cache").passes()
        .after(() -> cache.setAclName("open-access")).fails("acl_name is \"open-access\"");
  }

  @Test
  void fileSystemsAreEncryptedAndBackedUp() {
    BlueprintStack stack = dev();
    EfsFileSystem fs = EfsFileSystem.Builder.create(stack, "Files").creationToken("files").encrypted(true).build();
    EfsBackupPolicy backup = EfsBackupPolicy.Builder.create(stack, "Backup").fileSystemId(fs.getId())
        .backupPolicy(EfsBackupPolicyBackupPolicy.builder().status("ENABLED").build()).build();
    passes(stack, "BP-EFS-001");
    passes(stack, "BP-EFS-002");
    rule(stack, "BP-EFS-001", "aws_efs_file_system.Files")
        .after(() -> fs.setEncrypted(false)).fails("encrypted is false")
        .after(fs::resetEncrypted).fails("encrypted is absent");
    backup.putBackupPolicy(EfsBackupPolicyBackupPolicy.builder().status("DISABLED").build());
    fails(stack, "BP-EFS-002", "aws_efs_file_system.Files", "aws_efs_backup_policy status is \"DISABLED\"");
    BlueprintStack bare = dev();
    EfsFileSystem.Builder.create(bare, "Files").creationToken("files").encrypted(true).build();
    fails(bare, "BP-EFS-002", "aws_efs_file_system.Files", "no aws_efs_backup_policy or aws_backup_selection covers the file system");
  }

  private static EcsTaskDefinition task(BlueprintStack stack, List<Map<String, String>> environment) throws Exception {
    Map<String, Object> container = Map.of("name", "api", "image", "repo/api:1.0.0", "environment", environment,
        "secrets", List.of(Map.of("name", "DB_PASSWORD", "valueFrom", "arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf:password::")));
    return EcsTaskDefinition.Builder.create(stack, "Task").family("api")
        .containerDefinitions(JSON.writeValueAsString(List.of(container))).build();
  }

  @Test
  void secretsStayOutOfThePlainEnvironment() throws Exception {
    BlueprintStack clean = dev();
    task(clean, List.of(Map.of("name", "DB_HOST", "value", "db.internal"), Map.of("name", "DB_PASSWORD_FILE", "value", "/run/pw"),
        Map.of("name", "SECRET_ARN", "value", "arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf"), Map.of("name", "API_TOKEN", "value", ""),
        Map.of("name", "PASSWORD_RESET_EXPIRES_MINUTES", "value", "30")));
    passes(clean, "BP-ECS-008");
    BlueprintStack named = dev();
    task(named, List.of(Map.of("name", "DB_PASSWORD", "value", "hunter2-but-longer")));
    fails(named, "BP-ECS-008", "aws_ecs_task_definition.Task", "container api has DB_PASSWORD in its plain environment");
    BlueprintStack key = dev();
    task(key, List.of(Map.of("name", "DJANGO_SECRET_KEY", "value", "django-insecure-abc")));
    fails(key, "BP-ECS-008", "aws_ecs_task_definition.Task", "container api has DJANGO_SECRET_KEY in its plain environment");
    BlueprintStack byValue = dev();
    task(byValue, List.of(Map.of("name", "APP_CONFIG", "value", "${aws_secretsmanager_secret_version.Config.secret_string}")));
    fails(byValue, "BP-ECS-008", "aws_ecs_task_definition.Task", "APP_CONFIG in its plain environment with a secret's value");
  }

  @Test
  void topicsAreEncrypted() {
    BlueprintStack stack = dev();
    SnsTopic topic = SnsTopic.Builder.create(stack, "Topic").name("alarms").kmsMasterKeyId("${aws_kms_key.Key.arn}").build();
    rule(stack, "BP-SNS-001", "aws_sns_topic.Topic").passes()
        .after(topic::resetKmsMasterKeyId).fails("kms_master_key_id is absent");
  }

  private static DbInstance database(BlueprintStack stack, String engine, String version) {
    return DbInstance.Builder.create(stack, "Db").engine(engine).engineVersion(version).instanceClass("db.t3.micro")
        .allocatedStorage(20).username("app").manageMasterUserPassword(true).build();
  }

  @Test
  void databasesRequireTls() {
    BlueprintStack postgres = dev();
    DbParameterGroup group = DbParameterGroup.Builder.create(postgres, "Params").name("pg").family("postgres15")
        .parameter(List.of(DbParameterGroupParameter.builder().name("rds.force_ssl").value("1").build())).build();
    DbInstance db = database(postgres, "postgres", "15.4");
    rule(postgres, "BP-RDS-012", "aws_db_instance.Db")
        .after(() -> db.setParameterGroupName(group.getName())).passes()
        .after(() -> group.putParameter(List.of(DbParameterGroupParameter.builder().name("rds.force_ssl").value("0").build())))
        .fails("rds.force_ssl is 0 in parameter group aws_db_parameter_group.Params");
    // Version 15 and later default to TLS only; 14 does not.
    rule(postgres, "BP-RDS-012", "aws_db_instance.Db")
        .after(() -> group.putParameter(List.of(DbParameterGroupParameter.builder().name("log_connections").value("1").build())))
        .passes()
        .after(() -> group.setFamily("postgres14"))
        .fails("rds.force_ssl is not set in parameter group aws_db_parameter_group.Params");

    BlueprintStack mysql = dev();
    DbInstance my = database(mysql, "mysql", "8.0.35");
    fails(mysql, "BP-RDS-012", "aws_db_instance.Db", "require_secure_transport is not set in the default parameter group (default OFF)");
    DbParameterGroup myGroup = DbParameterGroup.Builder.create(mysql, "Params").name("my").family("mysql8.0")
        .parameter(List.of(DbParameterGroupParameter.builder().name("require_secure_transport").value("ON").build())).build();
    my.setParameterGroupName(myGroup.getName());
    passes(mysql, "BP-RDS-012");
  }

  @Test
  void passwordsMixCharacterClasses() {
    BlueprintStack stack = dev();
    CognitoUserPool pool = CognitoUserPool.Builder.create(stack, "Users").name("users")
        .passwordPolicy(CognitoUserPoolPasswordPolicy.builder().minimumLength(12).requireLowercase(true).requireUppercase(true)
            .requireNumbers(true).requireSymbols(true).build()).build();
    rule(stack, "BP-COG-004", "aws_cognito_user_pool.Users").passes()
        .after(() -> pool.putPasswordPolicy(CognitoUserPoolPasswordPolicy.builder().minimumLength(12).requireLowercase(true).requireUppercase(true).build()))
        .fails("password_policy does not set require_numbers, require_symbols = true");
  }

  @Test
  void sensitiveLogGroupsUseACustomerKey() {
    BlueprintStack stack = dev();
    CloudwatchLogGroup logs = CloudwatchLogGroup.Builder.create(stack, "Logs").name("/app/api").retentionInDays(30)
        .tags(Map.of("DataClassification", "internal")).build();
    rule(stack, "BP-CW-003", "aws_cloudwatch_log_group.Logs").passes()
        .after(() -> logs.setTags(Map.of("DataClassification", "Confidential")))
        .fails("DataClassification is \"Confidential\" but kms_key_id is absent")
        .after(() -> logs.setKmsKeyId("${aws_kms_key.Logs.arn}")).passes();
  }
}
