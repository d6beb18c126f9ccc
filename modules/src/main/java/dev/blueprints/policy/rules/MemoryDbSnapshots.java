package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** MemoryDB clusters keep daily snapshots. */
public final class MemoryDbSnapshots extends Rule {
  public MemoryDbSnapshots() {
    super("BP-MDB-002", Severity.ERROR, List.of("aws_memorydb_cluster"),
        "MemoryDB clusters keep daily snapshots.",
        "Set snapshot_retention_limit to 1 or more (7 in production).",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.isExpression("snapshot_retention_limit")) return ok();
    Integer days = r.integer("snapshot_retention_limit");
    return require(days != null && days > 0, "snapshot_retention_limit is " + r.show("snapshot_retention_limit") + " (default 0: no snapshots)");
  }
}
