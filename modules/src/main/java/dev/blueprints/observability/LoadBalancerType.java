package dev.blueprints.observability;

/** Which CloudWatch namespace a load balancer's metrics live in. */
public enum LoadBalancerType {
  /** {@code AWS/ApplicationELB}. */
  APPLICATION("AWS/ApplicationELB"),
  /** {@code AWS/NetworkELB}. */
  NETWORK("AWS/NetworkELB");

  private final String namespace;

  LoadBalancerType(String namespace) {
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }
}
