package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;
import java.util.Locale;

/** Log groups that hold sensitive data are encrypted with a customer-managed key. */
public final class LogGroupSensitiveEncrypted extends Rule {
  /** The tag that classifies data, and the values that call for a customer-managed key. */
  public static final String TAG = "DataClassification";
  public static final List<String> SENSITIVE = List.of("sensitive", "confidential", "restricted", "secret", "pii");

  public LogGroupSensitiveEncrypted() {
    super("BP-CW-003", Severity.ERROR, List.of("aws_cloudwatch_log_group"),
        "Log groups whose data is classified sensitive (tag " + TAG + " = sensitive, confidential, restricted, secret or"
            + " pii, on the resource or in the provider's default tags) are encrypted with a customer-managed KMS key.",
        "Set kms_key_id to a key whose policy lets logs.<region>.amazonaws.com use it for this log group's ARN"
            + " (kms:EncryptionContext:aws:logs:arn).",
        List.of("CKV_AWS_158", "AVD-AWS-0017"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String classification = classification(r, stack);
    if (classification == null || !SENSITIVE.contains(classification.toLowerCase(Locale.ROOT))) return ok();
    String key = r.text("kms_key_id");
    return require(key != null && !key.isBlank(), TAG + " is \"" + classification + "\" but kms_key_id is "
        + r.show("kms_key_id") + ": the log data is encrypted only with a CloudWatch-owned key");
  }

  private static String classification(ResourceView r, StackView stack) {
    String own = r.text("tags." + TAG);
    if (own != null) return own;
    for (JsonNode provider : ResourceView.elements(stack.root().path("provider").path("aws"))) {
      for (JsonNode defaults : ResourceView.elements(provider.path("default_tags"))) {
        JsonNode value = defaults.path("tags").path(TAG);
        if (value.isTextual()) return value.asText();
      }
    }
    return null;
  }
}
