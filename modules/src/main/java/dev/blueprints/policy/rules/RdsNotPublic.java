package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances are not publicly accessible. */
public final class RdsNotPublic extends Rule {
  public RdsNotPublic() {
    super("BP-RDS-002", Severity.ERROR, List.of("aws_db_instance"),
        "RDS instances are not publicly accessible.",
        "Set publicly_accessible = false and place the instance in isolated subnets.",
        List.of("CKV_AWS_17", "AVD-AWS-0180"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(!r.isTrue("publicly_accessible"), "publicly_accessible is true");
  }
}
