package dev.blueprints.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlarmsTest {
  private static final String TYPE = "aws_cloudwatch_metric_alarm";
  private BlueprintStack stack;
  private Alarms alarms;

  @BeforeEach
  void setUp() {
    stack = Fixtures.stack("alarms");
    alarms = new Alarms(stack, "Alarms", new AlarmTopic(stack, "Topic", AlarmTopicProps.builder().build()));
  }

  private static Map<String, String> dims(JsonNode alarm) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    alarm.path("dimensions").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The alarm named {@code alarmName}, after checking the settings every alarm shares and that its actions go to the topic. */
  private static JsonNode assertAlarm(Synthesized json, String alarmName, String namespace, String metric, String comparison,
      double threshold, int period, int evaluation, int datapoints, String treatMissing) {
    JsonNode alarm = json.only(TYPE, "alarm_name", alarmName);
    String topicArn = json.ref("aws_sns_topic", json.only("aws_sns_topic"), "arn");
    assertEquals(namespace, alarm.path("namespace").asText());
    assertEquals(metric, alarm.path("metric_name").asText());
    assertEquals(comparison, alarm.path("comparison_operator").asText());
    assertEquals(threshold, alarm.path("threshold").asDouble(), 1e-9);
    assertEquals(period, alarm.path("period").asInt());
    assertEquals(evaluation, alarm.path("evaluation_periods").asInt());
    assertEquals(datapoints, alarm.path("datapoints_to_alarm").asInt());
    assertEquals(treatMissing, alarm.path("treat_missing_data").asText());
    assertEquals(List.of(topicArn), List.of(alarm.path("alarm_actions").get(0).asText()));
    assertEquals(1, alarm.path("alarm_actions").size());
    assertEquals(topicArn, alarm.path("ok_actions").get(0).asText());
    assertEquals(1, alarm.path("ok_actions").size());
    return alarm;
  }

  @Test
  void ecsServiceAlarmsReferenceTheClusterAndServiceAndNotifyTheTopic() {
    EcsCluster cluster = EcsCluster.Builder.create(stack, "Cluster").name("c").build();
    EcsService service = EcsService.Builder.create(stack, "Service").name("backend").cluster(cluster.getId()).build();
    alarms.recommended("Backend", Metrics.ecsServiceCpu(cluster.getName(), service.getName()));
    alarms.recommended("Backend", Metrics.ecsServiceMemory(cluster.getName(), service.getName()));
    Synthesized json = Synthesized.of(stack);
    assertEquals(2, json.count(TYPE));
    Map<String, String> expected = Map.of(
        "ClusterName", json.ref("aws_ecs_cluster", json.only("aws_ecs_cluster"), "name"),
        "ServiceName", json.ref("aws_ecs_service", json.only("aws_ecs_service"), "name"));

    JsonNode cpu = assertAlarm(json, "acme-test-dev-backend-ecs-cpu", "AWS/ECS", "CPUUtilization", "GreaterThanThreshold", 80, 60, 3, 3, "notBreaching");
    assertEquals("Average", cpu.path("statistic").asText());
    assertEquals(expected, dims(cpu));
    assertTrue(cpu.path("alarm_description").asText().contains("above 80% in 3 of 3 periods of 60 s"), cpu.path("alarm_description").asText());

    JsonNode memory = assertAlarm(json, "acme-test-dev-backend-ecs-memory", "AWS/ECS", "MemoryUtilization", "GreaterThanThreshold", 80, 60, 3, 3, "notBreaching");
    assertEquals(expected, dims(memory));
  }

  @Test
  void loadBalancerAlarmsUseTheArnSuffixes() {
    Lb lb = Lb.Builder.create(stack, "Lb").name("web").build();
    LbTargetGroup tg = LbTargetGroup.Builder.create(stack, "Tg").name("web").port(8000).protocol("HTTP").build();
    Lb nlb = Lb.Builder.create(stack, "Nlb").name("api").loadBalancerType("network").build();
    LbTargetGroup nlbTg = LbTargetGroup.Builder.create(stack, "NlbTg").name("api").port(8000).protocol("TCP").build();
    alarms.recommended("Web", Metrics.albHttp5xx(lb.getArnSuffix()));
    alarms.recommended("Web", Metrics.albTarget5xx(lb.getArnSuffix(), tg.getArnSuffix()));
    alarms.recommended("Web", Metrics.albUnhealthyHosts(lb.getArnSuffix(), tg.getArnSuffix()));
    alarms.recommended("Web", Metrics.albTargetResponseTime(lb.getArnSuffix(), tg.getArnSuffix()));
    alarms.recommended("Api", Metrics.nlbUnhealthyHosts(nlb.getArnSuffix(), nlbTg.getArnSuffix()));
    Synthesized json = Synthesized.of(stack);
    String lbRef = json.ref("aws_lb", json.only("aws_lb", "name", "web"), "arn_suffix");
    String tgRef = json.ref("aws_lb_target_group", json.only("aws_lb_target_group", "name", "web"), "arn_suffix");

    JsonNode elb5xx = assertAlarm(json, "acme-test-dev-web-alb-5xx", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "GreaterThanThreshold", 5, 60, 5, 3, "notBreaching");
    assertEquals("Sum", elb5xx.path("statistic").asText());
    assertEquals(Map.of("LoadBalancer", lbRef), dims(elb5xx));

    JsonNode target5xx = assertAlarm(json, "acme-test-dev-web-alb-target-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "GreaterThanThreshold", 5, 60, 5, 3, "notBreaching");
    assertEquals(Map.of("LoadBalancer", lbRef, "TargetGroup", tgRef), dims(target5xx));

    JsonNode unhealthy = assertAlarm(json, "acme-test-dev-web-alb-unhealthy", "AWS/ApplicationELB", "UnHealthyHostCount", "GreaterThanThreshold", 0, 60, 3, 3, "breaching");
    assertEquals("Maximum", unhealthy.path("statistic").asText());
    assertEquals(Map.of("LoadBalancer", lbRef, "TargetGroup", tgRef), dims(unhealthy));

    JsonNode latency = assertAlarm(json, "acme-test-dev-web-alb-latency", "AWS/ApplicationELB", "TargetResponseTime", "GreaterThanThreshold", 1, 60, 5, 3, "notBreaching");
    assertEquals("p95", latency.path("extended_statistic").asText());
    assertTrue(latency.path("statistic").isMissingNode(), "statistic and extended_statistic are exclusive");
    assertEquals("ignore", latency.path("evaluate_low_sample_count_percentiles").asText());

    JsonNode nlbUnhealthy = assertAlarm(json, "acme-test-dev-api-nlb-unhealthy", "AWS/NetworkELB", "UnHealthyHostCount", "GreaterThanThreshold", 0, 60, 3, 3, "breaching");
    assertEquals(Map.of(
        "LoadBalancer", json.ref("aws_lb", json.only("aws_lb", "name", "api"), "arn_suffix"),
        "TargetGroup", json.ref("aws_lb_target_group", json.only("aws_lb_target_group", "name", "api"), "arn_suffix")), dims(nlbUnhealthy));
  }

  @Test
  void rdsAlarmsReferenceTheInstanceAndTakeTheirThresholds() {
    DbInstance db = DbInstance.Builder.create(stack, "Db").identifier("main").instanceClass("db.t3.micro").build();
    alarms.recommended("Main", Metrics.rdsCpu(db.getIdentifier()));
    alarms.recommended("Main", Metrics.rdsFreeStorage(db.getIdentifier()), spec -> spec.threshold(2e9));
    alarms.recommended("Main", Metrics.rdsFreeableMemory(db.getIdentifier()), spec -> spec.threshold(1e8));
    alarms.recommended("Main", Metrics.rdsConnections(db.getIdentifier()), spec -> spec.threshold(70));
    Synthesized json = Synthesized.of(stack);
    Map<String, String> expected = Map.of("DBInstanceIdentifier", json.ref("aws_db_instance", json.only("aws_db_instance"), "identifier"));
    assertEquals(4, json.count(TYPE));

    JsonNode cpu = assertAlarm(json, "acme-test-dev-main-rds-cpu", "AWS/RDS", "CPUUtilization", "GreaterThanThreshold", 80, 60, 5, 5, "missing");
    assertEquals(expected, dims(cpu));
    JsonNode storage = assertAlarm(json, "acme-test-dev-main-rds-storage", "AWS/RDS", "FreeStorageSpace", "LessThanThreshold", 2e9, 300, 1, 1, "missing");
    assertEquals("Minimum", storage.path("statistic").asText());
    assertEquals(expected, dims(storage));
    assertTrue(storage.path("alarm_description").asText().contains("below 2000000000 bytes"));
    assertAlarm(json, "acme-test-dev-main-rds-memory", "AWS/RDS", "FreeableMemory", "LessThanThreshold", 1e8, 300, 3, 3, "missing");
    JsonNode connections = assertAlarm(json, "acme-test-dev-main-rds-connections", "AWS/RDS", "DatabaseConnections", "GreaterThanThreshold", 70, 60, 5, 5, "missing");
    assertEquals(expected, dims(connections));
  }

  @Test
  void memoryDbAsgAndApiGatewayAlarms() {
    String cluster = "${aws_memorydb_cluster.cache.name}";
    String asg = "${aws_autoscaling_group.web.name}";
    String api = "${aws_api_gateway_rest_api.api.name}";
    String stage = "${aws_api_gateway_stage.prod.stage_name}";
    alarms.recommended("Cache", Metrics.memoryDbCpu(cluster));
    alarms.recommended("Cache", Metrics.memoryDbMemory(cluster));
    alarms.recommended("Web", Metrics.asgCpu(asg));
    alarms.recommended("Api", Metrics.apiGateway5xx(api, stage));
    alarms.recommended("Api", Metrics.apiGatewayLatency(api, stage));
    Synthesized json = Synthesized.of(stack);

    JsonNode cacheCpu = assertAlarm(json, "acme-test-dev-cache-memorydb-cpu", "AWS/MemoryDB", "EngineCPUUtilization", "GreaterThanThreshold", 80, 60, 5, 5, "missing");
    assertEquals(Map.of("ClusterName", cluster), dims(cacheCpu));
    assertAlarm(json, "acme-test-dev-cache-memorydb-memory", "AWS/MemoryDB", "DatabaseMemoryUsagePercentage", "GreaterThanThreshold", 80, 60, 5, 5, "missing");

    JsonNode asgCpu = assertAlarm(json, "acme-test-dev-web-asg-cpu", "AWS/EC2", "CPUUtilization", "GreaterThanThreshold", 80, 300, 3, 3, "notBreaching");
    assertEquals(Map.of("AutoScalingGroupName", asg), dims(asgCpu));

    JsonNode api5xx = assertAlarm(json, "acme-test-dev-api-api-5xx", "AWS/ApiGateway", "5XXError", "GreaterThanThreshold", 0.05, 60, 5, 3, "notBreaching");
    assertEquals("Average", api5xx.path("statistic").asText());
    assertEquals(Map.of("ApiName", api, "Stage", stage), dims(api5xx));
    JsonNode apiLatency = assertAlarm(json, "acme-test-dev-api-api-latency", "AWS/ApiGateway", "Latency", "GreaterThanThreshold", 1000, 60, 5, 3, "notBreaching");
    assertEquals("p95", apiLatency.path("extended_statistic").asText());
  }

  @Test
  void adjustmentsOverrideTheRecommendedSpec() {
    alarms.recommended("Frontend", Metrics.ecsServiceCpu("c", "s"), spec -> spec.threshold(90).period(300).forPeriods(4).datapoints(2));
    alarms.recommended("Web", Metrics.asgCpu("asg"), spec -> spec.threshold(70));
    Synthesized json = Synthesized.of(stack);
    assertAlarm(json, "acme-test-dev-frontend-ecs-cpu", "AWS/ECS", "CPUUtilization",
        "GreaterThanThreshold", 90, 300, 4, 2, "notBreaching");
    assertAlarm(json, "acme-test-dev-web-asg-cpu", "AWS/EC2", "CPUUtilization",
        "GreaterThanThreshold", 70, 300, 3, 3, "notBreaching");
  }

  @Test
  void twoAlarmsOfOneKindNeedDistinctNames() {
    alarms.recommended("Frontend", Metrics.ecsServiceCpu("c", "frontend"));
    alarms.recommended("WebApp", Metrics.ecsServiceCpu("c", "web"));
    Synthesized json = Synthesized.of(stack);
    assertEquals(2, json.count(TYPE));
    json.only(TYPE, "alarm_name", "acme-test-dev-web-app-ecs-cpu");
    assertTrue(alarms.getNode().tryFindChild("WebAppEcsServiceCpu") != null, "construct id is <Name><Kind>");
    var e = assertThrows(IllegalArgumentException.class, () -> alarms.recommended("Frontend", Metrics.ecsServiceCpu("c", "other")));
    assertEquals("name = \"Frontend\" is invalid: an alarm FrontendEcsServiceCpu already exists in test-dev-alarms/Alarms;"
        + " give each alarm of one kind a distinct name", e.getMessage());
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    Metric storage = Metrics.rdsFreeStorage("db");
    assertEquals("threshold = NaN is invalid: a finite number is required",
        assertThrows(IllegalArgumentException.class, () -> alarms.recommended("Main", storage, spec -> spec.threshold(Double.NaN))).getMessage());
    assertEquals("periodSeconds = 90 is invalid: 10, 30 or a positive multiple of 60",
        assertThrows(IllegalArgumentException.class, () -> alarms.recommended("Main", Metrics.rdsCpu("db"), spec -> spec.period(90))).getMessage());
    assertEquals("datapointsToAlarm = 3 is greater than evaluationPeriods = 2: datapointsToAlarm must be <= evaluationPeriods",
        assertThrows(IllegalArgumentException.class,
            () -> alarms.recommended("Main", Metrics.rdsCpu("db"), spec -> spec.forPeriods(2).datapoints(3))).getMessage());
    // Only evaluationPeriods changed: checked against the recommended datapoints (3 for ECS CPU).
    assertEquals("datapointsToAlarm = 3 is greater than evaluationPeriods = 2: datapointsToAlarm must be <= evaluationPeriods",
        assertThrows(IllegalArgumentException.class,
            () -> alarms.recommended("X", Metrics.ecsServiceCpu("c", "s"), spec -> spec.forPeriods(2))).getMessage());
    assertEquals("evaluationPeriods = 0 is invalid: allowed range is 1..100000",
        assertThrows(IllegalArgumentException.class, () -> alarms.recommended("Main", Metrics.rdsCpu("db"), spec -> spec.forPeriods(0))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> alarms.recommended("Web", Metrics.asgCpu("asg"), spec -> spec.period(3540).forPeriods(30).datapoints(1)))
        .getMessage().startsWith("evaluationPeriods = 30 is invalid: periodSeconds x evaluationPeriods may cover at most 86400 s"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> alarms.recommended("web-tier", Metrics.asgCpu("asg"))).getMessage()
        .startsWith("name = \"web-tier\" is invalid: 1-32 letters and digits"));
    assertEquals("dimensions.ServiceName = \"\" is invalid: a non-empty value is required",
        assertThrows(IllegalArgumentException.class, () -> Metrics.ecsServiceMemory("c", "")).getMessage());
    assertEquals(0, alarms.alarms().size(), "no alarm is half-made by a failed call");
  }
}
