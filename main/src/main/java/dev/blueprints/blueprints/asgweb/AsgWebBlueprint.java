package dev.blueprints.blueprints.asgweb;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.NetworkStack;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.core.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/** The {@code asg-web} blueprint (seed {@code 004_637a5a107183c5c2.txt}). */
public final class AsgWebBlueprint implements Blueprint {
  public static final String ID = "asg-web";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String seed() {
    return "004_637a5a107183c5c2.txt";
  }

  @Override
  public List<BlueprintStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly();
    NetworkStack network = new NetworkStack(app, stackId(settings, "network"), settings, ID,
        EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE, SubnetTier.ISOLATED));
    return List.of(network);
  }
}
