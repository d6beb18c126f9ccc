package dev.blueprints.observability;

import dev.blueprints.core.Validate;

/**
 * Overrides for one alarm made by {@link Alarms}; a null field keeps that alarm's default.
 *
 * @param threshold         the value compared with the statistic (a finite number)
 * @param periodSeconds     length of one datapoint: 10, 30 or a multiple of 60 (AWS service metrics have
 *                          60-second resolution, so 10 and 30 only suit high-resolution custom metrics)
 * @param evaluationPeriods how many recent datapoints are evaluated (at least 1)
 * @param datapointsToAlarm how many of those must breach (1..evaluationPeriods)
 */
public record AlarmOptions(Double threshold, Integer periodSeconds, Integer evaluationPeriods, Integer datapointsToAlarm) {
  /** No overrides: every default of the alarm. */
  public static final AlarmOptions DEFAULTS = new AlarmOptions(null, null, null, null);

  public AlarmOptions {
    if (threshold != null) Validate.finite("threshold", threshold);
    if (periodSeconds != null) checkPeriod(periodSeconds);
    if (evaluationPeriods != null) Validate.range("evaluationPeriods", evaluationPeriods, 1, 100_000);
    if (datapointsToAlarm != null) Validate.range("datapointsToAlarm", datapointsToAlarm, 1, 100_000);
    if (evaluationPeriods != null && datapointsToAlarm != null) {
      Validate.ordered("datapointsToAlarm", datapointsToAlarm, "evaluationPeriods", evaluationPeriods);
    }
  }

  public static AlarmOptions threshold(double value) {
    return new AlarmOptions(value, null, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This alarm's values with the overrides applied, checked as a whole. */
  Resolved resolve(double defaultThreshold, int defaultPeriod, int defaultEvaluation, int defaultDatapoints) {
    return new Resolved(
        threshold != null ? threshold : defaultThreshold,
        periodSeconds != null ? periodSeconds : defaultPeriod,
        evaluationPeriods != null ? evaluationPeriods : defaultEvaluation,
        datapointsToAlarm != null ? datapointsToAlarm : defaultDatapoints);
  }

  record Resolved(double threshold, int periodSeconds, int evaluationPeriods, int datapointsToAlarm) {
    Resolved {
      Validate.finite("threshold", threshold);
      checkPeriod(periodSeconds);
      Validate.range("evaluationPeriods", evaluationPeriods, 1, 100_000);
      Validate.range("datapointsToAlarm", datapointsToAlarm, 1, 100_000);
      Validate.ordered("datapointsToAlarm", datapointsToAlarm, "evaluationPeriods", evaluationPeriods);
      // CloudWatch evaluates at most one day of datapoints (seven days for periods of an hour or more).
      long window = (long) periodSeconds * evaluationPeriods;
      long max = periodSeconds >= 3600 ? 7 * 86_400 : 86_400;
      if (window > max) {
        throw Validate.invalid("evaluationPeriods", evaluationPeriods,
            "periodSeconds x evaluationPeriods may cover at most " + max + " s, got " + periodSeconds + " x " + evaluationPeriods + " = " + window + " s");
      }
    }
  }

  private static void checkPeriod(int seconds) {
    if (!(seconds == 10 || seconds == 30 || (seconds >= 60 && seconds % 60 == 0))) {
      throw Validate.invalid("periodSeconds", seconds, "10, 30 or a positive multiple of 60");
    }
  }

  public static final class Builder {
    private Double threshold;
    private Integer periodSeconds;
    private Integer evaluationPeriods;
    private Integer datapointsToAlarm;

    private Builder() {}

    public Builder threshold(double value) { this.threshold = value; return this; }
    public Builder periodSeconds(int value) { this.periodSeconds = value; return this; }
    public Builder evaluationPeriods(int value) { this.evaluationPeriods = value; return this; }
    public Builder datapointsToAlarm(int value) { this.datapointsToAlarm = value; return this; }

    public AlarmOptions build() {
      return new AlarmOptions(threshold, periodSeconds, evaluationPeriods, datapointsToAlarm);
    }
  }
}
