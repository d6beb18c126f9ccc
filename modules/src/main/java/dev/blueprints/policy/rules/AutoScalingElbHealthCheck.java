package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Auto Scaling groups behind a load balancer replace instances the load balancer finds unhealthy. */
public final class AutoScalingElbHealthCheck extends AttributeRule {
  public AutoScalingElbHealthCheck() {
    super("BP-ASG-001", Severity.ERROR, List.of("aws_autoscaling_group"),
        oneOf("health_check_type", List.of("ELB"), " (default EC2): instances failing the load balancer's check are never replaced")
            .when(AutoScalingElbHealthCheck::judged),
        "Auto Scaling groups attached to target groups use ELB health checks.",
        "Set health_check_type = \"ELB\" and a health_check_grace_period that covers start-up.",
        List.of("AwsSolutions-AS2"));
  }

  /** Groups attached to a target group, in their own target_group_arns or by an aws_autoscaling_attachment. */
  private static boolean judged(ResourceView r, StackView stack) {
    return !ResourceView.strings(r.at("target_group_arns")).isEmpty() || r.isExpression("target_group_arns")
        || !stack.referencing("aws_autoscaling_attachment", "autoscaling_group_name", r).isEmpty();
  }
}
