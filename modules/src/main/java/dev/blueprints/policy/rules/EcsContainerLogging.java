package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Every container ships its output to CloudWatch Logs (or FireLens). */
public final class EcsContainerLogging extends Rule {
  public EcsContainerLogging() {
    super("BP-ECS-004", Severity.ERROR, List.of("aws_ecs_task_definition"),
        "Every container has a log configuration: awslogs with a log group, or awsfirelens.",
        "Set \"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": <group>, "
            + "\"awslogs-region\": <region>, \"awslogs-stream-prefix\": <name>}}.",
        List.of("AwsSolutions-ECS7"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : ContainerDefinitions.of(r)) {
      JsonNode log = c.path("logConfiguration");
      String driver = log.path("logDriver").asText("");
      if (driver.equals("awsfirelens")) continue;
      if (!driver.equals("awslogs")) {
        out.add("container " + ContainerDefinitions.name(c) + " has " + (driver.isEmpty() ? "no log configuration" : "log driver " + driver));
      } else if (!log.path("options").has("awslogs-group")) {
        out.add("container " + ContainerDefinitions.name(c) + " uses awslogs without awslogs-group");
      }
    }
    return out;
  }
}
