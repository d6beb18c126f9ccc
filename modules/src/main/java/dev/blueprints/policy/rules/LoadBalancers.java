package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;

/** Load balancer facts shared by the LB rules. */
final class LoadBalancers {
  private LoadBalancers() {}

  /** {@code load_balancer_type} defaults to application. */
  static boolean application(ResourceView lb) {
    String type = lb.text("load_balancer_type");
    return type == null || type.equals("application");
  }
}
