package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Secrets are encrypted with a customer-managed KMS key. */
public final class SecretCustomerKey extends Rule {
  public SecretCustomerKey() {
    super("BP-SM-002", Severity.WARNING, List.of("aws_secretsmanager_secret"),
        "Secrets are encrypted with a customer-managed KMS key.",
        "Set kms_key_id to a customer-managed key so key policy and CloudTrail govern decryption.",
        List.of("CKV_AWS_149", "AVD-AWS-0098"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.has("kms_key_id"), "kms_key_id is absent (the AWS-managed aws/secretsmanager key)");
  }
}
