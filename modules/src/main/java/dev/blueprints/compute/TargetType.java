package dev.blueprints.compute;

import java.util.Locale;

/** How targets register with a target group. */
public enum TargetType {
  /** By private IP address: Fargate and {@code awsvpc} tasks. */
  IP,
  /** By instance id: EC2 instances, Auto Scaling groups, bridge-mode tasks. */
  INSTANCE;

  /** The {@code target_type} value. */
  public String terraformValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
