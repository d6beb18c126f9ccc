package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Symmetric KMS keys rotate their key material yearly. */
public final class KmsKeyRotation extends AttributeRule {
  public KmsKeyRotation() {
    super("BP-KMS-001", Severity.ERROR, List.of("aws_kms_key"), enabled("enable_key_rotation", " (default false)")
            .when(KmsKeyRotation::judged),
        "Symmetric KMS keys rotate their key material yearly.",
        "Set enable_key_rotation = true.",
        List.of("CKV_AWS_7", "AVD-AWS-0065", "AwsSolutions-KMS5"));
  }

  /** Only symmetric keys rotate. */
  private static boolean judged(ResourceView r, StackView stack) {
    String spec = r.text("customer_master_key_spec");
    return spec == null || spec.equals("SYMMETRIC_DEFAULT");
  }
}
