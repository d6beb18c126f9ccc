package dev.blueprints.blueprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.app.Selection;
import dev.blueprints.blueprints.apiecs.ApiEcsBlueprint;
import dev.blueprints.blueprints.fargateweb.FargateWebBlueprint;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HTTPS from a domain in settings ({@code src/test/resources/settings-domain}): certificate, DNS validation,
 * HTTPS listener, redirect and alias records, wired to each other by reference; without a domain, none of it.
 */
class DomainBlueprintTest {
  private static final String ZONE_ID = "Z0123456789ABCDEFGHIJ";
  private final AppSynth app = AppSynth.of(new Selection(Blueprints.ids(), List.of("dev"), Ec2ApplicationTest.DOMAIN_SETTINGS));

  /** Public load balancers by stack, construct path fragment and record name; null zone id: looked up by name. */
  record Endpoint(String stack, String lb, String name, String zoneId) {}

  private static final List<Endpoint> NEW_CERTIFICATES = List.of(
      new Endpoint("three-tier-dev-compute", "PublicLoadBalancer/", "portfolio.example.com", ZONE_ID),
      new Endpoint("asg-web-dev-compute", "LoadBalancer/", "www.example.com", null),
      new Endpoint("fargate-web-dev-compute", "FrontendLoadBalancer/", "shop.example.com", null),
      new Endpoint("fargate-web-dev-compute", "BackendLoadBalancer/", "shop-api.example.com", null));

  @Test
  void eachPublicLoadBalancerGetsAValidatedCertificateHttpsRedirectAndAliasRecords() {
    for (Endpoint e : NEW_CERTIFICATES) {
      Synthesized json = app.stack(e.stack());
      String domain = e.lb().replace("/", "Domain/");
      JsonNode certificate = json.byPath("aws_acm_certificate", domain);
      assertEquals(e.name(), certificate.path("domain_name").asText());
      assertEquals("DNS", certificate.path("validation_method").asText());
      if (e.zoneId() == null) {
        json.root().path("data").path("aws_route53_zone").forEach(z -> assertEquals("example.com", z.path("name").asText()));
      }
      String zoneOfDomain = zoneOf(json, domain);
      if (e.zoneId() != null) assertEquals(e.zoneId(), zoneOfDomain);
      else assertTrue(zoneOfDomain.startsWith("${data.aws_route53_zone.") && zoneOfDomain.endsWith(".zone_id}"), zoneOfDomain);

      JsonNode validationRecord = record(json, domain, "CertificateValidationRecord");
      assertEquals(zoneOfDomain, validationRecord.path("zone_id").asText());
      assertTrue(validationRecord.path("name").asText().contains(json.ref("aws_acm_certificate", certificate, "domain_validation_options")
          .replaceAll("^\\$\\{|}$", "")), validationRecord.toString());
      JsonNode validation = json.byPath("aws_acm_certificate_validation", domain);
      assertEquals(json.ref("aws_acm_certificate", certificate, "arn"), validation.path("certificate_arn").asText());
      assertEquals(json.ref("aws_route53_record", validationRecord, "fqdn"), validation.path("validation_record_fqdns").get(0).asText());

      JsonNode lb = json.byPath("aws_lb", e.lb());
      String lbArn = json.ref("aws_lb", lb, "arn");
      JsonNode https = only(json.where("aws_lb_listener", Map.of("load_balancer_arn", lbArn, "port", 443)));
      assertEquals("HTTPS", https.path("protocol").asText());
      assertEquals(LoadBalancer.SSL_POLICY, https.path("ssl_policy").asText());
      assertEquals(json.ref("aws_acm_certificate_validation", validation, "certificate_arn"), https.path("certificate_arn").asText());
      JsonNode http = only(json.where("aws_lb_listener", Map.of("load_balancer_arn", lbArn, "port", 80)));
      assertEquals("redirect", Synthesized.at(http, "default_action.0.type").asText());
      assertEquals("HTTPS", Synthesized.at(http, "default_action.0.redirect.protocol").asText());
      assertEquals("HTTP_301", Synthesized.at(http, "default_action.0.redirect.status_code").asText());

      JsonNode alias = record(json, domain, "AliasA");
      assertEquals(e.name(), alias.path("name").asText());
      assertEquals("A", alias.path("type").asText());
      assertEquals(zoneOfDomain, alias.path("zone_id").asText());
      assertEquals(json.ref("aws_lb", lb, "dns_name"), Synthesized.at(alias, "alias.name").asText());
      assertEquals(json.ref("aws_lb", lb, "zone_id"), Synthesized.at(alias, "alias.zone_id").asText());
      assertEquals("ipv4", lb.path("ip_address_type").asText(), "IPv4 load balancers: no AAAA record");
      assertTrue(json.where("aws_route53_record", Map.of("type", "AAAA")).isEmpty());
    }
  }

  @Test
  void anExistingCertificateIsServedAndOnlyTheAliasIsCreated() {
    Synthesized json = app.stack("ecs-cluster-dev-compute");
    assertEquals(0, json.count("aws_acm_certificate"));
    JsonNode https = json.only("aws_lb_listener", "port", 443);
    assertEquals("arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789", https.path("certificate_arn").asText());
    JsonNode alias = json.only("aws_route53_record");
    assertEquals("ecs.example.com", alias.path("name").asText());
    assertEquals(json.ref("aws_lb", json.only("aws_lb"), "dns_name"), Synthesized.at(alias, "alias.name").asText());
  }

  @Test
  void theFrontendCallsTheBackendByItsNameOverHttpsOnly() throws Exception {
    Synthesized json = app.stack("fargate-web-dev-compute");
    JsonNode task = json.byPath("aws_ecs_task_definition", "Frontend/");
    JsonNode container = Synthesized.JSON.readTree(task.path("container_definitions").asText()).get(0);
    String url = null;
    for (JsonNode env : container.path("environment")) if (env.path("name").asText().equals("NEXT_PUBLIC_API_URL")) url = env.path("value").asText();
    assertEquals("https://shop-api.example.com", url);
    String frontendGroup = BlueprintAssertions.groupOf(app, "fargate-web-dev-compute", json.byPath("aws_ecs_service", "Frontend/"));
    json.resources("aws_vpc_security_group_egress_rule").values().forEach(r -> {
      if (app.resolve("fargate-web-dev-compute", r.path("security_group_id").asText()).equals(frontendGroup)) {
        assertEquals(443, r.path("from_port").asInt(), "HTTPS out only: " + r);
      }
    });
  }

  @Test
  void theRestApiGetsItsCustomDomainMappedToItsStage() {
    Synthesized json = app.stack("api-ecs-dev-edge");
    JsonNode domain = json.only("aws_api_gateway_domain_name");
    assertEquals("api.example.com", domain.path("domain_name").asText());
    assertEquals("TLS_1_2", domain.path("security_policy").asText());
    assertEquals("REGIONAL", Synthesized.at(domain, "endpoint_configuration.types.0").asText());
    JsonNode validation = json.only("aws_acm_certificate_validation");
    assertEquals(json.ref("aws_acm_certificate_validation", validation, "certificate_arn"), domain.path("regional_certificate_arn").asText());
    assertEquals("api.example.com", json.only("aws_acm_certificate").path("domain_name").asText());
    JsonNode mapping = json.only("aws_api_gateway_base_path_mapping");
    assertEquals(json.ref("aws_api_gateway_rest_api", json.only("aws_api_gateway_rest_api"), "id"), mapping.path("api_id").asText());
    assertEquals(json.ref("aws_api_gateway_stage", json.only("aws_api_gateway_stage"), "stage_name"), mapping.path("stage_name").asText());
    assertEquals(json.ref("aws_api_gateway_domain_name", domain, "domain_name"), mapping.path("domain_name").asText());
    JsonNode alias = json.only("aws_route53_record", "type", "A");
    assertEquals(ZONE_ID, alias.path("zone_id").asText());
    assertEquals(json.ref("aws_api_gateway_domain_name", domain, "regional_domain_name"), Synthesized.at(alias, "alias.name").asText());
    assertEquals(json.ref("aws_api_gateway_domain_name", domain, "regional_zone_id"), Synthesized.at(alias, "alias.zone_id").asText());
  }

  @Test
  void withoutADomainThereIsNoCertificateNorRecord() {
    AppSynth committed = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    committed.stacks().forEach((id, json) -> {
      for (String type : List.of("aws_acm_certificate", "aws_route53_record", "aws_api_gateway_domain_name")) {
        assertEquals(0, json.count(type), id + " " + type);
      }
    });
    // The committed settings choose plain HTTP by name: port 80 forwards, nothing listens on 443.
    Synthesized compute = committed.stack("asg-web-prod-compute");
    assertEquals("forward", Synthesized.at(compute.only("aws_lb_listener", "port", 80), "default_action.0.type").asText());
    assertTrue(compute.where("aws_lb_listener", Map.of("port", 443)).isEmpty());
  }

  @Test
  void aProdPlainHttpListenerStaysInThePolicyReportAndADomainLeavesNone() throws Exception {
    JsonNode committed = Synthesized.JSON.readTree(AppSynth.of(Blueprints.ids(), List.of("dev", "prod")).outdir()
        .resolve("policy-report.json").toFile());
    assertTrue(plainHttpFindings(committed).contains("asg-web-prod-compute"), committed.toString());
    JsonNode withDomain = Synthesized.JSON.readTree(app.outdir().resolve("policy-report.json").toFile());
    List<String> stacks = plainHttpFindings(withDomain);
    for (String stack : List.of("asg-web-dev-compute", "fargate-web-dev-compute", "ecs-cluster-dev-compute")) {
      assertTrue(!stacks.contains(stack), stack + " still serves plain HTTP: " + stacks);
    }
  }

  private static List<String> plainHttpFindings(JsonNode report) {
    List<String> stacks = new java.util.ArrayList<>();
    report.path("findings").forEach(f -> {
      if (f.path("ruleId").asText().equals("BP-LB-003") && !f.path("suppressed").asBoolean()) stacks.add(f.path("stack").asText());
    });
    return stacks;
  }

  @Test
  void badDomainSettingsNameThePathTheValueAndWhatIsAllowed() {
    ObjectNode options = Synthesized.JSON.createObjectNode();
    options.putObject("domain").put("hostedZoneName", "example.com").put("recordName", "shop.example.org");
    assertEquals("blueprints.asg-web.domain.recordName = \"shop.example.org\" is invalid: a name in hosted zone example.com"
        + " (example.com or <label>.example.com)",
        assertThrows(IllegalArgumentException.class, () -> WebListeners.read(node(options), "asg-web")).getMessage());

    options.putObject("domain").put("hostedZoneName", "example.com").put("recordName", "shop.example.com");
    options.put("allowPlainHttp", true);
    assertEquals("blueprints.asg-web.allowPlainHttp = true is invalid: absent or false with a domain: the domain is served over HTTPS"
        + " and HTTP redirects to it",
        assertThrows(IllegalArgumentException.class, () -> WebListeners.read(node(options), "asg-web")).getMessage());
    options.remove("allowPlainHttp");
    assertEquals("blueprints.fargate-web.domain.backendRecordName = null is invalid: the DNS name clients use, e.g. shop.example.com",
        assertThrows(IllegalArgumentException.class,
            () -> WebListeners.read(node(options), "fargate-web", FargateWebBlueprint.BACKEND_RECORD)).getMessage());

    options.putObject("domain").put("hostedZoneName", "example.com").put("recordName", "shop.example.com")
        .put(FargateWebBlueprint.BACKEND_RECORD, "Shop.example.com.");
    assertEquals("blueprints.fargate-web.domain.backendRecordName = \"Shop.example.com.\" is invalid: a name of its own:"
        + " blueprints.fargate-web.domain.recordName already uses it",
        assertThrows(IllegalArgumentException.class,
            () -> WebListeners.read(node(options), "fargate-web", FargateWebBlueprint.BACKEND_RECORD)).getMessage());

    options.putObject("domain").put("hostedZoneId", "example.com").put("recordName", "shop.example.com");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> WebListeners.read(node(options), "asg-web")).getMessage()
        .startsWith("blueprints.asg-web.domain.hostedZoneId = \"example.com\" is invalid: a Route 53 hosted zone id"));
    options.putObject("domain").put("hostedZoneId", ZONE_ID).put("hostedZoneName", "example.com").put("recordName", "shop.example.com");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> WebListeners.read(node(options), "asg-web")).getMessage()
        .startsWith("blueprints.asg-web.domain.hostedZoneId = \"Z0123456789ABCDEFGHIJ\" is invalid: exactly one of"));

    ObjectNode api = Synthesized.JSON.createObjectNode();
    api.putObject("images").putObject("backend").put("tag", "1.0.0");
    api.put("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/abc");
    assertEquals("blueprints.api-ecs.certificateArn = \"arn:aws:acm:us-east-1:123456789012:certificate/abc\" is invalid: only with a"
        + " \"domain\": the certificate is for the API's custom domain",
        assertThrows(IllegalArgumentException.class, () -> new ApiEcsBlueprint().addTo(new com.hashicorp.cdktf.App(), null,
            new SettingsNode("dev.json", "blueprints.api-ecs", api))).getMessage());
  }

  private static SettingsNode node(JsonNode options) {
    return new SettingsNode("dev.json", "blueprints.x", options);
  }

  private static String zoneOf(Synthesized json, String domain) {
    return record(json, domain, "AliasA").path("zone_id").asText();
  }

  private static JsonNode record(Synthesized json, String domain, String id) {
    return json.byPath("aws_route53_record", domain + id);
  }

  private static JsonNode only(List<JsonNode> nodes) {
    assertEquals(1, nodes.size(), nodes.toString());
    return nodes.get(0);
  }
}
