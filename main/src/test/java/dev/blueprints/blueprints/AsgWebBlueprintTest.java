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
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsgWebBlueprintTest {
  private static final String DEV = "asg-web-dev-";
  // The whole app, synthesized once for every test class that reads it.
  private final AppSynth app = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));

  @Test
  void albLogsToTheDataStacksBucketAndForwardsToTheGroupOn8000() {
    String stack = DEV + "compute";
    Synthesized compute = app.stack(stack);
    JsonNode lb = compute.only("aws_lb");
    assertTrue(Synthesized.at(lb, "access_logs.enabled").asBoolean());
    String bucket = app.resolve(stack, Synthesized.at(lb, "access_logs.bucket").asText());
    assertTrue(bucket.startsWith("${aws_s3_bucket."), bucket);
    assertEquals(DEV + "data", app.producer(stack, Synthesized.at(lb, "access_logs.bucket").asText()));
    JsonNode tg = compute.only("aws_lb_target_group");
    assertEquals(8000, tg.path("port").asInt());
    assertEquals("/health", Synthesized.at(tg, "health_check.path").asText());
    assertEquals(30, Synthesized.at(tg, "health_check.interval").asInt());
    assertListenerForwards(compute, lb, tg);

    JsonNode asg = compute.only("aws_autoscaling_group");
    assertEquals(List.of(compute.ref("aws_lb_target_group", tg, "arn")), List.of(asg.path("target_group_arns").get(0).asText()));
    assertEquals("ELB", asg.path("health_check_type").asText());
    assertPath(app, stack, groupOf(app, stack, lb), groupOf(app, stack, compute.only("aws_launch_template")), 8000);
    assertOnlyLoadBalancersArePublic(app, DEV);
  }

  @Test
  void scalingFollowsTheSeedCpuAbove80OutBelow20InFiveMinuteCooldown() {
    Synthesized compute = app.stack(DEV + "compute");
    JsonNode up = compute.only("aws_autoscaling_policy", "scaling_adjustment", 1);
    JsonNode down = compute.only("aws_autoscaling_policy", "scaling_adjustment", -1);
    assertEquals(300, up.path("cooldown").asInt());
    assertEquals(300, down.path("cooldown").asInt());
    JsonNode high = compute.only("aws_cloudwatch_metric_alarm", "alarm_actions.0", compute.ref("aws_autoscaling_policy", up, "arn"));
    assertEquals(80, high.path("threshold").asDouble());
    assertEquals("GreaterThanThreshold", high.path("comparison_operator").asText());
    assertEquals(2, high.path("evaluation_periods").asInt());
    JsonNode low = compute.only("aws_cloudwatch_metric_alarm", "alarm_actions.0", compute.ref("aws_autoscaling_policy", down, "arn"));
    assertEquals(20, low.path("threshold").asDouble());
    assertEquals("LessThanThreshold", low.path("comparison_operator").asText());
    String asgName = compute.ref("aws_autoscaling_group", compute.only("aws_autoscaling_group"), "name");
    assertEquals(asgName, Synthesized.at(high, "dimensions.AutoScalingGroupName").asText());
  }

  @Test
  void databaseIsPostgresWithInsightsMultiAzInProdAndOnlyTheAppReachesIt() {
    JsonNode dev = app.stack(DEV + "data").only("aws_db_instance");
    assertEquals("15", dev.path("engine_version").asText(), "the major version: RDS creates a minor it still offers");
    assertTrue(dev.path("auto_minor_version_upgrade").asBoolean());
    assertTrue(dev.path("performance_insights_enabled").asBoolean());
    assertTrue(dev.path("storage_encrypted").asBoolean());
    assertTrue(dev.path("manage_master_user_password").asBoolean());
    assertFalse(dev.path("multi_az").asBoolean());
    assertTrue(app.stack("asg-web-prod-data").only("aws_db_instance").path("multi_az").asBoolean());

    String stack = DEV + "compute";
    String group = groupOf(app, stack, app.stack(stack).only("aws_launch_template"));
    assertOnlyPath(app, stack, group, groupOf(app, DEV + "data", dev), 5432);
  }

  @Test
  void databaseSubnetsHaveNoRouteOutAndTheDashboardShowsTheTiers() {
    Synthesized network = app.stack(DEV + "network");
    JsonNode isolated = network.only("aws_route_table", "tags.Name", "bp-asg-web-dev-network-isolated");
    assertTrue(network.where("aws_route", Map.of("route_table_id", network.ref("aws_route_table", isolated, "id"))).isEmpty());

    Synthesized compute = app.stack(DEV + "compute");
    JsonNode body = Synthesized.json(compute.only("aws_cloudwatch_dashboard"), "dashboard_body");
    String text = body.toString();
    assertTrue(text.contains("AWS/ApplicationELB") && text.contains("AWS/EC2") && text.contains("AWS/RDS"), text);
    assertTrue(text.contains(compute.ref("aws_autoscaling_group", compute.only("aws_autoscaling_group"), "name")));
  }
}
