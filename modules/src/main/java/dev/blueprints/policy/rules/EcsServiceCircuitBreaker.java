package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** A failing deployment stops and rolls back by itself. */
public final class EcsServiceCircuitBreaker extends AttributeRule {
  public EcsServiceCircuitBreaker() {
    super("BP-ECS-005", Severity.ERROR, List.of("aws_ecs_service"),
        new Expectation((r, stack) -> r.on("deployment_circuit_breaker.enable", false) && r.on("deployment_circuit_breaker.rollback", false),
            r -> "deployment_circuit_breaker is " + r.show("deployment_circuit_breaker") + "; a bad deployment keeps replacing tasks")
            .when(EcsServiceCircuitBreaker::judged),
        "ECS services (ECS deployment controller) have the deployment circuit breaker with rollback.",
        "Add deployment_circuit_breaker { enable = true, rollback = true }.",
        List.of());
  }

  /** The circuit breaker belongs to the ECS deployment controller (the default). */
  private static boolean judged(ResourceView r, StackView stack) {
    String controller = r.text("deployment_controller.type");
    return controller == null || controller.equals("ECS");
  }
}
