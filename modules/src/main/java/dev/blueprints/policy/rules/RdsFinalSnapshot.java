package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Deleting an RDS instance takes a final snapshot. */
public final class RdsFinalSnapshot extends Rule {
  public RdsFinalSnapshot() {
    super("BP-RDS-007", Severity.ERROR, List.of("aws_db_instance"),
        "Deleting an RDS instance takes a final snapshot.",
        "Remove skip_final_snapshot = true and set final_snapshot_identifier.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!r.isTrue("skip_final_snapshot"), "skip_final_snapshot is true: deleting the instance loses its data");
  }
}
