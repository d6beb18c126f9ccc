package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** MemoryDB clusters encrypt connections with TLS. */
public final class MemoryDbTls extends AttributeRule {
  public MemoryDbTls() {
    super("BP-MDB-001", Severity.ERROR, List.of("aws_memorydb_cluster"),
        notFalse("tls_enabled", ": clients talk to Redis in plain text"),
        "MemoryDB clusters encrypt connections with TLS.",
        "Remove tls_enabled = false (the default is true).",
        List.of());
  }
}
