package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Auto Scaling groups behind a load balancer replace instances the load balancer finds unhealthy. */
public final class AutoScalingElbHealthCheck extends Rule {
  public AutoScalingElbHealthCheck() {
    super("BP-ASG-001", Severity.ERROR, List.of("aws_autoscaling_group"),
        "Auto Scaling groups attached to target groups use ELB health checks.",
        "Set health_check_type = \"ELB\" and a health_check_grace_period that covers start-up.",
        List.of("AwsSolutions-AS2"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    boolean attached = !ResourceView.strings(r.at("target_group_arns")).isEmpty() || r.isExpression("target_group_arns")
        || !stack.referencing("aws_autoscaling_attachment", "autoscaling_group_name", r).isEmpty();
    if (!attached) return ok();
    String type = r.text("health_check_type");
    return require("ELB".equals(type) || (type != null && ResourceView.expression(type)),
        "health_check_type is " + r.show("health_check_type") + " (default EC2): instances failing the load balancer's check are never replaced");
  }
}
