package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import dev.blueprints.auth.LoadBalancerClient;
import dev.blueprints.auth.LoadBalancerClientProps;
import dev.blueprints.auth.UserPool;
import dev.blueprints.auth.UserPoolProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Certificate;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.policy.Finding;
import dev.blueprints.policy.Policy;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Authenticate-then-forward actions (Cognito and OpenID Connect) on HTTPS listeners and their rules. */
class AuthenticateActionTest {
  private static final Certificate CERT = Certificate.fromArn(LoadBalancerTest.CERT);
  private static final String ISSUER = "https://idp.example.com";

  private static String message(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  private static TargetGroup target(LoadBalancer lb, String id, int port) {
    return lb.addTargetGroup(id, TargetGroupProps.builder(port).healthCheck(HealthCheck.http("/health")).build());
  }

  private static IdentityProvider oidc(String clientSecret) {
    return IdentityProvider.oidc(ISSUER, ISSUER + "/authorize", ISSUER + "/token", ISSUER + "/userinfo", "alb-client", clientSecret);
  }

  @Test
  void cognitoSignsInBeforeTheDefaultForwardAndTheAdminRuleButNotTheHealthRule() {
    BlueprintStack stack = Fixtures.stack();
    UserPool users = new UserPool(stack, "Users", UserPoolProps.builder().build());
    LoadBalancerClient client = users.addLoadBalancerClient("Alb",
        LoadBalancerClientProps.builder(List.of("app.example.com")).domainPrefix("acme-app").build());
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
    TargetGroup web = target(alb, "Web", 3000);
    TargetGroup admin = target(alb, "Admin", 8000);
    Listener https = alb.addHttpsListener(HttpsListenerProps.builder(CERT,
        ListenerAction.authenticate(IdentityProvider.cognito(client), ListenerAction.forward(web))).build());
    https.addRule(10, ListenerCondition.paths("/admin/*"), ListenerAction.authenticate(AuthenticateProps.builder(IdentityProvider.cognito(client))
        .sessionTimeoutSeconds(3600).onUnauthenticatedRequest(UnauthenticatedAction.DENY).build(), ListenerAction.forward(admin)));
    https.addRule(20, ListenerCondition.paths("/health"), ListenerAction.forward(web));
    Synthesized json = Synthesized.of(stack);

    JsonNode pool = json.only("aws_cognito_user_pool");
    JsonNode appClient = json.only("aws_cognito_user_pool_client", "name", "acme-test-dev-users-alb");
    JsonNode domain = json.only("aws_cognito_user_pool_domain");
    JsonNode actions = json.only("aws_lb_listener", "port", 443).path("default_action");
    assertEquals(2, actions.size(), "authenticate, then forward");
    JsonNode authenticate = actions.get(0);
    assertEquals("authenticate-cognito", authenticate.path("type").asText());
    assertEquals(1, authenticate.path("order").asInt());
    JsonNode cognito = Synthesized.at(authenticate, "authenticate_cognito");
    assertEquals(json.ref("aws_cognito_user_pool", pool, "arn"), cognito.path("user_pool_arn").asText());
    assertEquals(json.ref("aws_cognito_user_pool_client", appClient, "id"), cognito.path("user_pool_client_id").asText());
    assertEquals(json.ref("aws_cognito_user_pool_domain", domain, "domain"), cognito.path("user_pool_domain").asText());
    assertEquals(AuthenticateProps.DEFAULT_SCOPE, cognito.path("scope").asText());
    assertEquals(AuthenticateProps.DEFAULT_SESSION_COOKIE_NAME, cognito.path("session_cookie_name").asText());
    assertEquals(AuthenticateProps.DEFAULT_SESSION_TIMEOUT_SECONDS, cognito.path("session_timeout").asInt());
    assertEquals("authenticate", cognito.path("on_unauthenticated_request").asText());
    assertEquals("forward", actions.get(1).path("type").asText());
    assertEquals(2, actions.get(1).path("order").asInt());
    assertEquals(json.ref("aws_lb_target_group", json.only("aws_lb_target_group", "port", 3000), "arn"),
        actions.get(1).path("target_group_arn").asText());

    JsonNode adminActions = json.only("aws_lb_listener_rule", "priority", 10).path("action");
    assertEquals(List.of("authenticate-cognito", "forward"), List.of(adminActions.get(0).path("type").asText(), adminActions.get(1).path("type").asText()));
    assertEquals(List.of(1, 2), List.of(adminActions.get(0).path("order").asInt(), adminActions.get(1).path("order").asInt()));
    JsonNode adminCognito = Synthesized.at(adminActions.get(0), "authenticate_cognito");
    assertEquals("deny", adminCognito.path("on_unauthenticated_request").asText());
    assertEquals(3600, adminCognito.path("session_timeout").asInt());
    assertEquals(json.ref("aws_cognito_user_pool_client", appClient, "id"), adminCognito.path("user_pool_client_id").asText());
    assertEquals(json.ref("aws_lb_target_group", json.only("aws_lb_target_group", "port", 8000), "arn"),
        adminActions.get(1).path("target_group_arn").asText());
    JsonNode healthActions = json.only("aws_lb_listener_rule", "priority", 20).path("action");
    assertEquals(1, healthActions.size(), "the health path is not authenticated");
    assertTrue(healthActions.get(0).path("order").isMissingNode(), "a single action carries no order");

    // The load balancer calls Cognito's token and user-info endpoints: one egress rule on 443, however many actions.
    JsonNode egress = json.only("aws_vpc_security_group_egress_rule");
    assertEquals("0.0.0.0/0", egress.path("cidr_ipv4").asText());
    assertEquals(443, egress.path("from_port").asInt());
    assertEquals(443, egress.path("to_port").asInt());
    assertEquals(json.ref("aws_security_group", json.only("aws_security_group"), "id"), egress.path("security_group_id").asText());
    assertTrue(egress.path("description").asText().startsWith("Identity provider token and user-info endpoints"));

    List<Finding> blocking = Policy.check(stack).blocking();
    assertTrue(blocking.isEmpty(), blocking.toString());
  }

  @Test
  void oidcKeepsTheClientSecretAReferenceAndWorksBeforeAFixedResponse() {
    BlueprintStack stack = Fixtures.stack();
    var secret = DataAwsSecretsmanagerSecretVersion.Builder.create(stack, "OidcSecret").secretId("alb-oidc-client").build();
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
    TargetGroup web = target(alb, "Web", 3000);
    Listener https = alb.addHttpsListener(HttpsListenerProps.builder(CERT, ListenerAction.forward(web)).build());
    https.addRule(5, ListenerCondition.paths("/me"), ListenerAction.authenticate(AuthenticateProps.builder(oidc(secret.getSecretString()))
        .scope("openid email").sessionCookieName("app-session").onUnauthenticatedRequest(UnauthenticatedAction.ALLOW).build(),
        ListenerAction.fixedResponse(200, "application/json", "{}")));
    Synthesized json = Synthesized.of(stack);

    JsonNode actions = json.only("aws_lb_listener_rule").path("action");
    assertEquals("authenticate-oidc", actions.get(0).path("type").asText());
    assertEquals(1, actions.get(0).path("order").asInt());
    JsonNode config = Synthesized.at(actions.get(0), "authenticate_oidc");
    assertEquals(Map.of("issuer", ISSUER, "authorization_endpoint", ISSUER + "/authorize", "token_endpoint", ISSUER + "/token",
            "user_info_endpoint", ISSUER + "/userinfo", "client_id", "alb-client"),
        Map.of("issuer", config.path("issuer").asText(), "authorization_endpoint", config.path("authorization_endpoint").asText(),
            "token_endpoint", config.path("token_endpoint").asText(), "user_info_endpoint", config.path("user_info_endpoint").asText(),
            "client_id", config.path("client_id").asText()));
    String secretRef = "${data.aws_secretsmanager_secret_version." + json.dataSources("aws_secretsmanager_secret_version").keySet().iterator().next()
        + ".secret_string}";
    assertEquals(secretRef, config.path("client_secret").asText(), "the secret stays a reference, never a literal");
    assertEquals("openid email", config.path("scope").asText());
    assertEquals("app-session", config.path("session_cookie_name").asText());
    assertEquals("allow", config.path("on_unauthenticated_request").asText());
    assertEquals("fixed-response", actions.get(1).path("type").asText());
    assertEquals(2, actions.get(1).path("order").asInt());
    assertEquals(1, json.only("aws_lb_listener", "port", 443).path("default_action").size(), "the default action is unchanged");
    assertEquals(1, json.count("aws_vpc_security_group_egress_rule"));
  }

  @Test
  void authenticateActionsAreRefusedWhereElasticLoadBalancingOrTheNetworkCannotServeThem() {
    BlueprintStack stack = Fixtures.stack();
    IdentityProvider idp = oidc("${var.secret}");
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
    TargetGroup web = target(alb, "Web", 3000);
    Listener http = alb.addPlainHttpListener(8080, web);
    assertTrue(message(() -> http.addRule(1, ListenerCondition.paths("/a"), ListenerAction.authenticate(idp, ListenerAction.forward(web))))
        .startsWith("action = \"authenticate\" is invalid: an application load balancer's HTTPS listener; listener 8080 of "));

    LoadBalancer nlb = new LoadBalancer(stack, "Api", LoadBalancerTest.nlbProps().build());
    TargetGroup tcp = nlb.addTargetGroup("Api", TargetGroupProps.builder(8000).build());
    Listener tls = nlb.addTcpListener(443, tcp);
    assertTrue(message(() -> tls.addRule(1, ListenerCondition.paths("/a"), ListenerAction.authenticate(idp, ListenerAction.forward(tcp))))
        .contains("is TCP on a network load balancer"));

    LoadBalancer isolated = new LoadBalancer(stack, "Isolated", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, "vpc-0123",
        LoadBalancerTest.subnets(SubnetTier.ISOLATED, Fixtures.AZS)).build());
    TargetGroup inside = target(isolated, "Web", 3000);
    assertTrue(message(() -> isolated.addHttpsListener(HttpsListenerProps.builder(CERT,
        ListenerAction.authenticate(idp, ListenerAction.forward(inside))).build())).startsWith("defaultAction = \"authenticate\" is invalid: subnets with a route"));
    assertEquals(0, Synthesized.of(stack).count("aws_vpc_security_group_egress_rule"), "nothing opened for a refused action");

    assertTrue(message(() -> IdentityProvider.oidc("http://idp.example.com", ISSUER + "/a", ISSUER + "/t", ISSUER + "/u", "c", "s"))
        .startsWith("issuer = \"http://idp.example.com\" is invalid: a full https:// URL"));
    assertTrue(message(() -> IdentityProvider.oidc(ISSUER, ISSUER + "/a", "http://idp.example.com/token", ISSUER + "/u", "c", "s"))
        .startsWith("tokenEndpoint = "));
    assertTrue(message(() -> IdentityProvider.oidc(ISSUER, ISSUER + "/a", ISSUER + "/t", ISSUER + "/u", "c", " ")).startsWith("clientSecret = "));
    assertTrue(message(() -> AuthenticateProps.builder(idp).sessionTimeoutSeconds(0).build())
        .startsWith("sessionTimeoutSeconds = 0 is invalid: allowed range is 1..604800"));
    assertTrue(message(() -> AuthenticateProps.builder(idp).sessionTimeoutSeconds(604_801).build()).startsWith("sessionTimeoutSeconds = 604801"));
    assertTrue(message(() -> AuthenticateProps.builder(idp).scope("email").build()).startsWith("scope = \"email\" is invalid: openid among the values"));
    assertTrue(message(() -> AuthenticateProps.builder(idp).scope("openid  email").build()).startsWith("scope = \"openid  email\" is invalid"));
    assertTrue(message(() -> AuthenticateProps.builder(idp).sessionCookieName("my session").build()).startsWith("sessionCookieName = \"my session\""));
    ListenerAction signedIn = ListenerAction.authenticate(idp, ListenerAction.forward(web));
    assertTrue(message(() -> ListenerAction.authenticate(idp, signedIn)).startsWith("then = \"authenticate\" is invalid: a forward or fixed response"));

    UserPool users = new UserPool(stack, "Users", UserPoolProps.builder().domainPrefix("acme-users").build());
    LoadBalancerClient client = users.addLoadBalancerClient("Alb", LoadBalancerClientProps.builder(List.of("app.example.com")).build());
    assertTrue(message(() -> AuthenticateProps.builder(IdentityProvider.cognito(client)).scope("openid email").build())
        .startsWith("scope = \"openid email\" is invalid: scopes the Cognito client allows: [openid]"));
  }
}
