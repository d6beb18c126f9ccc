package dev.blueprints.compute;

import java.util.EnumSet;
import java.util.Set;

/** Protocols of target groups and health checks. */
public enum TargetProtocol {
  HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP;

  /** Target-group protocols each kind of load balancer accepts. */
  public static Set<TargetProtocol> allowedFor(LoadBalancerKind kind) {
    return kind == LoadBalancerKind.APPLICATION ? EnumSet.of(HTTP, HTTPS) : EnumSet.of(TCP, TLS, UDP, TCP_UDP);
  }

  /** The protocol a target group of {@code kind} gets when none is given. */
  public static TargetProtocol defaultFor(LoadBalancerKind kind) {
    return kind == LoadBalancerKind.APPLICATION ? HTTP : TCP;
  }

  public boolean isHttp() {
    return this == HTTP || this == HTTPS;
  }
}
