package dev.blueprints.blueprints.apiecs;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.NetworkStack;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.core.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/** The {@code api-ecs} blueprint (seed {@code 000_3dbf590de395fa95.txt}). */
public final class ApiEcsBlueprint implements Blueprint {
  public static final String ID = "api-ecs";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String seed() {
    return "000_3dbf590de395fa95.txt";
  }

  @Override
  public List<BlueprintStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly();
    NetworkStack network = new NetworkStack(app, stackId(settings, "network"), settings, ID,
        EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE));
    return List.of(network);
  }
}
