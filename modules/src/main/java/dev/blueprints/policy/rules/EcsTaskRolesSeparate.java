package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** The agent's execution role and the application's task role are different roles. */
public final class EcsTaskRolesSeparate extends Rule {
  public EcsTaskRolesSeparate() {
    super("BP-ECS-007", Severity.ERROR, List.of("aws_ecs_task_definition"),
        "Task definitions use a task role different from the execution role.",
        "Give the task its own role (task_role_arn) with only what the application calls; keep image pull and log"
            + " permissions on the execution role.",
        List.of("CKV_AWS_249"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String execution = r.text("execution_role_arn");
    String task = r.text("task_role_arn");
    return require(execution == null || task == null || !execution.equals(task),
        "task_role_arn and execution_role_arn are the same role (" + task + ")");
  }
}
