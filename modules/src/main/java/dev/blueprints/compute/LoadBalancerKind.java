package dev.blueprints.compute;

import java.util.Locale;

/** The two kinds of Elastic Load Balancing v2 load balancer the project builds. */
public enum LoadBalancerKind {
  /** Layer 7 (HTTP, HTTPS): path routing, TLS termination, header hygiene. */
  APPLICATION,
  /** Layer 4 (TCP, TLS, UDP): static addresses per AZ; the target of API Gateway REST VPC links. */
  NETWORK;

  /** The {@code load_balancer_type} value. */
  public String terraformType() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code application load balancer} or {@code network load balancer}, for messages. */
  public String label() {
    return terraformType() + " load balancer";
  }

  /** The CloudWatch namespace of its metrics. */
  public String metricNamespace() {
    return this == APPLICATION ? "AWS/ApplicationELB" : "AWS/NetworkELB";
  }

  /** {@code an application load balancer} or {@code a network load balancer}, for messages. */
  public String withArticle() {
    return (this == APPLICATION ? "an " : "a ") + label();
  }
}
