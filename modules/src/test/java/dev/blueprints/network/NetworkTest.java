package dev.blueprints.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private static final List<String> THREE_AZS = List.of("eu-west-1a", "eu-west-1b", "eu-west-1c");

  private static Synthesized synth(NetworkProps props) {
    BlueprintStack stack = Fixtures.stack("network");
    new Network(stack, "Network", props);
    return Synthesized.of(stack);
  }

  private static Map<String, String> cidrsByName(Synthesized json) {
    Map<String, String> out = new LinkedHashMap<>();
    json.resources("aws_subnet").forEach((name, s) -> out.put(name, s.path("cidr_block").asText()));
    return out;
  }

  @Test
  void defaultsAreTwoAzsThreeTiersNatPerAzAndTheReferenceLayout() {
    Synthesized json = synth(NetworkProps.builder(Fixtures.AZS).build());
    JsonNode vpc = json.only("aws_vpc");
    assertEquals("10.0.0.0/16", vpc.path("cidr_block").asText());
    assertTrue(vpc.path("enable_dns_support").asBoolean());
    assertTrue(vpc.path("enable_dns_hostnames").asBoolean());
    assertEquals(List.of("10.0.1.0/24", "10.0.2.0/24", "10.0.11.0/24", "10.0.12.0/24", "10.0.21.0/24", "10.0.22.0/24"),
        List.copyOf(new java.util.TreeSet<>(cidrsByName(json).values())).stream()
            .sorted(java.util.Comparator.comparing((String c) -> Integer.parseInt(c.split("\\.")[2]))).toList());
    json.resources("aws_subnet").values().forEach(s -> assertFalse(s.path("map_public_ip_on_launch").asBoolean()));
    assertEquals(2, json.count("aws_nat_gateway"));
    assertEquals(2, json.count("aws_eip"));
    assertEquals(1, json.count("aws_internet_gateway"));
    assertEquals(4, json.count("aws_route_table"), "public, private per AZ, isolated");
    assertEquals(6, json.count("aws_route_table_association"));
  }

  @Test
  void eachTierRoutesTheWayItsNameSays() {
    Synthesized json = synth(NetworkProps.builder(Fixtures.AZS).build());
    String igw = json.ref("aws_internet_gateway", json.only("aws_internet_gateway"), "id");
    JsonNode publicTable = json.only("aws_route_table", "tags.Name", "acme-test-dev-network-public");
    json.assertResource("aws_route", Map.of("route_table_id", json.ref("aws_route_table", publicTable, "id"),
        "destination_cidr_block", "0.0.0.0/0", "gateway_id", igw));

    // Each private table routes to the NAT gateway of its own AZ.
    for (int az = 1; az <= 2; az++) {
      JsonNode table = json.only("aws_route_table", "tags.Name", "acme-test-dev-network-private-eu-west-1" + (char) ('a' + az - 1));
      JsonNode nat = json.only("aws_nat_gateway", "tags.Name", "acme-test-dev-network-eu-west-1" + (char) ('a' + az - 1));
      json.assertResource("aws_route", Map.of("route_table_id", json.ref("aws_route_table", table, "id"),
          "nat_gateway_id", json.ref("aws_nat_gateway", nat, "id")));
      JsonNode publicSubnet = json.only("aws_subnet", "cidr_block", "10.0." + az + ".0/24");
      assertEquals(json.ref("aws_subnet", publicSubnet, "id"), nat.path("subnet_id").asText(), "NAT sits in the public subnet of its AZ");
    }

    // The isolated table has no route at all beyond the implicit local one.
    JsonNode isolated = json.only("aws_route_table", "tags.Name", "acme-test-dev-network-isolated");
    String isolatedId = json.ref("aws_route_table", isolated, "id");
    assertTrue(json.where("aws_route", Map.of("route_table_id", isolatedId)).isEmpty());
    assertTrue(isolated.path("route").isMissingNode());
    for (String cidr : List.of("10.0.21.0/24", "10.0.22.0/24")) {
      String subnet = json.ref("aws_subnet", json.only("aws_subnet", "cidr_block", cidr), "id");
      json.assertResource("aws_route_table_association", Map.of("subnet_id", subnet, "route_table_id", isolatedId));
    }
  }

  @Test
  void singleNatServesEveryAzAndNoneLeavesPrivateSubnetsWithoutRoutes() {
    Synthesized single = synth(NetworkProps.builder(THREE_AZS).nat(NatStrategy.SINGLE).build());
    assertEquals(1, single.count("aws_nat_gateway"));
    String nat = single.ref("aws_nat_gateway", single.only("aws_nat_gateway"), "id");
    assertEquals(3, single.where("aws_route", Map.of("nat_gateway_id", nat)).size());

    Synthesized none = synth(NetworkProps.builder(Fixtures.AZS).nat(NatStrategy.NONE).build());
    assertEquals(0, none.count("aws_nat_gateway"));
    assertEquals(0, none.count("aws_eip"));
    assertEquals(1, none.count("aws_route"), "only the public default route");
  }

  @Test
  void threeAzsGiveThreeSubnetsPerTier() {
    Synthesized json = synth(NetworkProps.builder(THREE_AZS).build());
    assertEquals(9, json.count("aws_subnet"));
    assertEquals(3, json.count("aws_nat_gateway"));
    assertEquals("eu-west-1c", json.only("aws_subnet", "cidr_block", "10.0.23.0/24").path("availability_zone").asText());
  }

  @Test
  void addingAnAzOrATierNeverChangesAnExistingSubnet() {
    Map<String, String> before = cidrsByName(synth(NetworkProps.builder(Fixtures.AZS)
        .tiers(EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE)).build()));
    Map<String, String> after = cidrsByName(synth(NetworkProps.builder(THREE_AZS).build()));
    assertEquals(4, before.size());
    assertEquals(9, after.size());
    before.forEach((address, cidr) -> assertEquals(cidr, after.get(address), "subnet " + address + " was re-carved"));
    // The new subnets do not overlap any old one.
    var oldCidrs = before.values().stream().collect(Collectors.toSet());
    after.entrySet().stream().filter(e -> !before.containsKey(e.getKey()))
        .forEach(e -> assertFalse(oldCidrs.contains(e.getValue())));
  }

  @Test
  void defaultSecurityGroupIsAdoptedWithNoRules() {
    JsonNode sg = synth(NetworkProps.builder(Fixtures.AZS).build()).only("aws_default_security_group");
    assertTrue(sg.path("ingress").isMissingNode());
    assertTrue(sg.path("egress").isMissingNode());
  }

  @Test
  void flowLogsGoToARetainedLogGroupThroughALeastPrivilegeRole() {
    Synthesized json = synth(NetworkProps.builder(Fixtures.AZS).build());
    JsonNode group = json.only("aws_cloudwatch_log_group");
    assertEquals(365, group.path("retention_in_days").asInt());
    JsonNode role = json.only("aws_iam_role");
    JsonNode flowLog = json.only("aws_flow_log");
    assertEquals("ALL", flowLog.path("traffic_type").asText());
    assertEquals(json.ref("aws_cloudwatch_log_group", group, "arn"), flowLog.path("log_destination").asText());
    assertEquals(json.ref("aws_iam_role", role, "arn"), flowLog.path("iam_role_arn").asText());
    assertEquals(json.ref("aws_vpc", json.only("aws_vpc"), "id"), flowLog.path("vpc_id").asText());

    JsonNode trust = Synthesized.json(role, "assume_role_policy").path("Statement").get(0);
    assertEquals("vpc-flow-logs.amazonaws.com", trust.path("Principal").path("Service").asText());
    JsonNode statement = Synthesized.json(json.only("aws_iam_role_policy"), "policy").path("Statement").get(0);
    assertEquals(json.ref("aws_cloudwatch_log_group", group, "arn") + ":*", statement.path("Resource").asText());
    assertFalse(statement.path("Action").toString().contains("*\""), "no wildcard actions");

    Synthesized off = synth(NetworkProps.builder(Fixtures.AZS).withoutFlowLogs().build());
    assertEquals(0, off.count("aws_flow_log"));
    assertEquals(0, off.count("aws_iam_role"));
  }

  @Test
  void endpointsAttachToPrivateAndIsolatedTablesAndAcceptHttpsFromTheVpc() {
    Synthesized json = synth(NetworkProps.builder(Fixtures.AZS).interfaceEndpoint("ecr.api").interfaceEndpoint("logs").build());
    JsonNode s3 = json.only("aws_vpc_endpoint", "vpc_endpoint_type", "Gateway");
    assertEquals("com.amazonaws.eu-west-1.s3", s3.path("service_name").asText());
    assertEquals(3, s3.path("route_table_ids").size(), "two private tables and the isolated one");

    JsonNode ecr = json.only("aws_vpc_endpoint", "service_name", "com.amazonaws.eu-west-1.ecr.api");
    assertTrue(ecr.path("private_dns_enabled").asBoolean());
    assertEquals(2, ecr.path("subnet_ids").size());
    JsonNode sg = json.only("aws_security_group");
    assertEquals(json.ref("aws_security_group", sg, "id"), ecr.path("security_group_ids").get(0).asText());
    json.assertResource("aws_vpc_security_group_ingress_rule", Map.of("cidr_ipv4", "10.0.0.0/16", "from_port", 443, "to_port", 443));
    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"), "endpoints never initiate connections");

    Synthesized without = synth(NetworkProps.builder(Fixtures.AZS).s3GatewayEndpoint(false).build());
    assertEquals(0, without.count("aws_vpc_endpoint"));
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    assertEquals("cidr = \"10.0.0.0/33\" is invalid: the prefix length must be 0..32",
        assertThrows(IllegalArgumentException.class, () -> NetworkProps.builder(Fixtures.AZS).cidr("10.0.0.0/33").build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkProps.builder(Fixtures.AZS).cidr("10.0.0.0/20").build())
        .getMessage().startsWith("cidr = \"10.0.0.0/20\" is invalid: too small for 3 tiers"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> NetworkProps.builder(List.of("eu-west-1a")).build())
        .getMessage().contains("2 to 3 availability zones, got 1"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> NetworkProps.builder(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d")).build()).getMessage().contains("got 4"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> NetworkProps.builder(Fixtures.AZS).tiers(EnumSet.of(SubnetTier.PRIVATE)).build()).getMessage()
        .startsWith("nat = ONE_PER_AZ is invalid: NAT gateways need the PUBLIC and PRIVATE tiers"));
    // A smaller VPC works with longer subnet prefixes.
    NetworkProps small = NetworkProps.builder(Fixtures.AZS).cidr("10.0.0.0/20").subnetPrefix(28).build();
    assertEquals("10.0.1.80/28", small.layout().subnet(SubnetTier.ISOLATED, 0).toString());
  }

  @Test
  void tierAccessorsExposeTypedGroups() {
    BlueprintStack stack = Fixtures.stack("network");
    Network network = new Network(stack, "Network", NetworkProps.builder(Fixtures.AZS).tiers(EnumSet.of(SubnetTier.PUBLIC, SubnetTier.PRIVATE)).build());
    SubnetGroup group = network.subnets(SubnetTier.PRIVATE);
    assertEquals(List.of("10.0.11.0/24", "10.0.12.0/24"), group.cidrs());
    assertEquals(2, group.azCount());
    var e = assertThrows(IllegalArgumentException.class, () -> network.subnets(SubnetTier.ISOLATED));
    assertTrue(e.getMessage().contains("has no ISOLATED tier"), e.getMessage());
  }
}
