package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Every container ships its output to CloudWatch Logs (or FireLens). */
public final class EcsContainerLogging extends ContainerRule {
  public EcsContainerLogging() {
    super("BP-ECS-004", Severity.ERROR,
        "Every container has a log configuration: awslogs with a log group, or awsfirelens.",
        "Set \"logConfiguration\": {\"logDriver\": \"awslogs\", \"options\": {\"awslogs-group\": <group>, "
            + "\"awslogs-region\": <region>, \"awslogs-stream-prefix\": <name>}}.",
        List.of("AwsSolutions-ECS7"));
  }

  @Override
  protected List<String> problems(JsonNode c, String container) {
    JsonNode log = c.path("logConfiguration");
    String driver = log.path("logDriver").asText("");
    if (driver.equals("awsfirelens")) return ok();
    if (!driver.equals("awslogs")) return fail(container + " has " + (driver.isEmpty() ? "no log configuration" : "log driver " + driver));
    return require(log.path("options").has("awslogs-group"), container + " uses awslogs without awslogs-group");
  }
}
