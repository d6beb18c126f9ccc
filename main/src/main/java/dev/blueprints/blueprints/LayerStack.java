package dev.blueprints.blueprints;

import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Settings;
import java.util.Map;
import software.constructs.Construct;

/**
 * One layer of a blueprint in one environment ({@code <blueprint>-<env>-<layer>}). The blueprint's id joins
 * the project in every physical name ({@code <project>-<blueprint>-<env>-<component>}), so several blueprints
 * share an account and region without colliding, and tags every resource ({@code Blueprint}).
 */
public abstract class LayerStack extends BlueprintStack {
  private final String blueprint;

  protected LayerStack(Construct scope, String id, Settings settings, String blueprint) {
    super(scope, id, settings, new Naming(settings.project() + "-" + blueprint, settings.environment().name()),
        Map.of("Blueprint", blueprint));
    this.blueprint = blueprint;
  }

  /** The blueprint this stack belongs to. */
  public String blueprint() {
    return blueprint;
  }
}
