package dev.blueprints.compute;

import static dev.blueprints.compute.LoadBalancerTest.PRIVATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.observability.AlarmTopic;
import dev.blueprints.observability.AlarmTopicProps;
import dev.blueprints.observability.Alarms;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The constructs' metrics carry their own resources' references as dimensions. */
class ConstructMetricsTest {
  private static final String TYPE = "aws_cloudwatch_metric_alarm";

  private static Map<?, ?> dims(JsonNode alarm) {
    return Synthesized.JSON.convertValue(alarm.path("dimensions"), Map.class);
  }

  @Test
  void serviceAndTargetGroupMetricsReferenceTheirResources() {
    BlueprintStack stack = Fixtures.stack("metrics");
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    EcsService service = new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE)
        .container(ContainerSpec.builder("app", EcsServiceTest.IMAGE).port(8000).build()).build());
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
    TargetGroup target = alb.addTargetGroup("App", TargetGroupProps.builder(8000).healthCheck(HealthCheck.http("/health")).build());
    Alarms alarms = new Alarms(stack, "Alarms", new AlarmTopic(stack, "Topic", AlarmTopicProps.builder().build()));
    alarms.recommended("Backend", service.metricCpu());
    alarms.recommended("Web", alb.metricHttp5xx());
    alarms.recommended("App", target.metricUnhealthyHosts());
    alarms.recommended("App", target.metricResponseTime());
    Synthesized json = Synthesized.of(stack);

    assertEquals(4, json.count(TYPE));
    String lbSuffix = json.ref("aws_lb", json.only("aws_lb"), "arn_suffix");
    String tgSuffix = json.ref("aws_lb_target_group", json.only("aws_lb_target_group"), "arn_suffix");
    assertEquals(Map.of("ClusterName", json.ref("aws_ecs_cluster", json.only("aws_ecs_cluster"), "name"),
        "ServiceName", json.ref("aws_ecs_service", json.only("aws_ecs_service"), "name")),
        dims(json.only(TYPE, "alarm_name", "acme-test-dev-backend-ecs-cpu")));
    assertEquals(Map.of("LoadBalancer", lbSuffix), dims(json.only(TYPE, "alarm_name", "acme-test-dev-web-alb-5xx")));
    JsonNode unhealthy = json.only(TYPE, "alarm_name", "acme-test-dev-app-alb-unhealthy");
    assertEquals(Map.of("LoadBalancer", lbSuffix, "TargetGroup", tgSuffix), dims(unhealthy));
    assertEquals("breaching", unhealthy.path("treat_missing_data").asText());
    assertEquals("p95", json.only(TYPE, "alarm_name", "acme-test-dev-app-alb-latency").path("extended_statistic").asText());
  }

  @Test
  void httpMetricsOfANetworkLoadBalancerAreRefused() {
    BlueprintStack stack = Fixtures.stack("metrics");
    LoadBalancer nlb = new LoadBalancer(stack, "Tcp", LoadBalancerTest.nlbProps().build());
    TargetGroup target = nlb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    assertTrue(assertThrows(IllegalArgumentException.class, nlb::metricHttp5xx).getMessage()
        .startsWith("kind = NETWORK is invalid: HTTP metrics exist only for APPLICATION load balancers"));
    assertTrue(assertThrows(IllegalArgumentException.class, target::metricTarget5xx).getMessage()
        .startsWith("metric = \"metricTarget5xx\" is invalid"));
    assertEquals("AWS/NetworkELB", target.metricUnhealthyHosts().namespace());
    EcsCluster fargate = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    assertTrue(assertThrows(IllegalArgumentException.class, fargate::metricCapacityCpu).getMessage()
        .contains("a Fargate cluster has no instances"));
  }
}
