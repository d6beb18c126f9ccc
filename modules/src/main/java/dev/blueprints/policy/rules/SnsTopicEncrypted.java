package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** SNS topics are encrypted with a KMS key. */
public final class SnsTopicEncrypted extends Rule {
  public SnsTopicEncrypted() {
    super("BP-SNS-001", Severity.ERROR, List.of("aws_sns_topic"),
        "SNS topics are encrypted with a KMS key (kms_master_key_id).",
        "Set kms_master_key_id to a customer-managed key whose policy lets the publishing services use it"
            + " (dev.blueprints.observability.AlarmTopic does).",
        List.of("CKV_AWS_26", "AVD-AWS-0095", "AwsSolutions-SNS2"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String key = r.text("kms_master_key_id");
    return require(key != null && !key.isBlank(), "kms_master_key_id is " + r.show("kms_master_key_id") + ": messages are stored unencrypted");
  }
}
