package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Old images expire instead of accumulating. */
public final class EcrLifecyclePolicy extends AttributeRule {
  public EcrLifecyclePolicy() {
    super("BP-ECR-003", Severity.ERROR, List.of("aws_ecr_repository"),
        referencedBy("aws_ecr_lifecycle_policy", "repository", "the repository has no lifecycle policy"),
        "ECR repositories have a lifecycle policy.",
        "Add an aws_ecr_lifecycle_policy for the repository (e.g. expire untagged images after 14 days, keep the last 50).",
        List.of());
  }
}
