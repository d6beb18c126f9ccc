package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * An ECS cluster on Fargate or on EC2 capacity.
 *
 * @param name              cluster name; unset (null) takes the naming helper's {@code <project>-<env>-<id>}
 * @param containerInsights CloudWatch Container Insights ({@link Builder#withoutContainerInsights()} turns it off).
 *                          Default: {@value #DEFAULT_CONTAINER_INSIGHTS}
 * @param ec2Capacity       EC2 Auto Scaling capacity ({@link Builder#ec2(Ec2Capacity)}); unset (null) for Fargate (the
 *                          FARGATE and FARGATE_SPOT providers)
 */
public record EcsClusterProps(String name, boolean containerInsights, Ec2Capacity ec2Capacity) {
  public static final boolean DEFAULT_CONTAINER_INSIGHTS = true;
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

  public EcsClusterProps {
    if (name != null) Validate.matches("name", name, NAME, "1-255 letters, digits, hyphens and underscores");
  }

  /** A Fargate cluster unless {@link Builder#ec2(Ec2Capacity)} gives it EC2 capacity. */
  public static Builder builder() {
    return new Builder();
  }

  /** A Fargate cluster: FARGATE and FARGATE_SPOT, default strategy FARGATE (base 1, weight 1). */
  public static Builder fargate() {
    return builder();
  }

  /** A cluster whose tasks run on the EC2 instances of {@code capacity}. */
  public static Builder ec2(Ec2Capacity capacity) {
    return builder().ec2(capacity);
  }

  public boolean isEc2() {
    return ec2Capacity != null;
  }

  public static final class Builder {
    private Ec2Capacity ec2Capacity;
    private String name;
    private boolean containerInsights = DEFAULT_CONTAINER_INSIGHTS;

    private Builder() {}

    /** Runs the tasks on the EC2 instances of {@code capacity} instead of Fargate. */
    public Builder ec2(Ec2Capacity capacity) { this.ec2Capacity = Validate.notNull("capacity", capacity); return this; }

    public Builder name(String value) { this.name = value; return this; }
    /** Turns Container Insights off (it is billed per metric); on by default. */
    public Builder withoutContainerInsights() { this.containerInsights = false; return this; }

    public EcsClusterProps build() {
      return new EcsClusterProps(name, containerInsights, ec2Capacity);
    }
  }
}
