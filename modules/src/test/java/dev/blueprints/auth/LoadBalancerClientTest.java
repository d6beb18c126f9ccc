package dev.blueprints.auth;

import static dev.blueprints.testing.Fixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The app client a user pool makes for an application load balancer's authenticate-cognito action. */
class LoadBalancerClientTest {
  private static String message(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void aConfidentialCodeFlowClientWithTheLoadBalancerCallbackAndTheDomainItNeeds() {
    BlueprintStack stack = Fixtures.stack("auth");
    UserPool users = new UserPool(stack, "Users", UserPoolProps.builder().build());
    LoadBalancerClient client = users.addLoadBalancerClient("Alb", LoadBalancerClientProps.builder(List.of("app.example.com", "www.example.com"))
        .domainPrefix("acme-app").scope("email").build());
    Synthesized json = Synthesized.of(stack);

    JsonNode lbClient = json.only("aws_cognito_user_pool_client", "name", "acme-test-dev-users-alb");
    assertTrue(lbClient.path("generate_secret").asBoolean(), "the load balancer is a confidential client");
    assertTrue(lbClient.path("allowed_oauth_flows_user_pool_client").asBoolean());
    assertEquals(List.of("code"), texts(lbClient.path("allowed_oauth_flows")));
    assertEquals(List.of("openid", "email"), texts(lbClient.path("allowed_oauth_scopes")));
    assertEquals(List.of("COGNITO"), texts(lbClient.path("supported_identity_providers")));
    assertEquals(List.of("https://app.example.com/oauth2/idpresponse", "https://www.example.com/oauth2/idpresponse"),
        texts(lbClient.path("callback_urls")));
    assertEquals(List.of("ALLOW_REFRESH_TOKEN_AUTH"), texts(lbClient.path("explicit_auth_flows")), "no password flows");
    String poolId = json.ref("aws_cognito_user_pool", json.only("aws_cognito_user_pool"), "id");
    assertEquals(poolId, lbClient.path("user_pool_id").asText());
    JsonNode domain = json.only("aws_cognito_user_pool_domain");
    assertEquals("acme-app", domain.path("domain").asText());
    assertEquals(poolId, domain.path("user_pool_id").asText());

    JsonNode webClient = json.only("aws_cognito_user_pool_client", "name", "acme-test-dev-users-web");
    assertEquals(false, webClient.path("generate_secret").asBoolean(), "the web client stays public");
    assertEquals(List.of("openid", "email"), client.scopes());
    assertEquals("Domain", users.domain().getNode().getId(), "the pool's domain is the one created for the client");
  }

  @Test
  void badClientsFailBeforeAnythingIsWritten() {
    BlueprintStack stack = Fixtures.stack("auth");
    UserPool bare = new UserPool(stack, "Bare", UserPoolProps.builder().build());
    UserPool hosted = new UserPool(stack, "Hosted", UserPoolProps.builder().domainPrefix("acme-hosted").build());
    LoadBalancerClientProps plain = LoadBalancerClientProps.builder(List.of("app.example.com")).build();
    assertTrue(message(() -> bare.addLoadBalancerClient("Alb", plain)).startsWith("domainPrefix = null is invalid: the load balancer signs users in"));
    assertTrue(message(() -> bare.addLoadBalancerClient("Domain", plain)).startsWith("id = \"Domain\" is invalid"));
    assertTrue(message(() -> hosted.addLoadBalancerClient("Alb", LoadBalancerClientProps.builder(List.of("app.example.com")).domainPrefix("acme-x").build()))
        .startsWith("domainPrefix = \"acme-x\" is invalid: unset: "));
    assertTrue(message(() -> LoadBalancerClientProps.builder(List.of("https://app.example.com")).build())
        .startsWith("domains[0] = \"https://app.example.com\" is invalid: a lowercase DNS name"));
    assertTrue(message(() -> LoadBalancerClientProps.builder(List.of()).build()).startsWith("domains = [] is invalid"));
    assertTrue(message(() -> LoadBalancerClientProps.builder(List.of("app.example.com")).scope("admin").build())
        .startsWith("scopes = \"admin\" is invalid"));
    assertTrue(message(() -> LoadBalancerClientProps.builder(List.of("app.example.com")).domainPrefix("my-aws-login").build())
        .startsWith("domainPrefix = \"my-aws-login\" is invalid"));
    hosted.addLoadBalancerClient("Alb", plain);
    assertTrue(message(() -> hosted.addLoadBalancerClient("Alb", plain)).startsWith("id = \"Alb\" is invalid: already used"));
    assertEquals(1, Synthesized.of(stack).count("aws_cognito_user_pool_domain"), "only the hosted pool's domain");
  }
}
