package dev.blueprints.compute;

import dev.blueprints.core.ProviderFeatures;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.Tokens;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import dev.blueprints.observability.Widget;
import dev.blueprints.observability.Widgets;
import dev.blueprints.core.StackContext;
import com.hashicorp.cdktf.providers.aws.data_aws_elb_service_account.DataAwsElbServiceAccount;
import com.hashicorp.cdktf.providers.aws.data_aws_lb.DataAwsLb;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb.LbAccessLogs;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionAuthenticateCognito;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionAuthenticateOidc;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionFixedResponse;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_listener_certificate.LbListenerCertificate;
import dev.blueprints.auth.LoadBalancerClient;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.core.Account;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import dev.blueprints.network.Certificate;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.network.SubnetTier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * An application or network load balancer with a security group of its own, created empty.
 *
 * <ul>
 *   <li>Internal unless {@code internetFacing()} was asked for; an internet-facing load balancer opens each
 *   listener's port to {@code 0.0.0.0/0} as the listener is added, and nothing else. An internal one opens
 *   nothing: callers wire clients by intent ({@code lb.connections().allowFrom(client, Port.tcp(443), "...")}).</li>
 *   <li>Targets are wired the same way: {@code service.connections().allowFrom(lb, Port.tcp(port), "...")}
 *   writes the target's ingress and the load balancer's egress (health checks use that egress too: they are
 *   subject to the load balancer's outbound rules, not its inbound ones).</li>
 *   <li>Application: invalid header fields dropped, HTTP/2, the default ({@code defensive}) desync
 *   mitigation; HTTPS listeners with a TLS 1.3/1.2 policy and an HTTP to HTTPS redirect. Authenticate actions
 *   ({@link ListenerAction#authenticate}) open egress on 443 to the identity provider.</li>
 *   <li>Network: cross-zone load balancing on; TCP listeners. The security group is attached at creation
 *   (a network load balancer created without one can never get one).</li>
 *   <li>Deletion protection follows the environment unless set.</li>
 * </ul>
 */
public final class LoadBalancer extends BlueprintConstruct implements Connectable {
  /** TLS 1.3 and 1.2 only, forward-secret ciphers. */
  public static final String SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
  private static final Pattern CERTIFICATE_ARN = Pattern.compile("^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+$");
  private static final String ELB_SERVICE_ACCOUNT = "ElbServiceAccount";

  private final LoadBalancerProps props;
  private final LoadBalancerKind kind;
  private final boolean internetFacing;
  private final String vpcId;
  /** The looked-up load balancer of {@link #fromAttributes}; null for one built here. */
  private final DataAwsLb existing;
  private final String name;
  private final SecurityGroup securityGroup;
  private final Lb lb;
  private final Memo<String> arnSuffix;
  private final Memo<String> arn;
  private final Map<Integer, Listener> listeners = new LinkedHashMap<>();

  /**
   * An existing load balancer, read with the {@code aws_lb} data source (a wrong ARN fails at plan) and never
   * changed: target groups, listeners, rules and connections are added to it as to one built here.
   * {@code securityGroupId} is the group its listeners' ingress and its targets' rules are written on;
   * {@code internetFacing} says whether listeners open their ports to the internet.
   */
  public static LoadBalancer fromAttributes(Construct scope, String id, LoadBalancerKind kind, String arn, String securityGroupId,
      boolean internetFacing) {
    Validate.notNull("kind", kind);
    Validate.notBlank("arn", arn);
    if (!Tokens.isUnresolved(arn)) {
      Validate.matches("arn", arn, Pattern.compile("^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:loadbalancer/(app|net)/[A-Za-z0-9-]+/[0-9a-f]+$"),
          "a load balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app|net/<name>/<id>)");
      String type = arn.contains(":loadbalancer/app/") ? "app" : "net";
      if (!type.equals(kind == LoadBalancerKind.APPLICATION ? "app" : "net")) {
        throw Validate.invalid("kind", kind, "the kind of the load balancer the ARN names (" + (type.equals("app") ? "APPLICATION" : "NETWORK") + ")");
      }
    }
    return new LoadBalancer(scope, id, kind, arn, securityGroupId, internetFacing);
  }

  private LoadBalancer(Construct scope, String id, LoadBalancerKind kind, String arn, String securityGroupId, boolean internetFacing) {
    super(scope, id);
    this.props = null;
    this.kind = kind;
    this.internetFacing = internetFacing;
    this.existing = DataAwsLb.Builder.create(this, "Existing").arn(arn).build();
    this.vpcId = existing.getVpcId();
    this.name = existing.getName();
    this.lb = null;
    this.securityGroup = SecurityGroup.fromId(this, "SecurityGroup", securityGroupId);
    this.arn = Memo.of(() -> arn);
    this.arnSuffix = Memo.of(existing::getArnSuffix);
  }

  public LoadBalancer(Construct scope, String id, LoadBalancerProps props) {
    super(scope, id);
    this.props = Validate.notNull("props", props);
    this.kind = props.kind();
    this.internetFacing = props.internetFacing();
    this.vpcId = props.vpcId();
    this.existing = null;
    StackContext stack = context();
    name = props.name() != null ? props.name() : stack.naming().name(id.toLowerCase(Locale.ROOT), NameLimit.LOAD_BALANCER);
    boolean deletionProtection = props.deletionProtection() != null
        ? props.deletionProtection() : stack.environment().deletionProtection();

    securityGroup = new SecurityGroup(this, "SecurityGroup",
        SecurityGroupProps.builder(props.vpcId(), name + "-lb", "Load balancer " + name).build());

    var builder = Lb.Builder.create(this, "Resource")
        .name(name)
        .loadBalancerType(props.kind().terraformType())
        .internal(!props.internetFacing())
        .ipAddressType("ipv4")
        .subnets(props.subnets().subnetIds())
        .securityGroups(List.of(securityGroup.id()))
        .enableDeletionProtection(deletionProtection);
    if (props.kind() == LoadBalancerKind.APPLICATION) {
      builder.dropInvalidHeaderFields(true)
          .enableHttp2(true)
          .desyncMitigationMode("defensive")
          .idleTimeout(props.effectiveIdleTimeoutSeconds());
    } else {
      builder.enableCrossZoneLoadBalancing(true);
    }
    if (props.accessLogsBucket() != null) {
      var logs = LbAccessLogs.builder().enabled(true).bucket(props.accessLogsBucket().name());
      if (!props.accessLogsPrefix().isEmpty()) logs.prefix(props.accessLogsPrefix());
      builder.accessLogs(logs.build());
      // Elastic Load Balancing test-writes to the bucket when logging is switched on: the policy must exist first.
      if (Stacks.of(props.accessLogsBucket()) == Stacks.of(this)) {
        builder.dependsOn(List.of(props.accessLogsBucket().policy()));
      }
    }
    lb = builder.build();
    arnSuffix = Memo.of(lb::getArnSuffix);
    arn = Memo.of(lb::getArn);
    if (!props.enforcePrivateLinkInboundRules()) {
      // Not in the 5.23.1 bindings (added in hashicorp/aws 5.30.0): see LoadBalancerProps.Builder#skipSecurityGroupForPrivateLink.
      ProviderFeatures.set(lb, "enforce_security_group_inbound_rules_on_private_link_traffic", "off");
    }
  }

  /** Adds a target group; its protocol defaults to HTTP on an application and TCP on a network load balancer. */
  public TargetGroup addTargetGroup(String id, TargetGroupProps props) {
    Validate.notNull("props", props);
    if (getNode().tryFindChild(id) != null) throw Validate.invalid("id", id, "already used by another child of " + getNode().getPath());
    return new TargetGroup(this, id, props);
  }

  /**
   * HTTPS on 443 with the ACM certificate and {@value #SSL_POLICY}, forwarding to {@code defaultTarget}, plus
   * HTTP on 80 answering every request with a permanent redirect to HTTPS. Application load balancers only.
   */
  public Listener addHttpsListener(String certificateArn, TargetGroup defaultTarget) {
    requireKind(LoadBalancerKind.APPLICATION, "addHttpsListener", "addTcpListener");
    Certificate certificate = Certificate.fromArn(certificateArn);
    requireOwnTarget(defaultTarget);
    return addHttpsListener(HttpsListenerProps.builder(certificate, ListenerAction.forward(defaultTarget)).build());
  }

  /**
   * HTTPS on 443 as {@code props} says: TLS policy, default certificate and extra SNI certificates, a default
   * action that forwards or answers with a fixed response (after signing the user in, for an authenticate
   * action), and unless turned off HTTP on 80 redirecting to HTTPS. Rules go on the returned listener
   * ({@link Listener#addRule}). Application load balancers only.
   */
  public Listener addHttpsListener(HttpsListenerProps props) {
    requireKind(LoadBalancerKind.APPLICATION, "addHttpsListener", "addTcpListener");
    Validate.notNull("props", props);
    props.certificate().requireRegion("certificate", region());
    for (Certificate c : props.extraCertificates()) c.requireRegion("certificates", region());
    if (props.defaultAction().target() != null) requireOwnTarget(props.defaultAction().target());
    requireFreePort(443);
    if (props.redirectHttp()) requireFreePort(80);
    if (props.defaultAction().authentication() != null) {
      requireAuthenticationSupported("defaultAction", "HTTPS", 443);
      allowIdentityProviderCalls();
    }
    Listener https = listener("Https443", LbListener.Builder.create(this, "Https443")
        .loadBalancerArn(arn.get())
        .port(443)
        .protocol("HTTPS")
        .sslPolicy(props.tlsPolicy().value())
        .certificateArn(props.certificate().arn())
        .defaultAction(defaultActions(props.defaultAction())), 443);
    if (props.defaultAction().target() != null) props.defaultAction().target().forwardedBy(https.resource());
    for (int i = 0; i < props.extraCertificates().size(); i++) {
      LbListenerCertificate.Builder.create(this, "Https443Certificate" + (i + 1))
          .listenerArn(https.arn())
          .certificateArn(props.extraCertificates().get(i).arn())
          .build();
    }
    if (props.redirectHttp()) {
      listener("HttpRedirect80", LbListener.Builder.create(this, "HttpRedirect80")
          .loadBalancerArn(arn.get())
          .port(80)
          .protocol("HTTP")
          .defaultAction(List.of(LbListenerDefaultAction.builder()
              .type("redirect")
              .redirect(LbListenerDefaultActionRedirect.builder().protocol("HTTPS").port("443").statusCode("HTTP_301").build())
              .build())), 80);
    }
    return https;
  }

  /** {@link #addHttpsListener(String, TargetGroup)} with an imported certificate, whose region must be this stack's. */
  public Listener addHttpsListener(Certificate certificate, TargetGroup defaultTarget) {
    Validate.notNull("certificate", certificate).requireRegion("certificate", region());
    return addHttpsListener(certificate.arn(), defaultTarget);
  }

  /**
   * Plain HTTP on {@code port}, forwarding to {@code defaultTarget}. Application load balancers only.
   *
   * <p>Insecure: requests and responses (cookies, tokens, personal data) cross the network unencrypted and
   * can be read or altered on the way. Use it only where TLS ends before the load balancer (a CDN or API in
   * front) or for internal traffic that carries nothing sensitive; otherwise use {@link #addHttpsListener}.
   */
  public Listener addPlainHttpListener(int port, TargetGroup defaultTarget) {
    requireKind(LoadBalancerKind.APPLICATION, "addPlainHttpListener", "addTcpListener");
    Validate.range("port", port, 1, 65535);
    requireOwnTarget(defaultTarget);
    requireFreePort(port);
    return forwardingListener("Http", port, "HTTP", defaultTarget);
  }

  /** TCP on {@code port}, forwarding to a TCP target group. Network load balancers only. */
  public Listener addTcpListener(int port, TargetGroup defaultTarget) {
    requireKind(LoadBalancerKind.NETWORK, "addTcpListener", "addHttpsListener or addPlainHttpListener");
    Validate.range("port", port, 1, 65535);
    requireOwnTarget(defaultTarget);
    if (defaultTarget.protocol() != TargetProtocol.TCP && defaultTarget.protocol() != TargetProtocol.TCP_UDP) {
      throw Validate.invalid("defaultTarget.protocol", defaultTarget.protocol(), "a TCP listener forwards to a TCP or TCP_UDP target group");
    }
    requireFreePort(port);
    return forwardingListener("Tcp", port, "TCP", defaultTarget);
  }

  public LoadBalancerKind kind() {
    return kind;
  }

  public String arn() {
    return arn.get();
  }

  /** The ARN suffix, the {@code LoadBalancer} dimension of CloudWatch metrics. */
  public String arnSuffix() {
    return arnSuffix.get();
  }

  /** 5xx answered by the load balancer itself (application load balancers only). */
  public Metric metricHttp5xx() {
    if (kind() != LoadBalancerKind.APPLICATION) {
      throw Validate.invalid("kind", kind(), "HTTP metrics exist only for APPLICATION load balancers; a network load balancer has none");
    }
    return Metrics.albHttp5xx(arnSuffix());
  }

  /**
   * A dashboard row for this load balancer. Application: requests, p95 and average target response time,
   * 5xx (load balancer and targets). Network (no HTTP metrics): new flows, processed bytes, target TCP resets.
   */
  public List<Widget> widgets(String title) {
    return widgets(title, kind(), arnSuffix());
  }

  /** The dashboard row of {@link #widgets(String)} for any load balancer of {@code kind}, by its ARN suffix. */
  public static List<Widget> widgets(String title, LoadBalancerKind kind, String arnSuffix) {
    Map<String, String> lb = Map.of("LoadBalancer", Validate.notBlank("arnSuffix", arnSuffix));
    String ns = kind.metricNamespace();
    if (kind == LoadBalancerKind.APPLICATION) {
      return Widgets.row(title,
          Widgets.widget("Requests", "Sum", Metric.of(ns, "RequestCount", lb)),
          Widgets.widget("Target response time (s)", "p95",
              Metric.of(ns, "TargetResponseTime", lb).withLabel("p95"),
              Metric.of(ns, "TargetResponseTime", lb).withStat("Average").withLabel("average")),
          Widgets.widget("5xx", "Sum",
              Metric.of(ns, "HTTPCode_ELB_5XX_Count", lb).withLabel("load balancer 5xx"),
              Metric.of(ns, "HTTPCode_Target_5XX_Count", lb).withLabel("target 5xx")));
    }
    return Widgets.row(title,
        Widgets.widget("New flows", "Sum", Metric.of(ns, "NewFlowCount", lb)),
        Widgets.widget("Processed bytes", "Sum", Metric.of(ns, "ProcessedBytes", lb)),
        Widgets.widget("Target TCP resets", "Sum", Metric.of(ns, "TCP_Target_Reset_Count", lb)));
  }

  public String dnsName() {
    return existing != null ? existing.getDnsName() : lb.getDnsName();
  }

  /** The Route 53 hosted zone of the DNS name, for alias records. */
  public String zoneId() {
    return existing != null ? existing.getZoneId() : lb.getZoneId();
  }

  /** The load balancer's name as a reference (the naming rule: {@code name()} is a reference, {@code physicalName()} a literal). */
  public String name() {
    return existing != null ? existing.getName() : lb.getName();
  }

  /** The physical name, known at synth. */
  public String physicalName() {
    return name;
  }

  public String vpcId() {
    return vpcId;
  }

  public boolean isInternetFacing() {
    return internetFacing;
  }

  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  public Lb resource() {
    return lb;
  }

  /** Listeners by port. */
  public Map<Integer, Listener> listeners() {
    return Map.copyOf(listeners);
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }

  /** A {@code protocol} listener on {@code port} (construct id {@code <idPrefix><port>}) forwarding to {@code defaultTarget}. */
  private Listener forwardingListener(String idPrefix, int port, String protocol, TargetGroup defaultTarget) {
    Listener listener = listener(idPrefix + port, LbListener.Builder.create(this, idPrefix + port)
        .loadBalancerArn(arn.get())
        .port(port)
        .protocol(protocol)
        .defaultAction(List.of(forward(defaultTarget))), port);
    defaultTarget.forwardedBy(listener.resource());
    return listener;
  }

  private Listener listener(String id, LbListener.Builder builder, int port) {
    Listener listener = new Listener(this, builder.build(), port);
    listeners.put(port, listener);
    if (internetFacing) {
      connections().allowFromAnyIpv4(Port.tcp(port), "Clients on the internet to listener " + port);
    }
    return listener;
  }

  /**
   * Checks that an authenticate action can work on listener {@code port}: Elastic Load Balancing takes them on
   * an application load balancer's HTTPS listeners only, and the load balancer then calls the identity
   * provider's token and user-info endpoints on the internet, which isolated subnets have no route to.
   */
  void requireAuthenticationSupported(String field, String protocol, int port) {
    if (kind != LoadBalancerKind.APPLICATION || !"HTTPS".equals(protocol)) {
      throw Validate.invalid(field, "authenticate", "an application load balancer's HTTPS listener; listener " + port + " of "
          + getNode().getPath() + " is " + protocol + " on " + kind.withArticle());
    }
    if (props != null && props.subnets().tier() == SubnetTier.ISOLATED) {
      throw Validate.invalid(field, "authenticate", "subnets with a route to the identity provider (public, or private with NAT); "
          + getNode().getPath() + " is in the isolated tier");
    }
  }

  /** Egress on 443 to the identity provider for authenticate actions: the security group denies egress unless opened. */
  void allowIdentityProviderCalls() {
    connections().allowToAnyIpv4(Port.tcp(443),
        "Identity provider token and user-info endpoints over HTTPS, called by the listeners' authenticate actions");
  }

  /** The listener's default action, after an authenticate action (order 1, the forward or fixed response 2) when it has one. */
  private static List<LbListenerDefaultAction> defaultActions(ListenerAction action) {
    AuthenticateProps auth = action.authentication();
    if (auth == null) return List.of(defaultAction(action, null));
    var first = LbListenerDefaultAction.builder().type(auth.provider().actionType()).order(ListenerAction.AUTHENTICATE_ORDER);
    LoadBalancerClient cognito = auth.provider().cognito();
    IdentityProvider.Oidc oidc = auth.provider().oidc();
    if (cognito != null) {
      first.authenticateCognito(LbListenerDefaultActionAuthenticateCognito.builder().userPoolArn(cognito.userPoolArn())
          .userPoolClientId(cognito.clientId()).userPoolDomain(cognito.domain()).scope(auth.scope()).sessionCookieName(auth.sessionCookieName())
          .sessionTimeout(auth.sessionTimeoutSeconds()).onUnauthenticatedRequest(auth.onUnauthenticatedRequest().value()).build());
    } else {
      first.authenticateOidc(LbListenerDefaultActionAuthenticateOidc.builder().issuer(oidc.issuer()).authorizationEndpoint(oidc.authorizationEndpoint())
          .tokenEndpoint(oidc.tokenEndpoint()).userInfoEndpoint(oidc.userInfoEndpoint()).clientId(oidc.clientId()).clientSecret(oidc.clientSecret())
          .scope(auth.scope()).sessionCookieName(auth.sessionCookieName()).sessionTimeout(auth.sessionTimeoutSeconds())
          .onUnauthenticatedRequest(auth.onUnauthenticatedRequest().value()).build());
    }
    return List.of(first.build(), defaultAction(action, ListenerAction.FINAL_ORDER));
  }

  /** A forward or fixed response; {@code order} is null when it is the only action. */
  private static LbListenerDefaultAction defaultAction(ListenerAction action, Integer order) {
    if (action.target() != null) return LbListenerDefaultAction.builder().type("forward").targetGroupArn(action.target().arn()).order(order).build();
    return LbListenerDefaultAction.builder().type("fixed-response").order(order)
        .fixedResponse(LbListenerDefaultActionFixedResponse.builder()
            .statusCode(String.valueOf(action.statusCode())).contentType(action.contentType()).messageBody(action.body()).build())
        .build();
  }

  /** Checks that a rule's forward target belongs here (listener rules call it). */
  void requireOwnRuleTarget(TargetGroup target) {
    requireOwnTarget(target);
  }

  private static LbListenerDefaultAction forward(TargetGroup target) {
    return LbListenerDefaultAction.builder().type("forward").targetGroupArn(target.arn()).build();
  }

  private void requireKind(LoadBalancerKind kind, String method, String instead) {
    if (this.kind != kind) {
      throw new IllegalArgumentException(method + " needs " + kind.withArticle() + ", but " + getNode().getPath()
          + " is " + this.kind.withArticle() + "; use " + instead);
    }
  }

  private void requireOwnTarget(TargetGroup target) {
    Validate.notNull("defaultTarget", target);
    if (target.loadBalancer() != this) {
      throw Validate.invalid("defaultTarget", target.getNode().getPath(), "a target group created by this load balancer's addTargetGroup");
    }
  }

  private void requireFreePort(int port) {
    if (listeners.containsKey(port)) throw Validate.invalid("port", port, "already has a listener on " + getNode().getPath());
  }
}
