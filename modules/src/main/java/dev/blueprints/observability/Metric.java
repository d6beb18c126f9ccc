package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One CloudWatch metric on a dashboard widget.
 *
 * @param namespace  e.g. {@code AWS/ECS}
 * @param metricName e.g. {@code CPUUtilization}
 * @param dimensions dimension name to value (a reference such as {@code cluster.getName()}), kept in the given order
 * @param stat       statistic for this metric ({@code Average}, {@code Sum}, {@code Maximum}, {@code p95}...);
 *                   null uses the widget's
 * @param label      legend label; null lets CloudWatch derive one
 */
public record Metric(String namespace, String metricName, Map<String, String> dimensions, String stat, String label) {
  static final Pattern STAT = Pattern.compile("^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|tc|ts|wm)\\d{1,2}(\\.\\d+)?|p100)$");

  public Metric {
    Validate.notBlank("namespace", namespace);
    Validate.notBlank("metricName", metricName);
    Map<String, String> copy = new LinkedHashMap<>();
    if (dimensions != null) {
      dimensions.forEach((k, v) -> copy.put(Validate.notBlank("dimension name", k), Validate.notBlank("dimensions." + k, v)));
    }
    dimensions = Collections.unmodifiableMap(copy);
    if (stat != null) checkStat("stat", stat);
  }

  public static Metric of(String namespace, String metricName, Map<String, String> dimensions) {
    return new Metric(namespace, metricName, dimensions, null, null);
  }

  public Metric withStat(String value) {
    return new Metric(namespace, metricName, dimensions, value, label);
  }

  public Metric withLabel(String value) {
    return new Metric(namespace, metricName, dimensions, stat, value);
  }

  static String checkStat(String field, String stat) {
    return Validate.matches(field, stat, STAT, "SampleCount, Average, Sum, Minimum, Maximum, IQM or a percentile such as p95");
  }
}
