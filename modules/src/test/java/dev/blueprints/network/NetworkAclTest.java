package dev.blueprints.network;

import static dev.blueprints.testing.NetworkAclEvaluator.allows;
import static dev.blueprints.testing.NetworkAclEvaluator.tcpPathProblems;
import static dev.blueprints.testing.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkAclTest {
  private static final List<String> AZS3 = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");
  // A web application: internet -> ALB (public) on 443, ALB -> app (private) on 8080, app -> database (isolated)
  // on 5432, app -> internet on 443 through NAT.
  private static final List<TierFlow> WEB = List.of(
      TierFlow.fromInternet(SubnetTier.PUBLIC, Port.tcp(443), "HTTPS clients to the load balancer"),
      TierFlow.between(SubnetTier.PUBLIC, SubnetTier.PRIVATE, Port.tcp(8080), "load balancer to the app"),
      TierFlow.between(SubnetTier.PRIVATE, SubnetTier.ISOLATED, Port.tcp(5432), "app to the database"),
      TierFlow.toInternet(SubnetTier.PRIVATE, Port.tcp(443), "app to AWS APIs through NAT"));

  private static Synthesized synth(List<String> azs, List<TierFlow> flows) {
    BlueprintStack stack = Fixtures.stack("network");
    new Network(stack, "Network", NetworkProps.builder(azs).networkAcls(flows).build());
    return Synthesized.of(stack);
  }

  private static JsonNode acl(Synthesized json, String tier) {
    return json.only("aws_network_acl", "tags.Tier", tier);
  }

  @Test
  void eachTierGetsAnAclOnItsOwnSubnets() {
    Synthesized json = synth(AZS3, WEB);
    assertEquals(3, json.count("aws_network_acl"));
    for (String tier : List.of("public", "private", "isolated")) {
      JsonNode acl = acl(json, tier);
      assertEquals(json.ref("aws_vpc", json.only("aws_vpc"), "id"), acl.path("vpc_id").asText());
      List<String> subnets = new ArrayList<>();
      acl.path("subnet_ids").forEach(s -> subnets.add(s.asText()));
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        String label = Character.toUpperCase(tier.charAt(0)) + tier.substring(1);
        expected.add(json.ref("aws_subnet", json.only("aws_subnet", "tags.Name", "acme-test-dev-network-" + tier + "-eu-west-1" + (char) ('a' + i - 1)), "id"));
      }
      assertEquals(expected, subnets, tier);
      assertTrue(label(acl).contains(tier));
    }
  }

  private static String label(JsonNode acl) {
    return acl.path("tags").path("Name").asText();
  }

  @Test
  void everyDeclaredPathPassesRequestAndReplies() {
    Synthesized json = synth(AZS3, WEB);
    JsonNode pub = acl(json, "public");
    JsonNode priv = acl(json, "private");
    JsonNode iso = acl(json, "isolated");
    String client = "203.0.113.10";
    for (int az = 0; az < 3; az++) {
      String alb = "10.0." + (1 + az) + ".20";
      String app = "10.0." + (11 + az) + ".30";
      String db = "10.0." + (21 + az) + ".40";
      assertEquals(List.of(), tcpPathProblems(null, client, pub, alb, 443), "internet -> ALB");
      for (int other = 0; other < 3; other++) {
        String appElsewhere = "10.0." + (11 + other) + ".30";
        assertEquals(List.of(), tcpPathProblems(pub, alb, priv, appElsewhere, 8080), "ALB -> app, any AZ");
        assertEquals(List.of(), tcpPathProblems(priv, app, iso, "10.0." + (21 + other) + ".40", 5432), "app -> database, any AZ");
      }
      // app -> NAT gateway (public tier) -> internet, and the replies back.
      assertEquals(List.of(), tcpPathProblems(priv, app, null, "52.94.0.1", 443), "app leaves its subnet for the internet");
      assertEquals(List.of(), tcpPathProblems(pub, alb, null, "52.94.0.1", 443), "NAT gateway to the internet");
      assertTrue(allows(pub, true, app, "tcp", 443), "NAT gateway accepts the app's HTTPS");
      assertTrue(allows(pub, false, app, "tcp", 40000), "NAT gateway forwards replies to the app");
      assertTrue(db.startsWith("10.0.2"));
    }
  }

  @Test
  void nothingElsePasses() {
    Synthesized json = synth(AZS3, WEB);
    JsonNode pub = acl(json, "public");
    JsonNode priv = acl(json, "private");
    JsonNode iso = acl(json, "isolated");
    assertFalse(allows(pub, true, "203.0.113.10", "tcp", 22), "no SSH from the internet");
    assertFalse(allows(pub, true, "203.0.113.10", "tcp", 80), "only the declared listener port");
    assertFalse(allows(priv, true, "10.0.1.20", "tcp", 5432), "the public tier cannot use the return range to reach other ports");
    assertFalse(allows(priv, true, "10.0.1.20", "tcp", 22));
    assertFalse(allows(iso, true, "10.0.1.20", "tcp", 5432), "the database is reachable from the private tier only");
    assertFalse(allows(iso, false, "52.94.0.1", "tcp", 443), "the isolated tier has no internet traffic");
    assertFalse(allows(priv, false, "10.0.1.20", "tcp", 443), "private to public only as replies, not on 443 to the VPC");
    // Stateless replies use 1024-65535, so the isolated tier's replies share that range with connections it might open;
    // below it (SSH, HTTPS, well-known ports) nothing passes, and the security groups close the rest.
    assertFalse(allows(priv, true, "10.0.21.40", "tcp", 22), "the isolated tier cannot open connections to well-known ports");
    assertFalse(allows(iso, false, "10.0.11.30", "tcp", 443), "the isolated tier sends to the private tier only on reply ports");
    assertTrue(allows(priv, true, "52.94.0.1", "tcp", 40000), "replies from the internet through NAT");
  }

  @Test
  void vpcRulesComeBeforeTheVpcDenyAndInternetRulesAfter() {
    JsonNode priv = acl(synth(AZS3, WEB), "private");
    int deny = -1;
    for (JsonNode rule : priv.path("ingress")) {
      if (rule.path("action").asText().equals("deny")) {
        deny = rule.path("rule_no").asInt();
        assertEquals("10.0.0.0/16", rule.path("cidr_block").asText());
        assertEquals("-1", rule.path("protocol").asText());
      }
    }
    assertEquals(30000, deny);
    for (JsonNode rule : priv.path("ingress")) {
      boolean internet = rule.path("cidr_block").asText().equals("0.0.0.0/0");
      if (rule.path("action").asText().equals("allow")) {
        assertEquals(internet, rule.path("rule_no").asInt() > deny, rule.toString());
      }
    }
    JsonNode icmp = null;
    for (JsonNode rule : priv.path("ingress")) if (rule.path("protocol").asText().equals("icmp")) icmp = rule;
    assertTrue(icmp != null, "fragmentation-needed ICMP for path MTU discovery");
    assertEquals(3, icmp.path("icmp_type").asInt());
    assertEquals(4, icmp.path("icmp_code").asInt());
  }

  @Test
  void withoutFlowsTheSubnetsKeepTheDefaultAcl() {
    BlueprintStack stack = Fixtures.stack("network");
    Network network = new Network(stack, "Network", NetworkProps.builder(Fixtures.AZS).build());
    assertEquals(0, Synthesized.of(stack).count("aws_network_acl"));
    assertNull(network.networkAcl(SubnetTier.PUBLIC));
  }

  @Test
  void badFlowsNameWhatIsWrong() {
    assertEquals("tierFlow.to = PRIVATE is invalid: PUBLIC: only the public tier can be reached from the internet",
        error(() -> TierFlow.fromInternet(SubnetTier.PRIVATE, Port.tcp(22), "ssh")));
    assertEquals("tierFlow.from = ISOLATED is invalid: PUBLIC or PRIVATE: the isolated tier has no route to the internet",
        error(() -> TierFlow.toInternet(SubnetTier.ISOLATED, Port.tcp(443), "updates")));
    assertTrue(error(() -> TierFlow.between(SubnetTier.PUBLIC, SubnetTier.PRIVATE, Port.allTraffic(), "all"))
        .startsWith("tierFlow.port = \"all traffic\" is invalid: a tcp or udp port"));
    assertTrue(error(() -> NetworkProps.builder(Fixtures.AZS).tiers(EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE))
        .networkAcls(List.of(TierFlow.between(SubnetTier.PRIVATE, SubnetTier.ISOLATED, Port.tcp(5432), "db"))).build())
        .startsWith("networkAcls = \"private -> isolated tcp/5432\" is invalid: flows between the network's tiers"));
    assertTrue(error(() -> NetworkProps.builder(Fixtures.AZS).nat(NatStrategy.NONE)
        .networkAcls(List.of(TierFlow.toInternet(SubnetTier.PRIVATE, Port.tcp(443), "apis"))).build())
        .contains("the private tier reaches the internet only through NAT"));
    assertTrue(error(() -> NetworkProps.builder(Fixtures.AZS).networkAcls(List.of()).build()).contains("at least one flow"));
    List<TierFlow> many = new ArrayList<>();
    // Over the quota on the private tier only: the public tier, built first, must not get its ACL either.
    for (int port = 8000; port < 8008; port++) many.add(TierFlow.between(SubnetTier.PRIVATE, SubnetTier.ISOLATED, Port.tcp(port), "app"));
    BlueprintStack stack = Fixtures.stack("network");
    assertTrue(error(() -> new Network(stack, "Network", NetworkProps.builder(AZS3).networkAcls(many).build()))
        .contains("rules on the private tier\" is invalid: at most 20 per direction"));
    assertEquals(0, Synthesized.of(stack).count("aws_network_acl"), "no ACL is created when one tier is over the quota");
  }
}
