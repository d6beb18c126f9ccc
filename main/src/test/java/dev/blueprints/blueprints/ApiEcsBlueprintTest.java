package dev.blueprints.blueprints;

import dev.blueprints.app.Blueprints;
import static dev.blueprints.blueprints.BlueprintAssertions.assertOnlyLoadBalancersArePublic;
import static dev.blueprints.blueprints.BlueprintAssertions.assertPath;
import static dev.blueprints.blueprints.BlueprintAssertions.groupOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.blueprints.apiecs.ApiEcsBlueprint;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiEcsBlueprintTest {
  private static final String DEV = "api-ecs-dev-";
  // The whole app, synthesized once for every test class that reads it.
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  @Test
  void fourStacksPerEnvironmentInDeploymentOrder() {
    assertEquals(List.of(DEV + "network", DEV + "data", DEV + "compute", DEV + "edge",
        "api-ecs-prod-network", "api-ecs-prod-data", "api-ecs-prod-compute", "api-ecs-prod-edge"),
        app.stacks().keySet().stream().filter(id -> id.startsWith(ApiEcsBlueprint.ID + "-")).toList());
    assertTrue(app.dependencies(DEV + "edge").containsAll(List.of(DEV + "data", DEV + "compute")));
  }

  @Test
  void apiAuthorizesWithTheUserPoolAndProxiesThroughTheVpcLinkToTheNlbOn8000() {
    String edge = DEV + "edge";
    Synthesized json = app.stack(edge);
    JsonNode authorizer = json.only("aws_api_gateway_authorizer");
    assertEquals("COGNITO_USER_POOLS", authorizer.path("type").asText());
    String pool = app.resolve(edge, authorizer.path("provider_arns").get(0).asText());
    assertTrue(pool.startsWith("${aws_cognito_user_pool."), pool);

    JsonNode link = json.only("aws_api_gateway_vpc_link");
    assertEquals(DEV + "compute", app.producer(edge, link.path("target_arns").get(0).asText()));
    assertTrue(app.resolve(edge, link.path("target_arns").get(0).asText()).startsWith("${aws_lb."));
    for (JsonNode integration : json.resources("aws_api_gateway_integration").values()) {
      if (!integration.path("type").asText().equals("HTTP_PROXY")) continue;
      assertEquals("VPC_LINK", integration.path("connection_type").asText());
      assertEquals(json.ref("aws_api_gateway_vpc_link", link, "id"), integration.path("connection_id").asText());
      assertTrue(integration.path("uri").asText().contains(":8000"), integration.path("uri").asText());
    }
    String authorizerId = json.ref("aws_api_gateway_authorizer", authorizer, "id");
    json.resources("aws_api_gateway_method").forEach((name, method) -> {
      boolean open = method.path("authorization").asText().equals("NONE");
      if (open) {
        assertTrue(method.path("http_method").asText().equals("OPTIONS") || name.toLowerCase().contains("health"), name + " is open");
      } else {
        assertEquals(authorizerId, method.path("authorizer_id").asText(), name);
      }
    });
    JsonNode stage = json.only("aws_api_gateway_stage");
    assertTrue(stage.path("xray_tracing_enabled").asBoolean());
    assertFalse(Synthesized.at(stage, "access_log_settings.destination_arn").isMissingNode());
  }

  @Test
  void nlbIsInternalOnTcp8000AndTheServiceRunsOnT2XlargeWithOneSqliteWriter() {
    String stack = DEV + "compute";
    Synthesized compute = app.stack(stack);
    JsonNode nlb = compute.only("aws_lb");
    assertEquals("network", nlb.path("load_balancer_type").asText());
    assertTrue(nlb.path("internal").asBoolean(), "reachable only through the VPC link, so the authorizer cannot be bypassed");
    JsonNode listener = compute.only("aws_lb_listener");
    assertEquals("TCP", listener.path("protocol").asText());
    assertEquals(8000, listener.path("port").asInt());
    JsonNode tg = compute.only("aws_lb_target_group");
    assertEquals("TCP", tg.path("protocol").asText());
    assertEquals(8000, tg.path("port").asInt());
    assertEquals("t2.xlarge", compute.only("aws_launch_template").path("instance_type").asText());

    JsonNode service = compute.only("aws_ecs_service");
    assertEquals(1, service.path("desired_count").asInt());
    assertEquals(0, service.path("deployment_minimum_healthy_percent").asInt());
    assertEquals(100, service.path("deployment_maximum_percent").asInt());
    assertPath(app, stack, groupOf(app, stack, nlb), groupOf(app, stack, service), 8000);
    assertOnlyLoadBalancersArePublic(app, DEV);
  }

  @Test
  void sqliteLivesOnEncryptedEfsReachableOnlyFromTheService() {
    JsonNode fs = app.stack(DEV + "data").only("aws_efs_file_system");
    assertTrue(fs.path("encrypted").asBoolean());
    String stack = DEV + "compute";
    JsonNode task = app.stack(stack).only("aws_ecs_task_definition");
    JsonNode volume = task.path("volume").isArray() ? task.path("volume").get(0) : task.path("volume");
    assertEquals("sqlite", volume.path("name").asText());
    assertEquals("ENABLED", Synthesized.at(volume, "efs_volume_configuration.transit_encryption").asText());
    JsonNode container = Synthesized.json(task, "container_definitions").get(0);
    assertEquals("/app/data", container.path("mountPoints").get(0).path("containerPath").asText());
    String service = groupOf(app, stack, app.stack(stack).only("aws_ecs_service"));
    String efs = app.resolve(DEV + "data", app.stack(DEV + "data").resources("aws_efs_mount_target").values().iterator().next().path("security_groups").get(0).asText());
    assertPath(app, stack, service, efs, 2049);
  }

  @Test
  void userPoolRequiresStrongPasswordsAndTheClientHasNoSecret() {
    Synthesized data = app.stack(DEV + "data");
    JsonNode pool = data.only("aws_cognito_user_pool");
    assertTrue(Synthesized.at(pool, "password_policy.minimum_length").asInt() >= 12);
    assertTrue(List.of("OPTIONAL", "ON").contains(pool.path("mfa_configuration").asText()));
    assertEquals("ACTIVE", pool.path("deletion_protection").asText());
    assertFalse(data.only("aws_cognito_user_pool_client").path("generate_secret").asBoolean());
  }
}
