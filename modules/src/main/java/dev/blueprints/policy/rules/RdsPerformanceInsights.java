package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances have Performance Insights. */
public final class RdsPerformanceInsights extends Rule {
  public RdsPerformanceInsights() {
    super("BP-RDS-009", Severity.WARNING, List.of("aws_db_instance"),
        "RDS instances have Performance Insights.",
        "Set performance_insights_enabled = true (not available on db.t3.micro/small for some engines).",
        List.of("CKV_AWS_353", "AVD-AWS-0133"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.on("performance_insights_enabled", false), "performance_insights_enabled is " + r.show("performance_insights_enabled"));
  }
}
