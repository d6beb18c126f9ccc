package dev.blueprints.blueprints;

import static dev.blueprints.blueprints.BlueprintAssertions.texts;
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

  /** The values the container's environment gives {@code name}: one when the variable is set once. */
  private static List<String> environment(JsonNode container, String name) {
    List<String> out = new ArrayList<>();
    container.path("environment").forEach(e -> {
      if (e.path("name").asText().equals(name)) out.add(e.path("value").asText());
    });
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
      assertEquals(List.of("https://app.example.com"), environment(container, "CORS_ALLOWED_ORIGINS"));
    }
  }

  @Test
  void secretsTheUserFillsHaveAFirstValueSoTasksStartAndAreTaggedForTheChecklist() {
    for (String env : List.of("dev", "prod")) {
      for (String[] c : List.of(new String[] {"fargate-web", "openai-api-key", "REPLACE_ME", "OPENAI_API_KEY"},
          new String[] {"ecs-cluster", "app-config", "{}", "APP_CONFIG"})) {
        Synthesized data = app.stack(c[0] + "-" + env + "-data");
        JsonNode secret = data.only("aws_secretsmanager_secret", "name", "bp-" + c[0] + "-" + env + "-" + c[1]);
        assertEquals("true", secret.path("tags").path("FillBeforeUse").asText());
        String secretRef = data.ref("aws_secretsmanager_secret", secret, "id");
        JsonNode version = data.where("aws_secretsmanager_secret_version", java.util.Map.of("secret_id", secretRef)).get(0);
        assertEquals(c[2], version.path("secret_string").asText());
        assertEquals(List.of("secret_string"), texts(version.path("lifecycle").path("ignore_changes")));

        String compute = c[0] + "-" + env + "-compute";
        List<String> readers = new ArrayList<>();
        app.stack(compute).resources("aws_ecs_task_definition").values().forEach(task ->
            Synthesized.json(task, "container_definitions").forEach(container -> container.path("secrets").forEach(ref -> {
              if (ref.path("name").asText().equals(c[3])) readers.add(app.resolve(compute, ref.path("valueFrom").asText()));
            })));
        assertEquals(List.of(data.ref("aws_secretsmanager_secret", secret, "arn")), readers, c[3] + " is read from that secret");
      }
    }
  }

  @Test
  void prodAlarmTopicsNotifyTheCommittedExampleAddressAndDevOnesAreWarned() {
    for (String blueprint : Blueprints.ids()) {
      Synthesized prod = app.stack(blueprint + "-prod-compute");
      JsonNode topic = prod.only("aws_sns_topic");
      JsonNode subscription = prod.only("aws_sns_topic_subscription");
      assertEquals("email", subscription.path("protocol").asText());
      assertEquals("alarms@example.com", subscription.path("endpoint").asText());
      assertEquals(prod.ref("aws_sns_topic", topic, "arn"), subscription.path("topic_arn").asText());
      assertEquals(0, app.stack(blueprint + "-dev-compute").count("aws_sns_topic_subscription"), "dev.json names nobody");
    }
  }

  @Test
  void prodSettingsWithoutAlarmAddressesStopTheSynth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) Synthesized.JSON.readTree(
        AppSynth.SETTINGS_DIR.resolve("prod.json").toFile());
    json.putArray("alarmEmails");
    java.nio.file.Files.writeString(dir.resolve("prod.json"), json.toString());
    java.nio.file.Path out = dir.resolve("out");
    com.hashicorp.cdktf.App cdk = dev.blueprints.app.BlueprintsApp.newApp(out);
    dev.blueprints.app.BlueprintsApp.build(cdk, new dev.blueprints.app.Selection(List.of("asg-web"), List.of("prod"), dir));
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int status = dev.blueprints.app.Main.synth(cdk, out, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
        new java.io.PrintStream(err));
    assertEquals(dev.blueprints.app.Main.POLICY_VIOLATION, status);
    assertTrue(err.toString().contains("BP-SNS-002  stack asg-web-prod-compute  aws_sns_topic.AlarmTopic_D01E77F9"), err.toString());
  }

  @Test
  void theSeedsRegionsHoldTheirBlueprintsWhileStateStaysInTheBucketsRegion() {
    for (var entry : app.stacks().entrySet()) {
      String id = entry.getKey();
      if (id.equals("state-bootstrap")) continue;
      Synthesized stack = entry.getValue();
      String expected = id.startsWith("api-ecs-") ? "us-east-2" : id.startsWith("fargate-web-") ? "ca-central-1" : "us-east-1";
      assertEquals(expected, stack.root().path("provider").path("aws").get(0).path("region").asText(), id);
      assertEquals("us-east-1", stack.terraform().path("backend").path("s3").path("region").asText(), id + ": state stays put");
      stack.root().path("data").path("terraform_remote_state").forEach(read ->
          assertEquals("us-east-1", read.path("config").path("region").asText(), id + " reads remote state from the bucket's region"));
    }
    List<String> zones = new ArrayList<>();
    app.stack("fargate-web-prod-network").resources("aws_subnet").values().forEach(s -> zones.add(s.path("availability_zone").asText()));
    assertEquals(List.of("ca-central-1a", "ca-central-1b", "ca-central-1d"), zones.stream().distinct().sorted().toList(),
        "ca-central-1 has no zone c");
    List<String> apiZones = new ArrayList<>();
    app.stack("api-ecs-dev-network").resources("aws_subnet").values().forEach(s -> apiZones.add(s.path("availability_zone").asText()));
    assertEquals(List.of("us-east-2a", "us-east-2b"), apiZones.stream().distinct().sorted().toList());
    JsonNode container = Synthesized.json(app.stack("api-ecs-dev-compute").only("aws_ecs_task_definition"), "container_definitions").get(0);
    assertEquals(List.of("us-east-2"), environment(container, "COGNITO_REGION"));
  }

  @Test
  void aRotatedPasswordOrANewlyPutSecretRedeploysTheServicesThatReadIt() {
    for (String env : List.of("dev", "prod")) {
      for (String[] c : List.of(new String[] {"ecs-cluster", "AppSecrets", "2", "/App/"},
          new String[] {"fargate-web", "BackendSecrets", "4", "/Backend/"})) {
        String id = c[0] + "-" + env + "-compute";
        Synthesized compute = app.stack(id);
        JsonNode rule = compute.only("aws_cloudwatch_event_rule");
        JsonNode pattern = Synthesized.json(rule, "event_pattern");
        assertEquals(List.of("aws.secretsmanager"), texts(pattern.path("source")));
        assertEquals(List.of("Secret Label Updated"), texts(pattern.path("detail-type")), "native event: no CloudTrail trail needed");
        assertEquals(List.of("AWSCURRENT"), texts(pattern.path("detail").path("labelUpdated")));
        List<String> secrets = texts(pattern.path("resources")).stream().map(v -> app.resolve(id, v)).toList();
        assertEquals(Integer.parseInt(c[2]), secrets.size(), secrets.toString());
        assertTrue(secrets.contains("${aws_db_instance.Database_B269D8BB.master_user_secret[0].secret_arn}")
            || secrets.stream().anyMatch(v -> v.startsWith("${aws_db_instance.") && v.contains("master_user_secret")), "the RDS-managed password: " + secrets);

        // Every secret the service's containers read is watched.
        JsonNode service = compute.byPath("aws_ecs_service", c[3]);
        String serviceId = compute.ref("aws_ecs_service", service, "id");
        List<String> read = new ArrayList<>();
        compute.resources("aws_ecs_task_definition").values().forEach(task -> {
          if (!service.path("task_definition").asText().contains(compute.nameOf("aws_ecs_task_definition", task))) return;
          Synthesized.json(task, "container_definitions").forEach(container -> container.path("secrets").forEach(ref ->
              read.add(app.resolve(id, ref.path("valueFrom").asText()).replaceAll(":[a-z]+::$", ""))));
        });
        assertTrue(secrets.containsAll(read), "watched " + secrets + " read " + read);

        JsonNode machine = compute.only("aws_sfn_state_machine");
        JsonNode task = Synthesized.json(machine, "definition").path("States").path("ForceNewDeployment");
        assertEquals("arn:aws:states:::aws-sdk:ecs:updateService", task.path("Resource").asText());
        assertEquals(serviceId, task.path("Parameters").path("Service").asText());
        assertEquals(compute.ref("aws_ecs_service", service, "cluster"), task.path("Parameters").path("Cluster").asText());
        assertTrue(task.path("Parameters").path("ForceNewDeployment").asBoolean());

        JsonNode target = compute.only("aws_cloudwatch_event_target");
        assertEquals(compute.ref("aws_sfn_state_machine", machine, "arn"), target.path("arn").asText());
        assertEquals(compute.ref("aws_cloudwatch_event_rule", rule, "name"), target.path("rule").asText());
        JsonNode machinePolicy = Synthesized.json(compute.byPath("aws_iam_role_policy", c[1] + "/StateMachineRole/"), "policy");
        assertEquals("ecs:UpdateService", machinePolicy.path("Statement").get(0).path("Action").asText());
        assertEquals(serviceId, machinePolicy.path("Statement").get(0).path("Resource").asText());
        JsonNode eventsPolicy = Synthesized.json(compute.byPath("aws_iam_role_policy", c[1] + "/EventsRole/"), "policy");
        assertEquals("states:StartExecution", eventsPolicy.path("Statement").get(0).path("Action").asText());
        assertEquals(compute.ref("aws_sfn_state_machine", machine, "arn"), eventsPolicy.path("Statement").get(0).path("Resource").asText());
        assertEquals("events.amazonaws.com", Synthesized.json(compute.byPath("aws_iam_role", c[1] + "/EventsRole"), "assume_role_policy")
            .path("Statement").get(0).path("Principal").path("Service").asText());
      }
    }
  }
}
