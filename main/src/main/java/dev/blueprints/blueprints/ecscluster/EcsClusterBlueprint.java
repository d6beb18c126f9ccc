package dev.blueprints.blueprints.ecscluster;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.NetworkStack;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.core.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/** The {@code ecs-cluster} blueprint (seed {@code 002_36e09d3c2ce1cf63.txt}). */
public final class EcsClusterBlueprint implements Blueprint {
  public static final String ID = "ecs-cluster";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String seed() {
    return "002_36e09d3c2ce1cf63.txt";
  }

  @Override
  public List<BlueprintStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly();
    NetworkStack network = new NetworkStack(app, stackId(settings, "network"), settings, ID,
        EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE, SubnetTier.ISOLATED));
    return List.of(network);
  }
}
