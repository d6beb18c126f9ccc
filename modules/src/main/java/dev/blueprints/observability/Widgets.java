package dev.blueprints.observability;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made widget groups for the resources of a blueprint. Each group fills one 24-column row
 * (its widgets share the width) and titles its widgets {@code "<title>: <what>"}. Dimension values are
 * references to the resources, as for {@link Alarms}; the metrics come from {@link Metrics}.
 */
public final class Widgets {
  private Widgets() {}

  /** ECS service: CPU and memory utilization (%). */
  public static List<Widget> ecsService(String title, String clusterName, String serviceName) {
    return row(title,
        widget("CPU (%)", Metrics.ecsServiceCpu(clusterName, serviceName)),
        widget("Memory (%)", Metrics.ecsServiceMemory(clusterName, serviceName)));
  }

  /** EC2 Auto Scaling group: average CPU of its instances (%). */
  public static List<Widget> autoScalingGroup(String title, String autoScalingGroupName) {
    return row(title, widget("CPU (%)", Metrics.asgCpu(autoScalingGroupName)));
  }

  /** What the CloudWatch agent reports for an Auto Scaling group: memory and root-disk used (%), highest instance. */
  public static List<Widget> cloudWatchAgent(String title, String autoScalingGroupName) {
    return row(title,
        widget("Memory used (%)", Metrics.agentMemoryUsed(autoScalingGroupName)),
        widget("Disk used (%)", Metrics.agentDiskUsed(autoScalingGroupName)));
  }

  /** RDS instance: CPU (%), connections, free storage (bytes). */
  public static List<Widget> database(String title, String dbInstanceIdentifier) {
    return row(title,
        widget("CPU (%)", Metrics.rdsCpu(dbInstanceIdentifier)),
        widget("Connections", Metrics.rdsConnections(dbInstanceIdentifier)),
        widget("Free storage (bytes)", Metrics.rdsFreeStorage(dbInstanceIdentifier)));
  }

  /** MemoryDB cluster: engine CPU and memory use (%), busiest node. */
  public static List<Widget> memoryDb(String title, String clusterName) {
    return row(title,
        widget("Engine CPU (%)", Metrics.memoryDbCpu(clusterName)),
        widget("Memory used (%)", Metrics.memoryDbMemory(clusterName)));
  }

  /** API Gateway REST API stage: requests, 4xx, 5xx (counts), p95 latency (ms). */
  public static List<Widget> apiGateway(String title, String apiName, String stage) {
    return row(title,
        widget("Requests", Metrics.apiGatewayRequests(apiName, stage)),
        widget("4xx", Metrics.apiGateway4xx(apiName, stage)),
        widget("5xx", "Sum", Metrics.apiGateway5xx(apiName, stage).withStat(null)),
        widget("Latency (ms)", Metrics.apiGatewayLatency(apiName, stage)));
  }

  /** One graph of a row: what it shows, its statistic and its metrics. */
  public record Draft(String what, String stat, List<Metric> metrics) {}

  public static Draft widget(String what, String stat, Metric... metrics) {
    return new Draft(what, stat, List.of(metrics));
  }

  /** A graph of one metric read with its own statistic (such as a construct's {@code metricCpu()}). */
  public static Draft widget(String what, Metric metric) {
    Validate.notNull("metric", metric);
    return new Draft(what, metric.stat() != null ? metric.stat() : "Average", List.of(metric.withStat(null)));
  }

  /** One 24-column row of graphs titled {@code "<title>: <what>"}, sharing the width. */
  public static List<Widget> row(String title, Draft... drafts) {
    Validate.notBlank("title", title);
    int width = 24 / drafts.length;
    List<Widget> out = new ArrayList<>();
    for (Draft d : drafts) {
      out.add(MetricWidget.builder(title + ": " + d.what()).metrics(d.metrics()).stat(d.stat()).width(width).build());
    }
    return List.copyOf(out);
  }
}
