package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** MemoryDB clusters encrypt connections with TLS. */
public final class MemoryDbTls extends Rule {
  public MemoryDbTls() {
    super("BP-MDB-001", Severity.ERROR, List.of("aws_memorydb_cluster"),
        "MemoryDB clusters encrypt connections with TLS.",
        "Remove tls_enabled = false (the default is true).",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!r.isFalse("tls_enabled"), "tls_enabled is false: clients talk to Redis in plain text");
  }
}
