package dev.blueprints.blueprints;

import static dev.blueprints.blueprints.BlueprintAssertions.texts;
import static dev.blueprints.blueprints.BlueprintAssertions.assertPath;
import static dev.blueprints.blueprints.BlueprintAssertions.groupOf;
import static dev.blueprints.testing.NetworkAclEvaluator.RETURN_PORTS;
import static dev.blueprints.testing.NetworkAclEvaluator.allows;
import static dev.blueprints.testing.NetworkAclEvaluator.tcpPathProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.app.Selection;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request path the README documents for a blueprint with network ACLs passes both layers: the ACLs of the
 * subnets on the way (request and replies, from and to every AZ) and the security groups of the resources.
 */
class NetworkAclPathsTest {
  private static final String INTERNET = "198.51.100.7";
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  /** The ACL and one host address per subnet (in AZ order) of each tier of a blueprint's network stack. */
  record Tier(JsonNode acl, List<String> hosts) {}

  private static Tier tier(Synthesized network, String label) {
    JsonNode acl = network.only("aws_network_acl", "tags.Tier", label);
    List<String> hosts = new ArrayList<>();
    for (JsonNode subnet : network.where("aws_subnet", java.util.Map.of("tags.Tier", label))) {
      String[] octets = subnet.path("cidr_block").asText().split("/")[0].split("\\.");
      hosts.add(octets[0] + "." + octets[1] + "." + octets[2] + ".37");
      // The ACL is on this subnet.
      assertTrue(texts(acl.path("subnet_ids")).contains(network.ref("aws_subnet", subnet, "id")), label + " subnet " + subnet.path("cidr_block"));
    }
    return new Tier(acl, hosts);
  }

  private static void assertAclPath(String what, Tier from, Tier to, int port) {
    for (String source : from.hosts()) {
      for (String target : to.hosts()) {
        assertEquals(List.of(), tcpPathProblems(from.acl(), source, to.acl(), target, port), what + " " + source + " -> " + target);
      }
    }
  }

  private static void assertAclFromInternet(String what, Tier to, int port) {
    for (String target : to.hosts()) assertEquals(List.of(), tcpPathProblems(null, INTERNET, to.acl(), target, port), what);
  }

  /** Out of the private tier, through a NAT gateway in the public tier, to the internet, and the replies back. */
  private static void assertAclThroughNat(String what, Tier privateTier, Tier publicTier, int port) {
    for (String host : privateTier.hosts()) {
      assertEquals(List.of(), tcpPathProblems(privateTier.acl(), host, null, INTERNET, port), what + " leaves " + host);
      assertTrue(allows(publicTier.acl(), true, host, "tcp", port), what + ": NAT accepts from " + host);
      for (int reply : RETURN_PORTS) assertTrue(allows(publicTier.acl(), false, host, "tcp", reply), what + ": NAT replies to " + host);
    }
    assertTrue(allows(publicTier.acl(), false, INTERNET, "tcp", port), what + ": NAT sends to the internet");
    for (int reply : RETURN_PORTS) assertTrue(allows(publicTier.acl(), true, INTERNET, "tcp", reply), what + ": NAT receives replies");
  }

  private static void assertGroupRule(AppSynth app, String stack, String type, String group, int port) {
    boolean found = app.stack(stack).resources(type).values().stream().anyMatch(r ->
        app.resolve(stack, r.path("security_group_id").asText()).equals(group)
            && r.path("cidr_ipv4").asText().equals("0.0.0.0/0")
            && r.path("from_port").asInt() <= port && r.path("to_port").asInt() >= port);
    assertTrue(found, stack + ": no " + type + " 0.0.0.0/0:" + port + " on " + group);
  }

  /** The web path every ALB blueprint documents: internet -> ALB -> app -> database, and app -> AWS APIs. */
  private void assertWebPaths(AppSynth app, String prefix, JsonNode appResource, int appPort, int databasePort, List<JsonNode> outbound) {
    Synthesized network = app.stack(prefix + "network");
    assertEquals(3, network.count("aws_network_acl"), prefix);
    Tier pub = tier(network, "public");
    Tier priv = tier(network, "private");
    Tier iso = tier(network, "isolated");
    String compute = prefix + "compute";
    Synthesized json = app.stack(compute);
    String lb = groupOf(app, compute, json.only("aws_lb"));
    String service = groupOf(app, compute, appResource);
    String database = groupOf(app, prefix + "data", app.stack(prefix + "data").only("aws_db_instance"));

    assertAclFromInternet("internet -> ALB", pub, 80);
    assertGroupRule(app, compute, "aws_vpc_security_group_ingress_rule", lb, 80);
    assertAclPath("ALB -> app", pub, priv, appPort);
    assertPath(app, compute, lb, service, appPort);
    assertAclPath("app -> database", priv, iso, databasePort);
    assertPath(app, compute, service, database, databasePort);
    assertAclThroughNat("app -> AWS APIs", priv, pub, 443);
    for (JsonNode resource : outbound) assertGroupRule(app, compute, "aws_vpc_security_group_egress_rule", groupOf(app, compute, resource), 443);

    // And what is not documented does not pass the ACLs.
    for (String host : priv.hosts()) assertFalse(allows(priv.acl(), true, INTERNET, "tcp", appPort < 1024 ? appPort : 22), "internet -> app");
    for (String host : iso.hosts()) {
      assertFalse(allows(iso.acl(), true, pub.hosts().get(0), "tcp", databasePort), "ALB tier -> database");
      assertFalse(allows(iso.acl(), false, INTERNET, "tcp", 443), "database tier -> internet");
    }
  }

  @Test
  void ecsClusterRequestPathsPassAclsAndSecurityGroups() {
    for (String env : List.of("dev", "prod")) {
      String prefix = "ecs-cluster-" + env + "-";
      Synthesized compute = app.stack(prefix + "compute");
      assertWebPaths(app, prefix, compute.only("aws_ecs_service"), 3000, 5432,
          List.of(compute.only("aws_ecs_service"), compute.only("aws_launch_template")));
    }
  }

  @Test
  void asgWebRequestPathsPassAclsAndSecurityGroups() {
    for (String env : List.of("dev", "prod")) {
      String prefix = "asg-web-" + env + "-";
      Synthesized compute = app.stack(prefix + "compute");
      assertWebPaths(app, prefix, compute.only("aws_launch_template"), 8000, 5432, List.of(compute.only("aws_launch_template")));
    }
  }

  @Test
  void theSettingIsABooleanWithThePerBlueprintDefault() throws Exception {
    TierFlows intent = TierFlows.webEntry(new WebListeners("blueprints.x", null, true)).httpsOutThroughNat("APIs");
    var on = new dev.blueprints.settings.SettingsNode("prod.json", "blueprints.x", Synthesized.JSON.readTree("{}"));
    assertEquals(intent.flows(), TierFlows.read(on, true, intent));
    assertEquals(null, TierFlows.read(on, false, intent));
    var off = new dev.blueprints.settings.SettingsNode("prod.json", "blueprints.x", Synthesized.JSON.readTree("{\"networkAcls\": false}"));
    assertEquals(null, TierFlows.read(off, true, intent));
    var bad = new dev.blueprints.settings.SettingsNode("prod.json", "blueprints.x", Synthesized.JSON.readTree("{\"networkAcls\": \"yes\"}"));
    assertEquals("prod.json: blueprints.x.networkAcls = \"yes\" is invalid: expected true or false",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TierFlows.read(bad, true, intent)).getMessage());
  }

  @Test
  void blueprintsWhoseSeedsDoNotAskKeepTheDefaultAcl() {
    for (String blueprint : List.of("three-tier", "fargate-web", "api-ecs")) {
      for (String env : List.of("dev", "prod")) {
        assertEquals(0, app.stack(blueprint + "-" + env + "-network").count("aws_network_acl"), blueprint + " " + env);
      }
    }
  }

  @Test
  void threeTierWithAclsOnPassesItsPathsIncludingTheInternalAlbAcrossAzs(@TempDir Path settings) throws Exception {
    ObjectNode prod = (ObjectNode) Synthesized.JSON.readTree(AppSynth.SETTINGS_DIR.resolve("prod.json").toFile());
    ((ObjectNode) prod.path("blueprints").path("three-tier")).put("networkAcls", true);
    Files.writeString(settings.resolve("prod.json"), prod.toString());
    AppSynth threeTier = AppSynth.of(new Selection(List.of("three-tier"), List.of("prod"), settings));
    String prefix = "three-tier-prod-";
    Synthesized network = threeTier.stack(prefix + "network");
    assertEquals(3, network.count("aws_network_acl"));
    Tier pub = tier(network, "public");
    Tier priv = tier(network, "private");
    Tier iso = tier(network, "isolated");
    String compute = prefix + "compute";
    Synthesized json = threeTier.stack(compute);
    JsonNode publicLb = json.only("aws_lb", "internal", false);
    JsonNode internalLb = json.only("aws_lb", "internal", true);
    List<String> templates = new ArrayList<>();
    json.resources("aws_launch_template").values().forEach(t -> templates.add(groupOf(threeTier, compute, t)));
    String frontend = groupOf(threeTier, compute, json.byPath("aws_launch_template", "Frontend"));
    String backend = groupOf(threeTier, compute, json.byPath("aws_launch_template", "Backend"));
    String database = groupOf(threeTier, prefix + "data", threeTier.stack(prefix + "data").only("aws_db_instance"));

    assertAclFromInternet("internet -> public ALB", pub, 80);
    assertAclPath("public ALB -> frontend", pub, priv, 5000);
    assertPath(threeTier, compute, groupOf(threeTier, compute, publicLb), frontend, 5000);
    assertAclPath("frontend -> internal ALB", priv, priv, 80);
    assertPath(threeTier, compute, frontend, groupOf(threeTier, compute, internalLb), 80);
    assertAclPath("internal ALB -> backend", priv, priv, 5001);
    assertPath(threeTier, compute, groupOf(threeTier, compute, internalLb), backend, 5001);
    assertAclPath("backend -> MySQL", priv, iso, 3306);
    assertPath(threeTier, compute, backend, database, 3306);
    assertAclThroughNat("instances -> AWS APIs", priv, pub, 443);
    assertEquals(2, templates.size());
  }
}
