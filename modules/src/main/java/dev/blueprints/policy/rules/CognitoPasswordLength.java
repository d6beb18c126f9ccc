package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Cognito passwords are at least 12 characters. */
public final class CognitoPasswordLength extends Rule {
  public CognitoPasswordLength() {
    super("BP-COG-002", Severity.ERROR, List.of("aws_cognito_user_pool"),
        "Cognito passwords are at least 12 characters.",
        "Set password_policy { minimum_length = 12 (or more), require_lowercase/uppercase/numbers/symbols = true }.",
        List.of("AwsSolutions-COG1"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.isExpression("password_policy.minimum_length")) return ok();
    Integer length = r.integer("password_policy.minimum_length");
    return require(length != null && length >= 12, "password_policy.minimum_length is " + r.show("password_policy.minimum_length") + " (default 8)");
  }
}
