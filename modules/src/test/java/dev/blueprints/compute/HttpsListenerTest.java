package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Certificate;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HTTPS listeners with a TLS policy, SNI certificates, host/path rules and fixed responses. */
class HttpsListenerTest {
  private static final Certificate MAIN = Certificate.fromArn(LoadBalancerTest.CERT);
  private static final Certificate OTHER = Certificate.fromArn("arn:aws:acm:eu-west-1:123456789012:certificate/99999999-1111-2222-3333-444455556666");

  private static JsonNode first(JsonNode node) {
    return node.isArray() ? node.get(0) : node;
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void policyCertificatesRulesAndFixedResponsesAreWritten() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
    TargetGroup web = alb.addTargetGroup("Web", TargetGroupProps.builder(3000).healthCheck(HealthCheck.http("/")).build());
    TargetGroup api = alb.addTargetGroup("Api", TargetGroupProps.builder(8000).healthCheck(HealthCheck.http("/health")).build());
    Listener https = alb.addHttpsListener(HttpsListenerProps.builder(MAIN, ListenerAction.fixedResponse(404, "text/plain", "Not found"))
        .tlsPolicy(TlsPolicy.TLS13_ONLY).certificate(OTHER).build());
    https.addRule(10, ListenerCondition.hosts("api.example.com").andPaths("/v1/*"), ListenerAction.forward(api));
    https.addRule(20, ListenerCondition.hosts("www.example.com", "example.com"), ListenerAction.forward(web));
    https.addRule(30, ListenerCondition.paths("/admin/*"), ListenerAction.fixedResponse(403, "application/json", "{\"error\":\"forbidden\"}"));
    Synthesized json = Synthesized.of(stack);

    JsonNode listener = json.only("aws_lb_listener", "port", 443);
    assertEquals("ELBSecurityPolicy-TLS13-1-3-2021-06", listener.path("ssl_policy").asText());
    assertEquals(MAIN.arn(), listener.path("certificate_arn").asText());
    JsonNode fixed = first(listener.path("default_action"));
    assertEquals("fixed-response", fixed.path("type").asText());
    assertEquals("404", first(fixed.path("fixed_response")).path("status_code").asText());
    assertEquals(2, json.count("aws_lb_listener"), "443 and the redirect on 80");

    JsonNode sni = json.only("aws_lb_listener_certificate");
    assertEquals(OTHER.arn(), sni.path("certificate_arn").asText());
    String listenerArn = json.ref("aws_lb_listener", listener, "arn");
    assertEquals(listenerArn, sni.path("listener_arn").asText());

    assertEquals(3, json.count("aws_lb_listener_rule"));
    JsonNode apiRule = json.only("aws_lb_listener_rule", "priority", 10);
    assertEquals(listenerArn, apiRule.path("listener_arn").asText());
    JsonNode action = first(apiRule.path("action"));
    assertEquals("forward", action.path("type").asText());
    assertEquals(json.ref("aws_lb_target_group", json.only("aws_lb_target_group", "port", 8000), "arn"), action.path("target_group_arn").asText());
    JsonNode conditions = apiRule.path("condition");
    assertEquals(2, conditions.size());
    assertEquals("api.example.com", first(conditions.get(0).path("host_header")).path("values").get(0).asText());
    assertEquals("/v1/*", first(conditions.get(1).path("path_pattern")).path("values").get(0).asText());
    JsonNode admin = first(json.only("aws_lb_listener_rule", "priority", 30).path("action"));
    assertEquals("403", first(admin.path("fixed_response")).path("status_code").asText());
    assertEquals("application/json", first(admin.path("fixed_response")).path("content_type").asText());
    assertEquals(List.of(10, 20, 30), List.copyOf(https.rules().keySet()));
  }

  @Test
  void theOriginalShapeIsUnchangedAndBadRulesFail() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
    TargetGroup web = alb.addTargetGroup("Web", TargetGroupProps.builder(3000).healthCheck(HealthCheck.http("/")).build());
    Listener https = alb.addHttpsListener(LoadBalancerTest.CERT, web);
    Synthesized json = Synthesized.of(stack);
    assertEquals(LoadBalancer.SSL_POLICY, json.only("aws_lb_listener", "port", 443).path("ssl_policy").asText());
    assertEquals(0, json.count("aws_lb_listener_certificate"));

    https.addRule(5, ListenerCondition.paths("/a"), ListenerAction.forward(web));
    assertTrue(message(() -> https.addRule(5, ListenerCondition.paths("/b"), ListenerAction.forward(web)))
        .startsWith("priority = 5 is invalid: unique on listener 443; taken: [5]"));
    assertTrue(message(() -> ListenerCondition.hosts("a.example.com", "b", "c", "d").andPaths("/x", "/y"))
        .contains("at most 5 host and path values per rule"));
    assertTrue(message(() -> ListenerCondition.paths("admin/*")).startsWith("paths[0] = \"admin/*\" is invalid"));
    assertTrue(message(() -> ListenerAction.fixedResponse(302, "text/plain", "")).startsWith("statusCode = 302 is invalid"));
    assertTrue(message(() -> ListenerAction.fixedResponse(200, "image/png", "")).startsWith("contentType = \"image/png\" is invalid"));
    LoadBalancer other = new LoadBalancer(stack, "Other", LoadBalancerTest.albProps().build());
    TargetGroup foreign = other.addTargetGroup("X", TargetGroupProps.builder(3000).healthCheck(HealthCheck.http("/")).build());
    assertTrue(message(() -> https.addRule(6, ListenerCondition.paths("/c"), ListenerAction.forward(foreign)))
        .startsWith("defaultTarget = "));
    Certificate us = Certificate.fromArn(LoadBalancerTest.CERT.replace("eu-west-1", "us-east-1"));
    assertTrue(message(() -> other.addHttpsListener(HttpsListenerProps.builder(MAIN, ListenerAction.forward(foreign)).certificate(us).build()))
        .startsWith("certificates = "));
    assertTrue(message(() -> HttpsListenerProps.builder(MAIN, ListenerAction.forward(web)).certificate(MAIN).build())
        .contains("each certificate once"));
  }
}
