package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Production load balancers cannot be deleted by a stray apply. */
public final class LoadBalancerDeletionProtection extends AttributeRule {
  public LoadBalancerDeletionProtection() {
    super("BP-LB-004", Severity.ERROR, List.of("aws_lb", "aws_alb"),
        enabled("enable_deletion_protection", " in production").when((r, stack) -> stack.production()),
        "In production, load balancers have deletion protection.",
        "Set enable_deletion_protection = true (Environment.deletionProtection).",
        List.of("CKV_AWS_150"));
  }
}
