package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** EFS file systems are encrypted at rest. */
public final class EfsEncrypted extends AttributeRule {
  public EfsEncrypted() {
    super("BP-EFS-001", Severity.ERROR, List.of("aws_efs_file_system"),
        enabled("encrypted", ": files are stored unencrypted"),
        "EFS file systems are encrypted at rest (encrypted = true).",
        "Set encrypted = true (and kms_key_id for a customer key); encryption cannot be added to an existing file system,"
            + " so this replaces it.",
        List.of("CKV_AWS_42", "AVD-AWS-0037", "AwsSolutions-EFS1"));
  }
}
