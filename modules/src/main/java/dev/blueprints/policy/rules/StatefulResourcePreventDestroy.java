package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Resources holding data cannot be destroyed by a plan that replaces or removes them. */
public final class StatefulResourcePreventDestroy extends Rule {
  public static final List<String> STATEFUL = List.of("aws_db_instance", "aws_rds_cluster", "aws_memorydb_cluster",
      "aws_s3_bucket", "aws_efs_file_system", "aws_cognito_user_pool", "aws_secretsmanager_secret", "aws_dynamodb_table");

  public StatefulResourcePreventDestroy() {
    super("BP-REL-001", Severity.ERROR, STATEFUL,
        "Stateful resources (databases, caches, buckets, file systems, user pools, secrets, tables) have"
            + " lifecycle.prevent_destroy = true.",
        "Set lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build()); suppress with a reason for"
            + " disposable data.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.on("lifecycle.prevent_destroy", false), "lifecycle.prevent_destroy is " + r.show("lifecycle.prevent_destroy"));
  }
}
