package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import org.junit.jupiter.api.Test;

class TargetGroupTest {
  private static JsonNode group(LoadBalancerKind kind, TargetGroupProps props) {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer lb = new LoadBalancer(stack, "Web", LoadBalancerProps.builder(kind, "vpc-0123", LoadBalancerTest.PRIVATE).build());
    lb.addTargetGroup("App", props);
    return Synthesized.of(stack).only("aws_lb_target_group");
  }

  @Test
  void applicationDefaultsAreHttpIpTargetsAndAnHttpCheck() {
    JsonNode tg = group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(8000).build());
    assertEquals(8000, tg.path("port").asInt());
    assertEquals("HTTP", tg.path("protocol").asText());
    assertEquals("ip", tg.path("target_type").asText());
    assertEquals("vpc-0123", tg.path("vpc_id").asText());
    assertEquals("30", tg.path("deregistration_delay").asText());
    assertTrue(tg.path("name").asText().startsWith("acme-test-dev-web-app-"), tg.path("name").asText());
    assertTrue(tg.path("name").asText().length() <= 32);
    assertTrue(tg.at("/lifecycle/create_before_destroy").asBoolean());
    JsonNode check = tg.path("health_check");
    assertEquals("HTTP", check.path("protocol").asText());
    assertEquals("/", check.path("path").asText());
    assertEquals("200-399", check.path("matcher").asText());
    assertEquals("traffic-port", check.path("port").asText());
    assertEquals(30, check.path("interval").asInt());
    assertEquals(5, check.path("timeout").asInt());
    assertEquals(3, check.path("healthy_threshold").asInt());
    assertEquals(3, check.path("unhealthy_threshold").asInt());
  }

  @Test
  void networkDefaultsAreTcpWithATcpCheck() {
    JsonNode tg = group(LoadBalancerKind.NETWORK, TargetGroupProps.builder(8000).targetType(TargetType.INSTANCE).build());
    assertEquals("TCP", tg.path("protocol").asText());
    assertEquals("instance", tg.path("target_type").asText());
    assertEquals("TCP", tg.at("/health_check/protocol").asText());
    assertTrue(tg.at("/health_check/path").isMissingNode());
    assertTrue(tg.at("/health_check/matcher").isMissingNode());
  }

  @Test
  void optionsAreApplied() {
    JsonNode tg = group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(3000)
        .protocol(TargetProtocol.HTTPS).deregistrationDelaySeconds(10)
        .healthCheck(HealthCheck.builder().path("/api/health").matcher("200").intervalSeconds(15).timeoutSeconds(10)
            .healthyThreshold(2).unhealthyThreshold(5).build())
        .build());
    assertEquals("HTTPS", tg.path("protocol").asText());
    assertEquals("10", tg.path("deregistration_delay").asText());
    JsonNode check = tg.path("health_check");
    assertEquals("HTTPS", check.path("protocol").asText());
    assertEquals("/api/health", check.path("path").asText());
    assertEquals("200", check.path("matcher").asText());
    assertEquals(15, check.path("interval").asInt());
    assertEquals(10, check.path("timeout").asInt());
    assertEquals(2, check.path("healthy_threshold").asInt());
    assertEquals(5, check.path("unhealthy_threshold").asInt());

    JsonNode nlbHttpCheck = group(LoadBalancerKind.NETWORK, TargetGroupProps.builder(8000).healthCheck(HealthCheck.http("/health")).build());
    assertEquals("HTTP", nlbHttpCheck.at("/health_check/protocol").asText());
    assertEquals("/health", nlbHttpCheck.at("/health_check/path").asText());
  }

  @Test
  void aSettingThatReplacesTheGroupChangesItsName() {
    String a = group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(8000).build()).path("name").asText();
    String b = group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(8001).build()).path("name").asText();
    String c = group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(8000).targetType(TargetType.INSTANCE).build()).path("name").asText();
    assertNotEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(a, group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(8000).build()).path("name").asText(), "stable");
  }

  @Test
  void badInputIsRefused() {
    assertEquals("port = 0 is invalid: allowed range is 1..65535",
        assertThrows(IllegalArgumentException.class, () -> TargetGroupProps.builder(0).build()).getMessage());
    assertEquals("port = 70000 is invalid: allowed range is 1..65535",
        assertThrows(IllegalArgumentException.class, () -> TargetGroupProps.builder(70000).build()).getMessage());
    assertEquals("healthCheck.healthyThreshold = 1 is invalid: allowed range is 2..10",
        assertThrows(IllegalArgumentException.class, () -> HealthCheck.builder().healthyThreshold(1).build()).getMessage());
    assertEquals("healthCheck.unhealthyThreshold = 11 is invalid: allowed range is 2..10",
        assertThrows(IllegalArgumentException.class, () -> HealthCheck.builder().unhealthyThreshold(11).build()).getMessage());
    assertEquals("healthCheck.timeoutSeconds = 30 is invalid: must be less than healthCheck.intervalSeconds = 30",
        assertThrows(IllegalArgumentException.class, () -> HealthCheck.builder().timeoutSeconds(30).build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HealthCheck.http("health")).getMessage()
        .startsWith("healthCheck.path = \"health\" is invalid: a path starting with \"/\""));
    assertThrows(IllegalArgumentException.class, () -> HealthCheck.builder().protocol(TargetProtocol.TCP).path("/").build());
    assertThrows(IllegalArgumentException.class, () -> HealthCheck.builder().matcher("ok").build());
    assertThrows(IllegalArgumentException.class, () -> HealthCheck.builder().protocol(TargetProtocol.UDP).build());
    assertThrows(IllegalArgumentException.class, () -> TargetGroupProps.builder(80).deregistrationDelaySeconds(4000).build());

    var tcpOnAlb = assertThrows(IllegalArgumentException.class,
        () -> group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(80).protocol(TargetProtocol.TCP).build()));
    assertEquals("protocol = TCP is invalid: an application load balancer forwards [HTTP, HTTPS]", tcpOnAlb.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> group(LoadBalancerKind.NETWORK, TargetGroupProps.builder(80).protocol(TargetProtocol.HTTP).build()));
    assertThrows(IllegalArgumentException.class,
        () -> group(LoadBalancerKind.APPLICATION, TargetGroupProps.builder(80).healthCheck(HealthCheck.tcp()).build()));
  }
}
