package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Containers do not run privileged (root on the host). */
public final class EcsTaskNotPrivileged extends Rule {
  public EcsTaskNotPrivileged() {
    super("BP-ECS-002", Severity.ERROR, List.of("aws_ecs_task_definition"),
        "No container of a task definition runs privileged.",
        "Remove \"privileged\": true from the container definition; grant specific linuxParameters capabilities if needed.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : ContainerDefinitions.of(r)) {
      if (c.path("privileged").asBoolean(false)) out.add("container " + ContainerDefinitions.name(c) + " is privileged");
    }
    return out;
  }
}
