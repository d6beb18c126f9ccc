package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Cognito passwords are at least 12 characters. */
public final class CognitoPasswordLength extends AttributeRule {
  public CognitoPasswordLength() {
    super("BP-COG-002", Severity.ERROR, List.of("aws_cognito_user_pool"),
        atLeast("password_policy.minimum_length", 12, " (default 8)"),
        "Cognito passwords are at least 12 characters.",
        "Set password_policy { minimum_length = 12 (or more), require_lowercase/uppercase/numbers/symbols = true }.",
        List.of("AwsSolutions-COG1"));
  }
}
