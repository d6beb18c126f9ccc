package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Tasks get no public IP. */
public final class EcsServiceNoPublicIp extends Rule {
  public EcsServiceNoPublicIp() {
    super("BP-ECS-006", Severity.ERROR, List.of("aws_ecs_service"),
        "ECS services do not assign public IPs to tasks.",
        "Set network_configuration.assign_public_ip = false and run tasks in private subnets behind a load balancer.",
        List.of("CKV_AWS_333"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!r.isTrue("network_configuration.assign_public_ip"), "network_configuration.assign_public_ip is true");
  }
}
