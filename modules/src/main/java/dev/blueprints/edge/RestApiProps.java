package dev.blueprints.edge;

import dev.blueprints.auth.UserPool;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A regional REST API that proxies every path to one backend behind a VPC link, with a Cognito authorizer.
 *
 * @param name                   API name; unset (null) uses the naming helper ({@code <project>-<blueprint>-<env>-<id>})
 * @param userPoolArn            the Cognito user pool whose tokens the authorizer accepts (required: every method
 *                               that is not named public needs a signed-in caller)
 * @param backend                the network load balancer the VPC link targets (required)
 * @param backendPort            the NLB listener port the integration calls, 1..65535 (required)
 * @param publicPaths            paths served without authorization for GET, e.g. {@code health}. Default: none
 * @param publicMethods          further unauthenticated methods on public paths. Default: none
 * @param corsOrigins            origins answered by the CORS preflight ({@code OPTIONS}); empty means no preflight.
 *                               Default: none
 * @param stageName              stage name. Default: {@value #DEFAULT_STAGE_NAME}
 * @param loggingLevel           execution logging level. Default: {@link #DEFAULT_LOGGING_LEVEL}
 * @param throttlingBurstLimit   stage-wide burst limit, > 0. Default: {@value #DEFAULT_THROTTLING_BURST_LIMIT}
 * @param throttlingRateLimit    stage-wide steady rate in requests per second, > 0. Default: {@value #DEFAULT_THROTTLING_RATE_LIMIT}
 * @param accountCloudWatchRole  create the account's API Gateway CloudWatch role ({@code aws_api_gateway_account}).
 *                               Default: {@value #DEFAULT_ACCOUNT_CLOUD_WATCH_ROLE}
 * @param minimumCompressionSize compress responses larger than this many bytes (0..10485760); unset (null) turns
 *                               compression off
 * @param webAclArn              a WAFv2 web ACL (regional) to associate with the stage; unset (null) associates none
 */
public record RestApiProps(
    String name,
    String userPoolArn,
    LoadBalancer backend,
    int backendPort,
    List<String> publicPaths,
    List<PublicMethod> publicMethods,
    List<String> corsOrigins,
    String stageName,
    LoggingLevel loggingLevel,
    int throttlingBurstLimit,
    double throttlingRateLimit,
    boolean accountCloudWatchRole,
    Integer minimumCompressionSize,
    String webAclArn) {

  /** HTTP methods a public route may name; OPTIONS belongs to the CORS preflight. */
  public static final List<String> HTTP_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "ANY");
  /** A version in the URL, so a second stage can serve a changed API beside the first. */
  public static final String DEFAULT_STAGE_NAME = "v1";
  /** Errors and request summaries in the execution log, without request bodies. */
  public static final LoggingLevel DEFAULT_LOGGING_LEVEL = LoggingLevel.INFO;
  /** Far under the account's 5,000: one noisy client cannot take every other API's share. */
  public static final int DEFAULT_THROTTLING_BURST_LIMIT = 100;
  /** Half the burst, sustained. */
  public static final double DEFAULT_THROTTLING_RATE_LIMIT = 50;
  /** The role is account-wide (one per account and region), so creating it is asked for by name. */
  public static final boolean DEFAULT_ACCOUNT_CLOUD_WATCH_ROLE = false;
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
  private static final Pattern PATH = Pattern.compile("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$");
  private static final Pattern STAGE = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");
  private static final Pattern ORIGIN = Pattern.compile("^(https://[A-Za-z0-9.-]+|http://localhost)(:\\d{1,5})?$");
  private static final Pattern USER_POOL_ARN = Pattern.compile("^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\\d{12}:userpool/[\\w-]+_[0-9A-Za-z]+$");
  private static final Pattern WEB_ACL_ARN = Pattern.compile("^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/.+$");

  /** One unauthenticated method on a public path. */
  public record PublicMethod(String path, String httpMethod) {
    @Override
    public String toString() {
      return httpMethod + " /" + path;
    }
  }

  public RestApiProps {
    if (name != null) Validate.matches("name", name, NAME, "1-128 letters, digits, '.', '_' and '-'");
    if (userPoolArn == null) {
      throw Validate.invalid("authorizer", null, "a Cognito authorizer is required; call authorizer(pool) or cognitoAuthorizer(userPoolArn)");
    }
    if (!Tokens.isUnresolved(userPoolArn)) {
      Validate.matches("cognitoAuthorizer", userPoolArn, USER_POOL_ARN, "a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<id>)");
    }
    if (backend == null) throw Validate.invalid("vpcLinkBackend", null, "a network load balancer is required; call vpcLinkBackend(nlb, port)");
    if (backend.kind() != LoadBalancerKind.NETWORK) {
      throw new IllegalArgumentException("vpcLinkBackend needs a NETWORK load balancer, got " + backend.kind() + " ("
          + backend.getNode().getPath() + "): REST API VPC links can only target network load balancers");
    }
    Validate.range("backendPort", backendPort, 1, 65535);

    publicPaths = distinct("publicPaths", publicPaths == null ? List.of() : publicPaths.stream().map(RestApiProps::normalize).toList());
    for (String path : publicPaths) {
      Validate.matches("publicPaths", path, PATH, "path segments of letters, digits, '.', '_' and '-' separated by '/', e.g. health or api/status");
    }
    List<PublicMethod> methods = new ArrayList<>();
    for (PublicMethod m : publicMethods == null ? List.<PublicMethod>of() : publicMethods) {
      PublicMethod normalized = new PublicMethod(normalize(m.path()), m.httpMethod() == null ? null : m.httpMethod().toUpperCase(Locale.ROOT));
      if ("OPTIONS".equals(normalized.httpMethod())) {
        throw Validate.invalid("publicMethod", normalized.toString(), "OPTIONS is the CORS preflight; use cors(origins)");
      }
      Validate.oneOf("publicMethod", normalized.httpMethod(), HTTP_METHODS);
      if (!publicPaths.contains(normalized.path())) {
        throw Validate.invalid("publicMethod", normalized.toString(), "public route " + normalized
            + " does not exist; add it with publicPath(\"" + normalized.path() + "\")");
      }
      if (!methods.contains(normalized)) methods.add(normalized);
    }
    publicMethods = List.copyOf(methods);

    corsOrigins = distinct("cors", corsOrigins == null ? List.of() : corsOrigins);
    for (String origin : corsOrigins) {
      Validate.matches("cors", origin, ORIGIN, "origins such as https://app.example.com (http:// only for localhost; no \"*\", no path)");
    }
    Validate.matches("stageName", stageName, STAGE, "1-128 letters, digits, '_' and '-'");
    Validate.notNull("loggingLevel", loggingLevel);
    if (throttlingBurstLimit <= 0) throw Validate.invalid("throttlingBurstLimit", throttlingBurstLimit, "must be greater than 0");
    if (!(throttlingRateLimit > 0) || Double.isInfinite(throttlingRateLimit)) {
      throw Validate.invalid("throttlingRateLimit", throttlingRateLimit, "must be greater than 0 requests per second");
    }
    if (minimumCompressionSize != null) Validate.range("minimumCompressionSize", minimumCompressionSize, 0, 10_485_760);
    if (webAclArn != null && !Tokens.isUnresolved(webAclArn)) {
      Validate.matches("webAclArn", webAclArn, WEB_ACL_ARN, "a regional WAFv2 web ACL ARN (arn:aws:wafv2:<region>:<account>:regional/webacl/...)");
    }
  }

  /** Public paths with their unauthenticated methods (GET always; more from {@link #publicMethods}). */
  public Map<String, Set<String>> publicRoutes() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String path : publicPaths) out.computeIfAbsent(path, p -> new LinkedHashSet<>()).add("GET");
    for (PublicMethod m : publicMethods) out.get(m.path()).add(m.httpMethod());
    return out;
  }

  private static String normalize(String path) {
    return path != null && path.startsWith("/") ? path.substring(1) : path;
  }

  private static List<String> distinct(String field, List<String> values) {
    Set<String> seen = new LinkedHashSet<>();
    for (String value : values) {
      if (!seen.add(value)) throw Validate.invalid(field, value, "each value may appear once");
    }
    return List.copyOf(values);
  }

  /** A builder with every default; the name defaults too (see {@code name}). */
  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private String name;
    private String userPoolArn;
    private LoadBalancer backend;
    private int backendPort;
    private final List<String> publicPaths = new ArrayList<>();
    private final List<PublicMethod> publicMethods = new ArrayList<>();
    private final List<String> corsOrigins = new ArrayList<>();
    private String stageName = DEFAULT_STAGE_NAME;
    private LoggingLevel loggingLevel = DEFAULT_LOGGING_LEVEL;
    private int throttlingBurstLimit = DEFAULT_THROTTLING_BURST_LIMIT;
    private double throttlingRateLimit = DEFAULT_THROTTLING_RATE_LIMIT;
    private boolean accountCloudWatchRole = DEFAULT_ACCOUNT_CLOUD_WATCH_ROLE;
    private Integer minimumCompressionSize;
    private String webAclArn;

    private Builder() {}

    /** The physical name instead of the default one from the stack's naming. */
    public Builder name(String value) { this.name = Validate.notBlank("name", value); return this; }

    /** Authorizes callers with ID tokens of {@code pool} (the {@code Authorization} header). */
    public Builder authorizer(UserPool pool) { this.userPoolArn = pool.arn(); return this; }
    /** Authorizes callers with ID tokens of the user pool with this ARN (e.g. a cross-stack reference). */
    public Builder cognitoAuthorizer(String userPoolArn) { this.userPoolArn = userPoolArn; return this; }
    /** Proxies to {@code nlb} on {@code port} through a VPC link; REST VPC links need a network load balancer. */
    public Builder vpcLinkBackend(LoadBalancer nlb, int port) { this.backend = nlb; this.backendPort = port; return this; }
    /** Serves GET on {@code path} (e.g. {@code health}) without authorization; other methods there stay authorized. */
    public Builder publicPath(String path) { publicPaths.add(path); return this; }
    /** Makes one more method of a path given to {@link #publicPath} unauthenticated. */
    public Builder publicMethod(String path, String httpMethod) { publicMethods.add(new PublicMethod(path, httpMethod)); return this; }
    /** Answers CORS preflight requests from these origins. */
    public Builder cors(List<String> allowedOrigins) { corsOrigins.clear(); corsOrigins.addAll(allowedOrigins); return this; }
    public Builder stageName(String value) { this.stageName = value; return this; }
    public Builder loggingLevel(LoggingLevel value) { this.loggingLevel = value; return this; }
    public Builder throttlingBurstLimit(int value) { this.throttlingBurstLimit = value; return this; }
    public Builder throttlingRateLimit(double value) { this.throttlingRateLimit = value; return this; }
    /** See {@link RestApi}: the account-wide logging role, one per account and region. */
    public Builder accountCloudWatchRole(boolean value) { this.accountCloudWatchRole = value; return this; }
    public Builder minimumCompressionSize(Integer bytes) { this.minimumCompressionSize = bytes; return this; }
    public Builder webAclArn(String value) { this.webAclArn = value; return this; }

    public RestApiProps build() {
      return new RestApiProps(name, userPoolArn, backend, backendPort, publicPaths, publicMethods, corsOrigins, stageName,
          loggingLevel, throttlingBurstLimit, throttlingRateLimit, accountCloudWatchRole, minimumCompressionSize, webAclArn);
    }
  }
}
