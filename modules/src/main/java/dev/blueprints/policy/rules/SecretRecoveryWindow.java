package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Deleted secrets stay recoverable for at least 7 days. */
public final class SecretRecoveryWindow extends AttributeRule {
  public SecretRecoveryWindow() {
    super("BP-SM-001", Severity.ERROR, List.of("aws_secretsmanager_secret"),
        // Absent is the default window of 30 days.
        new Expectation((r, stack) -> r.integer("recovery_window_in_days") == null || r.integer("recovery_window_in_days") >= 7,
            r -> "recovery_window_in_days is " + r.integer("recovery_window_in_days")),
        "Deleted secrets stay recoverable for at least 7 days.",
        "Remove recovery_window_in_days or set it to 7-30 (0 deletes immediately).",
        List.of());
  }
}
