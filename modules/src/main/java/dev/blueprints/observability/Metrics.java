package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS metrics the library knows, each with the statistic it is read with and the alarm it recommends.
 * The constructs call these with their own resources' references ({@code EcsService.metricCpu()},
 * {@code Database.metricFreeStorage()} ...); dashboards ({@link Widgets}) and alarms ({@link Alarms}) read
 * them from here, so what a metric means is written once. Use these directly only for resources that are
 * not constructs of this library.
 *
 * <p>{@code treat_missing_data} of the recommended alarms is chosen per metric:
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
public final class Metrics {
  private Metrics() {}

  private static final MissingData NOT_BREACHING = MissingData.NOT_BREACHING;
  private static final MissingData BREACHING = MissingData.BREACHING;
  private static final MissingData MISSING = MissingData.MISSING;

  // ---- ECS ----------------------------------------------------------------------------------------

  /** Average CPU of an ECS service (%); recommended alarm above 80 for 3 of 3 minutes. */
  public static Metric ecsServiceCpu(String clusterName, String serviceName) {
    return aws("AWS/ECS", "CPUUtilization", "Average", dims("ClusterName", clusterName, "ServiceName", serviceName),
        preset("EcsServiceCpu", "ecs-cpu", ecsSubject(clusterName, serviceName), AlarmSpec.above(80), 60, 3, 3, NOT_BREACHING, "%",
            "Look for a traffic spike or a hot code path; scale out (desired count or the auto scaling maximum) or give the task more CPU."));
  }

  /** Average memory of an ECS service (%); recommended alarm above 80 for 3 of 3 minutes. */
  public static Metric ecsServiceMemory(String clusterName, String serviceName) {
    return aws("AWS/ECS", "MemoryUtilization", "Average", dims("ClusterName", clusterName, "ServiceName", serviceName),
        preset("EcsServiceMemory", "ecs-memory", ecsSubject(clusterName, serviceName), AlarmSpec.above(80), 60, 3, 3, NOT_BREACHING, "%",
            "Tasks that reach their memory limit are killed. Look for a leak (memory rising without traffic); raise the task memory or scale out."));
  }

  // ---- Load balancers -----------------------------------------------------------------------------

  /** 5xx answered by an ALB itself (count); recommended alarm above 5 a minute in 3 of 5 minutes. */
  public static Metric albHttp5xx(String lbArnSuffix) {
    return aws("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", dims("LoadBalancer", lbArnSuffix),
        preset("AlbHttp5xx", "alb-5xx", "Load balancer " + lbArnSuffix, AlarmSpec.above(5), 60, 5, 3, NOT_BREACHING, "",
            "The load balancer itself answered 5xx: no healthy target (503), targets closing connections (502) or timing out (504)."
                + " Check target health, the service's logs and recent deployments."));
  }

  /** 5xx returned by one ALB target group's targets (count); recommended alarm above 5 a minute in 3 of 5 minutes. */
  public static Metric albTarget5xx(String lbArnSuffix, String targetGroupArnSuffix) {
    return aws("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", targetGroupDims(lbArnSuffix, targetGroupArnSuffix),
        preset("AlbTarget5xx", "alb-target-5xx", targetGroupSubject(lbArnSuffix, targetGroupArnSuffix), AlarmSpec.above(5), 60, 5, 3,
            NOT_BREACHING, "",
            "The application returned 5xx. Check the service's logs for errors and recent deployments; roll back if the errors began with a release."));
  }

  /** Unhealthy targets of one ALB target group (maximum); recommended alarm above 0 for 3 of 3 minutes, missing data breaching. */
  public static Metric albUnhealthyHosts(String lbArnSuffix, String targetGroupArnSuffix) {
    return aws("AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", targetGroupDims(lbArnSuffix, targetGroupArnSuffix),
        preset("AlbUnhealthyHosts", "alb-unhealthy", targetGroupSubject(lbArnSuffix, targetGroupArnSuffix), AlarmSpec.above(0), 60, 3, 3,
            BREACHING, "",
            "Targets fail their health check. Check the health-check path and port, the targets' logs and whether they start within the grace period."
                + " Missing data (no health reports) also alarms."));
  }

  /** p95 response time of one ALB target group (s); recommended alarm above 1 s in 3 of 5 minutes. */
  public static Metric albTargetResponseTime(String lbArnSuffix, String targetGroupArnSuffix) {
    return aws("AWS/ApplicationELB", "TargetResponseTime", "p95", targetGroupDims(lbArnSuffix, targetGroupArnSuffix),
        preset("AlbTargetResponseTime", "alb-latency", targetGroupSubject(lbArnSuffix, targetGroupArnSuffix), AlarmSpec.above(1), 60, 5, 3,
            NOT_BREACHING, " s", "Responses are slow: check the targets' CPU and memory, the database and downstream calls; scale out if the service is saturated."));
  }

  /** Unhealthy targets of one NLB target group (maximum); recommended alarm above 0 for 3 of 3 minutes, missing data breaching. */
  public static Metric nlbUnhealthyHosts(String lbArnSuffix, String targetGroupArnSuffix) {
    return aws("AWS/NetworkELB", "UnHealthyHostCount", "Maximum", targetGroupDims(lbArnSuffix, targetGroupArnSuffix),
        preset("NlbUnhealthyHosts", "nlb-unhealthy", targetGroupSubject(lbArnSuffix, targetGroupArnSuffix), AlarmSpec.above(0), 60, 3, 3,
            BREACHING, "",
            "Targets fail their health check. Check the health-check port, the targets' logs and security groups (the NLB checks from its own addresses)."
                + " Missing data (no health reports) also alarms."));
  }

  // ---- RDS ----------------------------------------------------------------------------------------

  /** Average CPU of an RDS instance (%); recommended alarm above 80 for 5 of 5 minutes. */
  public static Metric rdsCpu(String dbInstanceIdentifier) {
    return aws("AWS/RDS", "CPUUtilization", "Average", dims("DBInstanceIdentifier", dbInstanceIdentifier),
        preset("RdsCpu", "rds-cpu", rdsSubject(dbInstanceIdentifier), AlarmSpec.above(80), 60, 5, 5, MISSING, "%",
            "Find the expensive queries (Performance Insights, slow query log); add indexes or move to a larger instance class."));
  }

  /**
   * Minimum free storage of an RDS instance (bytes); recommended alarm below a threshold you give (e.g. 10%
   * of the allocated storage) in one 5-minute period.
   */
  public static Metric rdsFreeStorage(String dbInstanceIdentifier) {
    return aws("AWS/RDS", "FreeStorageSpace", "Minimum", dims("DBInstanceIdentifier", dbInstanceIdentifier),
        preset("RdsFreeStorage", "rds-storage", rdsSubject(dbInstanceIdentifier), AlarmSpec.withoutThreshold(AlarmSpec.Comparison.BELOW),
            300, 1, 1, MISSING, " bytes",
            "A full database stops accepting writes. Increase the allocated storage (or its autoscaling maximum) and look for tables or logs growing unexpectedly."));
  }

  /** Average freeable memory of an RDS instance (bytes); recommended alarm below a threshold you give for 3 of 3 five-minute periods. */
  public static Metric rdsFreeableMemory(String dbInstanceIdentifier) {
    return aws("AWS/RDS", "FreeableMemory", "Average", dims("DBInstanceIdentifier", dbInstanceIdentifier),
        preset("RdsFreeableMemory", "rds-memory", rdsSubject(dbInstanceIdentifier), AlarmSpec.withoutThreshold(AlarmSpec.Comparison.BELOW),
            300, 3, 3, MISSING, " bytes",
            "Low memory makes the database swap and slow down: check the connection count and memory-heavy queries, or move to a larger instance class."));
  }

  /** Maximum connections of an RDS instance; recommended alarm above a threshold you give (e.g. 80% of {@code max_connections}) for 5 of 5 minutes. */
  public static Metric rdsConnections(String dbInstanceIdentifier) {
    return aws("AWS/RDS", "DatabaseConnections", "Maximum", dims("DBInstanceIdentifier", dbInstanceIdentifier),
        preset("RdsConnections", "rds-connections", rdsSubject(dbInstanceIdentifier), AlarmSpec.withoutThreshold(AlarmSpec.Comparison.ABOVE),
            60, 5, 5, MISSING, "",
            "Near the connection limit new clients are refused: look for connection leaks, size the application's pools or add RDS Proxy."));
  }

  // ---- MemoryDB -----------------------------------------------------------------------------------

  /** The busiest node's engine CPU (%); recommended alarm above 80 for 5 of 5 minutes. */
  public static Metric memoryDbCpu(String clusterName) {
    return aws("AWS/MemoryDB", "EngineCPUUtilization", "Maximum", dims("ClusterName", clusterName),
        preset("MemoryDbCpu", "memorydb-cpu", "MemoryDB cluster " + clusterName, AlarmSpec.above(80), 60, 5, 5, MISSING, "%",
            "The engine thread is saturated: look for slow commands (SLOWLOG); add shards for write load or replicas for read load, or a larger node type."));
  }

  /** The fullest node's memory use (%); recommended alarm above 80 for 5 of 5 minutes. */
  public static Metric memoryDbMemory(String clusterName) {
    return aws("AWS/MemoryDB", "DatabaseMemoryUsagePercentage", "Maximum", dims("ClusterName", clusterName),
        preset("MemoryDbMemory", "memorydb-memory", "MemoryDB cluster " + clusterName, AlarmSpec.above(80), 60, 5, 5, MISSING, "%",
            "At 100% writes fail or keys are evicted. Check TTLs and key growth; add shards or move to a larger node type."));
  }

  // ---- EC2 Auto Scaling ---------------------------------------------------------------------------

  /**
   * Average CPU of an Auto Scaling group's instances (%); recommended alarm above 80 for 3 of 3 five-minute
   * periods (EC2 basic monitoring publishes every 5 minutes: a shorter period would see mostly missing data).
   */
  public static Metric asgCpu(String autoScalingGroupName) {
    return aws("AWS/EC2", "CPUUtilization", "Average", dims("AutoScalingGroupName", autoScalingGroupName),
        preset("AsgCpu", "asg-cpu", "Auto Scaling group " + autoScalingGroupName, AlarmSpec.above(80), 300, 3, 3, NOT_BREACHING, "%",
            "The instances are busy: check whether scaling has reached the group's maximum; raise it or the instance type, or find the hot code path."));
  }

  /**
   * Memory used (%) of an Auto Scaling group's busiest instance, as the CloudWatch agent reports it (namespace
   * {@code CWAgent}, aggregated by {@code AutoScalingGroupName}, as {@code ContainerUserData} configures it); no
   * recommended alarm.
   */
  public static Metric agentMemoryUsed(String autoScalingGroupName) {
    return Metric.aws("CWAgent", "mem_used_percent", dims("AutoScalingGroupName", autoScalingGroupName), "Maximum", null);
  }

  /** Root-disk used (%) of an Auto Scaling group's fullest instance, from the CloudWatch agent; no recommended alarm. */
  public static Metric agentDiskUsed(String autoScalingGroupName) {
    return Metric.aws("CWAgent", "disk_used_percent", dims("AutoScalingGroupName", autoScalingGroupName), "Maximum", null);
  }

  // ---- API Gateway (REST) -------------------------------------------------------------------------

  /** Requests to a REST API stage (count, Sum); no recommended alarm. */
  public static Metric apiGatewayRequests(String apiName, String stageName) {
    return Metric.aws("AWS/ApiGateway", "Count", dims("ApiName", apiName, "Stage", stageName), "Sum", null);
  }

  /** Requests of a REST API stage answered with 4xx (count, Sum); no recommended alarm: clients cause most 4xx. */
  public static Metric apiGateway4xx(String apiName, String stageName) {
    return Metric.aws("AWS/ApiGateway", "4XXError", dims("ApiName", apiName, "Stage", stageName), "Sum", null);
  }

  /**
   * Fraction of a REST API stage's requests failing with 5xx (the Average of 5XXError: 0.05 = 5%);
   * recommended alarm above 0.05 in 3 of 5 minutes.
   */
  public static Metric apiGateway5xx(String apiName, String stageName) {
    return aws("AWS/ApiGateway", "5XXError", "Average", dims("ApiName", apiName, "Stage", stageName),
        preset("ApiGateway5xx", "api-5xx", apiSubject(apiName, stageName), AlarmSpec.above(0.05), 60, 5, 3, NOT_BREACHING,
            " (fraction of requests)",
            "Requests fail with 5xx: check the integration (backend health, VPC link, timeouts) in the stage's execution logs and the backend's logs."));
  }

  /** p95 latency of a REST API stage (ms); recommended alarm above 1000 ms in 3 of 5 minutes. */
  public static Metric apiGatewayLatency(String apiName, String stageName) {
    return aws("AWS/ApiGateway", "Latency", "p95", dims("ApiName", apiName, "Stage", stageName),
        preset("ApiGatewayLatency", "api-latency", apiSubject(apiName, stageName), AlarmSpec.above(1000), 60, 5, 3, NOT_BREACHING, " ms",
            "Responses are slow: compare with IntegrationLatency to tell the backend from API Gateway; check the backend's saturation and downstream calls."));
  }

  // ---- internals ----------------------------------------------------------------------------------

  private static Metric aws(String namespace, String name, String stat, Map<String, String> dimensions, Metric.Preset preset) {
    return Metric.aws(namespace, name, dimensions, stat, preset);
  }

  private static Metric.Preset preset(String id, String slug, String subject, AlarmSpec base, int period, int evaluation, int datapoints,
      MissingData missing, String unit, String action) {
    return new Metric.Preset(id, slug, subject, base.period(period).forPeriods(evaluation).datapoints(datapoints).missingData(missing), unit, action);
  }

  private static Map<String, String> dims(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], Validate.notBlank("dimensions." + pairs[i], pairs[i + 1]));
    return out;
  }

  /** ELB metrics of one target group are keyed by both the load balancer and the group. */
  private static Map<String, String> targetGroupDims(String lbArnSuffix, String targetGroupArnSuffix) {
    return dims("LoadBalancer", lbArnSuffix, "TargetGroup", targetGroupArnSuffix);
  }

  private static String ecsSubject(String cluster, String service) {
    return "ECS service " + service + " in cluster " + cluster;
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
}
