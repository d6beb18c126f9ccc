package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances export their logs to CloudWatch Logs. */
public final class RdsLogExports extends Rule {
  public RdsLogExports() {
    super("BP-RDS-010", Severity.ERROR, List.of("aws_db_instance"),
        "RDS instances export their logs to CloudWatch Logs.",
        "Set enabled_cloudwatch_logs_exports (postgresql: [\"postgresql\", \"upgrade\"]; mysql: [\"error\", \"slowquery\"]).",
        List.of("CKV_AWS_129"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!ResourceView.strings(r.at("enabled_cloudwatch_logs_exports")).isEmpty() || r.isExpression("enabled_cloudwatch_logs_exports"),
        "enabled_cloudwatch_logs_exports is " + r.show("enabled_cloudwatch_logs_exports"));
  }
}
