package dev.blueprints.blueprints.fargateweb;

import dev.blueprints.blueprints.Blueprint;
import dev.blueprints.blueprints.NetworkStack;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Settings;
import dev.blueprints.core.SettingsNode;
import dev.blueprints.network.SubnetTier;
import java.util.EnumSet;
import java.util.List;
import software.constructs.Construct;

/** The {@code fargate-web} blueprint (seed {@code 001_2504c192ae2652d9.txt}). */
public final class FargateWebBlueprint implements Blueprint {
  public static final String ID = "fargate-web";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String seed() {
    return "001_2504c192ae2652d9.txt";
  }

  @Override
  public List<BlueprintStack> addTo(Construct app, Settings settings, SettingsNode options) {
    options.allowOnly();
    NetworkStack network = new NetworkStack(app, stackId(settings, "network"), settings, ID,
        EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE, SubnetTier.ISOLATED));
    return List.of(network);
  }
}
