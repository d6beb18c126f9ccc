package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** No ingress from the whole internet, except HTTP/HTTPS to a load balancer's own group. */
public final class SecurityGroupNoPublicIngress extends Rule {
  public SecurityGroupNoPublicIngress() {
    super("BP-NET-001", Severity.ERROR,
        List.of("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"),
        "Security groups admit 0.0.0.0/0 or ::/0 only on port 80 or 443 of a group attached to a load balancer.",
        "Allow the peer security group or a narrow CIDR instead of 0.0.0.0/0; expose the service through a load balancer.",
        List.of("CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "AVD-AWS-0107", "AwsSolutions-EC23"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (SecurityGroups.Ingress ingress : SecurityGroups.ingress(r)) {
      if (!ingress.fromAnywhere()) continue;
      if (ingress.webOnly() && SecurityGroups.onLoadBalancer(stack, ingress.groupRef())) continue;
      out.add("ingress from " + String.join(", ", ingress.cidrs()) + " to " + ingress.ports()
          + (ingress.webOnly() ? " on a group no load balancer in this stack uses" : ""));
    }
    return out;
  }
}
