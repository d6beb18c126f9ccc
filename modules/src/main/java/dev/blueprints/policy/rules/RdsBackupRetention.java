package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances keep automated backups for at least 7 days. */
public final class RdsBackupRetention extends AttributeRule {
  public RdsBackupRetention() {
    // Read replicas take their backups from the source.
    super("BP-RDS-003", Severity.ERROR, List.of("aws_db_instance"),
        atLeast("backup_retention_period", 7, " (needs 7 or more)").when((r, stack) -> !r.has("replicate_source_db")),
        "RDS instances keep automated backups for at least 7 days.",
        "Set backup_retention_period = 7 or more.",
        List.of("CKV_AWS_133", "AVD-AWS-0077"));
  }
}
