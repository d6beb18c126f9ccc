package dev.blueprints.edge;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import dev.blueprints.core.StackContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.api_gateway_account.ApiGatewayAccount;
import com.hashicorp.cdktf.providers.aws.api_gateway_authorizer.ApiGatewayAuthorizer;
import com.hashicorp.cdktf.providers.aws.api_gateway_deployment.ApiGatewayDeployment;
import com.hashicorp.cdktf.providers.aws.api_gateway_gateway_response.ApiGatewayGatewayResponse;
import com.hashicorp.cdktf.providers.aws.api_gateway_integration.ApiGatewayIntegration;
import com.hashicorp.cdktf.providers.aws.api_gateway_integration_response.ApiGatewayIntegrationResponse;
import com.hashicorp.cdktf.providers.aws.api_gateway_method.ApiGatewayMethod;
import com.hashicorp.cdktf.providers.aws.api_gateway_method_response.ApiGatewayMethodResponse;
import com.hashicorp.cdktf.providers.aws.api_gateway_method_settings.ApiGatewayMethodSettings;
import com.hashicorp.cdktf.providers.aws.api_gateway_method_settings.ApiGatewayMethodSettingsSettings;
import com.hashicorp.cdktf.providers.aws.api_gateway_resource.ApiGatewayResource;
import com.hashicorp.cdktf.providers.aws.api_gateway_rest_api.ApiGatewayRestApi;
import com.hashicorp.cdktf.providers.aws.api_gateway_rest_api.ApiGatewayRestApiEndpointConfiguration;
import com.hashicorp.cdktf.providers.aws.api_gateway_stage.ApiGatewayStage;
import com.hashicorp.cdktf.providers.aws.api_gateway_stage.ApiGatewayStageAccessLogSettings;
import com.hashicorp.cdktf.providers.aws.api_gateway_vpc_link.ApiGatewayVpcLink;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl_association.Wafv2WebAclAssociation;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.LogGroupProps;
import dev.blueprints.core.Suppressions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * A regional REST API in front of a network load balancer: every path ({@code /} and {@code /{proxy+}}) is an
 * {@code HTTP_PROXY} integration through a VPC link to {@code http://<nlb dns>:<port>/<path>}, and every method
 * needs a Cognito ID token in the {@code Authorization} header except the routes named public
 * ({@code publicPath("health")}). An explicit resource (a public path and its parents) shadows the greedy
 * {@code {proxy+}} above it, so each one gets its own authorized {@code ANY} method and {@code {proxy+}} child:
 * adding a public route never changes how other paths are routed or authorized.
 *
 * <p>The deployment's {@code triggers} hold a SHA-1 of the route definitions computed here, plus the
 * backend and user pool references, and it is created before the old one is destroyed, so any route change
 * redeploys the stage without downtime. The stage writes JSON access logs to {@code /aws/apigateway/<name>/access},
 * traces with X-Ray, and applies metrics, execution logging and throttling to every method ({@code *}/{@code *}).
 *
 * <p>Execution logging (any level but OFF) needs the account's API Gateway CloudWatch role to be set
 * ({@code aws_api_gateway_account}); without it the method settings fail at apply. That setting is one per
 * account and region, so exactly one stack per account and region should create it:
 * {@code accountCloudWatchRole(true)}. Its execution log group ({@code API-Gateway-Execution-Logs_<api id>/<stage>})
 * is created here with the environment's retention, before API Gateway would create it with none.
 *
 * <p>The VPC link reaches the network load balancer through PrivateLink. An internet-facing NLB's TCP listener
 * already opens its port; an internal NLB's security group evaluates PrivateLink traffic by default and opens
 * nothing, so build it with {@code LoadBalancerProps.Builder#skipSecurityGroupForPrivateLink()}.
 *
 * <p>With {@code cors(...)} the API answers preflight requests itself; the backend must still add
 * {@code Access-Control-Allow-Origin} to its own responses, and errors API Gateway returns itself (401 from the
 * authorizer, 429 from throttling) carry no CORS headers.
 */
public final class RestApi extends BlueprintConstruct {
  /** The access log line: one JSON object per request. */
  public static final Map<String, String> ACCESS_LOG_FIELDS = accessLogFields();
  public static final String AUTHORIZATION_HEADER = "method.request.header.Authorization";
  static final String CLOUDWATCH_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CORS_HEADERS = "'Authorization,Content-Type,X-Amz-Date,X-Api-Key,X-Amz-Security-Token'";
  private static final String CORS_METHODS = "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'";

  private final RestApiProps props;
  private final String apiName;
  private final ApiGatewayRestApi api;
  private final Memo<String> apiId;
  private final ApiGatewayAuthorizer authorizer;
  private final ApiGatewayVpcLink vpcLink;
  private final String backendBase;
  private final List<ITerraformDependable> routeResources = new ArrayList<>();
  private final List<Map<String, Object>> routeDefinitions = new ArrayList<>();
  private final Set<String> usedSlugs = new HashSet<>();
  private final String routesHash;
  private final ApiGatewayDeployment deployment;
  private final ApiGatewayStage stage;
  private final LogGroup accessLogs;
  private final CloudwatchLogGroup executionLogs;
  private final ApiGatewayAccount account;

  public RestApi(Construct scope, String id, RestApiProps props) {
    super(scope, id);
    this.props = props;
    StackContext stack = context();
    Naming naming = stack.naming();
    int retention = stack.environment().logRetentionDays();
    apiName = props.name() != null ? props.name() : naming.name(id.toLowerCase(Locale.ROOT), NameLimit.API_GATEWAY);

    var apiBuilder = ApiGatewayRestApi.Builder.create(this, "Resource")
        .name(apiName)
        .endpointConfiguration(ApiGatewayRestApiEndpointConfiguration.builder().types(List.of("REGIONAL")).build());
    if (props.minimumCompressionSize() != null) apiBuilder.minimumCompressionSize(String.valueOf(props.minimumCompressionSize()));
    api = apiBuilder.build();
    apiId = Memo.of(api::getId);

    authorizer = ApiGatewayAuthorizer.Builder.create(this, "Authorizer")
        .name(apiName + "-cognito")
        .restApiId(apiId.get())
        .type("COGNITO_USER_POOLS")
        .identitySource(AUTHORIZATION_HEADER)
        .providerArns(List.of(props.userPoolArn()))
        .build();

    vpcLink = ApiGatewayVpcLink.Builder.create(this, "VpcLink")
        .name(apiName + "-link")
        .description("API " + apiName + " to its network load balancer")
        .targetArns(List.of(props.backend().arn()))
        .build();
    backendBase = "http://" + props.backend().dnsName() + ":" + props.backendPort();

    addRoutes();
    if (!props.corsOrigins().isEmpty()) addCorsGatewayResponses();
    // A LinkedHashMap, not Map.of: Map.of iterates in an order salted per JVM, and the hash must be the same in every run.
    Map<String, Object> fingerprint = new LinkedHashMap<>();
    fingerprint.put("routes", routeDefinitions);
    fingerprint.put("cors", props.corsOrigins());
    routesHash = sha1(json(fingerprint));

    Map<String, String> triggers = new LinkedHashMap<>();
    triggers.put("redeployment", routesHash);
    // References change when the NLB or the pool is replaced; the stage must then be redeployed too.
    triggers.put("backend", backendBase);
    triggers.put("authorizer", props.userPoolArn());
    deployment = ApiGatewayDeployment.Builder.create(this, "Deployment")
        .restApiId(apiId.get())
        .triggers(triggers)
        .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
        .dependsOn(routeResources)
        .build();

    account = props.accountCloudWatchRole() ? addAccountRole(naming, id) : null;
    accessLogs = new LogGroup(this, "AccessLogs", LogGroupProps.of("/aws/apigateway/" + apiName + "/access", retention));
    // The name holds the API id (a reference), which LogGroupProps' name check cannot read; hence the raw resource.
    executionLogs = props.loggingLevel() == LoggingLevel.OFF ? null : CloudwatchLogGroup.Builder.create(this, "ExecutionLogs")
        .name("API-Gateway-Execution-Logs_" + apiId.get() + "/" + props.stageName())
        .retentionInDays(retention)
        .build();

    var stageBuilder = ApiGatewayStage.Builder.create(this, "Stage")
        .restApiId(apiId.get())
        .deploymentId(deployment.getId())
        .stageName(props.stageName())
        .xrayTracingEnabled(true)
        .cacheClusterEnabled(false)
        .accessLogSettings(ApiGatewayStageAccessLogSettings.builder()
            .destinationArn(accessLogs.arn())
            .format(json(ACCESS_LOG_FIELDS))
            .build());
    if (account != null) stageBuilder.dependsOn(List.of(account));
    stage = stageBuilder.build();

    List<ITerraformDependable> settingsDependsOn = new ArrayList<>();
    if (account != null) settingsDependsOn.add(account);
    if (executionLogs != null) settingsDependsOn.add(executionLogs);
    var settings = ApiGatewayMethodSettings.Builder.create(this, "MethodSettings")
        .restApiId(apiId.get())
        .stageName(stage.getStageName())
        .methodPath("*/*")
        .settings(ApiGatewayMethodSettingsSettings.builder()
            .metricsEnabled(true)
            .loggingLevel(props.loggingLevel().name())
            // Data tracing would log full request and response bodies, tokens and personal data included.
            .dataTraceEnabled(false)
            .throttlingBurstLimit(props.throttlingBurstLimit())
            .throttlingRateLimit(props.throttlingRateLimit())
            .cachingEnabled(false)
            .build());
    if (!settingsDependsOn.isEmpty()) settings.dependsOn(settingsDependsOn);
    settings.build();

    if (props.webAclArn() != null) {
      Wafv2WebAclAssociation.Builder.create(this, "WebAclAssociation")
          .resourceArn(stage.getArn())
          .webAclArn(props.webAclArn())
          .build();
    }
  }

  private void addRoutes() {
    Map<String, Set<String>> publicRoutes = props.publicRoutes();
    usedSlugs.add("Root");
    addProxiedResource("", api.getRootResourceId(), "Root", Set.of());

    Map<String, String> resourceIds = new LinkedHashMap<>();
    resourceIds.put("", api.getRootResourceId());
    for (String publicPath : publicRoutes.keySet()) {
      String[] segments = publicPath.split("/");
      String path = "";
      for (String segment : segments) {
        String parentId = resourceIds.get(path);
        path = path.isEmpty() ? segment : path + "/" + segment;
        if (resourceIds.containsKey(path)) continue;
        String slug = slug(path);
        ApiGatewayResource resource = ApiGatewayResource.Builder.create(this, slug + "Resource")
            .restApiId(apiId.get())
            .parentId(parentId)
            .pathPart(segment)
            .build();
        routeResources.add(resource);
        resourceIds.put(path, resource.getId());
        addProxiedResource(path, resource.getId(), slug, publicRoutes.getOrDefault(path, Set.of()));
      }
    }
  }

  /**
   * The methods of one explicit resource ({@code path}, "" for the root): the public methods without
   * authorization, an authorized ANY for everything else, and a {@code {proxy+}} child for the paths below it.
   */
  private void addProxiedResource(String path, String resourceId, String slug, Set<String> publicMethods) {
    String backendPath = "/" + path;
    for (String method : publicMethods) addProxyMethod(slug, resourceId, backendPath, method, false, false);
    if (!publicMethods.contains("ANY")) addProxyMethod(slug, resourceId, backendPath, "ANY", true, false);
    addCorsPreflight(slug, resourceId, backendPath);

    String proxySlug = path.isEmpty() ? "Proxy" : slug + "Proxy";
    usedSlugs.add(proxySlug);
    ApiGatewayResource proxy = ApiGatewayResource.Builder.create(this, proxySlug + "Resource")
        .restApiId(apiId.get())
        .parentId(resourceId)
        .pathPart("{proxy+}")
        .build();
    routeResources.add(proxy);
    String proxyBackendPath = (path.isEmpty() ? "" : "/" + path) + "/{proxy}";
    addProxyMethod(proxySlug, proxy.getId(), proxyBackendPath, "ANY", true, true);
    addCorsPreflight(proxySlug, proxy.getId(), proxyBackendPath);
  }

  private void addProxyMethod(String slug, String resourceId, String backendPath, String httpMethod, boolean authorized,
      boolean greedy) {
    String prefix = slug + pascal(httpMethod);
    var method = ApiGatewayMethod.Builder.create(this, prefix + "Method")
        .restApiId(apiId.get())
        .resourceId(resourceId)
        .httpMethod(httpMethod);
    if (authorized) method.authorization("COGNITO_USER_POOLS").authorizerId(authorizer.getId());
    else method.authorization("NONE");
    if (greedy) method.requestParameters(Map.of("method.request.path.proxy", true));
    ApiGatewayMethod built = method.build();
    if (!authorized) {
      Suppressions.add(built, "BP-APIGW-003", httpMethod + " /" + backendPath.substring(1)
          + " was declared public by name (publicPath/publicMethod); every other route needs a Cognito token");
    }

    var integration = ApiGatewayIntegration.Builder.create(this, prefix + "Integration")
        .restApiId(apiId.get())
        .resourceId(resourceId)
        .httpMethod(built.getHttpMethod())
        .type("HTTP_PROXY")
        .integrationHttpMethod(httpMethod)
        .connectionType("VPC_LINK")
        .connectionId(vpcLink.getId())
        .uri(backendBase + backendPath);
    if (greedy) integration.requestParameters(Map.of("integration.request.path.proxy", "method.request.path.proxy"));
    routeResources.add(built);
    routeResources.add(integration.build());

    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("path", resourcePath(slug, backendPath, greedy));
    definition.put("method", httpMethod);
    definition.put("authorization", authorized ? "COGNITO_USER_POOLS" : "NONE");
    definition.put("integration", "HTTP_PROXY VPC_LINK port " + props.backendPort() + " " + backendPath);
    routeDefinitions.add(definition);
  }

  /** OPTIONS answered by API Gateway itself (MOCK), without authorization: browsers send no token in a preflight. */
  private void addCorsPreflight(String slug, String resourceId, String backendPath) {
    if (props.corsOrigins().isEmpty()) return;
    ApiGatewayMethod method = ApiGatewayMethod.Builder.create(this, slug + "OptionsMethod")
        .restApiId(apiId.get())
        .resourceId(resourceId)
        .httpMethod("OPTIONS")
        .authorization("NONE")
        .build();
    ApiGatewayIntegration integration = ApiGatewayIntegration.Builder.create(this, slug + "OptionsIntegration")
        .restApiId(apiId.get())
        .resourceId(resourceId)
        .httpMethod(method.getHttpMethod())
        .type("MOCK")
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}"))
        .build();
    Map<String, Object> declared = new LinkedHashMap<>();
    for (String header : List.of("Access-Control-Allow-Headers", "Access-Control-Allow-Methods", "Access-Control-Allow-Origin",
        "Access-Control-Max-Age", "Vary")) {
      declared.put("method.response.header." + header, true);
    }
    ApiGatewayMethodResponse response = ApiGatewayMethodResponse.Builder.create(this, slug + "OptionsMethodResponse")
        .restApiId(apiId.get())
        .resourceId(resourceId)
        .httpMethod(method.getHttpMethod())
        .statusCode("200")
        .responseParameters(declared)
        .responseModels(Map.of("application/json", "Empty"))
        .build();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("method.response.header.Access-Control-Allow-Headers", CORS_HEADERS);
    headers.put("method.response.header.Access-Control-Allow-Methods", CORS_METHODS);
    headers.put("method.response.header.Access-Control-Max-Age", "'600'");
    headers.put("method.response.header.Vary", "'Origin'");
    var integrationResponse = ApiGatewayIntegrationResponse.Builder.create(this, slug + "OptionsIntegrationResponse")
        .restApiId(apiId.get())
        .resourceId(resourceId)
        .httpMethod(method.getHttpMethod())
        .statusCode(response.getStatusCode())
        .dependsOn(List.of(integration));
    if (props.corsOrigins().size() == 1) {
      headers.put("method.response.header.Access-Control-Allow-Origin", "'" + props.corsOrigins().get(0) + "'");
    } else {
      // A header holds one origin: echo the caller's origin when it is on the list, send none otherwise.
      integrationResponse.responseTemplates(Map.of("application/json", originTemplate(props.corsOrigins())));
    }
    integrationResponse.responseParameters(headers);
    routeResources.add(method);
    routeResources.add(integration);
    routeResources.add(response);
    routeResources.add(integrationResponse.build());

    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("path", resourcePath(slug, backendPath, backendPath.endsWith("{proxy}")));
    definition.put("method", "OPTIONS");
    definition.put("authorization", "NONE");
    definition.put("integration", "MOCK cors");
    routeDefinitions.add(definition);
  }

  /**
   * Errors API Gateway answers itself (401 from the authorizer, 403, 429 from throttling, 5xx of the integration)
   * carry the allowed origin too, so a browser shows the caller the status instead of an opaque CORS failure. A
   * gateway response header holds one fixed value: with several origins none is sent (the backend's own
   * responses still name the caller's origin).
   */
  private void addCorsGatewayResponses() {
    if (props.corsOrigins().size() != 1) return;
    for (String type : List.of("DEFAULT_4XX", "DEFAULT_5XX")) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("gatewayresponse.header.Access-Control-Allow-Origin", "'" + props.corsOrigins().get(0) + "'");
      headers.put("gatewayresponse.header.Vary", "'Origin'");
      routeResources.add(ApiGatewayGatewayResponse.Builder.create(this, "Cors" + pascal(type.replace("_", "")) + "Response")
          .restApiId(apiId.get())
          .responseType(type)
          .responseParameters(headers)
          .build());
    }
  }

  static String originTemplate(List<String> origins) {
    String test = origins.stream().map(o -> "$origin == \"" + o + "\"").collect(Collectors.joining(" || "));
    return "#set($origin = $input.params().header.get(\"Origin\"))\n"
        + "#if(\"$!origin\" == \"\")#set($origin = $input.params().header.get(\"origin\"))#end\n"
        + "#if(" + test + ")\n"
        + "#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)\n"
        + "#end\n";
  }

  private ApiGatewayAccount addAccountRole(Naming naming, String id) {
    // The account-level logging role has no per-API scope to check, so no aws:SourceAccount condition.
    Role role = new Role(this, "CloudWatchRole", RoleProps.builder(
            naming.name(id.toLowerCase(Locale.ROOT) + "-apigw-cloudwatch", NameLimit.IAM_ROLE), "apigateway.amazonaws.com")
        .description("API Gateway writes execution and access logs of every API in this account and region")
        .sourceAccountCondition(false)
        .build());
    // Attached here rather than through RoleProps so the account setting can wait for it: API Gateway
    // checks the role's permissions when the setting is made.
    IamRolePolicyAttachment policy = IamRolePolicyAttachment.Builder.create(this, "CloudWatchRolePolicy")
        .role(role.name())
        .policyArn(CLOUDWATCH_POLICY_ARN)
        .build();
    return ApiGatewayAccount.Builder.create(this, "Account")
        .cloudwatchRoleArn(role.arn())
        .dependsOn(List.of(policy))
        .build();
  }

  private static String resourcePath(String slug, String backendPath, boolean greedy) {
    return greedy ? backendPath.replace("{proxy}", "{proxy+}") : backendPath;
  }

  /** A PascalCase construct-id part for a path, unique within this API. */
  private String slug(String path) {
    StringBuilder out = new StringBuilder();
    for (String part : path.split("[^A-Za-z0-9]+")) out.append(pascal(part));
    String slug = out.length() == 0 ? "Path" : out.toString();
    if (!usedSlugs.add(slug)) {
      slug = slug + sha1(path).substring(0, 6);
      usedSlugs.add(slug);
    }
    return slug;
  }

  private static String pascal(String word) {
    if (word.isEmpty()) return word;
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> accessLogFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("requestId", "$context.requestId");
    fields.put("extendedRequestId", "$context.extendedRequestId");
    fields.put("ip", "$context.identity.sourceIp");
    fields.put("userAgent", "$context.identity.userAgent");
    fields.put("user", "$context.authorizer.claims.sub");
    fields.put("requestTime", "$context.requestTime");
    fields.put("httpMethod", "$context.httpMethod");
    fields.put("resourcePath", "$context.resourcePath");
    fields.put("path", "$context.path");
    fields.put("status", "$context.status");
    fields.put("protocol", "$context.protocol");
    fields.put("responseLength", "$context.responseLength");
    fields.put("responseLatency", "$context.responseLatency");
    fields.put("integrationLatency", "$context.integration.latency");
    fields.put("integrationStatus", "$context.integration.status");
    fields.put("integrationError", "$context.integration.error");
    fields.put("authorizerError", "$context.authorizer.error");
    fields.put("errorMessage", "$context.error.message");
    fields.put("wafResponseCode", "$context.wafResponseCode");
    return java.util.Collections.unmodifiableMap(fields);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code https://<api id>.execute-api.<region>.amazonaws.com/<stage>}. */
  public String invokeUrl() {
    return stage.getInvokeUrl();
  }

  public String stageArn() {
    return stage.getArn();
  }

  /** The API's execution ARN ({@code arn:aws:execute-api:<region>:<account>:<api id>}), for permissions append {@code /<stage>/<method>/<path>}. */
  public String executionArn() {
    return api.getExecutionArn();
  }

  public String id() {
    return apiId.get();
  }

  /** Fraction of the stage's requests failing with 5xx, keyed by the API's and the stage's name references. */
  public Metric metric5xx() {
    return Metrics.apiGateway5xx(resource().getName(), stage().getStageName());
  }

  /** p95 latency of the stage (ms), keyed by the API's and the stage's name references. */
  public Metric metricLatency() {
    return Metrics.apiGatewayLatency(resource().getName(), stage().getStageName());
  }

  public String stageName() {
    return props.stageName();
  }

  /** The API's name as a reference. */
  public String name() {
    return api.getName();
  }

  /** The API's physical name, known at synth. */
  public String physicalName() {
    return apiName;
  }

  /** @deprecated the literal is {@link #physicalName()}; dimensions and references take {@link #name()}. */
  @Deprecated
  public String apiName() {
    return apiName;
  }

  /** The SHA-1 of the route definitions, the deployment's {@code redeployment} trigger. */
  public String routesHash() {
    return routesHash;
  }

  public ApiGatewayRestApi resource() {
    return api;
  }

  public ApiGatewayStage stage() {
    return stage;
  }

  public ApiGatewayDeployment deployment() {
    return deployment;
  }

  public ApiGatewayAuthorizer authorizer() {
    return authorizer;
  }

  public ApiGatewayVpcLink vpcLink() {
    return vpcLink;
  }

  public LogGroup accessLogs() {
    return accessLogs;
  }
}
