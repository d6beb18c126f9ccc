package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Cognito user pools have deletion protection. */
public final class CognitoDeletionProtection extends AttributeRule {
  public CognitoDeletionProtection() {
    super("BP-COG-003", Severity.ERROR, List.of("aws_cognito_user_pool"),
        oneOf("deletion_protection", List.of("ACTIVE"), " (default INACTIVE): deleting the pool deletes every user"),
        "Cognito user pools have deletion protection.",
        "Set deletion_protection = \"ACTIVE\".",
        List.of());
  }
}
