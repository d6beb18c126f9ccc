package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances take minor engine upgrades automatically. */
public final class RdsAutoMinorUpgrade extends Rule {
  public RdsAutoMinorUpgrade() {
    super("BP-RDS-011", Severity.ERROR, List.of("aws_db_instance"),
        "RDS instances take minor engine upgrades automatically.",
        "Remove auto_minor_version_upgrade = false (the default is true).",
        List.of("CKV_AWS_226"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!r.isFalse("auto_minor_version_upgrade"), "auto_minor_version_upgrade is false: security patches wait for a manual upgrade");
  }
}
