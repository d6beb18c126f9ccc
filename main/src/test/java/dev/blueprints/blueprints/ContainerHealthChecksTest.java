package dev.blueprints.blueprints;

import static dev.blueprints.blueprints.BlueprintAssertions.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.compute.ContainerSpec;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every ECS blueprint's containers carry a health check the deployment waits for. */
class ContainerHealthChecksTest {
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  private static JsonNode container(Synthesized compute, String service, String name) {
    JsonNode task = compute.only("aws_ecs_task_definition", "family", "bp-" + service);
    for (JsonNode c : Synthesized.json(task, "container_definitions")) {
      if (c.path("name").asText().equals(name)) return c;
    }
    throw new AssertionError("no container " + name + " in " + service);
  }

  private static void assertCheck(AppSynth app, String stack, String service, String container, List<String> command, int startPeriod) {
    Synthesized compute = app.stack(stack);
    JsonNode def = container(compute, service, container);
    assertTrue(def.path("essential").asBoolean(), stack + "/" + container + " is essential: its health is the task's");
    JsonNode check = def.path("healthCheck");
    assertEquals(command, texts(check.path("command")), stack + "/" + container);
    assertEquals(30, check.path("interval").asInt());
    assertEquals(5, check.path("timeout").asInt());
    assertEquals(3, check.path("retries").asInt());
    assertEquals(startPeriod, check.path("startPeriod").asInt());
    JsonNode ecsService = compute.only("aws_ecs_service", "name", "bp-" + service);
    assertTrue(ecsService.path("health_check_grace_period_seconds").asInt() >= startPeriod,
        "the load balancer's grace period covers the container's start period");
    assertTrue(Synthesized.at(ecsService, "deployment_circuit_breaker.enable").asBoolean());
    assertTrue(Synthesized.at(ecsService, "deployment_circuit_breaker.rollback").asBoolean());
  }

  @Test
  void ecsClusterChecksApiHealthWithNode() {
    for (String env : List.of("dev", "prod")) {
      assertCheck(app, "ecs-cluster-" + env + "-compute", "ecs-cluster-" + env + "-app", "app",
          List.of("CMD-SHELL", "node -e \"require('http').get('http://localhost:3000/api/health',"
              + "r=>process.exit(r.statusCode<400?0:1)).on('error',()=>process.exit(1))\" || exit 1"), 60);
    }
  }

  @Test
  void fargateWebChecksTheFrontendRootAndTheBackendHealth() {
    for (String env : List.of("dev", "prod")) {
      String stack = "fargate-web-" + env + "-compute";
      assertCheck(app, stack, "fargate-web-" + env + "-frontend", "frontend", ContainerSpec.HealthCheck.httpWithNode(3000, "/"), 60);
      assertCheck(app, stack, "fargate-web-" + env + "-backend", "backend", ContainerSpec.HealthCheck.httpWithPython(8000, "/health"), 60);
    }
  }

  @Test
  void apiEcsChecksDjangoHealthWithPythonAndALongerStart() {
    assertCheck(app, "api-ecs-prod-compute", "api-ecs-prod-backend", "backend",
        List.of("CMD-SHELL", "python3 -c \"import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=4)\" || exit 1"), 90);
  }

  private static SettingsNode options(String json) throws Exception {
    return new SettingsNode("prod.json", "blueprints.ecs-cluster", Synthesized.JSON.readTree(json));
  }

  @Test
  void settingsOverrideEachFieldOverTheDefault() throws Exception {
    ContainerHealth defaults = new ContainerHealth(ContainerSpec.HealthCheck.httpWithNode(3000, "/"), 60);
    ContainerSpec.HealthCheck check = defaults.read(options(
        "{\"healthChecks\": {\"app\": {\"command\": [\"CMD\", \"/bin/healthcheck\"], \"interval\": 10, \"retries\": 5, \"startPeriod\": 120}}}"),
        "ecs-cluster", "app");
    assertEquals(List.of("CMD", "/bin/healthcheck"), check.command());
    assertEquals(10, check.interval());
    assertEquals(5, check.timeout());
    assertEquals(5, check.retries());
    assertEquals(120, check.startPeriod());
    assertEquals(new ContainerSpec.HealthCheck(ContainerSpec.HealthCheck.httpWithNode(3000, "/"), 30, 5, 3, 60),
        defaults.read(options("{}"), "ecs-cluster", "app"));
  }

  @Test
  void badSettingsNameThePathTheValueAndWhatIsAllowed() throws Exception {
    ContainerHealth defaults = new ContainerHealth(ContainerSpec.HealthCheck.httpWithNode(3000, "/"), 60);
    Map<String, String> cases = Map.of(
        "{\"healthChecks\": {\"app\": {\"interval\": 1}}}",
        "blueprints.ecs-cluster.healthChecks.app.interval = 1 is invalid: allowed range is 5..300",
        "{\"healthChecks\": {\"app\": {\"command\": [\"curl -f http://localhost:3000/\"]}}}",
        "blueprints.ecs-cluster.healthChecks.app.command = [curl -f http://localhost:3000/] is invalid: [\"CMD-SHELL\", \"<shell command>\"] or [\"CMD\", \"<executable>\", ...]",
        "{\"healthChecks\": {\"app\": {\"timeout\": 30, \"interval\": 30}}}",
        "blueprints.ecs-cluster.healthChecks.app.timeout = 30 is invalid: less than the interval (30 s)");
    cases.forEach((json, message) -> assertEquals(message,
        assertThrows(IllegalArgumentException.class, () -> defaults.read(options(json), "ecs-cluster", "app")).getMessage()));
    assertEquals("prod.json: unknown field blueprints.ecs-cluster.healthChecks.web; allowed fields are [app]",
        assertThrows(IllegalArgumentException.class, () -> ContainerHealth.allowOnly(options("{\"healthChecks\": {\"web\": {}}}"), "app")).getMessage());
  }
}
