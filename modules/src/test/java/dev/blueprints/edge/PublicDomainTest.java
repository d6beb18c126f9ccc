package dev.blueprints.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.auth.UserPool;
import dev.blueprints.auth.UserPoolProps;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.compute.TargetGroupProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.Map;
import dev.blueprints.compute.HttpsListenerProps;
import dev.blueprints.compute.ListenerAction;
import org.junit.jupiter.api.Test;

class PublicDomainTest {
  private static final String ZONE = "Z0123456789ABCDEFGHIJ";

  private static LoadBalancer alb(BlueprintStack stack, Network network) {
    return new LoadBalancer(stack, "Web", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, network.vpcId(),
        network.subnets(SubnetTier.PUBLIC)).internetFacing().build());
  }

  @Test
  void certificateIsValidatedInTheZoneAndTheHttpsListenerUsesTheValidatedArn() {
    BlueprintStack stack = Fixtures.stack("edge");
    LoadBalancer lb = alb(stack, Fixtures.network(stack));
    var target = lb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    PublicDomain domain = new PublicDomain(stack, "Domain", PublicDomainProps.inZone(ZONE, "Shop.Example.com."));
    lb.addHttpsListener(domain.certificateArn(), target);
    domain.aliasTo(lb);
    Synthesized json = Synthesized.of(stack);

    JsonNode certificate = json.only("aws_acm_certificate");
    assertEquals("shop.example.com", certificate.path("domain_name").asText());
    assertEquals("DNS", certificate.path("validation_method").asText());
    assertTrue(certificate.at("/lifecycle/create_before_destroy").asBoolean());
    JsonNode record = json.only("aws_route53_record", "ttl", 60);
    assertEquals(ZONE, record.path("zone_id").asText());
    String options = "tolist(" + json.ref("aws_acm_certificate", certificate, "domain_validation_options").replaceAll("^\\$\\{|}$", "") + ").0";
    assertEquals("${" + options + ".resource_record_name}", record.path("name").asText(), record.toString());
    assertEquals("${" + options + ".resource_record_type}", record.path("type").asText());
    assertEquals("${" + options + ".resource_record_value}", record.path("records").get(0).asText());
    JsonNode validation = json.only("aws_acm_certificate_validation");
    assertEquals(json.ref("aws_acm_certificate", certificate, "arn"), validation.path("certificate_arn").asText());
    assertEquals(json.ref("aws_route53_record", record, "fqdn"), validation.path("validation_record_fqdns").get(0).asText());

    JsonNode https = json.only("aws_lb_listener", "port", 443);
    assertEquals(json.ref("aws_acm_certificate_validation", validation, "certificate_arn"), https.path("certificate_arn").asText());
    assertEquals(LoadBalancer.SSL_POLICY, https.path("ssl_policy").asText());
    JsonNode redirect = json.only("aws_lb_listener", "port", 80);
    assertEquals("HTTPS", Synthesized.at(redirect, "default_action.0.redirect.protocol").asText());

    JsonNode a = json.only("aws_route53_record", "type", "A");
    JsonNode albNode = json.only("aws_lb");
    assertEquals("shop.example.com", a.path("name").asText());
    assertEquals(ZONE, a.path("zone_id").asText());
    assertEquals(json.ref("aws_lb", albNode, "dns_name"), Synthesized.at(a, "alias.name").asText());
    assertEquals(json.ref("aws_lb", albNode, "zone_id"), Synthesized.at(a, "alias.zone_id").asText());
    assertTrue(Synthesized.at(a, "alias.evaluate_target_health").asBoolean());
    assertTrue(json.where("aws_route53_record", Map.of("type", "AAAA")).isEmpty(), "the load balancer is IPv4 only");
  }

  @Test
  void theCertificateIsTheValidatedArnAsACertificateForHttpsListenerProps() {
    BlueprintStack stack = Fixtures.stack("edge");
    PublicDomain domain = new PublicDomain(stack, "Domain", PublicDomainProps.inZone(ZONE, "shop.example.com"));
    assertEquals(domain.certificateArn(), domain.certificate().arn());
    LoadBalancer lb = alb(stack, Fixtures.network(stack));
    lb.addHttpsListener(HttpsListenerProps.builder(domain.certificate(),
        ListenerAction.forward(lb.addTargetGroup("App", TargetGroupProps.builder(8000).build()))).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode validation = json.only("aws_acm_certificate_validation");
    assertEquals(json.ref("aws_acm_certificate_validation", validation, "certificate_arn"),
        json.only("aws_lb_listener", "port", 443).path("certificate_arn").asText());
    assertEquals(json.ref("aws_acm_certificate", json.only("aws_acm_certificate"), "arn"),
        "${aws_acm_certificate." + domain.certificateResource().getFriendlyUniqueId() + ".arn}");
  }

  @Test
  void aZoneNameIsLookedUpAndAnExistingCertificateIsUsedAsIs() {
    BlueprintStack stack = Fixtures.stack("edge");
    LoadBalancer lb = alb(stack, Fixtures.network(stack));
    String arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc-123";
    PublicDomain domain = new PublicDomain(stack, "Domain", PublicDomainProps.inZoneNamed("example.com", "example.com").withCertificate(arn));
    domain.aliasTo(lb);
    Synthesized json = Synthesized.of(stack);
    assertEquals(arn, domain.certificateArn());
    assertEquals(0, json.count("aws_acm_certificate"));
    assertEquals(0, json.count("aws_acm_certificate_validation"));
    JsonNode zone = json.dataSources("aws_route53_zone").values().iterator().next();
    assertEquals("example.com", zone.path("name").asText());
    assertEquals(false, zone.path("private_zone").asBoolean(true));
    JsonNode a = json.only("aws_route53_record");
    assertTrue(a.path("zone_id").asText().matches("\\$\\{data\\.aws_route53_zone\\..+\\.zone_id}"), a.path("zone_id").asText());
  }

  @Test
  void aRestApiGetsARegionalCustomDomainWithItsStageMappedAndAnAlias() {
    BlueprintStack stack = Fixtures.stack("edge");
    Network network = Fixtures.network(stack);
    LoadBalancer nlb = new LoadBalancer(stack, "Nlb", LoadBalancerProps.builder(LoadBalancerKind.NETWORK, network.vpcId(),
        network.subnets(SubnetTier.PRIVATE)).build());
    UserPool pool = new UserPool(stack, "Users", UserPoolProps.builder().build());
    RestApi api = new RestApi(stack, "Api", RestApiProps.builder().authorizer(pool).vpcLinkBackend(nlb, 8000).build());
    new PublicDomain(stack, "Domain", PublicDomainProps.inZone(ZONE, "api.example.com")).mapRestApi(api);
    Synthesized json = Synthesized.of(stack);

    JsonNode domain = json.only("aws_api_gateway_domain_name");
    assertEquals("api.example.com", domain.path("domain_name").asText());
    assertEquals("TLS_1_2", domain.path("security_policy").asText());
    assertEquals("REGIONAL", Synthesized.at(domain, "endpoint_configuration.types.0").asText());
    assertEquals(json.ref("aws_acm_certificate_validation", json.only("aws_acm_certificate_validation"), "certificate_arn"),
        domain.path("regional_certificate_arn").asText());
    JsonNode mapping = json.only("aws_api_gateway_base_path_mapping");
    assertEquals(json.ref("aws_api_gateway_rest_api", json.only("aws_api_gateway_rest_api"), "id"), mapping.path("api_id").asText());
    assertEquals(json.ref("aws_api_gateway_stage", json.only("aws_api_gateway_stage"), "stage_name"), mapping.path("stage_name").asText());
    assertEquals(json.ref("aws_api_gateway_domain_name", domain, "domain_name"), mapping.path("domain_name").asText());
    JsonNode a = json.only("aws_route53_record", "type", "A");
    assertEquals(json.ref("aws_api_gateway_domain_name", domain, "regional_domain_name"), Synthesized.at(a, "alias.name").asText());
    assertEquals(json.ref("aws_api_gateway_domain_name", domain, "regional_zone_id"), Synthesized.at(a, "alias.zone_id").asText());
  }

  @Test
  void badInputIsRefused() {
    assertEquals("hostedZoneId = null is invalid: exactly one of hostedZoneId (Z...) or hostedZoneName (example.com)",
        assertThrows(IllegalArgumentException.class, () -> PublicDomainProps.builder("a.example.com").build()).getMessage());
    assertEquals("recordName = \"shop.example.org\" is invalid: a name in hosted zone example.com (example.com or <label>.example.com)",
        assertThrows(IllegalArgumentException.class, () -> PublicDomainProps.inZoneNamed("example.com", "shop.example.org")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PublicDomainProps.inZone("zone-1", "a.example.com")).getMessage()
        .startsWith("hostedZoneId = \"zone-1\" is invalid"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PublicDomainProps.inZone(ZONE, "*.example.com")).getMessage()
        .startsWith("recordName = \"*.example.com\" is invalid"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PublicDomainProps.inZone(ZONE, "a.example.com").withCertificate("cert"))
        .getMessage().startsWith("certificateArn = \"cert\" is invalid"));
    BlueprintStack stack = Fixtures.stack("edge");
    Network network = Fixtures.network(stack);
    LoadBalancer internal = new LoadBalancer(stack, "Internal", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, network.vpcId(),
        network.subnets(SubnetTier.PRIVATE)).build());
    PublicDomain domain = new PublicDomain(stack, "Domain", PublicDomainProps.inZone(ZONE, "a.example.com"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> domain.aliasTo(internal)).getMessage().contains("an internet-facing load balancer"));
  }
}
