package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One CloudWatch metric: what a dashboard widget draws and what an alarm watches.
 *
 * <p>Constructs hand out their own metrics with the dimensions filled in from their resources
 * ({@code service.metricCpu()}, {@code database.metricFreeStorage()}); those carry the statistic they are
 * read with and a recommended alarm ({@link Alarms#recommended(String, Metric)}). An application's own
 * metric is {@link #custom(String, String, Map)}; a log metric filter returns one too
 * ({@link LogGroup#metricFilter(String, LogMetricFilterProps)}).
 *
 * <ul>
 *   <li>{@code namespace}, e.g. {@code AWS/ECS}</li>
 *   <li>{@code metricName}, e.g. {@code CPUUtilization}</li>
 *   <li>{@code dimensions}: dimension name to value (a reference such as {@code cluster.name()}), in the given order</li>
 *   <li>{@code stat}: statistic ({@code Average}, {@code Sum}, {@code Maximum}, {@code p95}...); null leaves it to
 *       the widget (dashboards) or the alarm spec (alarms, which fall back to {@code Average})</li>
 *   <li>{@code label}: legend label; null lets CloudWatch derive one</li>
 * </ul>
 */
public final class Metric {
  static final Pattern STAT = Pattern.compile("^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|tc|ts|wm)\\d{1,2}(\\.\\d+)?|p100)$");

  private final String namespace;
  private final String metricName;
  private final Map<String, String> dimensions;
  private final String stat;
  private final String label;
  private final Preset preset;

  private Metric(String namespace, String metricName, Map<String, String> dimensions, String stat, String label, Preset preset) {
    this.namespace = Validate.notBlank("namespace", namespace);
    this.metricName = Validate.notBlank("metricName", metricName);
    Map<String, String> copy = new LinkedHashMap<>();
    if (dimensions != null) {
      dimensions.forEach((k, v) -> copy.put(Validate.notBlank("dimension name", k), Validate.notBlank("dimensions." + k, v)));
    }
    if (copy.size() > 30) throw Validate.invalid("dimensions", copy.keySet(), "CloudWatch allows at most 30 dimensions per metric");
    this.dimensions = Collections.unmodifiableMap(copy);
    if (stat != null) checkStat("stat", stat);
    this.stat = stat;
    this.label = label;
    this.preset = preset;
  }

  /** A metric of any namespace (an AWS service's included) with no statistic set. */
  public static Metric of(String namespace, String metricName, Map<String, String> dimensions) {
    return new Metric(namespace, metricName, dimensions, null, null, null);
  }

  /**
   * A metric the application publishes itself. {@code AWS/} namespaces are reserved for AWS services
   * (PutMetricData refuses them), so they are refused here.
   */
  public static Metric custom(String namespace, String metricName, Map<String, String> dimensions) {
    Validate.notBlank("namespace", namespace);
    if (namespace.startsWith("AWS/")) {
      throw Validate.invalid("namespace", namespace, "AWS/ namespaces belong to AWS services; a custom metric needs a namespace of its own, such as App");
    }
    if (namespace.length() > 255) throw Validate.invalid("namespace", namespace, "at most 255 characters");
    if (metricName != null && metricName.length() > 255) throw Validate.invalid("metricName", metricName, "at most 255 characters");
    return of(namespace, metricName, dimensions);
  }

  /** An AWS service metric with its statistic and recommended alarm (null: none); used by the constructs' {@code metric...()} methods. */
  static Metric aws(String namespace, String metricName, Map<String, String> dimensions, String stat, Preset preset) {
    return new Metric(namespace, metricName, dimensions, stat, null, preset);
  }

  public Metric withStat(String value) {
    return new Metric(namespace, metricName, dimensions, value, label, preset);
  }

  public Metric withLabel(String value) {
    return new Metric(namespace, metricName, dimensions, stat, value, preset);
  }

  public String namespace() {
    return namespace;
  }

  public String metricName() {
    return metricName;
  }

  public Map<String, String> dimensions() {
    return dimensions;
  }

  /** The statistic, or null when the widget or alarm chooses it. */
  public String stat() {
    return stat;
  }

  public String label() {
    return label;
  }

  /** The alarm the library recommends on this metric, if it has one (its threshold may be left to the caller). */
  public Optional<AlarmSpec> recommendedAlarm() {
    return preset == null ? Optional.empty() : Optional.of(preset.spec());
  }

  Preset preset() {
    return preset;
  }

  static String checkStat(String field, String stat) {
    return Validate.matches(field, stat, STAT, "SampleCount, Average, Sum, Minimum, Maximum, IQM or a percentile such as p95");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metric m && namespace.equals(m.namespace) && metricName.equals(m.metricName)
        && dimensions.equals(m.dimensions) && Objects.equals(stat, m.stat) && Objects.equals(label, m.label)
        && Objects.equals(preset, m.preset);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, metricName, dimensions, stat, label);
  }

  @Override
  public String toString() {
    return namespace + " " + metricName + " " + dimensions + (stat == null ? "" : " " + stat);
  }

  /**
   * What the library recommends for one AWS metric: the alarm's construct id and name suffix, what the
   * metric is of (for the description), the spec, the unit written after the threshold and what to do.
   */
  record Preset(String id, String slug, String subject, AlarmSpec spec, String unit, String action) {}
}
