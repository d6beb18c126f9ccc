package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import java.util.List;

/** The parsed {@code container_definitions} JSON of a task definition. */
final class ContainerDefinitions {
  private ContainerDefinitions() {}

  /** Every container; empty when the attribute is absent or an expression. */
  static List<JsonNode> of(ResourceView taskDefinition) {
    return taskDefinition.json("container_definitions").map(ResourceView::elements).orElse(List.of());
  }

  static String name(JsonNode container) {
    return container.path("name").asText("?");
  }
}
