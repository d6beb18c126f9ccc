package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Containers cannot write to their root filesystem. */
public final class EcsReadonlyRootFilesystem extends Rule {
  public EcsReadonlyRootFilesystem() {
    super("BP-ECS-003", Severity.WARNING, List.of("aws_ecs_task_definition"),
        "Containers have a read-only root filesystem.",
        "Set \"readonlyRootFilesystem\": true and mount a volume (or tmpfs) where the application writes.",
        List.of("CKV_AWS_336"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : ContainerDefinitions.of(r)) {
      if (!c.path("readonlyRootFilesystem").asBoolean(false)) {
        out.add("container " + ContainerDefinitions.name(c) + " has a writable root filesystem");
      }
    }
    return out;
  }
}
