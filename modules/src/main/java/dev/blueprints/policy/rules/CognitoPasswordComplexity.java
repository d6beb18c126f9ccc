package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Cognito passwords mix character classes. */
public final class CognitoPasswordComplexity extends Rule {
  public static final List<String> REQUIREMENTS = List.of("require_lowercase", "require_uppercase", "require_numbers",
      "require_symbols");

  public CognitoPasswordComplexity() {
    super("BP-COG-004", Severity.ERROR, List.of("aws_cognito_user_pool"),
        "Cognito password policies require lowercase, uppercase, numbers and symbols.",
        "Set password_policy { require_lowercase = require_uppercase = require_numbers = require_symbols = true }.",
        List.of("AwsSolutions-COG1"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    // Without a password_policy block Cognito applies its default, which requires all four.
    if (!r.has("password_policy")) return ok();
    List<String> missing = REQUIREMENTS.stream().filter(p -> !r.on("password_policy." + p, false)).toList();
    return require(missing.isEmpty(), "password_policy does not set " + String.join(", ", missing) + " = true");
  }
}
