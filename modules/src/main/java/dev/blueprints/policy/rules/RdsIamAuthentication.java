package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances accept IAM database authentication. */
public final class RdsIamAuthentication extends AttributeRule {
  public RdsIamAuthentication() {
    super("BP-RDS-008", Severity.WARNING, List.of("aws_db_instance"),
        enabled("iam_database_authentication_enabled", ""),
        "RDS instances accept IAM database authentication.",
        "Set iam_database_authentication_enabled = true and let workloads connect with IAM tokens.",
        List.of("CKV_AWS_161", "AVD-AWS-0176"));
  }
}
