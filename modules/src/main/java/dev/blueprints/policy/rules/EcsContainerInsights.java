package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** ECS clusters publish Container Insights metrics. */
public final class EcsContainerInsights extends Rule {
  public EcsContainerInsights() {
    super("BP-ECS-001", Severity.ERROR, List.of("aws_ecs_cluster"),
        "ECS clusters have Container Insights enabled.",
        "Add setting { name = \"containerInsights\", value = \"enabled\" }.",
        List.of("CKV_AWS_65", "AVD-AWS-0034", "AwsSolutions-ECS4"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    for (JsonNode setting : r.blocks("setting")) {
      if ("containerInsights".equals(setting.path("name").asText())) {
        String value = setting.path("value").asText();
        return require(value.equals("enabled") || value.equals("enhanced") || ResourceView.expression(value),
            "containerInsights is " + value);
      }
    }
    return fail("no containerInsights setting (default disabled)");
  }
}
