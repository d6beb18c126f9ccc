package dev.blueprints.compute;

import dev.blueprints.core.Validate;

/**
 * Application Auto Scaling of an {@link EcsService}'s task count with target tracking: on average CPU, average
 * memory and requests per task (the target group of an application load balancer the service registers with).
 * Scale-out is quick and scale-in slow, so the count does not flap.
 *
 * @param min                 fewest tasks
 * @param max                 most tasks
 * @param cpuTargetPercent    average CPU utilization to hold, in (0, 100]. Default: none
 * @param memoryTargetPercent average memory utilization to hold, in (0, 100]. Default: none
 * @param requestsPerTarget   requests per task to hold on a target group. Default: none
 */
public record ServiceScalingProps(int min, int max, Double cpuTargetPercent, Double memoryTargetPercent,
    RequestsPerTarget requestsPerTarget) {

  public ServiceScalingProps {
    validate("", min, max, cpuTargetPercent, memoryTargetPercent, requestsPerTarget != null);
  }

  /** Between {@code min} and {@code max} tasks; add at least one target. */
  public static Builder builder(int min, int max) {
    return new Builder(min, max);
  }

  /**
   * Requests per task on a target group ({@code ALBRequestCountPerTarget}, counted per minute).
   *
   * @param targetGroup a target group of an application load balancer, which the service registers with
   * @param requests    requests per task to hold, above 0
   */
  public record RequestsPerTarget(TargetGroup targetGroup, double requests) {
    public RequestsPerTarget {
      Validate.notNull("requestsPerTarget.targetGroup", targetGroup);
      if (targetGroup.loadBalancer().kind() != LoadBalancerKind.APPLICATION) {
        throw Validate.invalid("requestsPerTarget.targetGroup", targetGroup.getNode().getPath(),
            "a target group of an APPLICATION load balancer (a network load balancer counts no requests)");
      }
      Validate.finite("requestsPerTarget", requests);
      if (requests <= 0) throw Validate.invalid("requestsPerTarget", requests, "a positive number of requests per task");
    }
  }

  /** The checks of the task range and the targets; {@code prefix} names the props field the values came from. */
  static void validate(String prefix, int min, int max, Double cpuTargetPercent, Double memoryTargetPercent, boolean requests) {
    Validate.range(prefix + "min", min, 0, 5000);
    Validate.range(prefix + "max", max, 1, 5000);
    Validate.ordered(prefix + "min", min, prefix + "max", max);
    if (cpuTargetPercent == null && memoryTargetPercent == null && !requests) {
      throw Validate.invalid(prefix.isEmpty() ? "targets" : prefix.substring(0, prefix.length() - 1), "no target",
          "a CPU or a memory target percent (or both)" + (prefix.isEmpty() ? ", or requests per target" : ""));
    }
    requirePercent(prefix + "cpuTargetPercent", cpuTargetPercent);
    requirePercent(prefix + "memoryTargetPercent", memoryTargetPercent);
  }

  private static void requirePercent(String field, Double value) {
    if (value == null) return;
    Validate.finite(field, value);
    if (value <= 0 || value > 100) throw Validate.invalid(field, value, "a percentage in (0, 100]");
  }

  public static final class Builder {
    private final int min;
    private final int max;
    private Double cpuTargetPercent;
    private Double memoryTargetPercent;
    private RequestsPerTarget requestsPerTarget;

    private Builder(int min, int max) {
      this.min = min;
      this.max = max;
    }

    public Builder cpuTargetPercent(double value) { this.cpuTargetPercent = value; return this; }
    public Builder memoryTargetPercent(double value) { this.memoryTargetPercent = value; return this; }
    /** Holds {@code requests} per task per minute on {@code targetGroup}, which the service must register with. */
    public Builder requestsPerTarget(TargetGroup targetGroup, double requests) {
      this.requestsPerTarget = new RequestsPerTarget(targetGroup, requests);
      return this;
    }

    public ServiceScalingProps build() {
      return new ServiceScalingProps(min, max, cpuTargetPercent, memoryTargetPercent, requestsPerTarget);
    }
  }
}
