package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Tasks get no public IP. */
public final class EcsServiceNoPublicIp extends AttributeRule {
  public EcsServiceNoPublicIp() {
    super("BP-ECS-006", Severity.ERROR, List.of("aws_ecs_service"),
        notTrue("network_configuration.assign_public_ip", ""),
        "ECS services do not assign public IPs to tasks.",
        "Set network_configuration.assign_public_ip = false and run tasks in private subnets behind a load balancer.",
        List.of("CKV_AWS_333"));
  }
}
