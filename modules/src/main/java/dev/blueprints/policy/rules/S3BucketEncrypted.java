package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Buckets state their default encryption. */
public final class S3BucketEncrypted extends Rule {
  public S3BucketEncrypted() {
    super("BP-S3-002", Severity.ERROR, List.of("aws_s3_bucket"),
        "Buckets have a server-side encryption configuration (SSE-S3 or SSE-KMS).",
        "Add aws_s3_bucket_server_side_encryption_configuration with apply_server_side_encryption_by_default.",
        List.of("CKV_AWS_19", "CKV_AWS_145", "AVD-AWS-0088", "AVD-AWS-0132"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.has("server_side_encryption_configuration")) return ok();
    for (ResourceView config : S3Companions.of(stack, "aws_s3_bucket_server_side_encryption_configuration", r)) {
      if (config.has("rule.apply_server_side_encryption_by_default.sse_algorithm")) return ok();
    }
    return fail("the bucket has no server-side encryption configuration");
  }
}
