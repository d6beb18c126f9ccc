package dev.blueprints.app;

import dev.blueprints.blueprints.Blueprint;

import dev.blueprints.blueprints.apiecs.ApiEcsBlueprint;
import dev.blueprints.blueprints.asgweb.AsgWebBlueprint;
import dev.blueprints.blueprints.ecscluster.EcsClusterBlueprint;
import dev.blueprints.blueprints.fargateweb.FargateWebBlueprint;
import dev.blueprints.blueprints.threetier.ThreeTierBlueprint;
import dev.blueprints.core.Validate;
import java.util.List;

/** The catalog of blueprints, in the order they are synthesized. */
public final class Blueprints {
  private Blueprints() {}

  public static List<Blueprint> all() {
    return List.of(new ApiEcsBlueprint(), new FargateWebBlueprint(), new EcsClusterBlueprint(),
        new ThreeTierBlueprint(), new AsgWebBlueprint());
  }

  public static List<String> ids() {
    return all().stream().map(Blueprint::id).toList();
  }

  public static Blueprint byId(String id) {
    return all().stream().filter(b -> b.id().equals(id)).findFirst()
        .orElseThrow(() -> Validate.invalid("blueprint", id, "known blueprints are " + ids()));
  }
}
