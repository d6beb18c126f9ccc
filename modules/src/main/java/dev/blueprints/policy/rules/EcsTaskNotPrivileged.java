package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Containers do not run privileged (root on the host). */
public final class EcsTaskNotPrivileged extends ContainerRule {
  public EcsTaskNotPrivileged() {
    super("BP-ECS-002", Severity.ERROR,
        "No container of a task definition runs privileged.",
        "Remove \"privileged\": true from the container definition; grant specific linuxParameters capabilities if needed.",
        List.of());
  }

  @Override
  protected List<String> problems(JsonNode c, String container) {
    return require(!c.path("privileged").asBoolean(false), container + " is privileged");
  }
}
