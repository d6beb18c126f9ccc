package dev.blueprints.blueprints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.app.Blueprints;
import dev.blueprints.app.Selection;
import dev.blueprints.settings.SettingsNode;
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The EC2 tiers of three-tier and asg-web run their application from a container image named in settings. */
class Ec2ApplicationTest {
  /** Test settings: the committed ones with other image tags and a domain per public blueprint. */
  static final Path DOMAIN_SETTINGS = Path.of("src", "test", "resources", "settings-domain");
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  record Tier(String stack, String group, String repository, String logGroup, int port) {}

  static final List<Tier> TIERS = List.of(
      new Tier("three-tier-dev-compute", "Frontend/", "FrontendRepository/", "FrontendLogs/", 5000),
      new Tier("three-tier-dev-compute", "Backend/", "BackendRepository/", "BackendLogs/", 5001),
      new Tier("asg-web-dev-compute", "App/", "Repository/", "AppLogs/", 8000));

  @Test
  void userDataRunsTheConfiguredImageOnTheTiersPortWithAwslogsIntoTheTiersLogGroup() {
    for (Tier tier : TIERS) {
      Synthesized compute = app.stack(tier.stack());
      String script = Synthesized.userData(compute.byPath("aws_launch_template", tier.group()));
      String image = line(script, "IMAGE=").replaceAll("^IMAGE='|'$", "");
      String data = tier.stack().replace("compute", "data");
      JsonNode repository = app.stack(data).byPath("aws_ecr_repository", tier.repository());
      assertEquals(app.stack(data).ref("aws_ecr_repository", repository, "repository_url") + ":1.0.0", app.resolve(tier.stack(), image), tier.toString());
      assertEquals(data, app.producer(tier.stack(), image));

      String logGroup = compute.ref("aws_cloudwatch_log_group", compute.byPath("aws_cloudwatch_log_group", tier.logGroup()), "name");
      assertEquals("docker run -d --name app --restart always -p " + tier.port() + ":" + tier.port() + " --env-file /etc/app/app.env"
          + " --log-driver awslogs --log-opt awslogs-region=us-east-1 --log-opt awslogs-group=" + logGroup
          + " --log-opt awslogs-stream=\"$INSTANCE_ID\" \"$IMAGE\"", line(script, "docker run "), tier.toString());
      Map<String, String> env = environment(script);
      assertEquals(String.valueOf(tier.port()), env.get("APP_PORT"), tier.toString());
      assertTrue(script.contains("systemctl enable --now docker"), script);
      assertTrue(script.contains("aws ecr get-login-password --region us-east-1 | docker login"), script);
      for (String name : env.keySet()) assertFalse(name.contains("PASSWORD"), "no secret values in user data: " + name);
    }
  }

  @Test
  void backendsGetTheDatabaseEndpointAndSecretArnAndTheFrontendTheInternalLoadBalancer() {
    String stack = "three-tier-dev-compute";
    Synthesized compute = app.stack(stack);
    Map<String, String> frontend = environment(Synthesized.userData(compute.byPath("aws_launch_template", "Frontend/")));
    JsonNode internal = compute.byPath("aws_lb", "InternalLoadBalancer/");
    assertEquals("http://" + compute.ref("aws_lb", internal, "dns_name"), frontend.get("BACKEND_URL"));
    assertFalse(frontend.containsKey("DB_SECRET_ARN"), "the frontend reaches MySQL only through the backend");

    for (String[] tier : List.of(new String[] {"three-tier-dev", "Backend/", "appdb"}, new String[] {"asg-web-dev", "App/", "app"})) {
      String computeStack = tier[0] + "-compute";
      Synthesized data = app.stack(tier[0] + "-data");
      JsonNode db = data.only("aws_db_instance");
      Map<String, String> env = environment(Synthesized.userData(app.stack(computeStack).byPath("aws_launch_template", tier[1])));
      assertEquals(data.ref("aws_db_instance", db, "address"), app.resolve(computeStack, env.get("DB_HOST")));
      assertEquals(tier[2], env.get("DB_NAME"));
      assertEquals("us-east-1", env.get("AWS_REGION"));
      assertTrue(app.resolve(computeStack, env.get("DB_SECRET_ARN")).startsWith("${aws_db_instance." + data.nameOf("aws_db_instance", db) + ".master_user_secret"),
          env.get("DB_SECRET_ARN"));
      // The container reads the secret with the instance role: IMDSv2 answers one hop further.
      assertEquals(2, app.stack(computeStack).byPath("aws_launch_template", tier[1]).at("/metadata_options/http_put_response_hop_limit").asInt());
    }
    assertEquals(1, compute.byPath("aws_launch_template", "Frontend/").at("/metadata_options/http_put_response_hop_limit").asInt());
  }

  @Test
  void instanceRolesMayPullOnlyFromTheirOwnRepository() throws Exception {
    for (Tier tier : TIERS) {
      Synthesized compute = app.stack(tier.stack());
      String data = tier.stack().replace("compute", "data");
      String repositoryArn = app.stack(data).ref("aws_ecr_repository", app.stack(data).byPath("aws_ecr_repository", tier.repository()), "arn");
      String role = compute.ref("aws_iam_role", compute.byPath("aws_iam_role", tier.group()), "id");
      List<JsonNode> pulls = new ArrayList<>();
      for (JsonNode policy : compute.resources("aws_iam_role_policy").values()) {
        JsonNode document = Synthesized.JSON.readTree(policy.path("policy").asText());
        for (JsonNode statement : document.path("Statement")) {
          String actions = statement.path("Action").toString();
          assertFalse(actions.contains("ecr:*"), actions);
          if (!actions.contains("ecr:BatchGetImage")) continue;
          if (policy.path("role").asText().equals(role)) pulls.add(statement);
          else assertFalse(statement.path("Resource").toString().contains(repositoryArn.substring(2, repositoryArn.length() - 1)),
              "another tier's role may not pull " + tier.repository());
        }
      }
      assertEquals(1, pulls.size(), tier + ": " + pulls);
      JsonNode resources = pulls.get(0).path("Resource");
      List<String> arns = new ArrayList<>();
      (resources.isArray() ? resources : Synthesized.JSON.createArrayNode().add(resources)).forEach(r -> arns.add(app.resolve(tier.stack(), r.asText())));
      assertEquals(List.of(repositoryArn), arns, tier.toString());
    }
  }

  @Test
  void theCloudWatchAgentIsConfiguredForMemoryDiskAndTheBootLog() throws Exception {
    for (Tier tier : TIERS) {
      Synthesized compute = app.stack(tier.stack());
      String script = Synthesized.userData(compute.byPath("aws_launch_template", tier.group()));
      String config = script.substring(script.indexOf("<<'AGENT'\n") + 10, script.indexOf("\nAGENT\n"));
      JsonNode agent = Synthesized.JSON.readTree(config);
      assertEquals("mem_used_percent", agent.at("/metrics/metrics_collected/mem/measurement/0").asText());
      assertEquals("used_percent", agent.at("/metrics/metrics_collected/disk/measurement/0").asText());
      assertEquals("__DOLLAR__{aws:AutoScalingGroupName}", agent.at("/metrics/append_dimensions/AutoScalingGroupName").asText());
      JsonNode file = agent.at("/logs/logs_collected/files/collect_list/0");
      assertEquals("/var/log/user-data.log", file.path("file_path").asText());
      assertEquals(compute.ref("aws_cloudwatch_log_group", compute.byPath("aws_cloudwatch_log_group", tier.logGroup()), "name"),
          file.path("log_group_name").asText());
      assertTrue(script.contains("amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:"), script);
      JsonNode logGroup = compute.byPath("aws_cloudwatch_log_group", tier.logGroup());
      assertEquals(30, logGroup.path("retention_in_days").asInt());

      // The dashboard shows what the agent sends, for this group.
      String groupName = compute.ref("aws_autoscaling_group", compute.byPath("aws_autoscaling_group", tier.group()), "name");
      JsonNode body = Synthesized.json(compute.only("aws_cloudwatch_dashboard"), "dashboard_body");
      List<String> agentMetrics = new ArrayList<>();
      body.path("widgets").forEach(w -> w.at("/properties/metrics").forEach(m -> {
        if (m.get(0).asText().equals("CWAgent") && m.get(3).asText().equals(groupName)) agentMetrics.add(m.get(1).asText());
      }));
      assertEquals(List.of("mem_used_percent", "disk_used_percent"), agentMetrics, tier + ": " + body);
    }
  }

  @Test
  void anImageChangeMakesANewLaunchTemplateVersionThatTheGroupRollsOut() {
    AppSynth other = AppSynth.of(new Selection(List.of("three-tier", "asg-web"), List.of("dev"), DOMAIN_SETTINGS));
    for (Tier tier : TIERS) {
      Synthesized before = app.stack(tier.stack());
      Synthesized after = other.stack(tier.stack());
      JsonNode template = after.byPath("aws_launch_template", tier.group());
      String oldScript = Synthesized.userData(before.byPath("aws_launch_template", tier.group()));
      String newScript = Synthesized.userData(template);
      assertTrue(line(newScript, "IMAGE=").endsWith(":2.0.0'"), line(newScript, "IMAGE="));
      assertEquals(oldScript.replace(":1.0.0'", ":2.0.0'"), newScript, "only the image changes");
      assertNotEquals(before.byPath("aws_launch_template", tier.group()).path("user_data"), template.path("user_data"));
      // A new user data is a new version of the same template; the group follows its latest version ...
      assertEquals(before.nameOf("aws_launch_template", before.byPath("aws_launch_template", tier.group())), after.nameOf("aws_launch_template", template));
      assertTrue(template.path("update_default_version").asBoolean());
      JsonNode group = after.byPath("aws_autoscaling_group", tier.group());
      assertEquals(after.ref("aws_launch_template", template, "latest_version"), Synthesized.at(group, "launch_template.version").asText());
      // ... and a launch template change starts a rolling instance refresh that keeps 90 % in service.
      assertEquals("Rolling", Synthesized.at(group, "instance_refresh.strategy").asText());
      assertEquals(90, Synthesized.at(group, "instance_refresh.preferences.min_healthy_percentage").asInt());
      // Boot, Docker and agent installation, image pull and start: 8 minutes before health checks count.
      assertEquals(480, group.path("health_check_grace_period").asInt());
      assertEquals("480", Synthesized.at(group, "instance_refresh.preferences.instance_warmup").asText());
      assertEquals("ELB", group.path("health_check_type").asText());
    }
  }

  @Test
  void anImageOrAnAmiIsRequired() {
    var none = new SettingsNode("dev.json", "blueprints.asg-web", Synthesized.JSON.createObjectNode());
    assertEquals("blueprints.asg-web.images.app = null is invalid: an image {\"tag\": \"...\"} or {\"uri\": \"...\"} for the tier to run,"
        + " or an AMI with the application baked in (blueprints.asg-web.ami)",
        assertThrows(IllegalArgumentException.class, () -> Ec2Application.read(none, "asg-web", "app", "ami")).getMessage());
    var amiOnly = Synthesized.JSON.createObjectNode().put("ami", "ami-0123456789abcdef0");
    Ec2Application baked = Ec2Application.read(new SettingsNode("dev.json", "blueprints.asg-web", amiOnly), "asg-web", "app", "ami");
    assertEquals(null, baked.image());
    assertTrue(baked.userData(null, 8000, "/g", "us-east-1", Map.of("APP_PORT", "8000")).contains("systemctl restart app.service"));
    assertEquals(300, baked.gracePeriodSeconds());
    assertFalse(baked.runsContainer(), "no Docker, so no second metadata hop");
  }

  static String line(String script, String prefix) {
    return script.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no line " + prefix + " in\n" + script));
  }

  static Map<String, String> environment(String script) {
    String block = script.substring(script.indexOf("<<'ENV'\n") + 8, script.indexOf("\nENV\n"));
    Map<String, String> env = new LinkedHashMap<>();
    block.lines().forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    return env;
  }
}
