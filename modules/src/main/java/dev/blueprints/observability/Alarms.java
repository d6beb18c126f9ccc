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
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * Typed factories for the CloudWatch alarms the blueprints need. Every alarm sends its ALARM and OK
 * notifications to one {@link AlarmTopic}, is named {@code <project>-<blueprint>-<env>-<name>-<kind>} and
 * says in its description what to look at. Dimension values are passed as references to the resources
 * (for example {@code cluster.getName()}, {@code lb.getArnSuffix()}), never as copied names.
 *
 * <p>Each factory takes a short {@code name} first ({@code "Backend"}, {@code "Web"}): it makes the construct
 * id ({@code BackendEcsServiceCpu}) and the alarm name ({@code ...-backend-ecs-cpu}), so two alarms of the
 * same kind in one stack do not collide. Each has an overload taking {@link AlarmOptions}.
 *
 * <p>{@code treat_missing_data} is chosen per metric:
 * <ul>
 *   <li>{@code notBreaching} for error counts, latency and utilization of things that can scale to zero:
 *       these metrics are only published while there is traffic or running capacity, and no traffic is
 *       neither an error nor saturation.</li>
 *   <li>{@code breaching} for unhealthy-host counts: the load balancer reports host counts every minute
 *       while health checks run, so a gap means the target group lost its load balancer or its metrics, which
 *       someone should look at.</li>
 *   <li>{@code missing} for RDS and MemoryDB: they publish every minute while running, so a gap is a reboot,
 *       failover or stop (reported by the service's own events); the alarm keeps its state instead of guessing.</li>
 * </ul>
 */
public final class Alarms extends BlueprintConstruct {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9]{0,31}$");
  private static final String NOT_BREACHING = "notBreaching";
  private static final String BREACHING = "breaching";
  private static final String MISSING = "missing";
  private static final String ABOVE = "GreaterThanThreshold";
  private static final String BELOW = "LessThanThreshold";

  private final AlarmTopic topic;
  private final List<CloudwatchMetricAlarm> alarms = new ArrayList<>();
  /** Kept on the Java side: asking the construct tree for each new id would cross the jsii bridge. */
  private final Set<String> alarmIds = new HashSet<>();

  public Alarms(Construct scope, String id, AlarmTopic topic) {
    super(scope, id);
    this.topic = Validate.notNull("topic", topic);
  }

  /** The kinds of alarm, with their defaults: threshold, period (s), evaluation periods, datapoints to alarm. */
  private enum Kind {
    ECS_SERVICE_CPU("EcsServiceCpu", "ecs-cpu", "AWS/ECS", "CPUUtilization", "Average", ABOVE, 80, 60, 3, 3, NOT_BREACHING, "%",
        "Look for a traffic spike or a hot code path; scale out (desired count or the auto scaling maximum) or give the task more CPU."),
    ECS_SERVICE_MEMORY("EcsServiceMemory", "ecs-memory", "AWS/ECS", "MemoryUtilization", "Average", ABOVE, 80, 60, 3, 3, NOT_BREACHING, "%",
        "Tasks that reach their memory limit are killed. Look for a leak (memory rising without traffic); raise the task memory or scale out."),
    ALB_HTTP_5XX("AlbHttp5xx", "alb-5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", ABOVE, 5, 60, 5, 3, NOT_BREACHING, "",
        "The load balancer itself answered 5xx: no healthy target (503), targets closing connections (502) or timing out (504)."
            + " Check target health, the service's logs and recent deployments."),
    ALB_TARGET_5XX("AlbTarget5xx", "alb-target-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", ABOVE, 5, 60, 5, 3, NOT_BREACHING, "",
        "The application returned 5xx. Check the service's logs for errors and recent deployments; roll back if the errors began with a release."),
    ALB_UNHEALTHY_HOSTS("AlbUnhealthyHosts", "alb-unhealthy", "AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", ABOVE, 0, 60, 3, 3, BREACHING, "",
        "Targets fail their health check. Check the health-check path and port, the targets' logs and whether they start within the grace period."
            + " Missing data (no health reports) also alarms."),
    ALB_TARGET_RESPONSE_TIME("AlbTargetResponseTime", "alb-latency", "AWS/ApplicationELB", "TargetResponseTime", "p95", ABOVE, 1, 60, 5, 3, NOT_BREACHING, " s",
        "Responses are slow: check the targets' CPU and memory, the database and downstream calls; scale out if the service is saturated."),
    NLB_UNHEALTHY_HOSTS("NlbUnhealthyHosts", "nlb-unhealthy", "AWS/NetworkELB", "UnHealthyHostCount", "Maximum", ABOVE, 0, 60, 3, 3, BREACHING, "",
        "Targets fail their health check. Check the health-check port, the targets' logs and security groups (the NLB checks from its own addresses)."
            + " Missing data (no health reports) also alarms."),
    RDS_CPU("RdsCpu", "rds-cpu", "AWS/RDS", "CPUUtilization", "Average", ABOVE, 80, 60, 5, 5, MISSING, "%",
        "Find the expensive queries (Performance Insights, slow query log); add indexes or move to a larger instance class."),
    RDS_FREE_STORAGE("RdsFreeStorage", "rds-storage", "AWS/RDS", "FreeStorageSpace", "Minimum", BELOW, 0, 300, 1, 1, MISSING, " bytes",
        "A full database stops accepting writes. Increase the allocated storage (or its autoscaling maximum) and look for tables or logs growing unexpectedly."),
    RDS_FREEABLE_MEMORY("RdsFreeableMemory", "rds-memory", "AWS/RDS", "FreeableMemory", "Average", BELOW, 0, 300, 3, 3, MISSING, " bytes",
        "Low memory makes the database swap and slow down: check the connection count and memory-heavy queries, or move to a larger instance class."),
    RDS_CONNECTIONS("RdsConnections", "rds-connections", "AWS/RDS", "DatabaseConnections", "Maximum", ABOVE, 0, 60, 5, 5, MISSING, "",
        "Near the connection limit new clients are refused: look for connection leaks, size the application's pools or add RDS Proxy."),
    MEMORYDB_CPU("MemoryDbCpu", "memorydb-cpu", "AWS/MemoryDB", "EngineCPUUtilization", "Maximum", ABOVE, 80, 60, 5, 5, MISSING, "%",
        "The engine thread is saturated: look for slow commands (SLOWLOG); add shards for write load or replicas for read load, or a larger node type."),
    MEMORYDB_MEMORY("MemoryDbMemory", "memorydb-memory", "AWS/MemoryDB", "DatabaseMemoryUsagePercentage", "Maximum", ABOVE, 80, 60, 5, 5, MISSING, "%",
        "At 100% writes fail or keys are evicted. Check TTLs and key growth; add shards or move to a larger node type."),
    // EC2 basic monitoring publishes every 5 minutes: a shorter period would see mostly missing data.
    ASG_CPU("AsgCpu", "asg-cpu", "AWS/EC2", "CPUUtilization", "Average", ABOVE, 80, 300, 3, 3, NOT_BREACHING, "%",
        "The instances are busy: check whether scaling has reached the group's maximum; raise it or the instance type, or find the hot code path."),
    // The Average of 5XXError is the fraction of requests that failed (0.05 = 5%).
    API_GATEWAY_5XX("ApiGateway5xx", "api-5xx", "AWS/ApiGateway", "5XXError", "Average", ABOVE, 0.05, 60, 5, 3, NOT_BREACHING, " (fraction of requests)",
        "Requests fail with 5xx: check the integration (backend health, VPC link, timeouts) in the stage's execution logs and the backend's logs."),
    API_GATEWAY_LATENCY("ApiGatewayLatency", "api-latency", "AWS/ApiGateway", "Latency", "p95", ABOVE, 1000, 60, 5, 3, NOT_BREACHING, " ms",
        "Responses are slow: compare with IntegrationLatency to tell the backend from API Gateway; check the backend's saturation and downstream calls.");

    final String id;
    final String slug;
    final String namespace;
    final String metric;
    final String statistic;
    final String comparison;
    final double threshold;
    final int period;
    final int evaluation;
    final int datapoints;
    final String treatMissing;
    final String unit;
    final String action;

    Kind(String id, String slug, String namespace, String metric, String statistic, String comparison, double threshold,
        int period, int evaluation, int datapoints, String treatMissing, String unit, String action) {
      this.id = id;
      this.slug = slug;
      this.namespace = namespace;
      this.metric = metric;
      this.statistic = statistic;
      this.comparison = comparison;
      this.threshold = threshold;
      this.period = period;
      this.evaluation = evaluation;
      this.datapoints = datapoints;
      this.treatMissing = treatMissing;
      this.unit = unit;
      this.action = action;
    }
  }

  // ---- ECS ----------------------------------------------------------------------------------------

  /** Average CPU of an ECS service above 80% for 3 of 3 minutes. */
  public CloudwatchMetricAlarm ecsServiceCpu(String name, String clusterName, String serviceName) {
    return ecsServiceCpu(name, clusterName, serviceName, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm ecsServiceCpu(String name, String clusterName, String serviceName, AlarmOptions options) {
    return create(Kind.ECS_SERVICE_CPU, name, options, "ECS service " + serviceName + " in cluster " + clusterName,
        dimensions("ClusterName", clusterName, "ServiceName", serviceName));
  }

  /** Average memory of an ECS service above 80% for 3 of 3 minutes. */
  public CloudwatchMetricAlarm ecsServiceMemory(String name, String clusterName, String serviceName) {
    return ecsServiceMemory(name, clusterName, serviceName, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm ecsServiceMemory(String name, String clusterName, String serviceName, AlarmOptions options) {
    return create(Kind.ECS_SERVICE_MEMORY, name, options, "ECS service " + serviceName + " in cluster " + clusterName,
        dimensions("ClusterName", clusterName, "ServiceName", serviceName));
  }

  // ---- Load balancers -----------------------------------------------------------------------------

  /** More than 5 load-balancer-generated 5xx a minute in 3 of 5 minutes. {@code lbArnSuffix}: {@code aws_lb.arn_suffix}. */
  public CloudwatchMetricAlarm albHttp5xx(String name, String lbArnSuffix) {
    return albHttp5xx(name, lbArnSuffix, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm albHttp5xx(String name, String lbArnSuffix, AlarmOptions options) {
    return create(Kind.ALB_HTTP_5XX, name, options, "Load balancer " + lbArnSuffix, dimensions("LoadBalancer", lbArnSuffix));
  }

  /** More than 5 target 5xx a minute in 3 of 5 minutes, for one target group. */
  public CloudwatchMetricAlarm albTarget5xx(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return albTarget5xx(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm albTarget5xx(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return create(Kind.ALB_TARGET_5XX, name, options, targetGroupSubject(lbArnSuffix, targetGroupArnSuffix),
        targetGroupDimensions(lbArnSuffix, targetGroupArnSuffix));
  }

  /** Any unhealthy target for 3 of 3 minutes (missing data breaches). */
  public CloudwatchMetricAlarm albUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return albUnhealthyHosts(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm albUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return create(Kind.ALB_UNHEALTHY_HOSTS, name, options, targetGroupSubject(lbArnSuffix, targetGroupArnSuffix),
        targetGroupDimensions(lbArnSuffix, targetGroupArnSuffix));
  }

  /** p95 target response time above 1 s in 3 of 5 minutes. */
  public CloudwatchMetricAlarm albTargetResponseTime(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return albTargetResponseTime(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm albTargetResponseTime(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return create(Kind.ALB_TARGET_RESPONSE_TIME, name, options, targetGroupSubject(lbArnSuffix, targetGroupArnSuffix),
        targetGroupDimensions(lbArnSuffix, targetGroupArnSuffix));
  }

  /** Any unhealthy NLB target for 3 of 3 minutes (missing data breaches). */
  public CloudwatchMetricAlarm nlbUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix) {
    return nlbUnhealthyHosts(name, lbArnSuffix, targetGroupArnSuffix, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm nlbUnhealthyHosts(String name, String lbArnSuffix, String targetGroupArnSuffix, AlarmOptions options) {
    return create(Kind.NLB_UNHEALTHY_HOSTS, name, options, targetGroupSubject(lbArnSuffix, targetGroupArnSuffix),
        targetGroupDimensions(lbArnSuffix, targetGroupArnSuffix));
  }

  /** ELB metrics of one target group are keyed by both the load balancer and the group. */
  private static Map<String, String> targetGroupDimensions(String lbArnSuffix, String targetGroupArnSuffix) {
    return dimensions("LoadBalancer", lbArnSuffix, "TargetGroup", targetGroupArnSuffix);
  }

  // ---- RDS ----------------------------------------------------------------------------------------

  /** Average CPU above 80% for 5 of 5 minutes. */
  public CloudwatchMetricAlarm rdsCpu(String name, String dbInstanceIdentifier) {
    return rdsCpu(name, dbInstanceIdentifier, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm rdsCpu(String name, String dbInstanceIdentifier, AlarmOptions options) {
    return create(Kind.RDS_CPU, name, options, rdsSubject(dbInstanceIdentifier), dimensions("DBInstanceIdentifier", dbInstanceIdentifier));
  }

  /** Free storage below {@code minBytes} (e.g. 10% of the allocated storage) in one 5-minute period. */
  public CloudwatchMetricAlarm rdsFreeStorage(String name, String dbInstanceIdentifier, double minBytes) {
    return rdsFreeStorage(name, dbInstanceIdentifier, minBytes, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm rdsFreeStorage(String name, String dbInstanceIdentifier, double minBytes, AlarmOptions options) {
    return create(Kind.RDS_FREE_STORAGE, positive("minBytes", minBytes), name, options, rdsSubject(dbInstanceIdentifier),
        dimensions("DBInstanceIdentifier", dbInstanceIdentifier));
  }

  /** Average freeable memory below {@code minBytes} for 3 of 3 five-minute periods. */
  public CloudwatchMetricAlarm rdsFreeableMemory(String name, String dbInstanceIdentifier, double minBytes) {
    return rdsFreeableMemory(name, dbInstanceIdentifier, minBytes, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm rdsFreeableMemory(String name, String dbInstanceIdentifier, double minBytes, AlarmOptions options) {
    return create(Kind.RDS_FREEABLE_MEMORY, positive("minBytes", minBytes), name, options, rdsSubject(dbInstanceIdentifier),
        dimensions("DBInstanceIdentifier", dbInstanceIdentifier));
  }

  /** Maximum connections above {@code max} (e.g. 80% of {@code max_connections}) for 5 of 5 minutes. */
  public CloudwatchMetricAlarm rdsConnections(String name, String dbInstanceIdentifier, double max) {
    return rdsConnections(name, dbInstanceIdentifier, max, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm rdsConnections(String name, String dbInstanceIdentifier, double max, AlarmOptions options) {
    return create(Kind.RDS_CONNECTIONS, positive("max", max), name, options, rdsSubject(dbInstanceIdentifier),
        dimensions("DBInstanceIdentifier", dbInstanceIdentifier));
  }

  // ---- MemoryDB -----------------------------------------------------------------------------------

  /** The busiest node's engine CPU above 80% for 5 of 5 minutes. */
  public CloudwatchMetricAlarm memoryDbCpu(String name, String clusterName) {
    return memoryDbCpu(name, clusterName, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm memoryDbCpu(String name, String clusterName, AlarmOptions options) {
    return create(Kind.MEMORYDB_CPU, name, options, "MemoryDB cluster " + clusterName, dimensions("ClusterName", clusterName));
  }

  /** The fullest node's memory above 80% for 5 of 5 minutes. */
  public CloudwatchMetricAlarm memoryDbMemory(String name, String clusterName) {
    return memoryDbMemory(name, clusterName, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm memoryDbMemory(String name, String clusterName, AlarmOptions options) {
    return create(Kind.MEMORYDB_MEMORY, name, options, "MemoryDB cluster " + clusterName, dimensions("ClusterName", clusterName));
  }

  // ---- EC2 Auto Scaling ---------------------------------------------------------------------------

  /** Average CPU of the group above 80% for 3 of 3 five-minute periods. */
  public CloudwatchMetricAlarm asgCpu(String name, String autoScalingGroupName) {
    return asgCpu(name, autoScalingGroupName, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm asgCpu(String name, String autoScalingGroupName, AlarmOptions options) {
    return create(Kind.ASG_CPU, name, options, "Auto Scaling group " + autoScalingGroupName,
        dimensions("AutoScalingGroupName", autoScalingGroupName));
  }

  // ---- API Gateway (REST) -------------------------------------------------------------------------

  /** More than 5% of requests failing with 5xx in 3 of 5 minutes. */
  public CloudwatchMetricAlarm apiGateway5xx(String name, String apiName, String stageName) {
    return apiGateway5xx(name, apiName, stageName, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm apiGateway5xx(String name, String apiName, String stageName, AlarmOptions options) {
    return create(Kind.API_GATEWAY_5XX, name, options, apiSubject(apiName, stageName), dimensions("ApiName", apiName, "Stage", stageName));
  }

  /** p95 latency above 1000 ms in 3 of 5 minutes. */
  public CloudwatchMetricAlarm apiGatewayLatency(String name, String apiName, String stageName) {
    return apiGatewayLatency(name, apiName, stageName, AlarmOptions.DEFAULTS);
  }

  public CloudwatchMetricAlarm apiGatewayLatency(String name, String apiName, String stageName, AlarmOptions options) {
    return create(Kind.API_GATEWAY_LATENCY, name, options, apiSubject(apiName, stageName), dimensions("ApiName", apiName, "Stage", stageName));
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

  private CloudwatchMetricAlarm create(Kind kind, String name, AlarmOptions options, String subject, Map<String, String> dimensions) {
    return create(kind, kind.threshold, name, options, subject, dimensions);
  }

  private CloudwatchMetricAlarm create(Kind kind, double defaultThreshold, String name, AlarmOptions options, String subject,
      Map<String, String> dimensions) {
    Validate.matches("name", name, NAME, "1-32 letters and digits starting with a letter, such as Backend");
    AlarmOptions.Resolved r = Validate.notNull("options", options)
        .resolve(defaultThreshold, kind.period, kind.evaluation, kind.datapoints);
    String id = Character.toUpperCase(name.charAt(0)) + name.substring(1) + kind.id;
    if (!alarmIds.add(id)) {
      throw Validate.invalid("name", name, "an alarm " + id + " already exists in " + getNode().getPath()
          + "; give each alarm of one kind a distinct name");
    }
    String alarmName = naming().name(kebab(name) + "-" + kind.slug, NameLimit.CLOUDWATCH_ALARM);
    boolean percentile = kind.statistic.startsWith("p");
    String description = subject + ": " + kind.statistic + " " + kind.metric + (kind.comparison.equals(ABOVE) ? " above " : " below ")
        + number(r.threshold()) + kind.unit + " in " + r.datapointsToAlarm() + " of " + r.evaluationPeriods()
        + " periods of " + r.periodSeconds() + " s. " + kind.action;

    var builder = CloudwatchMetricAlarm.Builder.create(this, id)
        .alarmName(alarmName)
        .alarmDescription(description)
        .namespace(kind.namespace)
        .metricName(kind.metric)
        .dimensions(dimensions)
        .comparisonOperator(kind.comparison)
        .threshold(r.threshold())
        .period(r.periodSeconds())
        .evaluationPeriods(r.evaluationPeriods())
        .datapointsToAlarm(r.datapointsToAlarm())
        .treatMissingData(kind.treatMissing)
        .alarmActions(List.of(topic.arn()))
        .okActions(List.of(topic.arn()));
    if (percentile) {
      // Percentiles need extended_statistic. With too few requests a p95 is one request's time: keep the
      // state for such periods instead of paging on a single slow call at night.
      builder.extendedStatistic(kind.statistic).evaluateLowSampleCountPercentiles("ignore");
    } else {
      builder.statistic(kind.statistic);
    }
    CloudwatchMetricAlarm alarm = builder.build();
    alarms.add(alarm);
    return alarm;
  }

  private static Map<String, String> dimensions(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], Validate.notBlank("dimensions." + pairs[i], pairs[i + 1]));
    return out;
  }

  private static double positive(String field, double value) {
    Validate.finite(field, value);
    if (value <= 0) throw Validate.invalid(field, value, "a number greater than 0 is required");
    return value;
  }

  private static String targetGroupSubject(String lb, String tg) {
    return "Target group " + tg + " of load balancer " + lb;
  }

  private static String rdsSubject(String id) {
    return "RDS instance " + id;
  }

  private static String apiSubject(String api, String stage) {
    return "API " + api + " stage " + stage;
  }

  /** {@code WebApp} -> {@code web-app}. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
