package dev.blueprints.compute;

/**
 * How an ECS task's containers are networked.
 *
 * <ul>
 *   <li>{@link #AWSVPC}: each task gets its own network interface in the service's subnets and its own
 *       security group (the only mode Fargate supports). On EC2 the instance type's ENI limit caps how
 *       many tasks an instance can run (a t3.medium holds two).</li>
 *   <li>{@link #BRIDGE}: EC2 only; containers share the instance's network through Docker's bridge with
 *       dynamic host ports (32768-65535), and the instance security group is the task's.</li>
 *   <li>{@link #HOST}: EC2 only; containers bind the instance's ports directly (one task per port and instance).</li>
 * </ul>
 */
public enum NetworkMode {
  AWSVPC,
  BRIDGE,
  HOST;

  /** The value of the task definition's {@code network_mode}: the constant's name in lower case. */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
