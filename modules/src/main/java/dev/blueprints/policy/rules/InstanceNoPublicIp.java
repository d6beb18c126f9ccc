package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Instances get no public IP of their own. */
public final class InstanceNoPublicIp extends Rule {
  public InstanceNoPublicIp() {
    super("BP-EC2-003", Severity.ERROR, List.of("aws_launch_template", "aws_instance"),
        "Launch templates and instances do not associate a public IP address.",
        "Remove associate_public_ip_address (or set false); reach instances through a load balancer or SSM.",
        List.of("CKV_AWS_88", "AVD-AWS-0009"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.type().equals("aws_instance")) return require(!r.isTrue("associate_public_ip_address"), "associate_public_ip_address is true");
    List<String> out = new ArrayList<>();
    for (JsonNode nic : r.blocks("network_interfaces")) {
      if (new ResourceView(r.type(), r.name(), nic).isTrue("associate_public_ip_address")) {
        out.add("network_interfaces.associate_public_ip_address is true");
      }
    }
    return out;
  }
}
