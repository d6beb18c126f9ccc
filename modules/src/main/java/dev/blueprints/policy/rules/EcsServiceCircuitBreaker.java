package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** A failing deployment stops and rolls back by itself. */
public final class EcsServiceCircuitBreaker extends Rule {
  public EcsServiceCircuitBreaker() {
    super("BP-ECS-005", Severity.ERROR, List.of("aws_ecs_service"),
        "ECS services (ECS deployment controller) have the deployment circuit breaker with rollback.",
        "Add deployment_circuit_breaker { enable = true, rollback = true }.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String controller = r.text("deployment_controller.type");
    if (controller != null && !controller.equals("ECS")) return ok();
    return require(r.on("deployment_circuit_breaker.enable", false) && r.on("deployment_circuit_breaker.rollback", false),
        "deployment_circuit_breaker is " + r.show("deployment_circuit_breaker") + "; a bad deployment keeps replacing tasks");
  }
}
