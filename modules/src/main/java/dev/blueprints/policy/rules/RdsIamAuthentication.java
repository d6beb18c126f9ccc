package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances accept IAM database authentication. */
public final class RdsIamAuthentication extends Rule {
  public RdsIamAuthentication() {
    super("BP-RDS-008", Severity.WARNING, List.of("aws_db_instance"),
        "RDS instances accept IAM database authentication.",
        "Set iam_database_authentication_enabled = true and let workloads connect with IAM tokens.",
        List.of("CKV_AWS_161", "AVD-AWS-0176"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.on("iam_database_authentication_enabled", false), "iam_database_authentication_enabled is " + r.show("iam_database_authentication_enabled"));
  }
}
