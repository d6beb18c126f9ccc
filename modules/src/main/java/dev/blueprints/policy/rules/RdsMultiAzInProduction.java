package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** In production, RDS instances are Multi-AZ. */
public final class RdsMultiAzInProduction extends AttributeRule {
  public RdsMultiAzInProduction() {
    super("BP-RDS-005", Severity.ERROR, List.of("aws_db_instance"),
        enabled("multi_az", " in production: one AZ failure takes the database down")
            .when((r, stack) -> stack.production() && !r.has("replicate_source_db")),
        "In production, RDS instances are Multi-AZ.",
        "Set multi_az = true in production (Environment.highAvailability).",
        List.of("CKV_AWS_157"));
  }
}
