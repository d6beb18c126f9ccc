package dev.blueprints.observability;

import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardTest {
  private static final String TYPE = "aws_cloudwatch_dashboard";

  private static JsonNode widgets(Synthesized json) {
    return Synthesized.json(json.only(TYPE), "dashboard_body").path("widgets");
  }

  private static List<Object> position(JsonNode widget) {
    return List.of(widget.path("x").asInt(), widget.path("y").asInt(), widget.path("width").asInt(), widget.path("height").asInt());
  }

  private static List<String> metricArray(JsonNode widget, int index) {
    List<String> out = new ArrayList<>();
    widget.path("properties").path("metrics").get(index).forEach(n -> out.add(n.isObject() ? n.toString() : n.asText()));
    return out;
  }

  @Test
  void bodyIsJsonNamingTheStacksResourcesLaidOutInRowsOf24() {
    BlueprintStack stack = Fixtures.stack("dashboard");
    Lb lb = Lb.Builder.create(stack, "Lb").name("web").build();
    EcsCluster cluster = EcsCluster.Builder.create(stack, "Cluster").name("c").build();
    EcsService service = EcsService.Builder.create(stack, "Service").name("web").cluster(cluster.getId()).build();
    DbInstance db = DbInstance.Builder.create(stack, "Db").identifier("main").instanceClass("db.t3.micro").build();
    Dashboard dashboard = new Dashboard(stack, "Dashboard", DashboardProps.builder()
        .widget(TextWidget.of("# Web"))
        .widgets(LoadBalancer.widgets("Web ALB", LoadBalancerKind.APPLICATION, lb.getArnSuffix()))
        .widgets(Widgets.ecsService("Web service", cluster.getName(), service.getName()))
        .widgets(Widgets.database("Database", db.getIdentifier()))
        .build());
    Synthesized json = Synthesized.of(stack);
    JsonNode resource = json.only(TYPE);
    assertEquals("acme-test-dev-dashboard", resource.path("dashboard_name").asText());
    assertTrue(dashboard.arn().contains("TOKEN"));

    JsonNode widgets = widgets(json);
    assertEquals(9, widgets.size());
    assertEquals("text", widgets.get(0).path("type").asText());
    assertEquals("# Web", widgets.get(0).path("properties").path("markdown").asText());
    assertEquals(List.of(0, 0, 24, 2), position(widgets.get(0)));
    // Load balancer: three widgets of 8 on the second row (below the text's height 2).
    assertEquals(List.of(0, 2, 8, 6), position(widgets.get(1)));
    assertEquals(List.of(8, 2, 8, 6), position(widgets.get(2)));
    assertEquals(List.of(16, 2, 8, 6), position(widgets.get(3)));
    // ECS: two widgets of 12; database: three of 8.
    assertEquals(List.of(0, 8, 12, 6), position(widgets.get(4)));
    assertEquals(List.of(12, 8, 12, 6), position(widgets.get(5)));
    assertEquals(List.of(0, 14, 8, 6), position(widgets.get(6)));
    assertEquals(List.of(16, 14, 8, 6), position(widgets.get(8)));

    String lbRef = json.ref("aws_lb", json.only("aws_lb"), "arn_suffix");
    JsonNode requests = widgets.get(1);
    assertEquals("metric", requests.path("type").asText());
    JsonNode p = requests.path("properties");
    assertEquals("Web ALB: Requests", p.path("title").asText());
    assertEquals("eu-west-1", p.path("region").asText(), "the stack's region");
    assertEquals("Sum", p.path("stat").asText());
    assertEquals(300, p.path("period").asInt());
    assertEquals("timeSeries", p.path("view").asText());
    assertFalse(p.path("stacked").asBoolean());
    assertEquals(List.of("AWS/ApplicationELB", "RequestCount", "LoadBalancer", lbRef), metricArray(requests, 0));
    JsonNode latency = widgets.get(2);
    assertEquals(List.of("AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", lbRef, "{\"label\":\"p95\"}"), metricArray(latency, 0));
    assertEquals("p95", latency.path("properties").path("stat").asText());
    JsonNode errors = widgets.get(3);
    assertEquals("HTTPCode_ELB_5XX_Count", metricArray(errors, 0).get(1));
    assertEquals("HTTPCode_Target_5XX_Count", metricArray(errors, 1).get(1));

    String clusterRef = json.ref("aws_ecs_cluster", json.only("aws_ecs_cluster"), "name");
    String serviceRef = json.ref("aws_ecs_service", json.only("aws_ecs_service"), "name");
    assertEquals(List.of("AWS/ECS", "CPUUtilization", "ClusterName", clusterRef, "ServiceName", serviceRef), metricArray(widgets.get(4), 0));
    assertEquals(List.of("AWS/ECS", "MemoryUtilization", "ClusterName", clusterRef, "ServiceName", serviceRef), metricArray(widgets.get(5), 0));

    String dbRef = json.ref("aws_db_instance", json.only("aws_db_instance"), "identifier");
    assertEquals(List.of("AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", dbRef), metricArray(widgets.get(6), 0));
    assertEquals(List.of("AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", dbRef), metricArray(widgets.get(7), 0));
    assertEquals(List.of("AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", dbRef), metricArray(widgets.get(8), 0));
    assertEquals("Minimum", widgets.get(8).path("properties").path("stat").asText());
  }

  @Test
  void otherWidgetGroupsNameTheirMetricsAndDimensions() {
    BlueprintStack stack = Fixtures.stack("dashboard");
    new Dashboard(stack, "Dashboard", DashboardProps.builder().name("ops")
        .widgets(LoadBalancer.widgets("Api NLB", LoadBalancerKind.NETWORK, "net/api/123"))
        .widgets(Widgets.autoScalingGroup("Web", "web-asg"))
        .widgets(Widgets.memoryDb("Cache", "cache"))
        .widgets(Widgets.apiGateway("Api", "api", "prod"))
        .build());
    Synthesized json = Synthesized.of(stack);
    assertEquals("ops", json.only(TYPE).path("dashboard_name").asText());
    JsonNode widgets = widgets(json);
    assertEquals(3 + 1 + 2 + 4, widgets.size());
    assertEquals(List.of("AWS/NetworkELB", "NewFlowCount", "LoadBalancer", "net/api/123"), metricArray(widgets.get(0), 0));
    assertEquals(List.of("AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web-asg"), metricArray(widgets.get(3), 0));
    assertEquals(List.of(0, 6, 24, 6), position(widgets.get(3)));
    assertEquals(List.of("AWS/MemoryDB", "EngineCPUUtilization", "ClusterName", "cache"), metricArray(widgets.get(4), 0));
    assertEquals(List.of("AWS/MemoryDB", "DatabaseMemoryUsagePercentage", "ClusterName", "cache"), metricArray(widgets.get(5), 0));
    List<String> apiMetrics = new ArrayList<>();
    for (int i = 6; i < 10; i++) {
      List<String> m = metricArray(widgets.get(i), 0);
      assertEquals(List.of("ApiName", "api", "Stage", "prod"), m.subList(2, 6));
      apiMetrics.add(m.get(1));
      assertEquals(6, widgets.get(i).path("width").asInt());
    }
    assertEquals(List.of("Count", "4XXError", "5XXError", "Latency"), apiMetrics);
  }

  @Test
  void customMetricWidgetKeepsDimensionOrderAndOptions() {
    BlueprintStack stack = Fixtures.stack("dashboard");
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("ZFirst", "z");
    dims.put("ASecond", "a");
    new Dashboard(stack, "Dashboard", DashboardProps.builder().name("custom")
        .widget(MetricWidget.builder("Queue").metric(Metric.of("App", "Depth", dims).withStat("Maximum").withLabel("depth"))
            .stat("Sum").period(60).width(20).height(4).view(MetricWidget.View.SINGLE_VALUE).stacked(true).region("us-east-1").build())
        .widget(MetricWidget.builder("Next").metric(Metric.of("App", "Other", Map.of())).build())
        .build());
    JsonNode widgets = widgets(Synthesized.of(stack));
    JsonNode p = widgets.get(0).path("properties");
    assertEquals(List.of("App", "Depth", "ZFirst", "z", "ASecond", "a", "{\"stat\":\"Maximum\",\"label\":\"depth\"}"), metricArray(widgets.get(0), 0));
    assertEquals("singleValue", p.path("view").asText());
    assertTrue(p.path("stacked").asBoolean());
    assertEquals("us-east-1", p.path("region").asText());
    assertEquals(60, p.path("period").asInt());
    assertEquals(List.of(0, 0, 20, 4), position(widgets.get(0)));
    assertEquals(List.of(0, 4, 12, 6), position(widgets.get(1)), "20 + 12 > 24: the next widget starts a new row");
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    assertEquals("widgets = [] is invalid: a dashboard needs at least one widget",
        assertThrows(IllegalArgumentException.class, () -> DashboardProps.builder().name("empty").build()).getMessage());
    assertEquals("width = 25 is invalid: allowed range is 1..24",
        assertThrows(IllegalArgumentException.class,
            () -> MetricWidget.builder("Wide").metric(Metric.of("App", "M", Map.of())).width(25).build()).getMessage());
    assertEquals("width = 0 is invalid: allowed range is 1..24",
        assertThrows(IllegalArgumentException.class, () -> TextWidget.builder("x").width(0).build()).getMessage());
    assertEquals("metrics = [] is invalid: a metric widget needs at least one metric",
        assertThrows(IllegalArgumentException.class, () -> MetricWidget.builder("None").build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Metric.of("App", "M", Map.of()).withStat("Mean"))
        .getMessage().startsWith("stat = \"Mean\" is invalid"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DashboardProps.builder().name("my dashboard").widget(TextWidget.of("x")).build()).getMessage()
        .startsWith("name = \"my dashboard\" is invalid"));
  }
}
