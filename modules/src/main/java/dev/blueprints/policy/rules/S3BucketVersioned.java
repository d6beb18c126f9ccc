package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Overwritten and deleted objects stay recoverable. */
public final class S3BucketVersioned extends Rule {
  public S3BucketVersioned() {
    super("BP-S3-003", Severity.ERROR, List.of("aws_s3_bucket"),
        "Buckets have versioning enabled.",
        "Add aws_s3_bucket_versioning with versioning_configuration { status = \"Enabled\" } and a lifecycle rule"
            + " expiring noncurrent versions.",
        List.of("CKV_AWS_21", "AVD-AWS-0090"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.isTrue("versioning.enabled")) return ok();
    for (ResourceView v : S3Companions.of(stack, "aws_s3_bucket_versioning", r)) {
      String status = v.text("versioning_configuration.status");
      if ("Enabled".equals(status) || (status != null && ResourceView.expression(status))) return ok();
      return fail("versioning status is " + v.show("versioning_configuration.status"));
    }
    return fail("the bucket has no versioning configuration");
  }
}
