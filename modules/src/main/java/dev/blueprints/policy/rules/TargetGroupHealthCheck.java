package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Target groups check their targets' health explicitly. */
public final class TargetGroupHealthCheck extends Rule {
  public TargetGroupHealthCheck() {
    super("BP-LB-006", Severity.ERROR, List.of("aws_lb_target_group", "aws_alb_target_group"),
        "Target groups have an enabled health check; HTTP(S) target groups name the health check path.",
        "Add health_check { enabled = true, path = \"/health\", matcher = \"200\" } (TCP groups: protocol TCP).",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if ("lambda".equals(r.text("target_type"))) return ok();
    if (!r.has("health_check")) return fail("no health_check block; the default probes / on the traffic port");
    if (r.isFalse("health_check.enabled")) return fail("the health check is disabled");
    String protocol = r.text("health_check.protocol") != null ? r.text("health_check.protocol") : r.text("protocol");
    boolean http = protocol == null || protocol.startsWith("HTTP");
    return require(!http || r.has("health_check.path"), "the HTTP health check has no path");
  }
}
