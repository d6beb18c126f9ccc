package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketEncryption;
import dev.blueprints.data.BucketProps;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {
  static final SubnetGroup PUBLIC = subnets(SubnetTier.PUBLIC, Fixtures.AZS);
  static final SubnetGroup PRIVATE = subnets(SubnetTier.PRIVATE, Fixtures.AZS);
  static final String CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

  static SubnetGroup subnets(SubnetTier tier, List<String> azs) {
    List<String> ids = azs.stream().map(az -> "subnet-" + tier.label() + "-" + az).toList();
    List<String> cidrs = azs.stream().map(az -> "10.0." + (azs.indexOf(az) + 1) + ".0/24").toList();
    return new SubnetGroup(tier, ids, azs, cidrs, List.of("rtb-" + tier.label()));
  }

  static LoadBalancer alb(BlueprintStack stack, LoadBalancerProps.Builder props) {
    return new LoadBalancer(stack, "Web", props.build());
  }

  static LoadBalancerProps.Builder albProps() {
    return LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, "vpc-0123", PRIVATE);
  }

  static LoadBalancerProps.Builder nlbProps() {
    return LoadBalancerProps.builder(LoadBalancerKind.NETWORK, "vpc-0123", PRIVATE);
  }

  @Test
  void applicationDefaultsAreInternalHardenedAndClosed() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer lb = alb(stack, albProps());
    Synthesized json = Synthesized.of(stack);

    JsonNode node = json.only("aws_lb");
    assertEquals("acme-test-dev-web", node.path("name").asText());
    assertEquals("application", node.path("load_balancer_type").asText());
    assertTrue(node.path("internal").asBoolean(), "internal by default");
    assertTrue(node.path("drop_invalid_header_fields").asBoolean());
    assertTrue(node.path("enable_http2").asBoolean());
    assertEquals("defensive", node.path("desync_mitigation_mode").asText());
    assertEquals(60, node.path("idle_timeout").asInt());
    assertTrue(node.path("enable_deletion_protection").asBoolean(), "follows the environment (dev preset: on)");
    assertTrue(node.path("access_logs").isMissingNode());
    assertEquals(List.of("subnet-private-eu-west-1a", "subnet-private-eu-west-1b"),
        List.of(node.path("subnets").get(0).asText(), node.path("subnets").get(1).asText()));

    JsonNode sg = json.only("aws_security_group");
    assertEquals("acme-test-dev-web-lb", sg.path("name").asText());
    assertEquals(List.of(json.ref("aws_security_group", sg, "id")), List.of(node.path("security_groups").get(0).asText()));
    assertEquals(0, json.count("aws_vpc_security_group_ingress_rule"), "no rules until wired");
    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"));
    assertFalse(lb.isInternetFacing());
    assertEquals("acme-test-dev-web", lb.physicalName());
    assertTrue(lb.name().contains("TOKEN"), "name() is a reference");
    assertEquals(LoadBalancerKind.APPLICATION, lb.kind());
  }

  @Test
  void networkLoadBalancerHasCrossZoneAndASecurityGroupFromCreation() {
    BlueprintStack stack = Fixtures.stack();
    new LoadBalancer(stack, "Api", nlbProps().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode node = json.only("aws_lb");
    assertEquals("network", node.path("load_balancer_type").asText());
    assertTrue(node.path("enable_cross_zone_load_balancing").asBoolean());
    assertEquals(1, node.path("security_groups").size());
    assertTrue(node.path("drop_invalid_header_fields").isMissingNode());
    assertTrue(node.path("idle_timeout").isMissingNode());
    assertTrue(node.path("enforce_security_group_inbound_rules_on_private_link_traffic").isMissingNode());
  }

  @Test
  void optionsAreApplied() {
    BlueprintStack stack = Fixtures.stack();
    Bucket logs = new Bucket(stack, "Logs", BucketProps.builder().name("acme-test-dev-lb-logs").encryption(BucketEncryption.S3_MANAGED).build());
    alb(stack, LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, "vpc-0123", PUBLIC)
        .name("custom-alb").internetFacing().accessLogs(logs, "web/alb").deletionProtection(false).idleTimeoutSeconds(120));
    Synthesized json = Synthesized.of(stack);
    JsonNode node = json.only("aws_lb");
    assertEquals("custom-alb", node.path("name").asText());
    assertFalse(node.path("internal").asBoolean());
    assertFalse(node.path("enable_deletion_protection").asBoolean());
    assertEquals(120, node.path("idle_timeout").asInt());
    assertEquals(json.ref("aws_s3_bucket", json.only("aws_s3_bucket"), "bucket"), Synthesized.at(node, "access_logs.bucket").asText());
    assertEquals("web/alb", Synthesized.at(node, "access_logs.prefix").asText());
    assertTrue(Synthesized.at(node, "access_logs.enabled").asBoolean());
    assertEquals(List.of("aws_s3_bucket_policy." + json.nameOf("aws_s3_bucket_policy", json.only("aws_s3_bucket_policy"))),
        List.of(node.path("depends_on").get(0).asText()), "the bucket policy exists before logging is switched on");
  }

  @Test
  void productionPresetTurnsDeletionProtectionOnAndSettingsCanTurnItOff() {
    BlueprintStack stack = Fixtures.stack(Fixtures.app(), "test-dev-unit", Fixtures.settings(
        dev.blueprints.core.Environment.dev().withDeletionProtection(false)));
    alb(stack, albProps());
    assertFalse(Synthesized.of(stack).only("aws_lb").path("enable_deletion_protection").asBoolean());
  }

  @Test
  void httpsListenerForwardsWithTls13PolicyAndPort80Redirects() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer lb = alb(stack, albProps());
    TargetGroup app = lb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    Listener https = lb.addHttpsListener(CERT, app);
    Synthesized json = Synthesized.of(stack);

    String lbArn = json.ref("aws_lb", json.only("aws_lb"), "arn");
    String tgArn = json.ref("aws_lb_target_group", json.only("aws_lb_target_group"), "arn");
    JsonNode listener = json.only("aws_lb_listener", "port", 443);
    assertEquals("HTTPS", listener.path("protocol").asText());
    assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", listener.path("ssl_policy").asText());
    assertEquals(CERT, listener.path("certificate_arn").asText());
    assertEquals(lbArn, listener.path("load_balancer_arn").asText());
    assertEquals("forward", Synthesized.at(listener, "default_action.0.type").asText());
    assertEquals(tgArn, Synthesized.at(listener, "default_action.0.target_group_arn").asText());

    JsonNode redirect = json.only("aws_lb_listener", "port", 80);
    assertEquals("HTTP", redirect.path("protocol").asText());
    assertEquals("redirect", Synthesized.at(redirect, "default_action.0.type").asText());
    assertEquals("HTTPS", Synthesized.at(redirect, "default_action.0.redirect.protocol").asText());
    assertEquals("443", Synthesized.at(redirect, "default_action.0.redirect.port").asText());
    assertEquals("HTTP_301", Synthesized.at(redirect, "default_action.0.redirect.status_code").asText());
    assertEquals(0, json.count("aws_vpc_security_group_ingress_rule"), "internal: listeners open nothing");
    assertEquals(443, https.port());
  }

  @Test
  void internetFacingOpensOnlyTheListenerPorts() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer lb = alb(stack, LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, "vpc-0123", PUBLIC).internetFacing());
    lb.addHttpsListener(CERT, lb.addTargetGroup("App", TargetGroupProps.builder(8000).build()));
    Synthesized json = Synthesized.of(stack);
    String sg = json.ref("aws_security_group", json.only("aws_security_group"), "id");
    var rules = json.resources("aws_vpc_security_group_ingress_rule").values();
    assertEquals(2, rules.size());
    assertEquals(java.util.Set.of(80, 443), rules.stream().map(r -> r.path("from_port").asInt()).collect(java.util.stream.Collectors.toSet()));
    rules.forEach(r -> {
      assertEquals("0.0.0.0/0", r.path("cidr_ipv4").asText());
      assertEquals(sg, r.path("security_group_id").asText());
      assertEquals(r.path("from_port").asInt(), r.path("to_port").asInt());
      assertFalse(r.path("description").asText().isBlank());
    });
    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"), "egress only toward wired targets");
  }

  @Test
  void plainHttpListenerIsAnExplicitChoice() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer lb = alb(stack, albProps());
    lb.addPlainHttpListener(8080, lb.addTargetGroup("App", TargetGroupProps.builder(3000).build()));
    Synthesized json = Synthesized.of(stack);
    JsonNode listener = json.only("aws_lb_listener");
    assertEquals(8080, listener.path("port").asInt());
    assertEquals("HTTP", listener.path("protocol").asText());
    assertTrue(listener.path("ssl_policy").isMissingNode());
    assertEquals("forward", Synthesized.at(listener, "default_action.0.type").asText());
  }

  @Test
  void tcpListenerOnANetworkLoadBalancerAndTargetsWiredByIntent() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer nlb = new LoadBalancer(stack, "Api", LoadBalancerProps.builder(LoadBalancerKind.NETWORK, "vpc-0123", PUBLIC)
        .internetFacing().build());
    TargetGroup group = nlb.addTargetGroup("Django", TargetGroupProps.builder(8000).targetType(TargetType.INSTANCE).build());
    nlb.addTcpListener(8000, group);
    SecurityGroup instances = new SecurityGroup(stack, "Instances", SecurityGroupProps.builder("vpc-0123", "acme-instances", "instances").build());
    instances.connections().allowFrom(nlb, Port.tcp(group.port()), "NLB to Django (traffic and health checks)");
    Synthesized json = Synthesized.of(stack);

    JsonNode listener = json.only("aws_lb_listener");
    assertEquals("TCP", listener.path("protocol").asText());
    assertEquals(8000, listener.path("port").asInt());
    assertEquals(json.ref("aws_lb_target_group", json.only("aws_lb_target_group"), "arn"),
        Synthesized.at(listener, "default_action.0.target_group_arn").asText());
    String lbSg = json.ref("aws_security_group", json.only("aws_security_group", "name", "acme-test-dev-api-lb"), "id");
    String instancesSg = json.ref("aws_security_group", json.only("aws_security_group", "name", "acme-instances"), "id");
    JsonNode egress = json.only("aws_vpc_security_group_egress_rule");
    assertEquals(lbSg, egress.path("security_group_id").asText(), "health checks leave through the LB's egress rules");
    assertEquals(instancesSg, egress.path("referenced_security_group_id").asText());
    assertEquals(8000, egress.path("from_port").asInt());
    json.assertResource("aws_vpc_security_group_ingress_rule", Map.of("security_group_id", instancesSg,
        "referenced_security_group_id", lbSg, "from_port", 8000));
    json.assertResource("aws_vpc_security_group_ingress_rule", Map.of("security_group_id", lbSg,
        "cidr_ipv4", "0.0.0.0/0", "from_port", 8000));
  }

  @Test
  void privateLinkTrafficCanSkipTheSecurityGroupForVpcLinks() {
    BlueprintStack stack = Fixtures.stack();
    new LoadBalancer(stack, "Api", nlbProps().skipSecurityGroupForPrivateLink().build());
    JsonNode node = Synthesized.of(stack).only("aws_lb");
    assertEquals("off", node.path("enforce_security_group_inbound_rules_on_private_link_traffic").asText());
    var e = assertThrows(IllegalArgumentException.class, () -> albProps().skipSecurityGroupForPrivateLink().build());
    assertTrue(e.getMessage().startsWith("skipSecurityGroupForPrivateLink = true is invalid"), e.getMessage());
  }

  @Test
  void subnetsInOneAzAreRefused() {
    SubnetGroup oneAz = subnets(SubnetTier.PRIVATE, List.of("eu-west-1a"));
    var e = assertThrows(IllegalArgumentException.class,
        () -> LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, "vpc-0123", oneAz).build());
    assertEquals("subnets spans 1 availability zone(s) [eu-west-1a] (private tier): at least 2 are required", e.getMessage());
  }

  @Test
  void internetFacingNeedsPublicSubnets() {
    var e = assertThrows(IllegalArgumentException.class, () -> albProps().internetFacing().build());
    assertTrue(e.getMessage().startsWith("subnets = \"private tier\" is invalid: an internet-facing load balancer needs the public tier"),
        e.getMessage());
  }

  @Test
  void badNamesPrefixesAndTimeoutsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> albProps().name("a-name-that-is-much-longer-than-32-chars").build());
    assertThrows(IllegalArgumentException.class, () -> albProps().name("internal-web").build());
    assertThrows(IllegalArgumentException.class, () -> albProps().name("web-").build());
    assertThrows(IllegalArgumentException.class, () -> albProps().idleTimeoutSeconds(0).build());
    var e = assertThrows(IllegalArgumentException.class, () -> nlbProps().idleTimeoutSeconds(30).build());
    assertEquals("idleTimeoutSeconds = 30 is invalid: only application load balancers have an idle timeout", e.getMessage());
    BlueprintStack stack = Fixtures.stack();
    Bucket logs = new Bucket(stack, "Logs", BucketProps.builder().name("acme-logs").build());
    assertThrows(IllegalArgumentException.class, () -> albProps().accessLogs(logs, "/web").build());
    assertThrows(IllegalArgumentException.class, () -> albProps().accessLogs(logs, "AWSLogs/x").build());
  }

  @Test
  void listenersOfTheWrongKindFailWithOneMessage() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer nlb = new LoadBalancer(stack, "Api", nlbProps().build());
    TargetGroup tcp = nlb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    var https = assertThrows(IllegalArgumentException.class, () -> nlb.addHttpsListener(CERT, tcp));
    assertEquals("addHttpsListener needs an application load balancer, but test-dev-unit/Api is a network load balancer; "
        + "use addTcpListener", https.getMessage());
    assertThrows(IllegalArgumentException.class, () -> nlb.addPlainHttpListener(80, tcp));

    LoadBalancer alb = alb(stack, albProps());
    TargetGroup http = alb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    var tcpOnAlb = assertThrows(IllegalArgumentException.class, () -> alb.addTcpListener(8000, http));
    assertEquals("addTcpListener needs a network load balancer, but test-dev-unit/Web is an application load balancer; "
        + "use addHttpsListener or addPlainHttpListener", tcpOnAlb.getMessage());
  }

  @Test
  void listenerInputIsChecked() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer alb = alb(stack, albProps());
    TargetGroup app = alb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    assertEquals("port = 0 is invalid: allowed range is 1..65535",
        assertThrows(IllegalArgumentException.class, () -> alb.addPlainHttpListener(0, app)).getMessage());
    assertEquals("port = 70000 is invalid: allowed range is 1..65535",
        assertThrows(IllegalArgumentException.class, () -> alb.addPlainHttpListener(70000, app)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> alb.addHttpsListener("not-an-arn", app))
        .getMessage().startsWith("certificateArn = \"not-an-arn\" is invalid"));
    alb.addPlainHttpListener(80, app);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> alb.addHttpsListener(CERT, app))
        .getMessage().startsWith("port = 80 is invalid: already has a listener"));

    LoadBalancer other = new LoadBalancer(stack, "Other", albProps().build());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> other.addPlainHttpListener(80, app))
        .getMessage().startsWith("defaultTarget = \"test-dev-unit/Web/App\" is invalid"));
  }
}
