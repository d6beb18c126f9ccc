package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances keep automated backups for at least 7 days. */
public final class RdsBackupRetention extends Rule {
  public RdsBackupRetention() {
    super("BP-RDS-003", Severity.ERROR, List.of("aws_db_instance"),
        "RDS instances keep automated backups for at least 7 days.",
        "Set backup_retention_period = 7 or more.",
        List.of("CKV_AWS_133", "AVD-AWS-0077"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.has("replicate_source_db")) return ok();
    if (r.isExpression("backup_retention_period")) return ok();
    Integer days = r.integer("backup_retention_period");
    return require(days != null && days >= 7, "backup_retention_period is " + r.show("backup_retention_period") + " (needs 7 or more)");
  }
}
