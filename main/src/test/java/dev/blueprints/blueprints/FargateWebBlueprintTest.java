package dev.blueprints.blueprints;

import dev.blueprints.app.Blueprints;
import static dev.blueprints.blueprints.BlueprintAssertions.assertListenerForwards;
import static dev.blueprints.blueprints.BlueprintAssertions.assertOnlyLoadBalancersArePublic;
import static dev.blueprints.blueprints.BlueprintAssertions.assertOnlyPath;
import static dev.blueprints.blueprints.BlueprintAssertions.assertPath;
import static dev.blueprints.blueprints.BlueprintAssertions.groupOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.blueprints.fargateweb.FargateWebBlueprint;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FargateWebBlueprintTest {
  private static final String DEV = "fargate-web-dev-";
  // The whole app, synthesized once for every test class that reads it.
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  @Test
  void eachLayerHoldsWhatTheSeedDescribes() {
    assertEquals(List.of(DEV + "network", DEV + "data", DEV + "compute",
        "fargate-web-prod-network", "fargate-web-prod-data", "fargate-web-prod-compute"),
        app.stacks().keySet().stream().filter(id -> id.startsWith(FargateWebBlueprint.ID + "-")).toList());
    Synthesized data = app.stack(DEV + "data");
    assertEquals(2, data.count("aws_ecr_repository"));
    assertEquals(1, data.count("aws_db_instance"));
    assertEquals(1, data.count("aws_memorydb_cluster"));
    assertTrue(data.count("aws_secretsmanager_secret") >= 3, "app key, external API key, Redis user: " + data.inventory());
    Synthesized compute = app.stack(DEV + "compute");
    assertEquals(1, compute.count("aws_ecs_cluster"));
    assertEquals(2, compute.count("aws_lb"));
    assertEquals(2, compute.count("aws_lb_target_group"));
    assertEquals(2, compute.count("aws_ecs_service"));
    assertEquals(2, compute.count("aws_ecs_task_definition"));
    assertTrue(compute.count("aws_appautoscaling_policy") >= 2);
    assertTrue(compute.count("aws_cloudwatch_metric_alarm") >= 8);
    assertEquals(1, compute.count("aws_cloudwatch_dashboard"));
  }

  @Test
  void databaseAndCacheMatchTheSeed() {
    Synthesized data = app.stack(DEV + "data");
    JsonNode db = data.only("aws_db_instance");
    assertEquals("postgres", db.path("engine").asText());
    assertTrue(db.path("engine_version").asText().startsWith("15"));
    assertTrue(db.path("storage_encrypted").asBoolean());
    assertTrue(db.path("manage_master_user_password").asBoolean());
    assertFalse(db.path("multi_az").asBoolean(), "single-AZ in dev");
    assertTrue(app.stack("fargate-web-prod-data").only("aws_db_instance").path("multi_az").asBoolean(), "Multi-AZ in prod");
    JsonNode cache = data.only("aws_memorydb_cluster");
    assertTrue(cache.path("engine_version").asText().startsWith("7"));
    assertTrue(cache.path("tls_enabled").asBoolean());
    data.resources("aws_ecr_repository").values().forEach(r -> {
      assertEquals("IMMUTABLE", r.path("image_tag_mutability").asText());
      assertTrue(Synthesized.at(r, "image_scanning_configuration.scan_on_push").asBoolean());
    });
  }

  @Test
  void eachServiceSitsBehindItsOwnLoadBalancerWithItsHealthPath() {
    Synthesized compute = app.stack(DEV + "compute");
    for (String[] s : List.of(new String[] {"Frontend", "3000", "/"}, new String[] {"Backend", "8000", "/health"})) {
      JsonNode lb = compute.byPath("aws_lb", s[0] + "LoadBalancer/");
      assertFalse(lb.path("internal").asBoolean(), s[0] + " ALB is internet-facing as in the seed");
      assertEquals("application", lb.path("load_balancer_type").asText());
      JsonNode tg = compute.byPath("aws_lb_target_group", s[0] + "LoadBalancer/");
      assertEquals(Integer.parseInt(s[1]), tg.path("port").asInt());
      assertEquals("ip", tg.path("target_type").asText());
      assertEquals(s[2], Synthesized.at(tg, "health_check.path").asText());
      assertListenerForwards(compute, lb, tg);

      JsonNode service = compute.byPath("aws_ecs_service", s[0] + "/");
      assertEquals(compute.ref("aws_lb_target_group", tg, "arn"), Synthesized.at(service, "load_balancer.0.target_group_arn").asText());
      assertEquals(Integer.parseInt(s[1]), Synthesized.at(service, "load_balancer.0.container_port").asInt());
      assertFalse(Synthesized.at(service, "network_configuration.assign_public_ip").asBoolean());
      assertTrue(Synthesized.at(service, "deployment_circuit_breaker.rollback").asBoolean());
      assertPath(app, DEV + "compute", groupOf(app, DEV + "compute", lb), groupOf(app, DEV + "compute", service), Integer.parseInt(s[1]));
    }
  }

  @Test
  void onlyTheBackendReachesTheDatabaseAndTheCache() {
    String compute = DEV + "compute";
    Synthesized json = app.stack(compute);
    String backend = groupOf(app, compute, json.byPath("aws_ecs_service", "Backend/"));
    String database = groupOf(app, DEV + "data", app.stack(DEV + "data").only("aws_db_instance"));
    String cache = groupOf(app, DEV + "data", app.stack(DEV + "data").only("aws_memorydb_cluster"));
    assertOnlyPath(app, compute, backend, database, 5432);
    assertOnlyPath(app, compute, backend, cache, 6379);
    assertOnlyLoadBalancersArePublic(app, DEV);
    assertOnlyLoadBalancersArePublic(app, "fargate-web-prod-");
  }

  @Test
  void secretsReachTheBackendAsContainerSecretsFromTheDataStack() {
    String compute = DEV + "compute";
    Synthesized json = app.stack(compute);
    JsonNode task = json.where("aws_ecs_task_definition", Map.of()).stream()
        .filter(t -> t.path("container_definitions").asText().contains("\"backend\"")).findFirst().orElseThrow();
    JsonNode container = Synthesized.json(task, "container_definitions").get(0);
    List<String> names = new ArrayList<>();
    container.path("secrets").forEach(s -> names.add(s.path("name").asText()));
    assertTrue(names.containsAll(List.of("SECRET_KEY", "OPENAI_API_KEY", "DB_USER", "DB_PASSWORD", "REDIS_PASSWORD")), names.toString());
    container.path("secrets").forEach(s -> {
      String from = s.path("valueFrom").asText();
      assertEquals(DEV + "data", app.producer(compute, from), s.path("name") + " must come from the data stack's remote state");
    });
    String dbPassword = app.resolve(compute, secret(container, "DB_PASSWORD"));
    assertTrue(dbPassword.contains("aws_db_instance.") && dbPassword.endsWith(":password::"), dbPassword);
    assertTrue(container.path("readonlyRootFilesystem").asBoolean());
    assertEquals("awslogs", container.path("logConfiguration").path("logDriver").asText());
    json.resources("aws_cloudwatch_log_group").values().stream()
        .filter(g -> g.path("name").asText().contains("ecs"))
        .forEach(g -> assertEquals(30, g.path("retention_in_days").asInt(), "the seed's 30-day retention"));
  }

  private static String secret(JsonNode container, String name) {
    for (JsonNode s : container.path("secrets")) if (s.path("name").asText().equals(name)) return s.path("valueFrom").asText();
    throw new AssertionError("no secret " + name);
  }
}
