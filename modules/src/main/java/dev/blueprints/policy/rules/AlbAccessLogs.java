package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Application load balancers keep access logs. */
public final class AlbAccessLogs extends AttributeRule {
  public AlbAccessLogs() {
    super("BP-LB-005", Severity.WARNING, List.of("aws_lb", "aws_alb"),
        new Expectation((r, stack) -> r.has("access_logs.bucket") && r.on("access_logs.enabled", false), r -> "access logs are off")
            .when((r, stack) -> LoadBalancers.application(r)),
        "Application load balancers write access logs to S3.",
        "Add access_logs { bucket = <log bucket>, enabled = true }.",
        List.of("CKV_AWS_91", "AwsSolutions-ELB2"));
  }
}
