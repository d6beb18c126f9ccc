package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service behind a load balancer is created after its listeners, whichever is declared first. */
class ListenerOrderTest {
  private static List<String> dependsOn(Synthesized json) {
    List<String> out = new ArrayList<>();
    json.only("aws_ecs_service").path("depends_on").forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void listenersAddedBeforeOrAfterTheServiceAreDependedOn() {
    BlueprintStack stack = Fixtures.stack("order");
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
    TargetGroup target = alb.addTargetGroup("App", TargetGroupProps.builder(8000).targetType(TargetType.IP)
        .healthCheck(HealthCheck.http("/health")).build());
    alb.addPlainHttpListener(8080, target);
    new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", LoadBalancerTest.PRIVATE)
        .container(ContainerSpec.builder("app", EcsServiceTest.IMAGE).port(8000).build())
        .loadBalancer(target.arn(), alb, "app", 8000).build());
    alb.addHttpsListener(LoadBalancerTest.CERT, target);   // 443 and the redirect on 80, after the service
    Synthesized json = Synthesized.of(stack);

    List<String> expected = new ArrayList<>();
    expected.add("aws_ecs_cluster_capacity_providers." + json.nameOf("aws_ecs_cluster_capacity_providers", json.only("aws_ecs_cluster_capacity_providers")));
    for (int port : new int[] {8080, 443, 80}) {
      JsonNode listener = json.only("aws_lb_listener", "port", port);
      expected.add("aws_lb_listener." + json.nameOf("aws_lb_listener", listener));
    }
    assertEquals(expected, dependsOn(json));
  }
}
