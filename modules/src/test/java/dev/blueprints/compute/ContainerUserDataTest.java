package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.LogGroupProps;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import org.junit.jupiter.api.Test;

class ContainerUserDataTest {
  private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-web:1.2.3";

  @Test
  void scriptInstallsDockerAndTheAgentLogsInToEcrAndRunsTheImage() {
    String script = ContainerUserData.builder(IMAGE, 5000, "/app/web", "eu-west-1")
        .env("APP_PORT", "5000").env("DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db").build().script();
    assertTrue(script.startsWith("#!/bin/bash\nset -euo pipefail\n"), script);
    assertTrue(script.contains("dnf install -y docker amazon-cloudwatch-agent\n"), script);
    assertTrue(script.contains("systemctl enable --now docker\n"), script);
    assertTrue(script.contains("IMAGE='" + IMAGE + "'\n"), script);
    assertTrue(script.contains("aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin \"$REGISTRY\""), script);
    assertTrue(script.contains("cat >/etc/app/app.env <<'ENV'\nAPP_PORT=5000\nDB_SECRET_ARN=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\nENV\n"), script);
    assertTrue(script.contains("chmod 0600 /etc/app/app.env"), script);
    String run = script.lines().filter(l -> l.startsWith("docker run ")).findFirst().orElseThrow();
    assertEquals("docker run -d --name app --restart always -p 5000:5000 --env-file /etc/app/app.env --log-driver awslogs"
        + " --log-opt awslogs-region=eu-west-1 --log-opt awslogs-group=/app/web --log-opt awslogs-stream=\"$INSTANCE_ID\" \"$IMAGE\"", run);
    assertFalse(script.contains("${"), "no Terraform template syntax of its own: " + script);
    assertFalse(script.contains("%{"), script);
  }

  @Test
  void agentCollectsMemoryDiskAndLogFilesPerGroup() throws Exception {
    var data = ContainerUserData.builder(IMAGE, 8000, "/app/api", "eu-west-1").appLogFile("/var/log/app/app.log")
        .volume("/var/log/app", "/app/logs").build();
    JsonNode config = Synthesized.JSON.readTree(data.agentConfig());
    assertEquals("mem_used_percent", config.at("/metrics/metrics_collected/mem/measurement/0").asText());
    assertEquals("used_percent", config.at("/metrics/metrics_collected/disk/measurement/0").asText());
    assertEquals("/", config.at("/metrics/metrics_collected/disk/resources/0").asText());
    assertEquals("AutoScalingGroupName", config.at("/metrics/aggregation_dimensions/0/0").asText());
    JsonNode files = config.at("/logs/logs_collected/files/collect_list");
    assertEquals(2, files.size());
    assertEquals("/var/log/user-data.log", files.get(0).path("file_path").asText());
    assertEquals("/var/log/app/app.log", files.get(1).path("file_path").asText());
    assertEquals("/app/api", files.get(1).path("log_group_name").asText());
    String script = data.script();
    // The agent's own placeholders are restored on the instance, after Terraform has rendered the script.
    assertTrue(script.contains("\"AutoScalingGroupName\" : \"__DOLLAR__{aws:AutoScalingGroupName}\""), script);
    assertTrue(script.contains("sed -i 's/__DOLLAR__/$/g' " + ContainerUserData.AGENT_CONFIG), script);
    assertTrue(script.contains("amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:" + ContainerUserData.AGENT_CONFIG), script);
    assertTrue(script.contains(" -v /var/log/app:/app/logs "), script);
  }

  @Test
  void referencesSurviveIntoTheLaunchTemplateAndAnImageChangeMakesANewVersion() {
    String first = launchTemplateUserData("1.2.3");
    String second = launchTemplateUserData("1.2.4");
    assertTrue(first.contains("IMAGE='123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-web:1.2.3'"), first);
    assertTrue(first.contains("awslogs-group=${aws_cloudwatch_log_group."), first);
    assertTrue(first.contains("\"log_group_name\" : \"${aws_cloudwatch_log_group."), first);
    assertNotEquals(first, second);
  }

  private static String launchTemplateUserData(String tag) {
    BlueprintStack stack = Fixtures.stack();
    LogGroup logs = new LogGroup(stack, "Logs", LogGroupProps.of("/app/web", 30));
    String script = ContainerUserData.builder("123456789012.dkr.ecr.eu-west-1.amazonaws.com/acme-web:" + tag, 5000, logs.name(),
        Fixtures.REGION).build().script();
    new AutoScalingGroup(stack, "App", AutoScalingGroupProps.builder("vpc-0123", LoadBalancerTest.PRIVATE, "t3.small")
        .userData(script).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode lt = json.only("aws_launch_template");
    assertTrue(lt.path("update_default_version").asBoolean());
    JsonNode asg = json.only("aws_autoscaling_group");
    // A new user data is a new launch template version; the group follows the latest, which starts a refresh.
    assertEquals(json.ref("aws_launch_template", lt, "latest_version"), Synthesized.at(asg, "launch_template.version").asText());
    assertEquals("Rolling", Synthesized.at(asg, "instance_refresh.strategy").asText());
    return Synthesized.userData(lt);
  }

  @Test
  void badInputIsRefused() {
    assertEquals("port = 0 is invalid: allowed range is 1..65535",
        assertThrows(IllegalArgumentException.class, () -> ContainerUserData.builder(IMAGE, 0, "/g", "eu-west-1").build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ContainerUserData.builder("web:latest", 80, "/g", "eu-west-1").build()).getMessage().startsWith("image = \"web:latest\" is invalid"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ContainerUserData.builder(IMAGE, 80, "/g", "eu-west-1").env("1BAD", "x").build()).getMessage().startsWith("environment = \"1BAD\""));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ContainerUserData.builder(IMAGE, 80, "/g", "eu-west-1").env("A", "x\ny").build()).getMessage().startsWith("environment.A = "));
    assertThrows(IllegalArgumentException.class, () -> ContainerUserData.builder(IMAGE, 80, "/g", "EU").build());
    assertThrows(IllegalArgumentException.class, () -> ContainerUserData.builder(IMAGE, 80, "/g", "eu-west-1").appLogFile("app.log").build());
  }
}
