package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * A metric filter on a log group ({@link LogGroup#metricFilter(String, LogMetricFilterProps)}): log events
 * matching {@code pattern} publish {@code value} to the custom metric {@code namespace}/{@code metricName}.
 *
 * <pre>{@code
 * LogMetricFilterProps.builder("App", "Errors").pattern("?ERROR ?Exception").build()
 * }</pre>
 *
 * @param namespace    the custom metric's namespace (required; may not start with {@code AWS/})
 * @param metricName   the custom metric's name (required)
 * @param pattern      CloudWatch Logs filter pattern, at most 1024 characters; required (an empty pattern, which
 *                     counts every event, is given as {@link Builder#everyEvent()})
 * @param value        what each match publishes, a number or a {@code $.field} / {@code $field} selector.
 *                     Default: {@value #DEFAULT_VALUE}
 * @param defaultValue published for periods with no match, so the metric has no gaps; unset (null): periods
 *                     without a match publish nothing (gaps)
 */
public record LogMetricFilterProps(String namespace, String metricName, String pattern, String value, Double defaultValue) {
  /** Each match counts once: the metric is a count of matching events. */
  public static final String DEFAULT_VALUE = "1";
  private static final Pattern VALUE = Pattern.compile("^(-?\\d+(\\.\\d+)?|\\$[.\\[]?[A-Za-z0-9_.\\[\\]\"-]+)$");

  public LogMetricFilterProps {
    Metric.custom(namespace, metricName, null);   // checks namespace and name
    if (pattern == null) {
      throw Validate.invalid("pattern", null, "a filter pattern such as \"ERROR\" or { $.level = \"error\" }; everyEvent() for all events");
    }
    if (pattern.length() > 1024) throw Validate.invalid("pattern", pattern.substring(0, 40) + "...", "at most 1024 characters");
    Validate.matches("value", value, VALUE, "a number such as 1 or a field selector such as $.latency");
    if (defaultValue != null) Validate.finite("defaultValue", defaultValue);
  }

  public static Builder builder(String namespace, String metricName) {
    return new Builder(namespace, metricName);
  }

  public static final class Builder {
    private final String namespace;
    private final String metricName;
    private String pattern;
    private String value = DEFAULT_VALUE;
    private Double defaultValue;

    private Builder(String namespace, String metricName) {
      this.namespace = namespace;
      this.metricName = metricName;
    }

    public Builder pattern(String value) { this.pattern = Validate.notBlank("pattern", value); return this; }
    /** The empty pattern: every event matches. */
    public Builder everyEvent() { this.pattern = ""; return this; }
    public Builder value(String value) { this.value = value; return this; }
    public Builder defaultValue(double value) { this.defaultValue = value; return this; }

    public LogMetricFilterProps build() {
      return new LogMetricFilterProps(namespace, metricName, pattern, value, defaultValue);
    }
  }
}
