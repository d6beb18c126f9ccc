package dev.blueprints.mutations;

import static dev.blueprints.mutations.Mutation.all;
import static dev.blueprints.mutations.Mutation.container;
import static dev.blueprints.mutations.Mutation.copy;
import static dev.blueprints.mutations.Mutation.delete;
import static dev.blueprints.mutations.Mutation.document;
import static dev.blueprints.mutations.Mutation.has;
import static dev.blueprints.mutations.Mutation.json;
import static dev.blueprints.mutations.Mutation.mentions;
import static dev.blueprints.mutations.Mutation.of;
import static dev.blueprints.mutations.Mutation.present;
import static dev.blueprints.mutations.Mutation.remove;
import static dev.blueprints.mutations.Mutation.set;
import static dev.blueprints.mutations.Mutation.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The table of single changes: each one a mistake an engineer could make in one place (exposure, data loss,
 * outage, a weaker default), with the rule that owns it. At least one per rule of the pack.
 */
final class Mutations {
  private Mutations() {}

  private static final String ANYONE = "{\"AWS\":\"*\"}";

  static final List<Mutation> ALL = List.of(
      // network
      of("ingress rule opens SSH to 0.0.0.0/0", "BP-NET-001", "aws_vpc_security_group_ingress_rule",
          all(remove("referenced_security_group_id"), set("cidr_ipv4", "0.0.0.0/0"), set("from_port", 22), set("to_port", 22))),
      of("security group loses its description", "BP-NET-002", "aws_security_group", remove("description")),
      of("default security group no longer adopted", "BP-NET-003", "aws_default_security_group", delete()),
      of("default security group admits all traffic", "BP-NET-003", "aws_default_security_group",
          set("ingress", List.of(Map.of("protocol", "-1", "from_port", 0, "to_port", 0, "cidr_blocks", List.of("0.0.0.0/0"))))),
      of("subnet assigns public IPs on launch", "BP-NET-004", "aws_subnet", set("map_public_ip_on_launch", true)),
      of("VPC flow log removed", "BP-NET-005", "aws_flow_log", delete()),
      // load balancing
      of("ALB keeps invalid header fields", "BP-LB-001", "aws_lb", has("load_balancer_type", "application"),
          set("drop_invalid_header_fields", false)),
      of("listener switched to HTTPS with a TLS 1.0 policy", "BP-LB-002", "aws_lb_listener", has("protocol", "HTTP"),
          all(set("protocol", "HTTPS"), set("port", 443), set("ssl_policy", "ELBSecurityPolicy-2016-08"),
              set("certificate_arn", "arn:aws:acm:us-east-1:111122223333:certificate/example"))),
      of("second listener forwards plain HTTP on 8080", "BP-LB-003", "aws_lb_listener", has("protocol", "HTTP"),
          copy(set("port", 8080))),
      of("load balancer deletion protection off", "BP-LB-004", "aws_lb", set("enable_deletion_protection", false)),
      of("ALB access logs removed", "BP-LB-005", "aws_lb", has("load_balancer_type", "application"), remove("access_logs")),
      of("target group health check disabled", "BP-LB-006", "aws_lb_target_group", set("health_check.enabled", false)),
      // EC2 and Auto Scaling
      of("launch template allows IMDSv1", "BP-EC2-001", "aws_launch_template", set("metadata_options.http_tokens", "optional")),
      of("launch template root volume unencrypted", "BP-EC2-002", "aws_launch_template",
          set("block_device_mappings.0.ebs.encrypted", "false")),
      of("launch template associates a public IP", "BP-EC2-003", "aws_launch_template",
          set("network_interfaces.0.associate_public_ip_address", "true")),
      of("Auto Scaling group behind a target group uses EC2 health checks", "BP-ASG-001", "aws_autoscaling_group",
          present("target_group_arns"), set("health_check_type", "EC2")),
      // ECS and ECR
      of("Container Insights disabled", "BP-ECS-001", "aws_ecs_cluster",
          set("setting", List.of(Map.of("name", "containerInsights", "value", "disabled")))),
      of("container runs privileged", "BP-ECS-002", "aws_ecs_task_definition", container(c -> c.put("privileged", true))),
      of("container root filesystem writable", "BP-ECS-003", "aws_ecs_task_definition",
          container(c -> c.put("readonlyRootFilesystem", false))),
      of("container log configuration removed", "BP-ECS-004", "aws_ecs_task_definition", container(c -> c.remove("logConfiguration"))),
      of("service deployment rollback off", "BP-ECS-005", "aws_ecs_service", set("deployment_circuit_breaker.rollback", false)),
      of("service tasks get public IPs", "BP-ECS-006", "aws_ecs_service", present("network_configuration"),
          set("network_configuration.assign_public_ip", true)),
      of("task role is the execution role", "BP-ECS-007", "aws_ecs_task_definition", present("task_role_arn"),
          (root, name, body) -> body.set("task_role_arn", body.path("execution_role_arn"))),
      of("password moved from secrets into the plain environment", "BP-ECS-008", "aws_ecs_task_definition",
          mentions("_PASSWORD\\\",\\\"valueFrom"), container(Mutations::movePasswordToEnvironment)),
      of("secret value written into an environment variable", "BP-ECS-008", "aws_ecs_task_definition",
          container(c -> ((ArrayNode) c.withArray("environment")).add(json(
              "{\"name\":\"APP_CONFIG\",\"value\":\"${aws_secretsmanager_secret_version.AppConfig.secret_string}\"}")))),
      of("repository stops scanning on push", "BP-ECR-001", "aws_ecr_repository", set("image_scanning_configuration.scan_on_push", false)),
      of("repository tags mutable", "BP-ECR-002", "aws_ecr_repository", set("image_tag_mutability", "MUTABLE")),
      of("repository lifecycle policy removed", "BP-ECR-003", "aws_ecr_lifecycle_policy", delete()),
      // RDS
      of("database storage unencrypted", "BP-RDS-001", "aws_db_instance", set("storage_encrypted", false)),
      of("database publicly accessible", "BP-RDS-002", "aws_db_instance", set("publicly_accessible", true)),
      of("database backups kept 1 day", "BP-RDS-003", "aws_db_instance", set("backup_retention_period", 1)),
      of("database deletion protection off", "BP-RDS-004", "aws_db_instance", set("deletion_protection", false)),
      of("production database single-AZ", "BP-RDS-005", "aws_db_instance", set("multi_az", false)),
      of("master password written in the configuration", "BP-RDS-006", "aws_db_instance",
          all(remove("manage_master_user_password"), set("password", "ChangeMe-2024!"))),
      of("database deleted without a final snapshot", "BP-RDS-007", "aws_db_instance",
          all(set("skip_final_snapshot", true), remove("final_snapshot_identifier"))),
      of("IAM database authentication off", "BP-RDS-008", "aws_db_instance", set("iam_database_authentication_enabled", false)),
      of("Performance Insights off", "BP-RDS-009", "aws_db_instance", set("performance_insights_enabled", false)),
      of("database log exports removed", "BP-RDS-010", "aws_db_instance", remove("enabled_cloudwatch_logs_exports")),
      of("automatic minor upgrades off", "BP-RDS-011", "aws_db_instance", set("auto_minor_version_upgrade", false)),
      of("parameter group stops requiring TLS", "BP-RDS-012", "aws_db_parameter_group", Mutations::allowPlainText),
      // MemoryDB
      of("cache TLS off", "BP-MDB-001", "aws_memorydb_cluster", set("tls_enabled", false)),
      of("cache snapshots off", "BP-MDB-002", "aws_memorydb_cluster", set("snapshot_retention_limit", 0)),
      of("production cache without replicas", "BP-MDB-003", "aws_memorydb_cluster", set("num_replicas_per_shard", 0)),
      of("cache on the open-access ACL", "BP-MDB-004", "aws_memorydb_cluster", set("acl_name", "open-access")),
      // EFS
      of("file system unencrypted", "BP-EFS-001", "aws_efs_file_system", set("encrypted", false)),
      of("file system backup policy removed", "BP-EFS-002", "aws_efs_backup_policy", delete()),
      of("file system backups disabled", "BP-EFS-002", "aws_efs_backup_policy", set("backup_policy.status", "DISABLED")),
      // S3
      of("public access block allows public policies", "BP-S3-001", "aws_s3_bucket_public_access_block", set("block_public_policy", false)),
      of("bucket encryption configuration removed", "BP-S3-002", "aws_s3_bucket_server_side_encryption_configuration", delete()),
      of("bucket versioning suspended", "BP-S3-003", "aws_s3_bucket_versioning", set("versioning_configuration.status", "Suspended")),
      of("bucket policy no longer denies plain HTTP", "BP-S3-004", "aws_s3_bucket_policy",
          document("policy", d -> statements(d).removeIf(s -> "Deny".equals(s.path("Effect").asText())))),
      of("bucket ACLs re-enabled", "BP-S3-005", "aws_s3_bucket_ownership_controls", set("rule.object_ownership", "ObjectWriter")),
      // Secrets Manager, CloudWatch, SNS
      of("secret deleted without recovery window", "BP-SM-001", "aws_secretsmanager_secret", set("recovery_window_in_days", 0)),
      of("new secret under the AWS-managed key", "BP-SM-002", "aws_secretsmanager_secret",
          copy(all(set("name", "copied-secret"), remove("kms_key_id")))),
      of("log group retention removed", "BP-CW-001", "aws_cloudwatch_log_group", remove("retention_in_days")),
      of("log group classified confidential without a customer key", "BP-CW-003", "aws_cloudwatch_log_group",
          set("tags.DataClassification", "confidential")),
      of("alarm actions disabled", "BP-CW-002", "aws_cloudwatch_metric_alarm", set("actions_enabled", false)),
      of("alarm topic encryption removed", "BP-SNS-001", "aws_sns_topic", remove("kms_master_key_id")),
      of("alarm e-mail subscription removed", "BP-SNS-002", "aws_sns_topic_subscription", delete()),
      of("alarm subscriptions removed from a stack tagged dev", "BP-SNS-003", "aws_sns_topic", Mutations::unsubscribedInDev),
      // API Gateway, Cognito
      of("stage access logs removed", "BP-APIGW-001", "aws_api_gateway_stage", remove("access_log_settings")),
      of("stage tracing off", "BP-APIGW-002", "aws_api_gateway_stage", set("xray_tracing_enabled", false)),
      of("method open without authorization", "BP-APIGW-003", "aws_api_gateway_method", has("authorization", "COGNITO_USER_POOLS"),
          all(set("authorization", "NONE"), remove("authorizer_id"))),
      of("stage throttling removed", "BP-APIGW-004", "aws_api_gateway_method_settings", delete()),
      of("user pool MFA off", "BP-COG-001", "aws_cognito_user_pool", set("mfa_configuration", "OFF")),
      of("passwords of 8 characters", "BP-COG-002", "aws_cognito_user_pool", set("password_policy.minimum_length", 8)),
      of("user pool deletion protection off", "BP-COG-003", "aws_cognito_user_pool", set("deletion_protection", "INACTIVE")),
      of("passwords without symbols", "BP-COG-004", "aws_cognito_user_pool", set("password_policy.require_symbols", false)),
      // IAM, KMS
      of("role policy allows every action", "BP-IAM-001", "aws_iam_role_policy",
          document("policy", d -> ((ObjectNode) statements(d).get(0)).put("Action", "*"))),
      of("role policy writes any object of any bucket", "BP-IAM-002", "aws_iam_role_policy",
          document("policy", d -> statements(d).add(json("{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}")))),
      of("service trust policy loses its source condition", "BP-IAM-003", "aws_iam_role", mentions("ecs-tasks.amazonaws.com"),
          document("assume_role_policy", d -> statements(d).forEach(s -> ((ObjectNode) s).remove("Condition")))),
      of("role trusts any principal, with no condition", "BP-IAM-004", "aws_iam_role",
          document("assume_role_policy", d -> statements(d).forEach(s -> {
            ((ObjectNode) s).set("Principal", json(ANYONE));
            ((ObjectNode) s).remove("Condition");
          }))),
      of("key policy grants decrypt to any principal", "BP-IAM-004", "aws_kms_key", present("policy"),
          document("policy", d -> statements(d).add(json(
              "{\"Sid\":\"Anyone\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}")))),
      of("topic policy publishable by anyone", "BP-IAM-004", "aws_sns_topic_policy",
          document("policy", d -> statements(d).forEach(s -> {
            ((ObjectNode) s).put("Principal", "*");
            ((ObjectNode) s).remove("Condition");
          }))),
      of("bucket policy lets anyone write", "BP-IAM-004", "aws_s3_bucket_policy",
          document("policy", d -> statements(d).add(json(
              "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::any/*\"}")))),
      of("AdministratorAccess attached to a role", "BP-IAM-005", "aws_iam_role_policy_attachment",
          set("policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess")),
      of("role given AdministratorAccess through managed_policy_arns", "BP-IAM-005", "aws_iam_role",
          set("managed_policy_arns", List.of("arn:aws:iam::aws:policy/AdministratorAccess"))),
      of("role reads every secret", "BP-IAM-006", "aws_iam_role_policy", mentions("secretsmanager:GetSecretValue"),
          document("policy", d -> statements(d).forEach(s -> ((ObjectNode) s).put("Resource", "*")))),
      of("key rotation off", "BP-KMS-001", "aws_kms_key", set("enable_key_rotation", false)),
      // state and reliability
      of("aws provider no longer limited to the environment's account", "BP-ACCOUNT-001", Mutation.PROVIDER,
          present("allowed_account_ids"), remove("allowed_account_ids")),
      of("state backend unencrypted", "BP-STATE-001", Mutation.STACK, present("backend"), set("backend.s3.encrypt", false)),
      of("database prevent_destroy removed", "BP-REL-001", "aws_db_instance", remove("lifecycle")),
      of("bucket prevent_destroy removed", "BP-REL-001", "aws_s3_bucket", remove("lifecycle")),
      of("file system prevent_destroy removed", "BP-REL-001", "aws_efs_file_system", remove("lifecycle")),
      of("cache prevent_destroy removed", "BP-REL-001", "aws_memorydb_cluster", remove("lifecycle")),
      of("secret prevent_destroy removed", "BP-REL-001", "aws_secretsmanager_secret", remove("lifecycle")),
      of("user pool prevent_destroy removed", "BP-REL-001", "aws_cognito_user_pool", remove("lifecycle")),
      of("second log group claims the same name", "BP-NAME-001", "aws_cloudwatch_log_group", copy(all())));

  /** The stack's provider tags it dev and its alarm subscriptions are gone. */
  private static void unsubscribedInDev(ObjectNode root, String name, ObjectNode body) {
    ((ObjectNode) root.path("resource")).remove("aws_sns_topic_subscription");
    for (JsonNode provider : root.path("provider").path("aws")) {
      for (JsonNode defaults : provider.path("default_tags")) ((ObjectNode) defaults.path("tags")).put("Environment", "dev");
    }
  }

  /** Moves the container's first password from its secrets into its environment, the reference becoming the value. */
  private static void movePasswordToEnvironment(ObjectNode container) {
    ArrayNode secrets = (ArrayNode) container.path("secrets");
    for (int i = 0; i < secrets.size(); i++) {
      if (!secrets.get(i).path("name").asText().endsWith("_PASSWORD")) continue;
      JsonNode secret = secrets.remove(i);
      ObjectNode variable = ((ArrayNode) container.withArray("environment")).addObject();
      variable.put("name", secret.path("name").asText());
      variable.put("value", secret.path("valueFrom").asText());
      return;
    }
  }

  /** Turns off the parameter that makes the database refuse plain-text connections. */
  private static void allowPlainText(ObjectNode root, String name, ObjectNode body) {
    for (JsonNode parameter : body.withArray("parameter")) {
      String key = parameter.path("name").asText();
      if (key.equals("rds.force_ssl")) ((ObjectNode) parameter).put("value", "0");
      if (key.equals("require_secure_transport")) ((ObjectNode) parameter).put("value", "OFF");
    }
  }
}
