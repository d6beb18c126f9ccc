package dev.blueprints.blueprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a first deploy into a fresh account needs from the committed settings, read on the whole app's JSON. */
class FirstDeployTest {
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void databasesAskForTheMajorVersionAndTakeMinorUpgrades() {
    for (var entry : app.stacks().entrySet()) {
      for (JsonNode db : entry.getValue().resources("aws_db_instance").values()) {
        String version = db.path("engine_version").asText();
        assertTrue(version.equals("15") || version.equals("8.0"), entry.getKey() + " asks RDS for " + version);
        assertTrue(db.path("auto_minor_version_upgrade").asBoolean(), entry.getKey());
      }
    }
  }

  @Test
  void theDevEdgeStackSetsTheAccountCloudWatchRoleBeforeTheStageLogs() {
    Synthesized dev = app.stack("api-ecs-dev-edge");
    JsonNode account = dev.only("aws_api_gateway_account");
    JsonNode role = dev.only("aws_iam_role", "name", "bp-api-ecs-dev-api-apigw-cloudwatch");
    assertEquals(dev.ref("aws_iam_role", role, "arn"), account.path("cloudwatch_role_arn").asText());
    assertEquals("apigateway.amazonaws.com",
        Synthesized.at(Synthesized.json(role, "assume_role_policy"), "Statement.0.Principal.Service").asText());
    dev.assertResource("aws_iam_role_policy_attachment", java.util.Map.of(
        "policy_arn", "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
    JsonNode stage = dev.only("aws_api_gateway_stage");
    assertFalse(Synthesized.at(stage, "access_log_settings.destination_arn").isMissingNode());
    assertTrue(texts(stage.path("depends_on")).contains("aws_api_gateway_account." + dev.nameOf("aws_api_gateway_account", account)),
        "AWS refuses stage logging until the account's CloudWatch role is set");

    // The committed prod settings share dev's account: "accountCloudWatchRole": false, one holder per account and region.
    assertEquals(0, app.stack("api-ecs-prod-edge").count("aws_api_gateway_account"));
  }

  @Test
  void theBrowserClientCanCallTheApiFromTheCommittedOrigin() {
    for (String env : List.of("dev", "prod")) {
      Synthesized edge = app.stack("api-ecs-" + env + "-edge");
      List<JsonNode> options = edge.resources("aws_api_gateway_method").values().stream()
          .filter(m -> m.path("http_method").asText().equals("OPTIONS")).toList();
      assertEquals(edge.resources("aws_api_gateway_resource").size() + 1, options.size(), "one preflight per resource and the root");
      options.forEach(m -> assertEquals("NONE", m.path("authorization").asText(), "browsers send no token in a preflight"));
      edge.resources("aws_api_gateway_integration_response").values().forEach(r -> assertEquals("'https://app.example.com'",
          r.path("response_parameters").path("method.response.header.Access-Control-Allow-Origin").asText()));
      for (String type : List.of("DEFAULT_4XX", "DEFAULT_5XX")) {
        JsonNode response = edge.only("aws_api_gateway_gateway_response", "response_type", type);
        assertEquals("'https://app.example.com'",
            response.path("response_parameters").path("gatewayresponse.header.Access-Control-Allow-Origin").asText());
      }
      JsonNode container = Synthesized.json(app.stack("api-ecs-" + env + "-compute").only("aws_ecs_task_definition"),
          "container_definitions").get(0);
      List<String> origins = new ArrayList<>();
      container.path("environment").forEach(e -> {
        if (e.path("name").asText().equals("CORS_ALLOWED_ORIGINS")) origins.add(e.path("value").asText());
      });
      assertEquals(List.of("https://app.example.com"), origins);
    }
  }
}
