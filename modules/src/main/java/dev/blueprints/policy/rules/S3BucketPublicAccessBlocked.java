package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Buckets block every form of public access. */
public final class S3BucketPublicAccessBlocked extends Rule {
  private static final List<String> SETTINGS =
      List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets");

  public S3BucketPublicAccessBlocked() {
    super("BP-S3-001", Severity.ERROR, List.of("aws_s3_bucket"),
        "Buckets have an aws_s3_bucket_public_access_block with all four settings true.",
        "Add aws_s3_bucket_public_access_block with block_public_acls, block_public_policy, ignore_public_acls and"
            + " restrict_public_buckets = true (data.Bucket does).",
        List.of("CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "AVD-AWS-0094", "AwsSolutions-S2"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<ResourceView> blocks = S3Companions.of(stack, "aws_s3_bucket_public_access_block", r);
    if (blocks.isEmpty()) return fail("the bucket has no public access block");
    List<String> off = new ArrayList<>();
    for (String setting : SETTINGS) if (!blocks.get(0).on(setting, false)) off.add(setting);
    return require(off.isEmpty(), "public access block leaves " + off + " off");
  }
}
