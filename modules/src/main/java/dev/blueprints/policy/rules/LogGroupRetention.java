package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Log groups have a retention period. */
public final class LogGroupRetention extends Rule {
  public LogGroupRetention() {
    super("BP-CW-001", Severity.ERROR, List.of("aws_cloudwatch_log_group"),
        "Log groups have a retention period.",
        "Set retention_in_days (LogGroupProps; Environment.logRetentionDays).",
        List.of("CKV_AWS_66"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.isExpression("retention_in_days")) return ok();
    Integer days = r.integer("retention_in_days");
    return require(days != null && days > 0, "retention_in_days is " + r.show("retention_in_days") + ": logs are kept, and paid for, forever");
  }
}
