package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Log groups have a retention period. */
public final class LogGroupRetention extends AttributeRule {
  public LogGroupRetention() {
    super("BP-CW-001", Severity.ERROR, List.of("aws_cloudwatch_log_group"),
        atLeast("retention_in_days", 1, ": logs are kept, and paid for, forever"),
        "Log groups have a retention period.",
        "Set retention_in_days (LogGroupProps; Environment.logRetentionDays).",
        List.of("CKV_AWS_66"));
  }
}
