package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** In production, every MemoryDB shard has a replica in another AZ. */
public final class MemoryDbReplicasInProduction extends AttributeRule {
  public MemoryDbReplicasInProduction() {
    super("BP-MDB-003", Severity.ERROR, List.of("aws_memorydb_cluster"),
        new Expectation((r, stack) -> {
          // Absent means the provider's default of one replica.
          Integer replicas = r.integer("num_replicas_per_shard");
          return replicas == null ? !r.has("num_replicas_per_shard") || r.isExpression("num_replicas_per_shard") : replicas >= 1;
        }, r -> "num_replicas_per_shard is " + r.show("num_replicas_per_shard") + " in production: a node failure loses the shard")
            .when((r, stack) -> stack.production()),
        "In production, every MemoryDB shard has a replica in another AZ.",
        "Set num_replicas_per_shard = 1 or more in production (Environment.highAvailability).",
        List.of());
  }
}
