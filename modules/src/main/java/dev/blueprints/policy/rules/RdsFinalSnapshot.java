package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Deleting an RDS instance takes a final snapshot. */
public final class RdsFinalSnapshot extends AttributeRule {
  public RdsFinalSnapshot() {
    super("BP-RDS-007", Severity.ERROR, List.of("aws_db_instance"),
        notTrue("skip_final_snapshot", ": deleting the instance loses its data"),
        "Deleting an RDS instance takes a final snapshot.",
        "Remove skip_final_snapshot = true and set final_snapshot_identifier.",
        List.of());
  }
}
