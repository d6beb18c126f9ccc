package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances are not publicly accessible. */
public final class RdsNotPublic extends AttributeRule {
  public RdsNotPublic() {
    super("BP-RDS-002", Severity.ERROR, List.of("aws_db_instance"), notTrue("publicly_accessible", ""),
        "RDS instances are not publicly accessible.",
        "Set publicly_accessible = false and place the instance in isolated subnets.",
        List.of("CKV_AWS_17", "AVD-AWS-0180"));
  }
}
