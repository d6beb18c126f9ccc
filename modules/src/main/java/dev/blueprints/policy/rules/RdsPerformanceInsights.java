package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances have Performance Insights. */
public final class RdsPerformanceInsights extends AttributeRule {
  public RdsPerformanceInsights() {
    super("BP-RDS-009", Severity.WARNING, List.of("aws_db_instance"), enabled("performance_insights_enabled", ""),
        "RDS instances have Performance Insights.",
        "Set performance_insights_enabled = true (not available on db.t3.micro/small for some engines).",
        List.of("CKV_AWS_353", "AVD-AWS-0133"));
  }
}
