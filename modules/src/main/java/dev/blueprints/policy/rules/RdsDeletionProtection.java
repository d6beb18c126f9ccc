package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances have deletion protection. */
public final class RdsDeletionProtection extends Rule {
  public RdsDeletionProtection() {
    super("BP-RDS-004", Severity.ERROR, List.of("aws_db_instance"),
        "RDS instances have deletion protection.",
        "Set deletion_protection = true (Environment.deletionProtection).",
        List.of("CKV_AWS_293", "AVD-AWS-0177", "AwsSolutions-RDS10"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.on("deletion_protection", false), "deletion_protection is " + r.show("deletion_protection") + " (default false)");
  }
}
