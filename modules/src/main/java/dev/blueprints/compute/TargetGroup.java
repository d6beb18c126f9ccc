package dev.blueprints.compute;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import software.constructs.Construct;

/**
 * A target group of a {@link LoadBalancer}; create it with {@link LoadBalancer#addTargetGroup}.
 *
 * <p>Changing the port, protocol or target type replaces a target group, and a listener still points at the
 * old one while it is replaced. So the group is created before the old one is destroyed, and its name carries
 * a short hash of those three settings so the two can coexist.
 *
 * <p>Targets accept traffic (and the load balancer's health checks, which use the traffic port) through
 * {@code target.connections().allowFrom(loadBalancer, Port.tcp(group.port()), "...")}.
 *
 * <p>The group records the listeners and listener rules that forward to it: ECS refuses to register a service
 * with a group no load balancer uses yet, so an {@link EcsService} is created after them ({@link #whenForwarded}).
 */
public final class TargetGroup extends BlueprintConstruct {
  private final LoadBalancer loadBalancer;
  private final LbTargetGroup group;
  private final Memo<String> arnSuffix;
  private final Memo<String> arn;
  private final int port;
  private final TargetProtocol protocol;
  private final TargetType targetType;
  private final List<TerraformResource> forwarders = new ArrayList<>();
  private final List<Consumer<TerraformResource>> forwardWatchers = new ArrayList<>();

  TargetGroup(LoadBalancer loadBalancer, String id, TargetGroupProps props) {
    super(loadBalancer, id);
    this.loadBalancer = loadBalancer;
    LoadBalancerKind kind = loadBalancer.kind();
    this.port = props.port();
    this.protocol = props.protocol() != null ? props.protocol() : TargetProtocol.defaultFor(kind);
    this.targetType = props.targetType();
    if (!TargetProtocol.allowedFor(kind).contains(protocol)) {
      throw Validate.invalid("protocol", protocol, kind.withArticle() + " forwards " + TargetProtocol.allowedFor(kind));
    }
    HealthCheck check = props.healthCheck();
    TargetProtocol checkProtocol = check.resolvedProtocol(protocol);
    if (kind == LoadBalancerKind.APPLICATION && !checkProtocol.isHttp()) {
      throw Validate.invalid("healthCheck.protocol", checkProtocol, "an application load balancer checks targets over HTTP or HTTPS");
    }

    var health = LbTargetGroupHealthCheck.builder()
        .enabled(true)
        .protocol(checkProtocol.name())
        .port("traffic-port")
        .interval(check.intervalSeconds())
        .timeout(check.timeoutSeconds())
        .healthyThreshold(check.healthyThreshold())
        .unhealthyThreshold(check.unhealthyThreshold());
    if (checkProtocol.isHttp()) {
      health.path(check.path() != null ? check.path() : "/").matcher(check.matcher() != null ? check.matcher() : "200-399");
    }

    String settings = protocol + ":" + port + ":" + targetType;
    String component = (Stacks.id(loadBalancer) + "-" + id).toLowerCase(Locale.ROOT)
        + "-" + String.format("%04x", settings.hashCode() & 0xffff);
    group = LbTargetGroup.Builder.create(this, "Resource")
        .name(naming().name(component, NameLimit.TARGET_GROUP))
        .port(port)
        .protocol(protocol.name())
        .targetType(targetType.terraformValue())
        .vpcId(loadBalancer.vpcId())
        .deregistrationDelay(String.valueOf(props.deregistrationDelaySeconds()))
        .healthCheck(health.build())
        .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
        .build();
    arnSuffix = Memo.of(group::getArnSuffix);
    arn = Memo.of(group::getArn);
  }

  public String arn() {
    return arn.get();
  }

  /** The ARN suffix, the {@code TargetGroup} dimension of CloudWatch metrics. */
  public String arnSuffix() {
    return arnSuffix.get();
  }

  public int port() {
    return port;
  }

  public TargetProtocol protocol() {
    return protocol;
  }

  public TargetType targetType() {
    return targetType;
  }

  public LoadBalancer loadBalancer() {
    return loadBalancer;
  }

  /** 5xx returned by this group's targets (application load balancers only). */
  public Metric metricTarget5xx() {
    return Metrics.albTarget5xx(http("metricTarget5xx"), arnSuffix());
  }

  /** p95 response time of this group's targets in seconds (application load balancers only). */
  public Metric metricResponseTime() {
    return Metrics.albTargetResponseTime(http("metricResponseTime"), arnSuffix());
  }

  /** Unhealthy targets of this group (maximum); for either kind of load balancer. */
  public Metric metricUnhealthyHosts() {
    return loadBalancer().kind() == LoadBalancerKind.APPLICATION
        ? Metrics.albUnhealthyHosts(loadBalancer().arnSuffix(), arnSuffix())
        : Metrics.nlbUnhealthyHosts(loadBalancer().arnSuffix(), arnSuffix());
  }

  private String http(String metric) {
    if (loadBalancer().kind() != LoadBalancerKind.APPLICATION) {
      throw Validate.invalid("metric", metric, "HTTP metrics exist only for target groups of APPLICATION load balancers");
    }
    return loadBalancer().arnSuffix();
  }

  /** Records that {@code forwarder} (a listener or listener rule) forwards here; called where one is created. */
  void forwardedBy(TerraformResource forwarder) {
    forwarders.add(forwarder);
    for (Consumer<TerraformResource> watcher : List.copyOf(forwardWatchers)) watcher.accept(forwarder);
  }

  /**
   * Calls {@code watcher} with every listener and rule forwarding here: those created so far at once, later
   * ones when they are created, so the order in which the forwarder and its user are declared does not matter.
   */
  void whenForwarded(Consumer<TerraformResource> watcher) {
    forwardWatchers.add(watcher);
    for (TerraformResource forwarder : List.copyOf(forwarders)) watcher.accept(forwarder);
  }

  public LbTargetGroup resource() {
    return group;
  }
}
