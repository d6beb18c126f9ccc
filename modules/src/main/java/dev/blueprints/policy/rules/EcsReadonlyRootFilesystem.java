package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Containers cannot write to their root filesystem. */
public final class EcsReadonlyRootFilesystem extends ContainerRule {
  public EcsReadonlyRootFilesystem() {
    super("BP-ECS-003", Severity.WARNING,
        "Containers have a read-only root filesystem.",
        "Set \"readonlyRootFilesystem\": true and mount a volume (or tmpfs) where the application writes.",
        List.of("CKV_AWS_336"));
  }

  @Override
  protected List<String> problems(JsonNode c, String container) {
    return require(c.path("readonlyRootFilesystem").asBoolean(false), container + " has a writable root filesystem");
  }
}
