package dev.blueprints.compute;

import dev.blueprints.core.Validate;

/**
 * Application Auto Scaling of an {@link EcsService}'s task count with target tracking: on average CPU, average
 * memory and requests per task (the target group of an application load balancer the service registers with).
 * Scale-out is quick and scale-in slow, so the count does not flap.
 *
 * @param min                      fewest tasks
 * @param max                      most tasks
 * @param cpuTargetPercent         average CPU utilization to hold, in (0, 100]. Default: none
 * @param memoryTargetPercent      average memory utilization to hold, in (0, 100]. Default: none
 * @param requestTargetGroup       the target group whose requests per task are tracked. Default: none
 * @param requestsPerTarget        requests per task (per minute, the metric's period) to hold; set with
 *                                 {@code requestTargetGroup}. Default: none
 * @param scaleOutCooldownSeconds  seconds between scale-out steps. Default: {@value #DEFAULT_SCALE_OUT_COOLDOWN_SECONDS}
 * @param scaleInCooldownSeconds   seconds between scale-in steps. Default: {@value #DEFAULT_SCALE_IN_COOLDOWN_SECONDS}
 */
public record ServiceScalingProps(
    int min,
    int max,
    Double cpuTargetPercent,
    Double memoryTargetPercent,
    TargetGroup requestTargetGroup,
    Double requestsPerTarget,
    int scaleOutCooldownSeconds,
    int scaleInCooldownSeconds) {

  public static final int DEFAULT_SCALE_OUT_COOLDOWN_SECONDS = 60;
  public static final int DEFAULT_SCALE_IN_COOLDOWN_SECONDS = 300;

  public ServiceScalingProps {
    validate("", min, max, cpuTargetPercent, memoryTargetPercent, requestsPerTarget);
    if ((requestTargetGroup == null) != (requestsPerTarget == null)) {
      throw Validate.invalid("requestsPerTarget", requestsPerTarget, "set together with its target group (requestsPerTarget(targetGroup, requests))");
    }
    if (requestTargetGroup != null) {
      if (requestTargetGroup.loadBalancer().kind() != LoadBalancerKind.APPLICATION) {
        throw Validate.invalid("requestsPerTarget.targetGroup", requestTargetGroup.getNode().getPath(),
            "a target group of an APPLICATION load balancer (a network load balancer counts no requests)");
      }
      Validate.finite("requestsPerTarget", requestsPerTarget);
      if (requestsPerTarget <= 0) throw Validate.invalid("requestsPerTarget", requestsPerTarget, "a positive number of requests per task");
    }
    Validate.range("scaleOutCooldownSeconds", scaleOutCooldownSeconds, 0, 86_400);
    Validate.range("scaleInCooldownSeconds", scaleInCooldownSeconds, 0, 86_400);
  }

  /** Between {@code min} and {@code max} tasks; add at least one target. */
  public static Builder builder(int min, int max) {
    return new Builder(min, max);
  }

  /** The checks of the task range and the targets; {@code prefix} names the props field the values came from. */
  static void validate(String prefix, int min, int max, Double cpuTargetPercent, Double memoryTargetPercent, Double requestsPerTarget) {
    Validate.range(prefix + "min", min, 0, 5000);
    Validate.range(prefix + "max", max, 1, 5000);
    Validate.ordered(prefix + "min", min, prefix + "max", max);
    if (cpuTargetPercent == null && memoryTargetPercent == null && requestsPerTarget == null) {
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
    private TargetGroup requestTargetGroup;
    private Double requestsPerTarget;
    private int scaleOutCooldownSeconds = DEFAULT_SCALE_OUT_COOLDOWN_SECONDS;
    private int scaleInCooldownSeconds = DEFAULT_SCALE_IN_COOLDOWN_SECONDS;

    private Builder(int min, int max) {
      this.min = min;
      this.max = max;
    }

    public Builder cpuTargetPercent(double value) { this.cpuTargetPercent = value; return this; }
    public Builder memoryTargetPercent(double value) { this.memoryTargetPercent = value; return this; }
    /** Holds {@code requests} per task per minute on {@code targetGroup}, which the service must register with. */
    public Builder requestsPerTarget(TargetGroup targetGroup, double requests) {
      this.requestTargetGroup = Validate.notNull("requestsPerTarget.targetGroup", targetGroup);
      this.requestsPerTarget = requests;
      return this;
    }
    public Builder scaleOutCooldownSeconds(int value) { this.scaleOutCooldownSeconds = value; return this; }
    public Builder scaleInCooldownSeconds(int value) { this.scaleInCooldownSeconds = value; return this; }

    public ServiceScalingProps build() {
      return new ServiceScalingProps(min, max, cpuTargetPercent, memoryTargetPercent, requestTargetGroup, requestsPerTarget,
          scaleOutCooldownSeconds, scaleInCooldownSeconds);
    }
  }
}
