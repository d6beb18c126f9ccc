package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances export their logs to CloudWatch Logs. */
public final class RdsLogExports extends AttributeRule {
  public RdsLogExports() {
    super("BP-RDS-010", Severity.ERROR, List.of("aws_db_instance"), notEmpty("enabled_cloudwatch_logs_exports", ""),
        "RDS instances export their logs to CloudWatch Logs.",
        "Set enabled_cloudwatch_logs_exports (postgresql: [\"postgresql\", \"upgrade\"]; mysql: [\"error\", \"slowquery\"]).",
        List.of("CKV_AWS_129"));
  }
}
