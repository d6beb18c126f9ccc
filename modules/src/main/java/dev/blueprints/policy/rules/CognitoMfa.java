package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Cognito user pools offer or require MFA. */
public final class CognitoMfa extends AttributeRule {
  public CognitoMfa() {
    super("BP-COG-001", Severity.ERROR, List.of("aws_cognito_user_pool"),
        oneOf("mfa_configuration", List.of("OPTIONAL", "ON"), " (default OFF)"),
        "Cognito user pools offer or require MFA.",
        "Set mfa_configuration = \"OPTIONAL\" or \"ON\" with software_token_mfa_configuration { enabled = true }.",
        List.of("AwsSolutions-COG2"));
  }
}
