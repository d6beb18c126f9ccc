package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Old images expire instead of accumulating. */
public final class EcrLifecyclePolicy extends Rule {
  public EcrLifecyclePolicy() {
    super("BP-ECR-003", Severity.ERROR, List.of("aws_ecr_repository"),
        "ECR repositories have a lifecycle policy.",
        "Add an aws_ecr_lifecycle_policy for the repository (e.g. expire untagged images after 14 days, keep the last 50).",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!stack.referencing("aws_ecr_lifecycle_policy", "repository", r).isEmpty(), "the repository has no lifecycle policy");
  }
}
