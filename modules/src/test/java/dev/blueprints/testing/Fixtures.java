package dev.blueprints.testing;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Naming;
import dev.blueprints.policy.Policy;
import dev.blueprints.policy.rules.RulePacks;
import software.constructs.Construct;
import dev.blueprints.core.Settings;
import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import dev.blueprints.core.StateSettings;
import java.util.List;
import java.util.Map;

/** Settings and stacks the module tests build on. */
public final class Fixtures {
  public static final String REGION = "eu-west-1";
  public static final List<String> AZS = List.of("eu-west-1a", "eu-west-1b");

  private Fixtures() {}

  public static Settings settings(Environment environment) {
    return Settings.builder("acme", environment, REGION).availabilityZones(AZS)
        .state(StateSettings.lockfile("acme-tfstate", REGION, "acme")).tags(Map.of("CostCenter", "42")).build();
  }

  public static Settings dev() {
    return settings(Environment.dev());
  }

  public static Settings prod() {
    return settings(Environment.prod());
  }

  /** A fresh app with the library's rule pack attached. */
  public static App app() {
    App app = Testing.app();
    Policy.attach(app, RulePacks.blueprints());
    return app;
  }

  /** A stack of application {@code test}: physical names {@code acme-test-<env>-<component>}, as an app names them. */
  public static BlueprintStack stack(Construct scope, String id, Settings settings) {
    return stack(scope, id, settings, "test");
  }

  /** A stack whose physical names and {@code Blueprint} tag carry {@code application}. */
  public static BlueprintStack stack(Construct scope, String id, Settings settings, String application) {
    return new ApplicationStack(scope, id, settings, application);
  }

  private static final class ApplicationStack extends BlueprintStack {
    ApplicationStack(Construct scope, String id, Settings settings, String application) {
      super(scope, id, settings, new Naming(settings.project() + "-" + application, settings.environment().name()),
          Map.of("Blueprint", application));
    }
  }

  /** An empty stack named {@code test-dev-<layer>} in a fresh app. */
  public static BlueprintStack stack(String layer) {
    return stack(app(), "test-dev-" + layer, dev());
  }

  public static BlueprintStack stack() {
    return stack("unit");
  }

  /** A stack with a default two-AZ network, for constructs that need subnets. */
  public static Network network(BlueprintStack stack) {
    return new Network(stack, "Network", NetworkProps.builder(AZS).build());
  }
}
