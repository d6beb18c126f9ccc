package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** The default security group of every VPC is adopted and has no rules. */
public final class DefaultSecurityGroupClosed extends Rule {
  public DefaultSecurityGroupClosed() {
    super("BP-NET-003", Severity.ERROR, List.of("aws_vpc", "aws_default_security_group"),
        "Every VPC adopts its default security group with no ingress and no egress rules.",
        "Add an aws_default_security_group for the VPC with no ingress or egress blocks (Network does this).",
        List.of("CKV2_AWS_12"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.type().equals("aws_vpc")) {
      return require(!stack.referencing("aws_default_security_group", "vpc_id", r).isEmpty(),
          "the VPC's default security group is not adopted, so it keeps AWS's allow-within-group rules");
    }
    return require(r.blocks("ingress").isEmpty() && r.blocks("egress").isEmpty(),
        "the default security group has rules; anything launched without a group would get them");
  }
}
