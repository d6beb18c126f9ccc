package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** SNS topics are encrypted with a KMS key. */
public final class SnsTopicEncrypted extends AttributeRule {
  public SnsTopicEncrypted() {
    super("BP-SNS-001", Severity.ERROR, List.of("aws_sns_topic"),
        present("kms_master_key_id", ": messages are stored unencrypted"),
        "SNS topics are encrypted with a KMS key (kms_master_key_id).",
        "Set kms_master_key_id to a customer-managed key whose policy lets the publishing services use it"
            + " (dev.blueprints.observability.AlarmTopic does).",
        List.of("CKV_AWS_26", "AVD-AWS-0095", "AwsSolutions-SNS2"));
  }
}
