package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.EnumSet;

/**
 * A target group's health check. Unset fields follow the target group: an HTTP check of {@code /} on an
 * application load balancer's group, a TCP connect on a network load balancer's group (an HTTP check
 * there when a path or matcher is given).
 *
 * @param protocol           HTTP, HTTPS or TCP; null follows the target group. Default: null
 * @param path               request path, starting with {@code /}; HTTP(S) only. Default: {@code /} for HTTP(S) checks
 * @param matcher            status codes that count as healthy, e.g. {@code 200} or {@code 200-399}; HTTP(S) only.
 *                           Default: {@code 200-399} for HTTP(S) checks
 * @param intervalSeconds    seconds between checks, 5..300. Default: 30
 * @param timeoutSeconds     seconds before a check fails, 2..120 and less than the interval. Default: 5
 * @param healthyThreshold   consecutive successes before a target is healthy, 2..10. Default: 3
 * @param unhealthyThreshold consecutive failures before a target is unhealthy, 2..10. Default: 3
 */
public record HealthCheck(
    TargetProtocol protocol,
    String path,
    String matcher,
    int intervalSeconds,
    int timeoutSeconds,
    int healthyThreshold,
    int unhealthyThreshold) {

  public HealthCheck {
    if (protocol != null) {
      Validate.oneOf("healthCheck.protocol", protocol, EnumSet.of(TargetProtocol.HTTP, TargetProtocol.HTTPS, TargetProtocol.TCP));
      if (protocol == TargetProtocol.TCP && (path != null || matcher != null)) {
        throw Validate.invalid("healthCheck.path", path != null ? path : matcher, "TCP health checks take no path or matcher");
      }
    }
    if (path != null) {
      if (!path.startsWith("/") || path.length() > 1024) {
        throw Validate.invalid("healthCheck.path", path, "a path starting with \"/\", at most 1024 characters");
      }
    }
    if (matcher != null) {
      Validate.matches("healthCheck.matcher", matcher, java.util.regex.Pattern.compile("^[1-5]\\d\\d([-,][1-5]\\d\\d)*$"),
          "HTTP codes such as \"200\", \"200,204\" or \"200-399\"");
    }
    Validate.range("healthCheck.intervalSeconds", intervalSeconds, 5, 300);
    Validate.range("healthCheck.timeoutSeconds", timeoutSeconds, 2, 120);
    if (timeoutSeconds >= intervalSeconds) {
      throw Validate.invalid("healthCheck.timeoutSeconds", timeoutSeconds,
          "must be less than healthCheck.intervalSeconds = " + intervalSeconds);
    }
    Validate.range("healthCheck.healthyThreshold", healthyThreshold, 2, 10);
    Validate.range("healthCheck.unhealthyThreshold", unhealthyThreshold, 2, 10);
  }

  /** Every default: follows the target group's protocol. */
  public static HealthCheck defaults() {
    return builder().build();
  }

  /** An HTTP check of {@code path} with the default matcher and timings. */
  public static HealthCheck http(String path) {
    return builder().path(path).build();
  }

  /** A TCP connect check, e.g. for a network load balancer in front of a non-HTTP service. */
  public static HealthCheck tcp() {
    return builder().protocol(TargetProtocol.TCP).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The protocol the check uses behind a target group with {@code targetProtocol}. */
  TargetProtocol resolvedProtocol(TargetProtocol targetProtocol) {
    if (protocol != null) return protocol;
    if (targetProtocol.isHttp()) return targetProtocol;
    return path != null || matcher != null ? TargetProtocol.HTTP : TargetProtocol.TCP;
  }

  public static final class Builder {
    private TargetProtocol protocol;
    private String path;
    private String matcher;
    private int intervalSeconds = 30;
    private int timeoutSeconds = 5;
    private int healthyThreshold = 3;
    private int unhealthyThreshold = 3;

    private Builder() {}

    public Builder protocol(TargetProtocol value) { this.protocol = value; return this; }
    public Builder path(String value) { this.path = value; return this; }
    public Builder matcher(String value) { this.matcher = value; return this; }
    public Builder intervalSeconds(int value) { this.intervalSeconds = value; return this; }
    public Builder timeoutSeconds(int value) { this.timeoutSeconds = value; return this; }
    public Builder healthyThreshold(int value) { this.healthyThreshold = value; return this; }
    public Builder unhealthyThreshold(int value) { this.unhealthyThreshold = value; return this; }

    public HealthCheck build() {
      return new HealthCheck(protocol, path, matcher, intervalSeconds, timeoutSeconds, healthyThreshold, unhealthyThreshold);
    }
  }
}
