package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Production load balancers cannot be deleted by a stray apply. */
public final class LoadBalancerDeletionProtection extends Rule {
  public LoadBalancerDeletionProtection() {
    super("BP-LB-004", Severity.ERROR, List.of("aws_lb", "aws_alb"),
        "In production, load balancers have deletion protection.",
        "Set enable_deletion_protection = true (Environment.deletionProtection).",
        List.of("CKV_AWS_150"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (!stack.production()) return ok();
    return require(r.on("enable_deletion_protection", false),
        "enable_deletion_protection is " + r.show("enable_deletion_protection") + " in production");
  }
}
