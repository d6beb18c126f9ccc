package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Cognito user pools have deletion protection. */
public final class CognitoDeletionProtection extends Rule {
  public CognitoDeletionProtection() {
    super("BP-COG-003", Severity.ERROR, List.of("aws_cognito_user_pool"),
        "Cognito user pools have deletion protection.",
        "Set deletion_protection = \"ACTIVE\".",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String value = r.text("deletion_protection");
    return require(value != null && (value.equals("ACTIVE") || ResourceView.expression(value)),
        "deletion_protection is " + r.show("deletion_protection") + " (default INACTIVE): deleting the pool deletes every user");
  }
}
