package dev.blueprints.observability;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Validate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * CloudWatch alarms that notify one {@link AlarmTopic} on ALARM and OK. Any metric can be alarmed on with a
 * full {@link AlarmSpec}; the metrics the constructs hand out ({@code service.metricCpu()},
 * {@code database.metricFreeStorage()} ...) also carry a recommended alarm, whose defaults are stated once in
 * {@link Metrics} and can be adjusted:
 *
 * <pre>{@code
 * alarms.add("HighCpu", service.metricCpu(), AlarmSpec.above(70).forPeriods(3).missingData(MissingData.NOT_BREACHING));
 * alarms.add("QueueDepth", Metric.custom("App", "QueueDepth", Map.of("Queue", queue.name())), AlarmSpec.above(1000));
 * alarms.recommended("Backend", service.metricCpu());                              // > 80 %, 3 of 3 x 60 s
 * alarms.recommended("Database", db.metricFreeStorage(), spec -> spec.threshold(2e9));
 * }</pre>
 *
 * <p>The {@code name} ({@code "Backend"}, {@code "HighCpu"}) makes the construct id and the alarm name
 * {@code <project>-<env>-<name>} ({@code add}) or {@code <project>-<env>-<name>-<kind>} ({@code recommended},
 * e.g. {@code ...-backend-ecs-cpu}), so two alarms of one kind in a stack do not collide. Dimension values
 * come from the constructs' references, never from copied names. Every alarm says in its description what
 * it watches and, for the recommended ones, what to look at.
 *
 * <p>For a resource that is not a construct of this library, {@link Metrics} makes the same metrics from
 * names: {@code alarms.recommended("Web", Metrics.asgCpu(groupName))}.
 */
public final class Alarms extends BlueprintConstruct {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9]{0,31}$");

  private final AlarmTopic topic;
  private final List<CloudwatchMetricAlarm> alarms = new ArrayList<>();
  /** Kept on the Java side: asking the construct tree for each new id would cross the jsii bridge. */
  private final Set<String> alarmIds = new HashSet<>();

  public Alarms(Construct scope, String id, AlarmTopic topic) {
    super(scope, id);
    this.topic = Validate.notNull("topic", topic);
  }

  // ---- any metric ---------------------------------------------------------------------------------

  /**
   * An alarm named {@code name} on {@code metric} as {@code spec} says. The statistic is the spec's, else the
   * metric's, else {@code Average}; percentiles are sent as {@code extended_statistic} and periods with too
   * few samples for a percentile keep the alarm's state.
   */
  public CloudwatchMetricAlarm add(String name, Metric metric, AlarmSpec spec) {
    Validate.notNull("metric", metric);
    Validate.notNull("spec", spec);
    String statistic = spec.statistic() != null ? spec.statistic() : metric.stat() != null ? metric.stat() : "Average";
    String description = spec.description() != null ? spec.description()
        : subject(metric) + ": " + condition(statistic, metric.metricName(), spec, "") + ".";
    return create(name, "", "", metric, spec, statistic, description);
  }

  /** The alarm {@code metric} recommends (see {@link Metrics}); fails if it has none or needs a threshold. */
  public CloudwatchMetricAlarm recommended(String name, Metric metric) {
    return recommended(name, metric, UnaryOperator.identity());
  }

  /**
   * The alarm {@code metric} recommends, adjusted: {@code spec -> spec.threshold(2e9)},
   * {@code spec -> spec.forPeriods(10).datapoints(5)}.
   */
  public CloudwatchMetricAlarm recommended(String name, Metric metric, UnaryOperator<AlarmSpec> adjust) {
    Validate.notNull("metric", metric);
    Metric.Preset preset = metric.preset();
    if (preset == null) {
      throw Validate.invalid("metric", metric.toString(),
          "a metric with a recommended alarm (from a construct's metric...() or Metrics); give this one an AlarmSpec with add(name, metric, spec)");
    }
    AlarmSpec spec = Validate.notNull("adjust", adjust).apply(preset.spec());
    Validate.notNull("spec", spec);
    spec.checkWhole(metric.metricName());
    String statistic = spec.statistic() != null ? spec.statistic() : metric.stat() != null ? metric.stat() : "Average";
    String description = spec.description() != null ? spec.description()
        : preset.subject() + ": " + condition(statistic, metric.metricName(), spec, preset.unit()) + ". " + preset.action();
    return create(name, preset.id(), "-" + preset.slug(), metric, spec, statistic, description);
  }

  // ---- accessors ----------------------------------------------------------------------------------

  public AlarmTopic topic() {
    return topic;
  }

  /** The alarms made so far, in creation order. */
  public List<CloudwatchMetricAlarm> alarms() {
    return Collections.unmodifiableList(alarms);
  }

  // ---- internals ----------------------------------------------------------------------------------

  private CloudwatchMetricAlarm create(String name, String idSuffix, String slugSuffix, Metric metric, AlarmSpec spec,
      String statistic, String description) {
    Validate.matches("name", name, NAME, "1-32 letters and digits starting with a letter, such as Backend");
    spec.checkWhole(metric.metricName());
    String id = Character.toUpperCase(name.charAt(0)) + name.substring(1) + idSuffix;
    if (!alarmIds.add(id)) {
      throw Validate.invalid("name", name, "an alarm " + id + " already exists in " + getNode().getPath()
          + "; give each alarm of one kind a distinct name");
    }
    String alarmName = naming().name(kebab(name) + slugSuffix, NameLimit.CLOUDWATCH_ALARM);
    var builder = CloudwatchMetricAlarm.Builder.create(this, id)
        .alarmName(alarmName)
        .alarmDescription(description)
        .namespace(metric.namespace())
        .metricName(metric.metricName())
        .dimensions(metric.dimensions())
        .comparisonOperator(spec.comparison().operator())
        .threshold(spec.threshold())
        .period(spec.periodSeconds())
        .evaluationPeriods(spec.evaluationPeriods())
        .datapointsToAlarm(spec.datapointsToAlarm())
        .treatMissingData(spec.missingData().value())
        .alarmActions(List.of(topic.arn()))
        .okActions(List.of(topic.arn()));
    if (!STANDARD_STATISTICS.contains(statistic)) {
      // Percentiles need extended_statistic. With too few requests a p95 is one request's time: keep the
      // state for such periods instead of paging on a single slow call at night.
      builder.extendedStatistic(statistic).evaluateLowSampleCountPercentiles("ignore");
    } else {
      builder.statistic(statistic);
    }
    CloudwatchMetricAlarm alarm = builder.build();
    alarms.add(alarm);
    return alarm;
  }

  private static final Set<String> STANDARD_STATISTICS = Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");

  private static String condition(String statistic, String metricName, AlarmSpec spec, String unit) {
    return statistic + " " + metricName + " " + spec.comparison().words() + " " + number(spec.threshold()) + unit + " in "
        + spec.datapointsToAlarm() + " of " + spec.evaluationPeriods() + " periods of " + spec.periodSeconds() + " s";
  }

  private static String subject(Metric metric) {
    StringBuilder out = new StringBuilder(metric.namespace()).append(' ').append(metric.metricName());
    if (!metric.dimensions().isEmpty()) {
      StringJoiner dims = new StringJoiner(", ", " (", ")");
      metric.dimensions().forEach((k, v) -> dims.add(k + " " + v));
      out.append(dims);
    }
    return out.toString();
  }

  /** {@code WebApp} -> {@code web-app}. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
