package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Cognito user pools offer or require MFA. */
public final class CognitoMfa extends Rule {
  public CognitoMfa() {
    super("BP-COG-001", Severity.ERROR, List.of("aws_cognito_user_pool"),
        "Cognito user pools offer or require MFA.",
        "Set mfa_configuration = \"OPTIONAL\" or \"ON\" with software_token_mfa_configuration { enabled = true }.",
        List.of("AwsSolutions-COG2"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String mfa = r.text("mfa_configuration");
    return require(mfa != null && !mfa.equals("OFF"), "mfa_configuration is " + r.show("mfa_configuration") + " (default OFF)");
  }
}
