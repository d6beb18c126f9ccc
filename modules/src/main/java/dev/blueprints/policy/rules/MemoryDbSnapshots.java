package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** MemoryDB clusters keep daily snapshots. */
public final class MemoryDbSnapshots extends AttributeRule {
  public MemoryDbSnapshots() {
    super("BP-MDB-002", Severity.ERROR, List.of("aws_memorydb_cluster"),
        atLeast("snapshot_retention_limit", 1, " (default 0: no snapshots)"),
        "MemoryDB clusters keep daily snapshots.",
        "Set snapshot_retention_limit to 1 or more (7 in production).",
        List.of());
  }
}
