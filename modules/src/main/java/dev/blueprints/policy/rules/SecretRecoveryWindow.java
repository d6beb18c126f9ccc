package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Deleted secrets stay recoverable for at least 7 days. */
public final class SecretRecoveryWindow extends Rule {
  public SecretRecoveryWindow() {
    super("BP-SM-001", Severity.ERROR, List.of("aws_secretsmanager_secret"),
        "Deleted secrets stay recoverable for at least 7 days.",
        "Remove recovery_window_in_days or set it to 7-30 (0 deletes immediately).",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    Integer days = r.integer("recovery_window_in_days");
    return require(days == null || days >= 7, "recovery_window_in_days is " + days);
  }
}
