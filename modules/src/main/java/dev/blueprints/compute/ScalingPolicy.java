package dev.blueprints.compute;

import dev.blueprints.core.Validate;

/** How an {@link AutoScalingGroup} follows load. */
public sealed interface ScalingPolicy permits ScalingPolicy.TargetTrackingCpu, ScalingPolicy.SimpleCpu {

  /** Keep average CPU near {@code targetPercent}; AWS manages the alarms. */
  static ScalingPolicy targetTrackingCpu(double targetPercent) {
    return new TargetTrackingCpu(targetPercent);
  }

  /**
   * One instance more when average CPU stays above {@code upAbovePercent}, one fewer when it stays below
   * {@code downBelowPercent}, each for {@code evaluationPeriods} periods of 60 s (detailed monitoring is on),
   * then {@code cooldownSeconds} before the next step. E.g. {@code simpleCpu(80, 20, 300, 2)}.
   */
  static ScalingPolicy simpleCpu(double upAbovePercent, double downBelowPercent, int cooldownSeconds, int evaluationPeriods) {
    return new SimpleCpu(upAbovePercent, downBelowPercent, cooldownSeconds, evaluationPeriods, 60);
  }

  /** @param targetPercent average CPU to hold, more than 0 and at most 100 */
  record TargetTrackingCpu(double targetPercent) implements ScalingPolicy {
    public TargetTrackingCpu {
      Validate.finite("scaling.targetPercent", targetPercent);
      if (targetPercent <= 0 || targetPercent > 100) {
        throw Validate.invalid("scaling.targetPercent", targetPercent, "more than 0 and at most 100");
      }
    }
  }

  /**
   * @param upAbovePercent    CPU above which the group grows by one, 1..99
   * @param downBelowPercent  CPU below which the group shrinks by one, less than {@code upAbovePercent}
   * @param cooldownSeconds   pause after a step, 0..3600
   * @param evaluationPeriods consecutive periods the alarm condition must hold, 1..60
   * @param periodSeconds     length of a period: 60 or a multiple of 60, at most 3600
   */
  record SimpleCpu(double upAbovePercent, double downBelowPercent, int cooldownSeconds, int evaluationPeriods, int periodSeconds)
      implements ScalingPolicy {
    public SimpleCpu {
      Validate.finite("scaling.upAbovePercent", upAbovePercent);
      Validate.finite("scaling.downBelowPercent", downBelowPercent);
      if (upAbovePercent <= 0 || upAbovePercent >= 100) {
        throw Validate.invalid("scaling.upAbovePercent", upAbovePercent, "more than 0 and less than 100");
      }
      if (downBelowPercent <= 0 || downBelowPercent >= upAbovePercent) {
        throw Validate.invalid("scaling.downBelowPercent", downBelowPercent, "more than 0 and less than scaling.upAbovePercent = " + upAbovePercent);
      }
      Validate.range("scaling.cooldownSeconds", cooldownSeconds, 0, 3600);
      Validate.range("scaling.evaluationPeriods", evaluationPeriods, 1, 60);
      Validate.range("scaling.periodSeconds", periodSeconds, 60, 3600);
      if (periodSeconds % 60 != 0) throw Validate.invalid("scaling.periodSeconds", periodSeconds, "a multiple of 60");
    }

    /** The same policy with alarm periods of {@code seconds} (a multiple of 60). */
    public SimpleCpu withPeriodSeconds(int seconds) {
      return new SimpleCpu(upAbovePercent, downBelowPercent, cooldownSeconds, evaluationPeriods, seconds);
    }
  }
}
