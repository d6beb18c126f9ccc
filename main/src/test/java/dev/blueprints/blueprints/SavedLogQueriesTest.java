package dev.blueprints.blueprints;

import static dev.blueprints.blueprints.BlueprintAssertions.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The saved Logs Insights queries sit next to the log groups they read, in every blueprint with application logs. */
class SavedLogQueriesTest {
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  private static String groupRef(Synthesized json, String name) {
    return json.ref("aws_cloudwatch_log_group", json.only("aws_cloudwatch_log_group", "name", name), "name");
  }

  private static JsonNode query(Synthesized json, String folder, String name) {
    return json.only("aws_cloudwatch_query_definition", "name", folder + "/" + name);
  }

  @Test
  void fargateWebFindsErrorsInBothServicesAndMeasuresTheBackendsLatency() {
    for (String env : List.of("dev", "prod")) {
      String prefix = "fargate-web-" + env;
      Synthesized compute = app.stack(prefix + "-compute");
      assertEquals(2, compute.count("aws_cloudwatch_query_definition"));
      String frontend = groupRef(compute, "/ecs/bp-" + prefix + "-frontend/frontend");
      String backend = groupRef(compute, "/ecs/bp-" + prefix + "-backend/backend");
      JsonNode errors = query(compute, "bp-" + prefix, "Find errors");
      assertEquals(List.of(frontend, backend), texts(errors.path("log_group_names")));
      assertTrue(errors.path("query_string").asText().contains("| filter @message like /(?i)(error|exception|traceback"));
      JsonNode latency = query(compute, "bp-" + prefix, "API request latency");
      assertEquals(List.of(backend), texts(latency.path("log_group_names")));
      assertTrue(latency.path("query_string").asText().contains("pct(duration_ms, 95) as p95_ms"));
    }
  }

  @Test
  void ecsClusterQueriesTheAppLogs() {
    Synthesized compute = app.stack("ecs-cluster-prod-compute");
    String group = groupRef(compute, "/ecs/bp-ecs-cluster-prod-app/app");
    assertEquals(List.of(group), texts(query(compute, "bp-ecs-cluster-prod", "Find errors").path("log_group_names")));
    assertEquals(List.of(group), texts(query(compute, "bp-ecs-cluster-prod", "API request latency").path("log_group_names")));
  }

  @Test
  void apiEcsFindsErrorsInTheBackendAndMeasuresLatencyFromTheApiAccessLogs() {
    Synthesized compute = app.stack("api-ecs-prod-compute");
    assertEquals(List.of(groupRef(compute, "/ecs/bp-api-ecs-prod-backend/backend")),
        texts(query(compute, "bp-api-ecs-prod", "Find errors").path("log_group_names")));
    Synthesized edge = app.stack("api-ecs-prod-edge");
    JsonNode accessLogs = edge.only("aws_cloudwatch_log_group");
    JsonNode latency = query(edge, "bp-api-ecs-prod", "API request latency");
    assertEquals(List.of(edge.ref("aws_cloudwatch_log_group", accessLogs, "name")), texts(latency.path("log_group_names")));
    assertTrue(latency.path("query_string").asText().contains("| filter ispresent(responseLatency)"));
    assertTrue(Synthesized.json(edge.only("aws_api_gateway_stage"), "access_log_settings.format").has("responseLatency"),
        "the field the query reads is one the stage writes");
  }

  @Test
  void ec2BlueprintsShipNoApplicationLogsSoHaveNoQueries() {
    for (String blueprint : List.of("three-tier", "asg-web")) {
      app.stacks().forEach((id, json) -> {
        if (id.startsWith(blueprint + "-")) {
          assertEquals(0, json.count("aws_cloudwatch_query_definition"), id);
        }
      });
    }
  }
}
