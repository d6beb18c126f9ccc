package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Application load balancers drop requests with invalid header fields (request smuggling). */
public final class AlbDropsInvalidHeaders extends AttributeRule {
  public AlbDropsInvalidHeaders() {
    super("BP-LB-001", Severity.ERROR, List.of("aws_lb", "aws_alb"),
        enabled("drop_invalid_header_fields", " (default false)").when((r, stack) -> LoadBalancers.application(r)),
        "Application load balancers drop invalid HTTP header fields.",
        "Set drop_invalid_header_fields = true on the load balancer.",
        List.of("CKV_AWS_131", "AVD-AWS-0052"));
  }
}
