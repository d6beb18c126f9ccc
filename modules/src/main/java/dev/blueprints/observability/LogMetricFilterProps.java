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
 * <ul>
 *   <li>{@code namespace}, {@code metricName}: required; the namespace may not start with {@code AWS/}</li>
 *   <li>{@code pattern}: CloudWatch Logs filter pattern, at most 1024 characters; required (an empty
 *       pattern, which counts every event, is given as {@link Builder#everyEvent()})</li>
 *   <li>{@code value}: what each match publishes, a number or a {@code $.field} / {@code $field} selector. Default {@code 1}</li>
 *   <li>{@code defaultValue}: published for periods with no match, so the metric has no gaps. Default: none (gaps)</li>
 * </ul>
 */
public final class LogMetricFilterProps {
  private static final Pattern VALUE = Pattern.compile("^(-?\\d+(\\.\\d+)?|\\$[.\\[]?[A-Za-z0-9_.\\[\\]\"-]+)$");

  private final String namespace;
  private final String metricName;
  private final String pattern;
  private final String value;
  private final Double defaultValue;

  private LogMetricFilterProps(Builder b) {
    Metric.custom(b.namespace, b.metricName, null);   // checks namespace and name
    this.namespace = b.namespace;
    this.metricName = b.metricName;
    if (b.pattern == null) {
      throw Validate.invalid("pattern", null, "a filter pattern such as \"ERROR\" or { $.level = \"error\" }; everyEvent() for all events");
    }
    if (b.pattern.length() > 1024) throw Validate.invalid("pattern", b.pattern.substring(0, 40) + "...", "at most 1024 characters");
    this.pattern = b.pattern;
    this.value = Validate.matches("value", b.value, VALUE, "a number such as 1 or a field selector such as $.latency");
    if (b.defaultValue != null) Validate.finite("defaultValue", b.defaultValue);
    this.defaultValue = b.defaultValue;
  }

  public static Builder builder(String namespace, String metricName) {
    return new Builder(namespace, metricName);
  }

  public String namespace() {
    return namespace;
  }

  public String metricName() {
    return metricName;
  }

  public String pattern() {
    return pattern;
  }

  public String value() {
    return value;
  }

  /** Null when periods without a match publish nothing. */
  public Double defaultValue() {
    return defaultValue;
  }

  public static final class Builder {
    private final String namespace;
    private final String metricName;
    private String pattern;
    private String value = "1";
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
      return new LogMetricFilterProps(this);
    }
  }
}
