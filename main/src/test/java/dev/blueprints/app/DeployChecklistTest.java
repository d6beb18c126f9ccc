package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.testing.AppSynth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checklist synth prints, read from the whole app's output with the committed settings. */
class DeployChecklistTest {
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  private DeployChecklist.Result result() {
    return DeployChecklist.read(app.outdir());
  }

  private List<String> lines() {
    return result().lines();
  }

  @Test
  void itNamesTheStateBucketToChangeAndToBootstrapFirst() {
    assertTrue(lines().stream().anyMatch(l -> l.startsWith("  state bucket blueprints-tfstate-example in us-east-1: apply the state-bootstrap stack first")
        && l.endsWith("it is the committed example name: set state.bucket to a name of your own")), String.join("\n", lines()));
  }

  @Test
  void everySecretToFillIsListedWithTheCommandThatFillsIt() {
    List<String> secrets = lines().stream().filter(l -> l.contains("put-secret-value --region")).toList();
    assertEquals(4, secrets.size(), String.join("\n", secrets));
    for (String env : List.of("dev", "prod")) {
      assertTrue(secrets.stream().anyMatch(l -> l.startsWith("  aws secretsmanager put-secret-value --region ")
          && l.contains(" --secret-id bp-fargate-web-" + env + "-openai-api-key --secret-string '<value>'")), String.join("\n", secrets));
      assertTrue(secrets.stream().anyMatch(l -> l.contains(" --secret-id bp-ecs-cluster-" + env + "-app-config ")), String.join("\n", secrets));
    }
  }

  @Test
  void imagesNameTheirRepositoryTagAndTheStackThatCreatesIt() {
    assertTrue(lines().contains("  fargate-web-dev-compute: container backend runs image tag 1.0.0 of ECR repository "
        + "bp-fargate-web-dev-backend (created by fargate-web-dev-data)"), String.join("\n", lines()));
    assertEquals(8, lines().stream().filter(l -> l.contains(": container ") && l.contains(" runs image tag ")).count(),
        "one line per container of the four ECS services x 2");
    assertTrue(lines().contains("  asg-web-prod-compute: launch template bp-asg-web-prod-app runs image tag 1.0.0 of ECR repository "
        + "bp-asg-web-prod-app (created by asg-web-prod-data)"), String.join("\n", lines()));
  }

  @Test
  void alarmTopicsSayWhomTheyNotifyAndPlainHttpListenersAskForACertificate() {
    assertTrue(lines().stream().anyMatch(l -> l.startsWith("  asg-web-prod-compute: topic bp-asg-web-prod-alarms notifies email ")), String.join("\n", lines()));
    assertTrue(lines().contains("  asg-web-dev-compute: topic bp-asg-web-dev-alarms notifies nobody: set alarmEmails (or alarmTopicArn) in the settings"),
        String.join("\n", lines()));
    assertTrue(lines().stream().anyMatch(l -> l.startsWith("  asg-web-dev-compute: bp-asg-web-dev-app serves plain HTTP on port 80 (allowPlainHttp)")));
  }

  @Test
  void quotasCountWhatTheSelectionNeedsPerRegionAgainstTheDefaults() throws Exception {
    DeployChecklist.Result result = result();
    JsonNode regions = result.quotas().path("regions");
    int vpcs = 0;
    int eips = 0;
    for (JsonNode region : regions) {
      vpcs += region.path("vpcs").path("needed").asInt();
      eips += region.path("elasticIps").path("needed").asInt();
      assertEquals(5, region.path("vpcs").path("default").asInt());
      assertEquals("L-F678F1CE", region.path("vpcs").path("code").asText());
    }
    assertEquals(10, vpcs, "five blueprints x two environments");
    assertEquals(20, eips, "one NAT address per blueprint in dev, one per AZ (3) in prod");
    for (String line : result.excess()) {
      assertTrue(line.matches("  [a-z0-9-]+: \\d+ .+ needed, the default quota is \\d+ \\(Service Quotas code L-[0-9A-F]+\\): "
          + "request an increase or deploy one blueprint at a time"), line);
    }

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DeployChecklist.report(app.outdir(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(String.join("\n", result.lines()) + "\n", Files.readString(app.outdir().resolve(DeployChecklist.FILE_NAME)));
    assertEquals(bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        Files.readString(app.outdir().resolve(DeployChecklist.FILE_NAME)));
    assertTrue(Files.readString(app.outdir().resolve(DeployChecklist.QUOTA_FILE)).contains("\"excess\""));
  }
}
