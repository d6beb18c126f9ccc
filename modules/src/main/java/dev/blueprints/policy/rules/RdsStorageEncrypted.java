package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** RDS instances encrypt their storage. */
public final class RdsStorageEncrypted extends AttributeRule {
  public RdsStorageEncrypted() {
    super("BP-RDS-001", Severity.ERROR, List.of("aws_db_instance"), enabled("storage_encrypted", " (default false)"),
        "RDS instances encrypt their storage.",
        "Set storage_encrypted = true (kms_key_id for a customer-managed key).",
        List.of("CKV_AWS_16", "AVD-AWS-0080", "AwsSolutions-RDS2"));
  }
}
