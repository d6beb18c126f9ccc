package dev.blueprints.observability;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.StackContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.providers.aws.cloudwatch_dashboard.CloudwatchDashboard;
import dev.blueprints.core.NameLimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A CloudWatch dashboard whose body is rendered in Java from typed {@link Widget}s. Widgets are placed
 * left to right in rows of 24 columns; a widget that does not fit on the current row starts the next one,
 * below the tallest widget of the row. References in dimensions stay tokens in the JSON string and
 * resolve to {@code ${...}} interpolations at synth.
 */
public final class Dashboard extends BlueprintConstruct {
  static final int COLUMNS = 24;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CloudwatchDashboard dashboard;

  public Dashboard(Construct scope, String id, DashboardProps props) {
    super(scope, id);
    StackContext stack = context();
    String name = props.name() != null ? props.name() : stack.naming().name("dashboard", NameLimit.DASHBOARD);
    dashboard = CloudwatchDashboard.Builder.create(this, "Resource")
        .dashboardName(name)
        .dashboardBody(body(props.widgets(), stack.settings().region()))
        .build();
  }

  static String body(List<Widget> widgets, String region) {
    List<Map<String, Object>> placed = new ArrayList<>();
    int x = 0;
    int y = 0;
    int rowHeight = 0;
    for (Widget widget : widgets) {
      if (x + widget.width() > COLUMNS) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("type", widget instanceof TextWidget ? "text" : "metric");
      out.put("x", x);
      out.put("y", y);
      out.put("width", widget.width());
      out.put("height", widget.height());
      out.put("properties", properties(widget, region));
      placed.add(out);
      x += widget.width();
      rowHeight = Math.max(rowHeight, widget.height());
    }
    try {
      return JSON.writeValueAsString(Map.of("widgets", placed));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> properties(Widget widget, String region) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (widget instanceof TextWidget text) {
      p.put("markdown", text.markdown());
    } else if (widget instanceof MetricWidget m) {
      p.put("title", m.title());
      p.put("region", m.region() != null ? m.region() : region);
      p.put("view", m.view().value());
      p.put("stacked", m.stacked());
      p.put("stat", m.stat());
      p.put("period", m.period());
      List<List<Object>> metrics = new ArrayList<>();
      for (Metric metric : m.metrics()) metrics.add(metricArray(metric));
      p.put("metrics", metrics);
    }
    return p;
  }

  /** {@code [namespace, metric, dim1, value1, ..., {stat, label}]}, the dashboard body's metric form. */
  private static List<Object> metricArray(Metric metric) {
    List<Object> out = new ArrayList<>();
    out.add(metric.namespace());
    out.add(metric.metricName());
    metric.dimensions().forEach((k, v) -> {
      out.add(k);
      out.add(v);
    });
    Map<String, Object> options = new LinkedHashMap<>();
    if (metric.stat() != null) options.put("stat", metric.stat());
    if (metric.label() != null) options.put("label", metric.label());
    if (!options.isEmpty()) out.add(options);
    return out;
  }

  public String name() {
    return dashboard.getDashboardName();
  }

  public String arn() {
    return dashboard.getDashboardArn();
  }

  public CloudwatchDashboard resource() {
    return dashboard;
  }
}
