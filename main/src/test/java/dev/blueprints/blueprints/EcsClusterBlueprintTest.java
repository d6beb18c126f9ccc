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
import dev.blueprints.testing.AppSynth;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsClusterBlueprintTest {
  private static final String DEV = "ecs-cluster-dev-";
  // The whole app, synthesized once for every test class that reads it.
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  @Test
  void capacityIsAnEc2AutoScalingProviderOfT3MediumTwoToTen() {
    Synthesized compute = app.stack(DEV + "compute");
    JsonNode template = compute.only("aws_launch_template");
    assertEquals("t3.medium", template.path("instance_type").asText());
    assertEquals("required", Synthesized.at(template, "metadata_options.http_tokens").asText());
    JsonNode asg = compute.only("aws_autoscaling_group");
    assertEquals(2, asg.path("min_size").asInt());
    assertEquals(10, asg.path("max_size").asInt());
    JsonNode provider = compute.only("aws_ecs_capacity_provider");
    assertEquals(compute.ref("aws_autoscaling_group", asg, "arn"),
        Synthesized.at(provider, "auto_scaling_group_provider.auto_scaling_group_arn").asText());
    assertEquals("ENABLED", Synthesized.at(provider, "auto_scaling_group_provider.managed_scaling.status").asText());
    assertEquals(1, compute.count("aws_ecs_cluster_capacity_providers"));
  }

  @Test
  void albForwardsToTheServiceOn3000WithTheSeedsHealthPath() {
    String stack = DEV + "compute";
    Synthesized compute = app.stack(stack);
    JsonNode lb = compute.only("aws_lb");
    JsonNode tg = compute.only("aws_lb_target_group");
    assertEquals(3000, tg.path("port").asInt());
    assertEquals("/api/health", Synthesized.at(tg, "health_check.path").asText());
    assertListenerForwards(compute, lb, tg);
    JsonNode service = compute.only("aws_ecs_service");
    assertEquals(compute.ref("aws_lb_target_group", tg, "arn"), Synthesized.at(service, "load_balancer.0.target_group_arn").asText());
    JsonNode task = compute.only("aws_ecs_task_definition");
    assertEquals("512", task.path("cpu").asText());
    assertEquals("1024", task.path("memory").asText());
    assertEquals("awsvpc", task.path("network_mode").asText());
    assertTrue(compute.count("aws_appautoscaling_policy") >= 2, "scaling on CPU and memory");
    assertPath(app, stack, groupOf(app, stack, lb), groupOf(app, stack, service), 3000);
    assertOnlyLoadBalancersArePublic(app, DEV);
  }

  @Test
  void databaseIsPostgres15OnGp2WithSevenDayBackupsReachableOnlyFromTheService() {
    Synthesized data = app.stack(DEV + "data");
    JsonNode db = data.only("aws_db_instance");
    assertEquals("15", db.path("engine_version").asText(), "the major version: RDS creates a minor it still offers");
    assertTrue(db.path("auto_minor_version_upgrade").asBoolean());
    assertEquals("db.t3.micro", db.path("instance_class").asText());
    assertEquals(20, db.path("allocated_storage").asInt());
    assertEquals("gp2", db.path("storage_type").asText());
    assertEquals(7, db.path("backup_retention_period").asInt());
    assertFalse(db.path("publicly_accessible").asBoolean());
    JsonNode repo = data.only("aws_ecr_repository");
    assertTrue(Synthesized.at(repo, "image_scanning_configuration.scan_on_push").asBoolean());
    assertEquals("AES256", Synthesized.at(repo, "encryption_configuration.0.encryption_type").asText());

    String stack = DEV + "compute";
    String service = groupOf(app, stack, app.stack(stack).only("aws_ecs_service"));
    assertOnlyPath(app, stack, service, groupOf(app, DEV + "data", db), 5432);
  }

  @Test
  void alarmsCoverCpuMemoryAndErrorRate() {
    Synthesized compute = app.stack(DEV + "compute");
    List<String> metrics = compute.resources("aws_cloudwatch_metric_alarm").values().stream()
        .map(a -> a.path("metric_name").asText()).toList();
    assertTrue(metrics.containsAll(List.of("CPUUtilization", "MemoryUtilization", "HTTPCode_ELB_5XX_Count")), metrics.toString());
    String topic = compute.ref("aws_sns_topic", compute.only("aws_sns_topic"), "arn");
    compute.resources("aws_cloudwatch_metric_alarm").values().forEach(a -> assertTrue(a.path("alarm_actions").toString().contains(topic)
        || a.path("alarm_actions").toString().contains("aws_autoscaling_policy"), "alarm without action: " + a));
  }
}
