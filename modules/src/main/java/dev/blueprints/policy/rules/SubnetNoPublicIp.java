package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Subnets never hand out public IPs on launch. */
public final class SubnetNoPublicIp extends Rule {
  public SubnetNoPublicIp() {
    super("BP-NET-004", Severity.ERROR, List.of("aws_subnet"),
        "Subnets do not assign public IPv4 addresses on launch.",
        "Set map_public_ip_on_launch = false; put internet-facing entry points behind a load balancer or NAT.",
        List.of("CKV_AWS_130", "AVD-AWS-0164"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!r.isTrue("map_public_ip_on_launch"), "map_public_ip_on_launch is true");
  }
}
