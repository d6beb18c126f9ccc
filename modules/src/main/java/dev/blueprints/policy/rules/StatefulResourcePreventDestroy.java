package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Resources holding data cannot be destroyed by a plan that replaces or removes them. */
public final class StatefulResourcePreventDestroy extends AttributeRule {
  public static final List<String> STATEFUL = List.of("aws_db_instance", "aws_rds_cluster", "aws_memorydb_cluster",
      "aws_s3_bucket", "aws_efs_file_system", "aws_cognito_user_pool", "aws_secretsmanager_secret", "aws_dynamodb_table");
  public StatefulResourcePreventDestroy() {
    super("BP-REL-001", Severity.ERROR, STATEFUL, enabled("lifecycle.prevent_destroy", ""),
        "Stateful resources (databases, caches, buckets, file systems, user pools, secrets, tables) have"
            + " lifecycle.prevent_destroy = true.",
        "Set lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build()); suppress with a reason for"
            + " disposable data.",
        List.of());
  }
}
