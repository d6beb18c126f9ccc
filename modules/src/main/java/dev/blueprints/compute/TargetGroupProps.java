package dev.blueprints.compute;

import dev.blueprints.core.Validate;

/**
 * A target group of a {@link LoadBalancer}, created by {@link LoadBalancer#addTargetGroup}.
 *
 * @param port                       port the targets listen on, 1..65535
 * @param protocol                   protocol to the targets; null follows the load balancer: HTTP behind an
 *                                   application load balancer, TCP behind a network load balancer. Default: null
 * @param targetType                 how targets register. Default: {@link #DEFAULT_TARGET_TYPE} (Fargate, {@code awsvpc})
 * @param healthCheck                health check. Default: {@link #DEFAULT_HEALTH_CHECK}
 * @param deregistrationDelaySeconds seconds a deregistering target keeps its in-flight requests, 0..3600.
 *                                   Default: {@value #DEFAULT_DEREGISTRATION_DELAY_SECONDS}
 */
public record TargetGroupProps(
    int port,
    TargetProtocol protocol,
    TargetType targetType,
    HealthCheck healthCheck,
    int deregistrationDelaySeconds) {

  public static final TargetType DEFAULT_TARGET_TYPE = TargetType.IP;
  /** {@link HealthCheck#defaults()}: the protocol and path follow the target group. */
  public static final HealthCheck DEFAULT_HEALTH_CHECK = HealthCheck.defaults();
  public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 30;

  public TargetGroupProps {
    Validate.range("port", port, 1, 65535);
    Validate.notNull("targetType", targetType);
    Validate.notNull("healthCheck", healthCheck);
    Validate.range("deregistrationDelaySeconds", deregistrationDelaySeconds, 0, 3600);
  }

  public static Builder builder(int port) {
    return new Builder(port);
  }

  public static final class Builder {
    private final int port;
    private TargetProtocol protocol;
    private TargetType targetType = DEFAULT_TARGET_TYPE;
    private HealthCheck healthCheck = DEFAULT_HEALTH_CHECK;
    private int deregistrationDelaySeconds = DEFAULT_DEREGISTRATION_DELAY_SECONDS;

    private Builder(int port) {
      this.port = port;
    }

    public Builder protocol(TargetProtocol value) { this.protocol = value; return this; }
    public Builder targetType(TargetType value) { this.targetType = value; return this; }
    public Builder healthCheck(HealthCheck value) { this.healthCheck = value; return this; }
    public Builder deregistrationDelaySeconds(int value) { this.deregistrationDelaySeconds = value; return this; }

    public TargetGroupProps build() {
      return new TargetGroupProps(port, protocol, targetType, healthCheck, deregistrationDelaySeconds);
    }
  }
}
