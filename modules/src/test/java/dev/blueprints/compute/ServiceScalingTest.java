package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scaling added to a service with {@code autoScale}: CPU, memory and requests per target. */
class ServiceScalingTest {
  private static final String METRIC = "target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type";

  private final BlueprintStack stack = Fixtures.stack("compute");
  private final EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
  private final LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
  private final TargetGroup target = alb.addTargetGroup("App", TargetGroupProps.builder(8000).targetType(TargetType.IP)
      .healthCheck(HealthCheck.http("/health")).build());

  private EcsService service(EcsServiceProps.Builder props) {
    return new EcsService(stack, "Backend", props.build());
  }

  private EcsServiceProps.Builder props() {
    return EcsServiceProps.builder(cluster, "vpc-0123", LoadBalancerTest.PRIVATE)
        .container(ContainerSpec.builder("app", EcsServiceTest.IMAGE).port(8000).build())
        .loadBalancer(target, alb, "app", 8000);
  }

  @Test
  void requestsPerTargetTrackTheTargetGroupOfTheLoadBalancer() {
    EcsService service = service(props());
    ServiceScaling scaling = service.autoScale(ServiceScalingProps.builder(2, 8).cpuTargetPercent(70)
        .requestsPerTarget(target, 500).build());
    assertSame(scaling, service.scaling());
    assertSame(scaling.target(), service.scalingTarget());
    assertEquals(2, scaling.policies().size());

    Synthesized json = Synthesized.of(stack);
    JsonNode requests = json.only("aws_appautoscaling_policy", METRIC, "ALBRequestCountPerTarget");
    assertEquals(json.ref("aws_lb", json.only("aws_lb"), "arn_suffix") + "/" + json.ref("aws_lb_target_group", json.only("aws_lb_target_group"), "arn_suffix"),
        Synthesized.at(requests, "target_tracking_scaling_policy_configuration.predefined_metric_specification.resource_label").asText());
    assertEquals(500.0, Synthesized.at(requests, "target_tracking_scaling_policy_configuration.target_value").asDouble());
    assertEquals(300, Synthesized.at(requests, "target_tracking_scaling_policy_configuration.scale_in_cooldown").asInt());
    assertEquals(60, Synthesized.at(requests, "target_tracking_scaling_policy_configuration.scale_out_cooldown").asInt());
    assertEquals("acme-test-dev-backend-requests", requests.path("name").asText());
    assertEquals("acme-test-dev-backend-cpu", json.only("aws_appautoscaling_policy", METRIC, "ECSServiceAverageCPUUtilization").path("name").asText());
    JsonNode ecs = json.only("aws_ecs_service");
    assertEquals(2, ecs.path("desired_count").asInt(), "raised to the scaling minimum");
    assertEquals("desired_count", Synthesized.at(ecs, "lifecycle.ignore_changes").get(0).asText());
    // Its own construct: the resources sit under the service's Scaling.
    assertTrue(json.nameOf("aws_appautoscaling_target", json.only("aws_appautoscaling_target")).startsWith("Backend_Scaling_ScalingTarget_"));
  }

  @Test
  void scalingFromTheServicePropsKeepsItsAddresses() {
    service(props().autoScaling(1, 4, 60.0, null));
    Synthesized json = Synthesized.of(stack);
    JsonNode target = json.only("aws_appautoscaling_target");
    assertTrue(json.nameOf("aws_appautoscaling_target", target).startsWith("Backend_ScalingTarget_"));
    assertEquals(4, target.path("max_capacity").asInt());
    assertEquals(1, json.count("aws_appautoscaling_policy"));
  }

  @Test
  void scalingPropsInTheServicePropsSynthesizeAsThePositionalFormDid() {
    service(props().autoScaling(ServiceScalingProps.builder(1, 4).cpuTargetPercent(60).build()));
    BlueprintStack positional = Fixtures.stack("compute");
    EcsCluster otherCluster = new EcsCluster(positional, "Cluster", EcsClusterProps.builder().build());
    @SuppressWarnings("deprecation")
    EcsServiceProps.Builder old = EcsServiceProps.builder(otherCluster, "vpc-0123", LoadBalancerTest.PRIVATE)
        .container(ContainerSpec.builder("app", EcsServiceTest.IMAGE).port(8000).build()).autoScaling(1, 4, 60.0, null);
    new EcsService(positional, "Backend", old.build());
    for (String type : List.of("aws_appautoscaling_target", "aws_appautoscaling_policy")) {
      assertEquals(Synthesized.of(positional).resources(type).toString(), Synthesized.of(stack).resources(type).toString(), type);
    }
    assertTrue(EcsServiceTest.fails(() -> props().autoScaling(null)).getMessage().startsWith("autoScaling = null is invalid"));
  }

  @Test
  void badScalingFailsNamingTheField() {
    EcsService service = service(props().desiredCount(3));
    assertEquals("min = 5 is greater than max = 2: min must be <= max", EcsServiceTest.fails(() -> ServiceScalingProps.builder(5, 2).cpuTargetPercent(50).build()).getMessage());
    assertTrue(EcsServiceTest.fails(() -> ServiceScalingProps.builder(1, 2).build()).getMessage().startsWith("targets = \"no target\" is invalid"));
    assertEquals("requestsPerTarget = 0.0 is invalid: a positive number of requests per task",
        EcsServiceTest.fails(() -> ServiceScalingProps.builder(1, 2).requestsPerTarget(target, 0).build()).getMessage());
    LoadBalancer nlb = new LoadBalancer(stack, "Api", LoadBalancerTest.nlbProps().build());
    TargetGroup tcp = nlb.addTargetGroup("Tcp", TargetGroupProps.builder(8000).targetType(TargetType.IP).build());
    assertTrue(EcsServiceTest.fails(() -> ServiceScalingProps.builder(1, 2).requestsPerTarget(tcp, 100).build()).getMessage()
        .contains("/Api/Tcp\" is invalid: a target group of an APPLICATION load balancer"));
    TargetGroup other = alb.addTargetGroup("Other", TargetGroupProps.builder(9000).targetType(TargetType.IP).build());
    assertTrue(EcsServiceTest.fails(() -> service.autoScale(ServiceScalingProps.builder(1, 4).requestsPerTarget(other, 100).build())).getMessage()
        .contains("a target group service acme-test-dev-backend registers with"));
    assertEquals("desiredCount = 3 is invalid: within the auto scaling range 1..2",
        EcsServiceTest.fails(() -> service.autoScale(ServiceScalingProps.builder(1, 2).cpuTargetPercent(50).build())).getMessage());
    service.autoScale(ServiceScalingProps.builder(1, 4).memoryTargetPercent(80).build());
    assertTrue(EcsServiceTest.fails(() -> service.autoScale(ServiceScalingProps.builder(1, 4).cpuTargetPercent(50).build())).getMessage()
        .contains("one ServiceScaling per service"));
    assertEquals(List.of(target), service.targetGroups());
  }
}
