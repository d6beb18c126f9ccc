package dev.blueprints.observability;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Validate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The older string-dimension presets ({@link #ecsServiceCpu(String, String, String)} ...) remain for
 * callers that have only names; they are the recommended alarms of the matching {@link Metrics} entries.
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

  // ---- ECS ----------------------------------------------------------------------------------------

  /** Average CPU of an ECS service above 80% for 3 of 3 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm ecsServiceCpu(String name, String clusterName, String serviceName) {
    return ecsServiceCpu(name, clusterName, serviceName, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm ecsServiceCpu(String name, String clusterName, String serviceName, AlarmOptions options) {
    return preset(name, Metrics.ecsServiceCpu(clusterName, serviceName), options);
  }

  /** Average memory of an ECS service above 80% for 3 of 3 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm ecsServiceMemory(String name, String clusterName, String serviceName) {
    return ecsServiceMemory(name, clusterName, serviceName, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm ecsServiceMemory(String name, String clusterName, String serviceName, AlarmOptions options) {
    return preset(name, Metrics.ecsServiceMemory(clusterName, serviceName), options);
  }

  // ---- Load balancers -----------------------------------------------------------------------------

  /** More than 5 load-balancer-generated 5xx a minute in 3 of 5 minutes. {@code lbArnSuffix}: {@code aws_lb.arn_suffix}. */
  @Deprecated
  public CloudwatchMetricAlarm albHttp5xx(String name, String lbArnSuffix) {
    return albHttp5xx(name, lbArnSuffix, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm albHttp5xx(String name, String lbArnSuffix, AlarmOptions options) {
    return preset(name, Metrics.albHttp5xx(lbArnSuffix), options);
  }

  /** More than 5 target 5xx a minute in 3 of 5 minutes, for one target group. */
  @Deprecated
  public CloudwatchMetricAlarm albTarget5xx(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return albTarget5xx(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm albTarget5xx(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return preset(name, Metrics.albTarget5xx(lbArnSuffix, targetGroupArnSuffix), options);
  }

  /** Any unhealthy target for 3 of 3 minutes (missing data breaches). */
  @Deprecated
  public CloudwatchMetricAlarm albUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return albUnhealthyHosts(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm albUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return preset(name, Metrics.albUnhealthyHosts(lbArnSuffix, targetGroupArnSuffix), options);
  }

  /** p95 target response time above 1 s in 3 of 5 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm albTargetResponseTime(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return albTargetResponseTime(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm albTargetResponseTime(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return preset(name, Metrics.albTargetResponseTime(lbArnSuffix, targetGroupArnSuffix), options);
  }

  /** Any unhealthy NLB target for 3 of 3 minutes (missing data breaches). */
  @Deprecated
  public CloudwatchMetricAlarm nlbUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return nlbUnhealthyHosts(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm nlbUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return preset(name, Metrics.nlbUnhealthyHosts(lbArnSuffix, targetGroupArnSuffix), options);
  }


  // ---- RDS ----------------------------------------------------------------------------------------

  /** Average CPU above 80% for 5 of 5 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm rdsCpu(String name, String dbInstanceIdentifier) {
    return rdsCpu(name, dbInstanceIdentifier, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm rdsCpu(String name, String dbInstanceIdentifier, AlarmOptions options) {
    return preset(name, Metrics.rdsCpu(dbInstanceIdentifier), options);
  }

  /** Free storage below {@code minBytes} (e.g. 10% of the allocated storage) in one 5-minute period. */
  @Deprecated
  public CloudwatchMetricAlarm rdsFreeStorage(String name, String dbInstanceIdentifier, double minBytes) {
    return rdsFreeStorage(name, dbInstanceIdentifier, minBytes, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm rdsFreeStorage(String name, String dbInstanceIdentifier, double minBytes, AlarmOptions options) {
    return preset(name, Metrics.rdsFreeStorage(dbInstanceIdentifier), options, positive("minBytes", minBytes));
  }

  /** Average freeable memory below {@code minBytes} for 3 of 3 five-minute periods. */
  @Deprecated
  public CloudwatchMetricAlarm rdsFreeableMemory(String name, String dbInstanceIdentifier, double minBytes) {
    return rdsFreeableMemory(name, dbInstanceIdentifier, minBytes, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm rdsFreeableMemory(String name, String dbInstanceIdentifier, double minBytes, AlarmOptions options) {
    return preset(name, Metrics.rdsFreeableMemory(dbInstanceIdentifier), options, positive("minBytes", minBytes));
  }

  /** Maximum connections above {@code max} (e.g. 80% of {@code max_connections}) for 5 of 5 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm rdsConnections(String name, String dbInstanceIdentifier, double max) {
    return rdsConnections(name, dbInstanceIdentifier, max, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm rdsConnections(String name, String dbInstanceIdentifier, double max, AlarmOptions options) {
    return preset(name, Metrics.rdsConnections(dbInstanceIdentifier), options, positive("max", max));
  }

  // ---- MemoryDB -----------------------------------------------------------------------------------

  /** The busiest node's engine CPU above 80% for 5 of 5 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm memoryDbCpu(String name, String clusterName) {
    return memoryDbCpu(name, clusterName, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm memoryDbCpu(String name, String clusterName, AlarmOptions options) {
    return preset(name, Metrics.memoryDbCpu(clusterName), options);
  }

  /** The fullest node's memory above 80% for 5 of 5 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm memoryDbMemory(String name, String clusterName) {
    return memoryDbMemory(name, clusterName, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm memoryDbMemory(String name, String clusterName, AlarmOptions options) {
    return preset(name, Metrics.memoryDbMemory(clusterName), options);
  }

  // ---- EC2 Auto Scaling ---------------------------------------------------------------------------

  /** Average CPU of the group above 80% for 3 of 3 five-minute periods. */
  @Deprecated
  public CloudwatchMetricAlarm asgCpu(String name, String autoScalingGroupName) {
    return asgCpu(name, autoScalingGroupName, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm asgCpu(String name, String autoScalingGroupName, AlarmOptions options) {
    return preset(name, Metrics.asgCpu(autoScalingGroupName), options);
  }

  // ---- API Gateway (REST) -------------------------------------------------------------------------

  /** More than 5% of requests failing with 5xx in 3 of 5 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm apiGateway5xx(String name, String apiName, String stageName) {
    return apiGateway5xx(name, apiName, stageName, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm apiGateway5xx(String name, String apiName, String stageName, AlarmOptions options) {
    return preset(name, Metrics.apiGateway5xx(apiName, stageName), options);
  }

  /** p95 latency above 1000 ms in 3 of 5 minutes. */
  @Deprecated
  public CloudwatchMetricAlarm apiGatewayLatency(String name, String apiName, String stageName) {
    return apiGatewayLatency(name, apiName, stageName, AlarmOptions.DEFAULTS);
  }

  @Deprecated
  public CloudwatchMetricAlarm apiGatewayLatency(String name, String apiName, String stageName, AlarmOptions options) {
    return preset(name, Metrics.apiGatewayLatency(apiName, stageName), options);
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

  /** The deprecated presets: the recommended alarm with the old options applied. */
  private CloudwatchMetricAlarm preset(String name, Metric metric, AlarmOptions options) {
    return preset(name, metric, options, null);
  }

  private CloudwatchMetricAlarm preset(String name, Metric metric, AlarmOptions options, Double threshold) {
    AlarmOptions o = Validate.notNull("options", options);
    return recommended(name, metric, spec -> {
      AlarmSpec out = threshold == null ? spec : spec.threshold(threshold);
      if (o.threshold() != null) out = out.threshold(o.threshold());
      if (o.periodSeconds() != null) out = out.period(o.periodSeconds());
      if (o.evaluationPeriods() != null) {
        int datapoints = out.datapointsToAlarm();
        out = out.forPeriods(o.evaluationPeriods());
        if (o.datapointsToAlarm() == null) out = out.datapoints(datapoints);
      }
      if (o.datapointsToAlarm() != null) out = out.datapoints(o.datapointsToAlarm());
      return out;
    });
  }


  private static double positive(String field, double value) {
    Validate.finite(field, value);
    if (value <= 0) throw Validate.invalid(field, value, "a number greater than 0 is required");
    return value;
  }




  /** {@code WebApp} -> {@code web-app}. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
