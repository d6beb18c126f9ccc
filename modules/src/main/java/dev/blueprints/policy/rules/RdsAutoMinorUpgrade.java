package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances take minor engine upgrades automatically. */
public final class RdsAutoMinorUpgrade extends AttributeRule {
  public RdsAutoMinorUpgrade() {
    super("BP-RDS-011", Severity.ERROR, List.of("aws_db_instance"),
        notFalse("auto_minor_version_upgrade", ": security patches wait for a manual upgrade"),
        "RDS instances take minor engine upgrades automatically.",
        "Remove auto_minor_version_upgrade = false (the default is true).",
        List.of("CKV_AWS_226"));
  }
}
