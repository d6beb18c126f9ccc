package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Subnets never hand out public IPs on launch. */
public final class SubnetNoPublicIp extends AttributeRule {
  public SubnetNoPublicIp() {
    super("BP-NET-004", Severity.ERROR, List.of("aws_subnet"), notTrue("map_public_ip_on_launch", ""),
        "Subnets do not assign public IPv4 addresses on launch.",
        "Set map_public_ip_on_launch = false; put internet-facing entry points behind a load balancer or NAT.",
        List.of("CKV_AWS_130", "AVD-AWS-0164"));
  }
}
