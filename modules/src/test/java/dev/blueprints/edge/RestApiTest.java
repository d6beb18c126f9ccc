package dev.blueprints.edge;

import static dev.blueprints.testing.Fixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import dev.blueprints.auth.UserPool;
import dev.blueprints.auth.UserPoolProps;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RestApiTest {
  private static final String METHOD = "aws_api_gateway_method";
  private static final String INTEGRATION = "aws_api_gateway_integration";
  private static final String RESOURCE = "aws_api_gateway_resource";
  private static final String POOL_ARN = "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123";

  /** A stack with a network, an internet-facing NLB, a user pool and an API built from {@code options}. */
  private record Fixture(BlueprintStack stack, Network network, LoadBalancer nlb, UserPool pool) {
    static Fixture create() {
      BlueprintStack stack = Fixtures.stack("edge");
      Network network = Fixtures.network(stack);
      LoadBalancer nlb = loadBalancer(stack, network, "Nlb", LoadBalancerKind.NETWORK);
      UserPool pool = new UserPool(stack, "Users", UserPoolProps.builder().build());
      return new Fixture(stack, network, nlb, pool);
    }

    RestApiProps.Builder props() {
      return RestApiProps.builder().authorizer(pool).vpcLinkBackend(nlb, 8000);
    }

    RestApi api(UnaryOperator<RestApiProps.Builder> options) {
      return new RestApi(stack, "Api", options.apply(props()).build());
    }
  }

  private static LoadBalancer loadBalancer(BlueprintStack stack, Network network, String id, LoadBalancerKind kind) {
    return new LoadBalancer(stack, id, LoadBalancerProps.builder(kind, network.vpcId(), network.subnets(SubnetTier.PUBLIC))
        .internetFacing().build());
  }

  private static Synthesized synth(UnaryOperator<RestApiProps.Builder> options) {
    Fixture f = Fixture.create();
    f.api(options);
    return Synthesized.of(f.stack());
  }

  private static String pathPartOf(Synthesized json, JsonNode node) {
    String resourceId = node.path("resource_id").asText();
    for (var e : json.resources(RESOURCE).entrySet()) {
      if (resourceId.equals("${" + RESOURCE + "." + e.getKey() + ".id}")) return e.getValue().path("path_part").asText();
    }
    return resourceId.contains("root_resource_id") ? "/" : "?";
  }

  private static void fails(String expectedPrefix, Executable build) {
    String message = assertThrows(IllegalArgumentException.class, build).getMessage();
    assertTrue(message.startsWith(expectedPrefix), message);
  }

  @Test
  void everyMethodButTheNamedPublicOnesUsesTheCognitoAuthorizer() {
    Synthesized json = synth(p -> p.publicPath("health"));
    JsonNode authorizer = json.only("aws_api_gateway_authorizer");
    assertEquals("COGNITO_USER_POOLS", authorizer.path("type").asText());
    assertEquals("method.request.header.Authorization", authorizer.path("identity_source").asText());
    assertEquals(List.of(json.ref("aws_cognito_user_pool", json.only("aws_cognito_user_pool"), "arn")),
        texts(authorizer.path("provider_arns")));
    String authorizerId = json.ref("aws_api_gateway_authorizer", authorizer, "id");

    List<String> publicMethods = new ArrayList<>();
    json.resources(METHOD).forEach((name, method) -> {
      String route = method.path("http_method").asText() + " " + pathPartOf(json, method);
      if (method.path("authorization").asText().equals("NONE")) {
        publicMethods.add(route);
        assertTrue(method.path("authorizer_id").isMissingNode(), route);
      } else {
        assertEquals("COGNITO_USER_POOLS", method.path("authorization").asText(), route);
        assertEquals(authorizerId, method.path("authorizer_id").asText(), route);
      }
    });
    assertEquals(List.of("GET health"), publicMethods);
    // ANY on / and /{proxy+}; ANY and GET on /health and ANY on /health/{proxy+}, which the explicit resource shadows.
    assertEquals(5, json.count(METHOD));
    assertEquals(3, json.count(RESOURCE));
    assertEquals(List.of("{proxy+}", "health", "{proxy+}"),
        json.resources(RESOURCE).values().stream().map(r -> r.path("path_part").asText()).toList());
    assertEquals(List.of("REGIONAL"), texts(Synthesized.at(json.only("aws_api_gateway_rest_api"), "endpoint_configuration.types")));
    assertEquals("acme-test-dev-api", json.only("aws_api_gateway_rest_api").path("name").asText());
  }

  @Test
  void integrationsGoThroughTheVpcLinkToTheNlbDnsOnTheServicePort() {
    Synthesized json = synth(p -> p.publicPath("health"));
    JsonNode lb = json.only("aws_lb");
    String dns = json.ref("aws_lb", lb, "dns_name");
    JsonNode link = json.only("aws_api_gateway_vpc_link");
    assertEquals(List.of(json.ref("aws_lb", lb, "arn")), texts(link.path("target_arns")));
    String linkId = json.ref("aws_api_gateway_vpc_link", link, "id");

    assertEquals(json.count(METHOD), json.count(INTEGRATION));
    for (JsonNode integration : json.resources(INTEGRATION).values()) {
      assertEquals("HTTP_PROXY", integration.path("type").asText());
      assertEquals("VPC_LINK", integration.path("connection_type").asText());
      assertEquals(linkId, integration.path("connection_id").asText());
      String uri = integration.path("uri").asText();
      assertTrue(uri.startsWith("http://" + dns + ":8000/"), uri);
    }
    JsonNode root = json.assertResource(INTEGRATION, Map.of("uri", "http://" + dns + ":8000/"));
    assertEquals("ANY", root.path("integration_http_method").asText());
    JsonNode proxy = json.assertResource(INTEGRATION, Map.of("uri", "http://" + dns + ":8000/{proxy}"));
    assertEquals("ANY", proxy.path("integration_http_method").asText());
    assertEquals("method.request.path.proxy", proxy.path("request_parameters").path("integration.request.path.proxy").asText());
    JsonNode proxyMethod = json.assertResource(METHOD, Map.of("resource_id", proxy.path("resource_id").asText()));
    assertTrue(proxyMethod.path("request_parameters").path("method.request.path.proxy").asBoolean());
    json.assertResource(INTEGRATION, Map.of("uri", "http://" + dns + ":8000/health", "integration_http_method", "GET"));
    json.assertResource(INTEGRATION, Map.of("uri", "http://" + dns + ":8000/health/{proxy}"));
  }

  @Test
  void theDeploymentChangesWhenARouteChangesAndIsReplacedBeforeTheOldOneIsDestroyed() {
    Synthesized health = synth(p -> p.publicPath("health"));
    JsonNode deployment = health.only("aws_api_gateway_deployment");
    String hash = Synthesized.at(deployment, "triggers.redeployment").asText();
    assertTrue(hash.matches("[0-9a-f]{40}"), hash);
    assertTrue(Synthesized.at(deployment, "lifecycle.create_before_destroy").asBoolean());
    assertEquals(health.ref("aws_api_gateway_rest_api", health.only("aws_api_gateway_rest_api"), "id"),
        deployment.path("rest_api_id").asText());
    List<String> dependsOn = texts(deployment.path("depends_on"));
    for (String name : health.resources(METHOD).keySet()) assertTrue(dependsOn.contains(METHOD + "." + name), name);
    for (String name : health.resources(INTEGRATION).keySet()) assertTrue(dependsOn.contains(INTEGRATION + "." + name), name);
    String dns = health.ref("aws_lb", health.only("aws_lb"), "dns_name");
    assertEquals("http://" + dns + ":8000", Synthesized.at(deployment, "triggers.backend").asText());

    String same = Synthesized.at(synth(p -> p.publicPath("health")).only("aws_api_gateway_deployment"), "triggers.redeployment").asText();
    assertEquals(hash, same, "the same routes give the same hash");
    // Pinned: a hash that differed between JVMs would redeploy the API on every other plan.
    assertEquals("55122a84aa5e513831b1a9d2ca65d4f71f5cbc81", hash, "the hash of these routes in every run");
    List<BiFunction<Fixture, RestApiProps.Builder, RestApiProps.Builder>> changes = List.of(
        (f, p) -> p.publicPath("healthz"),
        (f, p) -> p.publicPath("health").publicPath("status"),
        (f, p) -> p.publicPath("health").publicMethod("health", "HEAD"),
        (f, p) -> p.publicPath("health").cors(List.of("https://app.example.com")),
        (f, p) -> p.publicPath("health").vpcLinkBackend(f.nlb(), 9000));
    for (var change : changes) {
      Fixture f = Fixture.create();
      RestApi api = new RestApi(f.stack(), "Api", change.apply(f, f.props()).build());
      String other = Synthesized.at(Synthesized.of(f.stack()).only("aws_api_gateway_deployment"), "triggers.redeployment").asText();
      assertNotEquals(hash, other);
      assertEquals(api.routesHash(), other);
    }
  }

  @Test
  void theStageLogsJsonToItsLogGroupTracesAndThrottles() {
    Synthesized json = synth(p -> p);
    JsonNode stage = json.only("aws_api_gateway_stage");
    assertEquals("v1", stage.path("stage_name").asText());
    assertTrue(stage.path("xray_tracing_enabled").asBoolean());
    assertEquals(json.ref("aws_api_gateway_deployment", json.only("aws_api_gateway_deployment"), "id"), stage.path("deployment_id").asText());
    JsonNode accessLogs = json.only("aws_cloudwatch_log_group", "name", "/aws/apigateway/acme-test-dev-api/access");
    assertEquals(30, accessLogs.path("retention_in_days").asInt());
    assertEquals(json.ref("aws_cloudwatch_log_group", accessLogs, "arn"), Synthesized.at(stage, "access_log_settings.destination_arn").asText());
    JsonNode format = Synthesized.json(stage, "access_log_settings.format");
    assertTrue(format.isObject());
    for (String field : List.of("requestId", "ip", "requestTime", "httpMethod", "resourcePath", "status", "protocol",
        "responseLength", "integrationLatency", "authorizerError")) {
      assertTrue(format.path(field).asText().startsWith("$context."), field + " in " + format);
    }
    assertEquals("$context.identity.sourceIp", format.path("ip").asText());

    JsonNode settings = json.only("aws_api_gateway_method_settings");
    assertEquals("*/*", settings.path("method_path").asText());
    assertEquals(json.ref("aws_api_gateway_stage", stage, "stage_name"), settings.path("stage_name").asText());
    JsonNode s = Synthesized.at(settings, "settings");
    assertTrue(s.path("metrics_enabled").asBoolean());
    assertEquals("INFO", s.path("logging_level").asText());
    assertFalse(s.path("data_trace_enabled").asBoolean());
    assertFalse(s.path("caching_enabled").asBoolean());
    assertEquals(100, s.path("throttling_burst_limit").asInt());
    assertEquals(50.0, s.path("throttling_rate_limit").asDouble());

    String apiId = json.ref("aws_api_gateway_rest_api", json.only("aws_api_gateway_rest_api"), "id");
    JsonNode executionLogs = json.only("aws_cloudwatch_log_group", "name", "API-Gateway-Execution-Logs_" + apiId + "/v1");
    assertEquals(30, executionLogs.path("retention_in_days").asInt());
    assertTrue(texts(settings.path("depends_on")).contains("aws_cloudwatch_log_group." + json.nameOf("aws_cloudwatch_log_group", executionLogs)));
    assertEquals(0, json.count("aws_api_gateway_account"), "the account role is opt-in");
    assertEquals(0, json.count("aws_wafv2_web_acl_association"));
    assertTrue(json.only("aws_api_gateway_rest_api").path("minimum_compression_size").isMissingNode());
  }

  @Test
  void optionsSetNameStageLoggingThrottlingCompressionWafAndAccountRole() {
    Synthesized json = synth(p -> p.cognitoAuthorizer(POOL_ARN)
        .stageName("prod")
        .loggingLevel(LoggingLevel.ERROR)
        .throttlingBurstLimit(20)
        .throttlingRateLimit(2.5)
        .minimumCompressionSize(1024)
        .webAclArn("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/0f1e2d3c")
        .accountCloudWatchRole(true));
    assertEquals(List.of(POOL_ARN), texts(json.only("aws_api_gateway_authorizer").path("provider_arns")));
    assertEquals("prod", json.only("aws_api_gateway_stage").path("stage_name").asText());
    JsonNode s = Synthesized.at(json.only("aws_api_gateway_method_settings"), "settings");
    assertEquals("ERROR", s.path("logging_level").asText());
    assertEquals(20, s.path("throttling_burst_limit").asInt());
    assertEquals(2.5, s.path("throttling_rate_limit").asDouble());
    assertEquals("1024", json.only("aws_api_gateway_rest_api").path("minimum_compression_size").asText());
    json.assertResource("aws_wafv2_web_acl_association", Map.of(
        "resource_arn", json.ref("aws_api_gateway_stage", json.only("aws_api_gateway_stage"), "arn"),
        "web_acl_arn", "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/0f1e2d3c"));

    JsonNode account = json.only("aws_api_gateway_account");
    JsonNode role = json.only("aws_iam_role", "name", "acme-test-dev-api-apigw-cloudwatch");
    assertEquals(json.ref("aws_iam_role", role, "arn"), account.path("cloudwatch_role_arn").asText());
    assertEquals("apigateway.amazonaws.com", Synthesized.at(Synthesized.json(role, "assume_role_policy"), "Statement.0.Principal.Service").asText());
    JsonNode attachment = json.assertResource("aws_iam_role_policy_attachment", Map.of(
        "policy_arn", "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
        "role", json.ref("aws_iam_role", role, "name")));
    assertTrue(texts(account.path("depends_on")).contains("aws_iam_role_policy_attachment."
        + json.nameOf("aws_iam_role_policy_attachment", attachment)), "the account setting waits for the policy");
    String accountRef = "aws_api_gateway_account." + json.nameOf("aws_api_gateway_account", account);
    assertTrue(texts(json.only("aws_api_gateway_method_settings").path("depends_on")).contains(accountRef));
    assertTrue(texts(json.only("aws_api_gateway_stage").path("depends_on")).contains(accountRef));

    Synthesized named = synth(p -> p.loggingLevel(LoggingLevel.OFF));
    assertEquals("OFF", Synthesized.at(named.only("aws_api_gateway_method_settings"), "settings.logging_level").asText());
    named.resources("aws_cloudwatch_log_group").values().forEach(group ->
        assertFalse(group.path("name").asText().startsWith("API-Gateway-Execution-Logs_"), "no execution log group when logging is OFF"));
    named.only("aws_cloudwatch_log_group", "name", "/aws/apigateway/acme-test-dev-api/access");
  }

  @Test
  void publicMethodsAndNestedPublicPathsKeepEverythingElseAuthorized() {
    Synthesized json = synth(p -> p.publicPath("/api/status").publicMethod("api/status", "head"));
    assertEquals(List.of("{proxy+}", "api", "{proxy+}", "status", "{proxy+}"),
        json.resources(RESOURCE).values().stream().map(r -> r.path("path_part").asText()).toList());
    List<String> open = new ArrayList<>();
    json.resources(METHOD).values().forEach(m -> {
      if (m.path("authorization").asText().equals("NONE")) open.add(m.path("http_method").asText() + " " + pathPartOf(json, m));
    });
    assertEquals(List.of("GET status", "HEAD status"), open);
    String dns = json.ref("aws_lb", json.only("aws_lb"), "dns_name");
    json.assertResource(INTEGRATION, Map.of("uri", "http://" + dns + ":8000/api/status", "integration_http_method", "HEAD"));
    json.assertResource(INTEGRATION, Map.of("uri", "http://" + dns + ":8000/api/{proxy}"));
    assertEquals(8, json.count(METHOD), "ANY on / and on each of the 5 resources, GET and HEAD on /api/status");
  }

  @Test
  void corsPreflightIsAnUnauthenticatedMockOnEveryResource() {
    Synthesized json = synth(p -> p.publicPath("health").cors(List.of("https://app.example.com")));
    List<JsonNode> options = json.where(METHOD, Map.of("http_method", "OPTIONS"));
    assertEquals(json.count(RESOURCE) + 1, options.size(), "one per resource and the root");
    options.forEach(m -> assertEquals("NONE", m.path("authorization").asText()));
    List<JsonNode> mocks = json.where(INTEGRATION, Map.of("type", "MOCK"));
    assertEquals(options.size(), mocks.size());
    JsonNode response = json.resources("aws_api_gateway_integration_response").values().iterator().next();
    JsonNode headers = response.path("response_parameters");
    assertEquals("'https://app.example.com'", headers.path("method.response.header.Access-Control-Allow-Origin").asText());
    assertTrue(headers.path("method.response.header.Access-Control-Allow-Headers").asText().contains("Authorization"));
    assertEquals(options.size(), json.count("aws_api_gateway_method_response"));

    Synthesized several = synth(p -> p.cors(List.of("https://app.example.com", "http://localhost:3000")));
    JsonNode echo = several.resources("aws_api_gateway_integration_response").values().iterator().next();
    assertTrue(echo.path("response_parameters").path("method.response.header.Access-Control-Allow-Origin").isMissingNode());
    String template = echo.path("response_templates").path("application/json").asText();
    assertTrue(template.contains("$origin == \"https://app.example.com\" || $origin == \"http://localhost:3000\""), template);
    assertTrue(template.contains("$context.responseOverride.header.Access-Control-Allow-Origin = $origin"), template);

    assertEquals(0, synth(p -> p).where(METHOD, Map.of("http_method", "OPTIONS")).size(), "no preflight unless asked");
  }

  @Test
  void accessorsReferenceTheStageAndTheApi() {
    Fixture f = Fixture.create();
    RestApi api = f.api(p -> p.stageName("v2"));
    Map<String, String> accessors = Map.of("InvokeUrl", api.invokeUrl(), "StageArn", api.stageArn(),
        "ExecutionArn", api.executionArn(), "Id", api.id());
    accessors.forEach((id, value) -> new TerraformOutput(f.stack(), id, TerraformOutputConfig.builder().value(value).build()));
    Synthesized json = Synthesized.of(f.stack());
    JsonNode stage = json.only("aws_api_gateway_stage");
    JsonNode rest = json.only("aws_api_gateway_rest_api");
    assertEquals(json.ref("aws_api_gateway_stage", stage, "invoke_url"), output(json, "InvokeUrl"));
    assertEquals(json.ref("aws_api_gateway_stage", stage, "arn"), output(json, "StageArn"));
    assertEquals(json.ref("aws_api_gateway_rest_api", rest, "execution_arn"), output(json, "ExecutionArn"));
    assertEquals(json.ref("aws_api_gateway_rest_api", rest, "id"), output(json, "Id"));
    assertEquals("v2", api.stageName());
    assertEquals("acme-test-dev-api", api.physicalName());
    assertTrue(api.name().contains("TOKEN"), "name() is a reference");
  }

  private static String output(Synthesized json, String id) {
    return json.root().path("output").path(id).path("value").asText();
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    Fixture f = Fixture.create();
    fails("publicMethod = \"POST /admin\" is invalid: public route POST /admin does not exist; add it with publicPath",
        () -> f.props().publicPath("health").publicMethod("admin", "POST").build());
    fails("throttlingRateLimit = 0.0 is invalid: must be greater than 0", () -> f.props().throttlingRateLimit(0).build());
    fails("throttlingRateLimit = -5.0 is invalid: must be greater than 0", () -> f.props().throttlingRateLimit(-5).build());
    fails("throttlingBurstLimit = 0 is invalid: must be greater than 0", () -> f.props().throttlingBurstLimit(0).build());
    LoadBalancer alb = loadBalancer(f.stack(), f.network(), "Alb", LoadBalancerKind.APPLICATION);
    fails("vpcLinkBackend needs a NETWORK load balancer, got APPLICATION", () -> f.props().vpcLinkBackend(alb, 443).build());
    fails("vpcLinkBackend = null is invalid: a network load balancer is required",
        () -> RestApiProps.builder().authorizer(f.pool()).build());
    fails("authorizer = null is invalid: a Cognito authorizer is required",
        () -> RestApiProps.builder().vpcLinkBackend(f.nlb(), 8000).build());
    fails("cognitoAuthorizer = \"eu-west-1_AbCdEf123\" is invalid: a Cognito user pool ARN",
        () -> f.props().cognitoAuthorizer("eu-west-1_AbCdEf123").build());
    fails("backendPort = 0 is invalid", () -> f.props().vpcLinkBackend(f.nlb(), 0).build());
    fails("publicPaths = \"{proxy+}\" is invalid: path segments", () -> f.props().publicPath("{proxy+}").build());
    fails("publicPaths = \"health/\" is invalid", () -> f.props().publicPath("health/").build());
    fails("publicPaths = \"health\" is invalid: each value may appear once", () -> f.props().publicPath("health").publicPath("/health").build());
    fails("publicMethod = \"OPTIONS /health\" is invalid: OPTIONS is the CORS preflight",
        () -> f.props().publicPath("health").publicMethod("health", "OPTIONS").build());
    fails("publicMethod = \"TRACE\" is invalid: allowed values are", () -> f.props().publicPath("health").publicMethod("health", "TRACE").build());
    fails("cors = \"*\" is invalid: origins such as https://app.example.com", () -> f.props().cors(List.of("*")).build());
    fails("cors = \"https://app.example.com/\" is invalid", () -> f.props().cors(List.of("https://app.example.com/")).build());
    fails("stageName = \"v 1\" is invalid", () -> f.props().stageName("v 1").build());
    fails("minimumCompressionSize = -1 is invalid", () -> f.props().minimumCompressionSize(-1).build());
    fails("webAclArn = \"arn:aws:wafv2:eu-west-1:123456789012:global/webacl/x/1\" is invalid: a regional WAFv2 web ACL ARN",
        () -> f.props().webAclArn("arn:aws:wafv2:eu-west-1:123456789012:global/webacl/x/1").build());
  }
}
