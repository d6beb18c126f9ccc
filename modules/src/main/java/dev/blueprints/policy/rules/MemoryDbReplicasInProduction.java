package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** In production, every MemoryDB shard has a replica in another AZ. */
public final class MemoryDbReplicasInProduction extends Rule {
  public MemoryDbReplicasInProduction() {
    super("BP-MDB-003", Severity.ERROR, List.of("aws_memorydb_cluster"),
        "In production, every MemoryDB shard has a replica in another AZ.",
        "Set num_replicas_per_shard = 1 or more in production (Environment.highAvailability).",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (!stack.production()) return ok();
    Integer replicas = r.integer("num_replicas_per_shard");
    return require(replicas == null ? !r.has("num_replicas_per_shard") || r.isExpression("num_replicas_per_shard") : replicas >= 1,
        "num_replicas_per_shard is " + r.show("num_replicas_per_shard") + " in production: a node failure loses the shard");
  }
}
