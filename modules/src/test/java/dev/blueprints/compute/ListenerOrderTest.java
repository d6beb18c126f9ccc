package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hashicorp.cdktf.App;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Certificate;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service behind a load balancer is created after the listeners and rules forwarding to its target groups
 * (ECS refuses a target group no load balancer uses yet), whichever is declared first; nothing else is waited for.
 */
class ListenerOrderTest {
  private final BlueprintStack stack = Fixtures.stack("order");
  private final EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
  private final LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerTest.albProps().build());
  private final TargetGroup target = group(alb, "App");

  private static TargetGroup group(LoadBalancer lb, String id) {
    return lb.addTargetGroup(id, TargetGroupProps.builder(8000).targetType(TargetType.IP).healthCheck(HealthCheck.http("/health")).build());
  }

  private static List<String> dependsOn(Synthesized json) {
    List<String> out = new ArrayList<>();
    json.only("aws_ecs_service").path("depends_on").forEach(n -> out.add(n.asText()));
    return out;
  }

  private static EcsService service(BlueprintStack in, EcsServiceProps.Builder props) {
    return new EcsService(in, "Backend", props.container(ContainerSpec.builder("app", EcsServiceTest.IMAGE).port(8000).build()).build());
  }

  private EcsServiceProps.Builder props(EcsCluster on) {
    return EcsServiceProps.builder(on, "vpc-0123", LoadBalancerTest.PRIVATE);
  }

  private static String listener(Synthesized json, int port) {
    return "aws_lb_listener." + json.nameOf("aws_lb_listener", json.only("aws_lb_listener", "port", port));
  }

  private static String capacityProviders(Synthesized json) {
    return "aws_ecs_cluster_capacity_providers." + json.nameOf("aws_ecs_cluster_capacity_providers", json.only("aws_ecs_cluster_capacity_providers"));
  }

  @Test
  void listenersForwardingToItsTargetGroupBeforeOrAfterTheServiceAreDependedOn() {
    alb.addPlainHttpListener(8080, target);
    alb.addPlainHttpListener(9090, group(alb, "Other"));   // forwards elsewhere: not waited for
    service(stack, props(cluster).loadBalancer(target, alb, "app", 8000));
    alb.addHttpsListener(LoadBalancerTest.CERT, target);   // 443 and the redirect on 80, after the service
    Synthesized json = Synthesized.of(stack);
    assertEquals(List.of(capacityProviders(json), listener(json, 8080), listener(json, 443)), dependsOn(json));
  }

  @Test
  void aRuleForwardingToItsTargetGroupIsDependedOnAndNotTheListenerAnsweringItself() {
    Listener https = alb.addHttpsListener(HttpsListenerProps.builder(Certificate.fromArn(LoadBalancerTest.CERT),
        ListenerAction.fixedResponse(404, "text/plain", "Not found")).redirectHttp(false).build());
    service(stack, props(cluster).loadBalancer(target.arn(), alb, "app", 8000));   // by ARN: found on the load balancer
    https.addRule(10, ListenerCondition.paths("/api/*"), ListenerAction.forward(target));
    https.addRule(20, ListenerCondition.paths("/admin/*"), ListenerAction.fixedResponse(403, "text/plain", "Forbidden"));
    Synthesized json = Synthesized.of(stack);
    String rule = "aws_lb_listener_rule." + json.nameOf("aws_lb_listener_rule", json.only("aws_lb_listener_rule", "priority", 10));
    assertEquals(List.of(capacityProviders(json), rule), dependsOn(json));
  }

  @Test
  void aServiceInAnotherStackWaitsForNothingThere() {
    App app = (App) stack.getNode().getScope();
    BlueprintStack services = Fixtures.stack(app, "test-dev-services", Fixtures.dev());
    alb.addPlainHttpListener(8080, target);
    EcsCluster own = new EcsCluster(services, "Cluster", EcsClusterProps.fargate().build());
    service(services, props(own).loadBalancer(target, alb, "app", 8000));
    alb.addPlainHttpListener(9090, target);
    Synthesized json = Synthesized.of(services);
    assertEquals(List.of(capacityProviders(json)), dependsOn(json));
  }
}
