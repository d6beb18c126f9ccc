package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Secrets are encrypted with a customer-managed KMS key. */
public final class SecretCustomerKey extends AttributeRule {
  public SecretCustomerKey() {
    super("BP-SM-002", Severity.WARNING, List.of("aws_secretsmanager_secret"),
        present("kms_key_id", " (the AWS-managed aws/secretsmanager key)"),
        "Secrets are encrypted with a customer-managed KMS key.",
        "Set kms_key_id to a customer-managed key so key policy and CloudTrail govern decryption.",
        List.of("CKV_AWS_149", "AVD-AWS-0098"));
  }
}
