package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS master passwords are managed by RDS in Secrets Manager, never written in the configuration. */
public final class RdsManagedPassword extends Rule {
  public RdsManagedPassword() {
    super("BP-RDS-006", Severity.ERROR, List.of("aws_db_instance"),
        "RDS master passwords are managed by RDS in Secrets Manager, never written in the configuration.",
        "Set manage_master_user_password = true and remove password.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String password = r.text("password");
    if (password != null && !ResourceView.expression(password)) return fail("password is a literal in the configuration (and in state)");
    return require(r.isTrue("manage_master_user_password") || password != null || r.has("snapshot_identifier") || r.has("replicate_source_db"),
        "manage_master_user_password is " + r.show("manage_master_user_password"));
  }
}
