package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** The agent's execution role and the application's task role are different roles. */
public final class EcsTaskRolesSeparate extends AttributeRule {
  public EcsTaskRolesSeparate() {
    super("BP-ECS-007", Severity.ERROR, List.of("aws_ecs_task_definition"),
        new Expectation((r, stack) -> r.text("execution_role_arn") == null || !r.text("execution_role_arn").equals(r.text("task_role_arn")),
            r -> "task_role_arn and execution_role_arn are the same role (" + r.text("task_role_arn") + ")"),
        "Task definitions use a task role different from the execution role.",
        "Give the task its own role (task_role_arn) with only what the application calls; keep image pull and log"
            + " permissions on the execution role.",
        List.of("CKV_AWS_249"));
  }
}
