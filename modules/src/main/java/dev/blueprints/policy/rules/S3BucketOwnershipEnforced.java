package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Access is decided by policies alone: ACLs are disabled. */
public final class S3BucketOwnershipEnforced extends Rule {
  public S3BucketOwnershipEnforced() {
    super("BP-S3-005", Severity.ERROR, List.of("aws_s3_bucket"),
        "Buckets disable ACLs with object ownership BucketOwnerEnforced.",
        "Add aws_s3_bucket_ownership_controls with rule { object_ownership = \"BucketOwnerEnforced\" }.",
        List.of("CKV2_AWS_65"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    for (ResourceView controls : S3Companions.of(stack, "aws_s3_bucket_ownership_controls", r)) {
      String ownership = controls.text("rule.object_ownership");
      return require("BucketOwnerEnforced".equals(ownership), "object_ownership is " + controls.show("rule.object_ownership"));
    }
    return fail("the bucket has no ownership controls, so ACLs stay enabled");
  }
}
