package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** RDS instances encrypt their storage. */
public final class RdsStorageEncrypted extends Rule {
  public RdsStorageEncrypted() {
    super("BP-RDS-001", Severity.ERROR, List.of("aws_db_instance"),
        "RDS instances encrypt their storage.",
        "Set storage_encrypted = true (kms_key_id for a customer-managed key).",
        List.of("CKV_AWS_16", "AVD-AWS-0080", "AwsSolutions-RDS2"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.on("storage_encrypted", false), "storage_encrypted is " + r.show("storage_encrypted") + " (default false)");
  }
}
