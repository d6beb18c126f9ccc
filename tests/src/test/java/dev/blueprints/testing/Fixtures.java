package dev.blueprints.testing;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import dev.blueprints.state.StateSettings;
import java.util.List;
import java.util.Map;

/** Settings and stacks the module tests build on. */
public final class Fixtures {
  public static final String REGION = "eu-west-1";
  public static final List<String> AZS = List.of("eu-west-1a", "eu-west-1b");

  private Fixtures() {}

  public static Settings settings(Environment environment) {
    return new Settings("acme", environment, REGION, AZS,
        StateSettings.lockfile("acme-tfstate", REGION, "acme"), Map.of("CostCenter", "42"), List.of());
  }

  public static Settings dev() {
    return settings(Environment.dev());
  }

  public static Settings prod() {
    return settings(Environment.prod());
  }

  /** A fresh app with no stack traces in metadata (as Main builds it). */
  public static App app() {
    return Testing.app();
  }

  /** An empty stack named {@code test-dev-<layer>} in a fresh app. */
  public static BlueprintStack stack(String layer) {
    return new BlueprintStack(app(), "test-dev-" + layer, dev(), "test");
  }

  public static BlueprintStack stack() {
    return stack("unit");
  }

  /** A stack with a default two-AZ network, for constructs that need subnets. */
  public static Network network(BlueprintStack stack) {
    return new Network(stack, "Network", NetworkProps.builder(AZS).build());
  }
}
