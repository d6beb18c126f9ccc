package dev.blueprints.blueprints.threetier;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.NetworkStack;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.core.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/** The {@code three-tier} blueprint (seed {@code 003_777c6fc58d2b9708.txt}). */
public final class ThreeTierBlueprint implements Blueprint {
  public static final String ID = "three-tier";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String seed() {
    return "003_777c6fc58d2b9708.txt";
  }

  @Override
  public List<BlueprintStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly();
    NetworkStack network = new NetworkStack(app, stackId(settings, "network"), settings, ID,
        EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE, SubnetTier.ISOLATED));
    return List.of(network);
  }
}
