package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** MemoryDB clusters authenticate their clients. */
public final class MemoryDbAuthenticated extends AttributeRule {
  public MemoryDbAuthenticated() {
    super("BP-MDB-004", Severity.ERROR, List.of("aws_memorydb_cluster"),
        new Expectation((r, stack) -> !"open-access".equals(r.text("acl_name")),
            r -> "acl_name is \"open-access\": any client that reaches the port can read and write every key"),
        "MemoryDB clusters authenticate clients: their ACL is not \"open-access\".",
        "Create an aws_memorydb_acl with a password-authenticated aws_memorydb_user and set acl_name to it"
            + " (dev.blueprints.data.RedisCache does).",
        List.of());
  }
}
