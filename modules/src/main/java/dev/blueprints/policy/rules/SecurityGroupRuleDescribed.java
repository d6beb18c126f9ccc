package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Every security group and every rule says why it exists. */
public final class SecurityGroupRuleDescribed extends Rule {
  public SecurityGroupRuleDescribed() {
    super("BP-NET-002", Severity.ERROR,
        List.of("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule"),
        "Security groups and each of their rules have a description.",
        "Set description on the group and on every ingress/egress rule (Connections.allowFrom(peer, port, why) does).",
        List.of("CKV_AWS_23", "AVD-AWS-0099", "AVD-AWS-0124"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    if (r.type().equals("aws_security_group")) {
      String description = r.text("description");
      if (blank(description) || description.equals("Managed by Terraform")) out.add("the security group has no description");
      for (String direction : List.of("ingress", "egress")) {
        int i = 0;
        for (JsonNode block : r.blocks(direction)) {
          if (blank(block.path("description").asText(null))) out.add(direction + " rule " + i + " has no description");
          i++;
        }
      }
    } else if (blank(r.text("description"))) {
      out.add("the rule has no description");
    }
    return out;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
