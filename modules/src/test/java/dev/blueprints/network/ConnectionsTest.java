package dev.blueprints.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

class ConnectionsTest {
  private static SecurityGroup group(Construct scope, String id) {
    return new SecurityGroup(scope, id, SecurityGroupProps.builder("vpc-0123", "acme-" + id.toLowerCase(), id + " tasks").build());
  }

  @Test
  void allowFromWritesIngressOnTheTargetAndEgressOnTheSource() {
    BlueprintStack stack = Fixtures.stack();
    SecurityGroup db = group(stack, "Database");
    SecurityGroup app = group(stack, "App");
    db.connections().allowFrom(app, Port.tcp(5432), "app to database");
    Synthesized json = Synthesized.of(stack);

    JsonNode in = Fixtures.assertPeerRule(json, "acme-app", "acme-database", 5432);
    assertEquals("tcp", in.path("ip_protocol").asText());
    assertEquals("app to database", in.path("description").asText());
    assertEquals(5432, json.only("aws_vpc_security_group_egress_rule").path("to_port").asInt());
  }

  @Test
  void groupsStartWithNoRulesAndRepeatedIntentAddsNothing() {
    BlueprintStack stack = Fixtures.stack();
    SecurityGroup db = group(stack, "Database");
    SecurityGroup app = group(stack, "App");
    db.connections().allowFrom(app, Port.tcp(5432), "app to database");
    db.connections().allowFrom(app, Port.tcp(5432), "app to database");
    app.connections().allowTo(db, Port.tcp(5432), "app to database");
    Synthesized json = Synthesized.of(stack);
    assertEquals(1, json.count("aws_vpc_security_group_ingress_rule"));
    assertEquals(1, json.count("aws_vpc_security_group_egress_rule"));
    json.resources("aws_security_group").values().forEach(sg -> {
      assertTrue(sg.path("ingress").isMissingNode() && sg.path("egress").isMissingNode(), "no inline rules: " + sg);
      assertTrue(sg.path("revoke_rules_on_delete").asBoolean());
    });
  }

  @Test
  void crossStackRulesLiveInTheLaterStack() {
    var app = Fixtures.app();
    BlueprintStack data = Fixtures.stack(app, "test-dev-data", Fixtures.dev());
    BlueprintStack compute = Fixtures.stack(app, "test-dev-compute", Fixtures.dev());
    SecurityGroup db = group(data, "Database");
    SecurityGroup service = group(compute, "Service");
    db.connections().allowFrom(service, Port.tcp(5432), "service to database");
    assertEquals(0, Synthesized.of(data).count("aws_vpc_security_group_ingress_rule"), "the data stack must not depend on compute");
    Synthesized json = Synthesized.of(compute);
    assertEquals(1, json.count("aws_vpc_security_group_ingress_rule"));
    assertEquals(1, json.count("aws_vpc_security_group_egress_rule"));
  }

  @Test
  void theInternetIsReachableOnlyThroughNamedMethods() {
    BlueprintStack stack = Fixtures.stack();
    SecurityGroup lb = group(stack, "LoadBalancer");
    var e = assertThrows(IllegalArgumentException.class, () -> lb.connections().allowFromCidr("0.0.0.0/0", Port.tcp(443), "public"));
    assertEquals("cidr = \"0.0.0.0/0\" is invalid: opening to the whole internet needs the explicitly named allowFromAnyIpv4(...)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> lb.connections().allowToCidr("0.0.0.0/0", Port.tcp(443), "out"));
    lb.connections().allowFromAnyIpv4(Port.tcp(443), "HTTPS from the internet");
    lb.connections().allowToAnyIpv4(Port.tcp(443), "HTTPS to external APIs");
    lb.connections().allowFromCidr("10.0.0.0/16", Port.tcp(80), "from the VPC");
    Synthesized json = Synthesized.of(stack);
    json.assertResource("aws_vpc_security_group_ingress_rule", Map.of("cidr_ipv4", "0.0.0.0/0", "from_port", 443));
    json.assertResource("aws_vpc_security_group_egress_rule", Map.of("cidr_ipv4", "0.0.0.0/0", "to_port", 443));
    json.assertResource("aws_vpc_security_group_ingress_rule", Map.of("cidr_ipv4", "10.0.0.0/16", "from_port", 80));
  }

  @Test
  void everyRuleNeedsADescriptionAndAValidPort() {
    BlueprintStack stack = Fixtures.stack();
    SecurityGroup a = group(stack, "A");
    SecurityGroup b = group(stack, "B");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> a.connections().allowFrom(b, Port.tcp(80), " "))
        .getMessage().startsWith("description = \" \" is invalid"));
    assertEquals("port = 70000 is invalid: allowed range is 0..65535",
        assertThrows(IllegalArgumentException.class, () -> Port.tcp(70000)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Port.tcpRange(90, 80)).getMessage().contains("must be <="));
  }

  @Test
  void allTrafficRulesOmitPorts() {
    BlueprintStack stack = Fixtures.stack();
    SecurityGroup a = group(stack, "A");
    a.connections().allowFrom(a, Port.allTraffic(), "members of the cluster talk to each other");
    JsonNode in = Synthesized.of(stack).only("aws_vpc_security_group_ingress_rule");
    assertEquals("-1", in.path("ip_protocol").asText());
    assertTrue(in.path("from_port").isMissingNode());
  }
}
