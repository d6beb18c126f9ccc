package dev.blueprints.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.core.StateSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Settings and stacks the module tests build on. */
public final class Fixtures {
  public static final String REGION = "eu-west-1";
  public static final List<String> AZS = List.of("eu-west-1a", "eu-west-1b");
  /** Two isolated subnets in {@link #AZS}, for data stores given subnets rather than a network. */
  public static final SubnetGroup ISOLATED = new SubnetGroup(SubnetTier.ISOLATED, List.of("subnet-a", "subnet-b"), AZS,
      List.of("10.0.2.0/24", "10.0.3.0/24"), List.of("rtb-a"));

  private Fixtures() {}

  /** The message of the {@link IllegalArgumentException} {@code build} throws: how tests read a validation error. */
  public static String error(Executable build) {
    return assertThrows(IllegalArgumentException.class, build).getMessage();
  }

  /** The texts of a JSON array, or the one text of a string. */
  public static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) out.add(node.asText());
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

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

  /**
   * Asserts the stack's one pair of peer rules: the group named {@code from} reaches the group named {@code to} on
   * {@code port} (ingress on {@code to} referencing {@code from}, no CIDR; egress on {@code from} referencing
   * {@code to}). Returns the ingress rule, for what a test checks beyond.
   */
  public static JsonNode assertPeerRule(Synthesized json, String from, String to, int port) {
    String fromId = json.ref("aws_security_group", json.only("aws_security_group", "name", from), "id");
    String toId = json.ref("aws_security_group", json.only("aws_security_group", "name", to), "id");
    JsonNode ingress = json.only("aws_vpc_security_group_ingress_rule");
    assertEquals(toId, ingress.path("security_group_id").asText());
    assertEquals(fromId, ingress.path("referenced_security_group_id").asText());
    assertEquals(port, ingress.path("from_port").asInt());
    assertEquals(port, ingress.path("to_port").asInt());
    assertTrue(ingress.path("cidr_ipv4").isMissingNode(), "no CIDR ingress");
    JsonNode egress = json.only("aws_vpc_security_group_egress_rule");
    assertEquals(fromId, egress.path("security_group_id").asText());
    assertEquals(toId, egress.path("referenced_security_group_id").asText());
    return ingress;
  }
}
