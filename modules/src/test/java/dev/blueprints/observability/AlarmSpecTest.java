package dev.blueprints.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueue;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic alarm ({@link Alarms#add}), recommended alarms adjusted, and log metric filters. */
class AlarmSpecTest {
  private static final String TYPE = "aws_cloudwatch_metric_alarm";
  private final BlueprintStack stack = Fixtures.stack("alarmspec");
  private final Alarms alarms = new Alarms(stack, "Alarms", new AlarmTopic(stack, "Topic", AlarmTopicProps.builder().build()));

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void anyMetricTakesAFullSpecAndKeepsItsDimensionReferences() {
    SqsQueue queue = SqsQueue.Builder.create(stack, "Queue").name("jobs").build();
    Metric depth = Metric.custom("App", "QueueDepth", Map.of("Queue", queue.getName()));
    alarms.add("QueueDepth", depth, AlarmSpec.of(AlarmSpec.Comparison.AT_OR_ABOVE, 1000).statistic("Maximum").period(300)
        .forPeriods(4).datapoints(2).missingData(MissingData.IGNORE));
    Synthesized json = Synthesized.of(stack);
    JsonNode alarm = json.only(TYPE);
    assertEquals("acme-test-dev-queue-depth", alarm.path("alarm_name").asText());
    assertEquals("App", alarm.path("namespace").asText());
    assertEquals("QueueDepth", alarm.path("metric_name").asText());
    assertEquals(json.ref("aws_sqs_queue", json.only("aws_sqs_queue"), "name"), alarm.path("dimensions").path("Queue").asText());
    assertEquals("GreaterThanOrEqualToThreshold", alarm.path("comparison_operator").asText());
    assertEquals(1000, alarm.path("threshold").asDouble(), 0);
    assertEquals("Maximum", alarm.path("statistic").asText());
    assertEquals(300, alarm.path("period").asInt());
    assertEquals(4, alarm.path("evaluation_periods").asInt());
    assertEquals(2, alarm.path("datapoints_to_alarm").asInt());
    assertEquals("ignore", alarm.path("treat_missing_data").asText());
    assertEquals(json.ref("aws_sns_topic", json.only("aws_sns_topic"), "arn"), alarm.path("alarm_actions").get(0).asText());
    assertTrue(alarm.path("alarm_description").asText().startsWith("App QueueDepth (Queue "), alarm.path("alarm_description").asText());
    assertTrue(alarm.path("alarm_description").asText().endsWith("Maximum QueueDepth at or above 1000 in 2 of 4 periods of 300 s."));
  }

  @Test
  void defaultsAreOneMinuteOneOfOneMissingKeptAndTheMetricsStatistic() {
    alarms.add("Plain", Metric.custom("App", "Jobs", Map.of()), AlarmSpec.below(1));
    alarms.add("Latency", Metric.custom("App", "Latency", Map.of()).withStat("p99"), AlarmSpec.above(2).description("slow jobs"));
    Synthesized json = Synthesized.of(stack);
    JsonNode plain = json.only(TYPE, "alarm_name", "acme-test-dev-plain");
    assertEquals("LessThanThreshold", plain.path("comparison_operator").asText());
    assertEquals("Average", plain.path("statistic").asText());
    assertEquals(60, plain.path("period").asInt());
    assertEquals(1, plain.path("evaluation_periods").asInt());
    assertEquals(1, plain.path("datapoints_to_alarm").asInt());
    assertEquals("missing", plain.path("treat_missing_data").asText());
    assertTrue(plain.path("dimensions").isMissingNode() || plain.path("dimensions").isEmpty());
    JsonNode latency = json.only(TYPE, "alarm_name", "acme-test-dev-latency");
    assertEquals("p99", latency.path("extended_statistic").asText());
    assertTrue(latency.path("statistic").isMissingNode(), "a percentile is an extended statistic only");
    assertEquals("ignore", latency.path("evaluate_low_sample_count_percentiles").asText());
    assertEquals("slow jobs", latency.path("alarm_description").asText());
  }

  @Test
  void recommendedAlarmsReproduceTheirDefaultsAndTakeAdjustments() {
    alarms.recommended("Backend", Metrics.ecsServiceCpu("c", "s"));
    alarms.recommended("Main", Metrics.rdsFreeStorage("db"), spec -> spec.threshold(2e9).forPeriods(3));
    Synthesized json = Synthesized.of(stack);
    JsonNode cpu = json.only(TYPE, "alarm_name", "acme-test-dev-backend-ecs-cpu");
    assertEquals(80, cpu.path("threshold").asDouble(), 0);
    assertEquals(3, cpu.path("evaluation_periods").asInt());
    assertEquals("notBreaching", cpu.path("treat_missing_data").asText());
    assertEquals(Map.of("ClusterName", "c", "ServiceName", "s"),
        Synthesized.JSON.convertValue(cpu.path("dimensions"), Map.class));
    JsonNode storage = json.only(TYPE, "alarm_name", "acme-test-dev-main-rds-storage");
    assertEquals(2e9, storage.path("threshold").asDouble(), 0);
    assertEquals("LessThanThreshold", storage.path("comparison_operator").asText());
    assertEquals("Minimum", storage.path("statistic").asText());
    assertEquals(3, storage.path("evaluation_periods").asInt());
    assertEquals(1, storage.path("datapoints_to_alarm").asInt(), "the recommended 1 datapoint stays when only the window grows");
    assertEquals(2, json.count(TYPE));
  }

  @Test
  void badInputFailsWithTheFieldAndWhatIsAllowed() {
    assertTrue(message(() -> alarms.recommended("Main", Metrics.rdsConnections("db"))).startsWith("threshold = null is invalid"));
    assertTrue(message(() -> alarms.recommended("Jobs", Metric.custom("App", "Jobs", Map.of())))
        .contains("give this one an AlarmSpec with add(name, metric, spec)"));
    assertTrue(message(() -> alarms.add("Jobs", Metric.custom("App", "Jobs", Map.of()), AlarmSpec.above(1).forPeriods(2).datapoints(3)))
        .startsWith("datapointsToAlarm = 3 is greater than evaluationPeriods = 2"));
    assertTrue(message(() -> alarms.add("Jobs", Metric.custom("App", "Jobs", Map.of()), AlarmSpec.above(1).period(3600).forPeriods(200)))
        .contains("may cover at most 604800 s"));
    assertEquals("periodSeconds = 45 is invalid: 10, 30 or a positive multiple of 60", message(() -> AlarmSpec.above(1).period(45)));
    assertEquals("threshold = NaN is invalid: a finite number is required", message(() -> AlarmSpec.above(Double.NaN)));
    assertTrue(message(() -> AlarmSpec.above(1).statistic("Mean")).startsWith("statistic = \"Mean\" is invalid"));
    assertTrue(message(() -> Metric.custom("AWS/EC2", "CPUUtilization", Map.of())).startsWith("namespace = \"AWS/EC2\" is invalid"));
    alarms.add("Jobs", Metric.custom("App", "Jobs", Map.of()), AlarmSpec.above(1));
    assertTrue(message(() -> alarms.add("Jobs", Metric.custom("App", "Other", Map.of()), AlarmSpec.above(1)))
        .contains("an alarm Jobs already exists"));
  }

  @Test
  void logMetricFilterPublishesACustomMetricThatCanBeAlarmedOn() {
    LogGroup logs = new LogGroup(stack, "Logs", LogGroupProps.of("/acme/dev/app", 30));
    Metric errors = logs.metricFilter("Errors", LogMetricFilterProps.builder("App", "Errors").pattern("?ERROR ?Exception").defaultValue(0).build());
    alarms.add("AppErrors", errors, AlarmSpec.above(10).forPeriods(5).datapoints(2).missingData(MissingData.NOT_BREACHING));
    Synthesized json = Synthesized.of(stack);
    JsonNode filter = json.only("aws_cloudwatch_log_metric_filter");
    assertEquals("Errors", filter.path("name").asText());
    assertEquals("?ERROR ?Exception", filter.path("pattern").asText());
    assertEquals(json.ref("aws_cloudwatch_log_group", json.only("aws_cloudwatch_log_group"), "name"), filter.path("log_group_name").asText());
    JsonNode transformation = filter.path("metric_transformation");
    if (transformation.isArray()) transformation = transformation.get(0);
    assertEquals("App", transformation.path("namespace").asText());
    assertEquals("Errors", transformation.path("name").asText());
    assertEquals("1", transformation.path("value").asText());
    assertEquals("0", transformation.path("default_value").asText());
    JsonNode alarm = json.only(TYPE);
    assertEquals("Errors", alarm.path("metric_name").asText());
    assertEquals("Sum", alarm.path("statistic").asText(), "a count from a log filter is summed");

    assertTrue(message(() -> LogMetricFilterProps.builder("App", "Errors").build()).startsWith("pattern = null is invalid"));
    assertTrue(message(() -> LogMetricFilterProps.builder("App", "Errors").pattern("x").value("one").build()).startsWith("value = \"one\" is invalid"));
    assertTrue(message(() -> logs.metricFilter("Errors", LogMetricFilterProps.builder("App", "E2").pattern("x").build()))
        .contains("already exists"));
  }
}
