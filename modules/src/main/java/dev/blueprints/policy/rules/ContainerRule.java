package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule that judges each container of a task definition's {@code container_definitions} JSON (none when the
 * attribute is absent or an expression).
 */
abstract class ContainerRule extends Rule {
  ContainerRule(String id, Severity severity, String description, String fix, List<String> publicIds) {
    super(id, severity, List.of("aws_ecs_task_definition"), description, fix, publicIds);
  }

  /** The problems of {@code container}, whose messages start with {@code label} ({@code container <name>}). */
  protected abstract List<String> problems(JsonNode container, String label);

  @Override
  public final List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode container : r.json("container_definitions").map(ResourceView::elements).orElse(List.of())) {
      out.addAll(problems(container, "container " + container.path("name").asText("?")));
    }
    return out;
  }
}
