package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.Objects;

/**
 * When an alarm fires, for {@link Alarms#add(String, Metric, AlarmSpec)}: comparison and threshold, the
 * statistic, the period, how many of how many periods must breach and how missing data counts. Immutable:
 * every method returns a new spec, so a spec can be shared and adjusted.
 *
 * <pre>{@code
 * AlarmSpec.above(80).forPeriods(3).missingData(MissingData.NOT_BREACHING)   // 3 of 3 minutes above 80
 * AlarmSpec.below(1).statistic("Minimum").period(300).forPeriods(2).datapoints(1)
 * }</pre>
 *
 * <p>Defaults, stated here once: period 60 s, 1 of 1 period, the metric's statistic (else {@code Average}),
 * {@link MissingData#MISSING}, a description derived from the metric and the spec. Each value is checked
 * when it is set; the ones that depend on each other (datapoints of periods, the evaluated window) when
 * the alarm is added.
 */
public final class AlarmSpec {
  /** The comparison with the threshold. */
  public enum Comparison {
    ABOVE("GreaterThanThreshold", "above"),
    AT_OR_ABOVE("GreaterThanOrEqualToThreshold", "at or above"),
    BELOW("LessThanThreshold", "below"),
    AT_OR_BELOW("LessThanOrEqualToThreshold", "at or below");

    private final String operator;
    private final String words;

    Comparison(String operator, String words) {
      this.operator = operator;
      this.words = words;
    }

    /** The {@code comparison_operator} Terraform takes. */
    public String operator() {
      return operator;
    }

    String words() {
      return words;
    }
  }

  static final int DEFAULT_PERIOD = 60;

  private final Comparison comparison;
  private final Double threshold;
  private final String statistic;
  private final int periodSeconds;
  private final int evaluationPeriods;
  private final Integer datapointsToAlarm;
  private final MissingData missingData;
  private final String description;

  private AlarmSpec(Comparison comparison, Double threshold, String statistic, int periodSeconds, int evaluationPeriods,
      Integer datapointsToAlarm, MissingData missingData, String description) {
    this.comparison = comparison;
    this.threshold = threshold;
    this.statistic = statistic;
    this.periodSeconds = periodSeconds;
    this.evaluationPeriods = evaluationPeriods;
    this.datapointsToAlarm = datapointsToAlarm;
    this.missingData = missingData;
    this.description = description;
  }

  /** Alarms when the statistic is greater than {@code threshold}. */
  public static AlarmSpec above(double threshold) {
    return of(Comparison.ABOVE, threshold);
  }

  /** Alarms when the statistic is less than {@code threshold}. */
  public static AlarmSpec below(double threshold) {
    return of(Comparison.BELOW, threshold);
  }

  public static AlarmSpec of(Comparison comparison, double threshold) {
    return new AlarmSpec(Validate.notNull("comparison", comparison), null, null, DEFAULT_PERIOD, 1, null, MissingData.MISSING, null)
        .threshold(threshold);
  }

  /** A spec whose threshold the caller must still give (the library's presets for sizes only the app knows). */
  static AlarmSpec withoutThreshold(Comparison comparison) {
    return new AlarmSpec(comparison, null, null, DEFAULT_PERIOD, 1, null, MissingData.MISSING, null);
  }

  public AlarmSpec threshold(double value) {
    return new AlarmSpec(comparison, Validate.finite("threshold", value), statistic, periodSeconds, evaluationPeriods,
        datapointsToAlarm, missingData, description);
  }

  public AlarmSpec comparison(Comparison value) {
    return new AlarmSpec(Validate.notNull("comparison", value), threshold, statistic, periodSeconds, evaluationPeriods,
        datapointsToAlarm, missingData, description);
  }

  /** {@code SampleCount}, {@code Average}, {@code Sum}, {@code Minimum}, {@code Maximum} or a percentile such as {@code p95}. */
  public AlarmSpec statistic(String value) {
    return new AlarmSpec(comparison, threshold, Metric.checkStat("statistic", value), periodSeconds, evaluationPeriods,
        datapointsToAlarm, missingData, description);
  }

  /**
   * Length of one datapoint: 10, 30 or a multiple of 60 seconds (AWS service metrics have 60-second
   * resolution, so 10 and 30 only suit high-resolution custom metrics).
   */
  public AlarmSpec period(int seconds) {
    checkPeriod(seconds);
    return new AlarmSpec(comparison, threshold, statistic, seconds, evaluationPeriods, datapointsToAlarm, missingData, description);
  }

  /** Evaluates the last {@code n} periods; all of them must breach unless {@link #datapoints(int)} says fewer. */
  public AlarmSpec forPeriods(int n) {
    Validate.range("evaluationPeriods", n, 1, 100_000);
    return new AlarmSpec(comparison, threshold, statistic, periodSeconds, n, datapointsToAlarm, missingData, description);
  }

  /** How many of the evaluated periods must breach ("m of n"). */
  public AlarmSpec datapoints(int m) {
    Validate.range("datapointsToAlarm", m, 1, 100_000);
    return new AlarmSpec(comparison, threshold, statistic, periodSeconds, evaluationPeriods, m, missingData, description);
  }

  public AlarmSpec missingData(MissingData value) {
    return new AlarmSpec(comparison, threshold, statistic, periodSeconds, evaluationPeriods, datapointsToAlarm,
        Validate.notNull("missingData", value), description);
  }

  /** What the alarm means and what to do; at most 1024 characters. Default: derived from the metric and the spec. */
  public AlarmSpec description(String value) {
    Validate.notBlank("description", value);
    if (value.length() > 1024) throw Validate.invalid("description", value.substring(0, 40) + "...", "at most 1024 characters, got " + value.length());
    return new AlarmSpec(comparison, threshold, statistic, periodSeconds, evaluationPeriods, datapointsToAlarm, missingData, value);
  }

  public Comparison comparison() {
    return comparison;
  }

  /** The threshold, or null on a recommended alarm whose threshold the caller must give. */
  public Double threshold() {
    return threshold;
  }

  /** The statistic, or null to use the metric's. */
  public String statistic() {
    return statistic;
  }

  public int periodSeconds() {
    return periodSeconds;
  }

  public int evaluationPeriods() {
    return evaluationPeriods;
  }

  public int datapointsToAlarm() {
    return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
  }

  public MissingData missingData() {
    return missingData;
  }

  /** The description given, or null for the derived one. */
  public String description() {
    return description;
  }

  /** The checks between fields, made when the alarm is added. */
  void checkWhole(String metric) {
    if (threshold == null) {
      throw Validate.invalid("threshold", null, "the recommended alarm on " + metric
          + " has no default threshold (it depends on sizes only the application knows); give one, e.g. spec -> spec.threshold(2e9)");
    }
    Validate.ordered("datapointsToAlarm", datapointsToAlarm(), "evaluationPeriods", evaluationPeriods);
    // CloudWatch evaluates at most one day of datapoints (seven days for periods of an hour or more).
    long window = (long) periodSeconds * evaluationPeriods;
    long max = periodSeconds >= 3600 ? 7 * 86_400 : 86_400;
    if (window > max) {
      throw Validate.invalid("evaluationPeriods", evaluationPeriods,
          "periodSeconds x evaluationPeriods may cover at most " + max + " s, got " + periodSeconds + " x " + evaluationPeriods + " = " + window + " s");
    }
  }

  static void checkPeriod(int seconds) {
    if (!(seconds == 10 || seconds == 30 || (seconds >= 60 && seconds % 60 == 0))) {
      throw Validate.invalid("periodSeconds", seconds, "10, 30 or a positive multiple of 60");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AlarmSpec s && comparison == s.comparison && Objects.equals(threshold, s.threshold)
        && Objects.equals(statistic, s.statistic) && periodSeconds == s.periodSeconds && evaluationPeriods == s.evaluationPeriods
        && datapointsToAlarm() == s.datapointsToAlarm() && missingData == s.missingData && Objects.equals(description, s.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(comparison, threshold, statistic, periodSeconds, evaluationPeriods, datapointsToAlarm(), missingData);
  }

  @Override
  public String toString() {
    return comparison.words() + " " + threshold + " (" + statistic + ") in " + datapointsToAlarm() + " of " + evaluationPeriods
        + " x " + periodSeconds + " s, missing data " + missingData.value();
  }
}
