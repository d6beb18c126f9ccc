package dev.blueprints.compute;

import static dev.blueprints.compute.EcsClusterTest.PRIVATE;
import static dev.blueprints.testing.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerHealthCheckTest {
  private static final String TARGET_GROUP = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/app/abc";
  private final BlueprintStack stack = Fixtures.stack("compute");
  private final EcsCluster fargate = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
  private final SecurityGroup lb = new SecurityGroup(stack, "LoadBalancer", SecurityGroupProps.builder("vpc-0123", "acme-lb", "load balancer").build());

  @Test
  void perImageCommandsGetTheLocalUrlAndFailOnErrorStatus() {
    assertEquals(List.of("CMD-SHELL", "curl -fsS -o /dev/null http://localhost:3000/api/health || exit 1"),
        ContainerSpec.HealthCheck.httpWithCurl(3000, "/api/health"));
    assertEquals(List.of("CMD-SHELL", "node -e \"require('http').get('http://localhost:3000/',"
            + "r=>process.exit(r.statusCode<400?0:1)).on('error',()=>process.exit(1))\" || exit 1"),
        ContainerSpec.HealthCheck.httpWithNode(3000, "/"));
    assertEquals(List.of("CMD-SHELL", "python3 -c \"import urllib.request; urllib.request.urlopen('http://localhost:8000/health', timeout=4)\" || exit 1"),
        ContainerSpec.HealthCheck.httpWithPython(8000, "/health"));
  }

  @Test
  void pathsThatWouldBreakTheShellCommandAreRejected() {
    assertTrue(error(() -> ContainerSpec.HealthCheck.httpWithNode(3000, "health")).contains("healthCheck path"));
    assertTrue(error(() -> ContainerSpec.HealthCheck.httpWithCurl(3000, "/x' || rm -rf /")).contains("no query, quotes or spaces"));
    assertTrue(error(() -> ContainerSpec.HealthCheck.httpWithPython(0, "/health")).contains("healthCheck port"));
  }

  @Test
  void theLoadBalancerGracePeriodCoversTheContainerStartPeriod() {
    new EcsService(stack, "App", EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE)
        .container(ContainerSpec.builder("app", "nginx:1.27").port(3000)
            .healthCheck(ContainerSpec.HealthCheck.httpWithCurl(3000, "/"), 15, 5, 4, 180).build())
        .loadBalancer(TARGET_GROUP, lb, "app", 3000)
        .build());
    Synthesized json = Synthesized.of(stack);
    JsonNode service = json.only("aws_ecs_service");
    assertEquals(180, service.path("health_check_grace_period_seconds").asInt());
    assertTrue(Synthesized.at(service, "deployment_circuit_breaker.rollback").asBoolean());
    JsonNode check = Synthesized.json(json.only("aws_ecs_task_definition"), "container_definitions").get(0).path("healthCheck");
    assertEquals(15, check.path("interval").asInt());
    assertEquals(4, check.path("retries").asInt());
    assertEquals(180, check.path("startPeriod").asInt());
  }

  @Test
  void aLongerConfiguredGracePeriodIsKept() {
    new EcsService(stack, "App", EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE)
        .container(ContainerSpec.builder("app", "nginx:1.27").port(3000)
            .healthCheck(ContainerSpec.HealthCheck.httpWithCurl(3000, "/")).build())
        .loadBalancer(TARGET_GROUP, lb, "app", 3000)
        .healthCheckGracePeriodSeconds(240)
        .build());
    assertEquals(240, Synthesized.of(stack).only("aws_ecs_service").path("health_check_grace_period_seconds").asInt());
  }

  @Test
  void aCheckOnANonEssentialContainerIsRejected() {
    String message = error(() -> EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE)
        .container(ContainerSpec.builder("app", "nginx:1.27").port(3000).build())
        .container(ContainerSpec.builder("sidecar", "nginx:1.27").essential(false)
            .healthCheck(ContainerSpec.HealthCheck.httpWithCurl(8080, "/")).build())
        .build());
    assertTrue(message.contains("container sidecar healthCheck"), message);
    assertTrue(message.contains("essential container only"), message);
  }
}
