package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances have deletion protection. */
public final class RdsDeletionProtection extends AttributeRule {
  public RdsDeletionProtection() {
    super("BP-RDS-004", Severity.ERROR, List.of("aws_db_instance"), enabled("deletion_protection", " (default false)"),
        "RDS instances have deletion protection.",
        "Set deletion_protection = true (Environment.deletionProtection).",
        List.of("CKV_AWS_293", "AVD-AWS-0177", "AwsSolutions-RDS10"));
  }
}
