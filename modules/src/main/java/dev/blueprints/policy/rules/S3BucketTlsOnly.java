package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Buckets refuse requests that do not use TLS. */
public final class S3BucketTlsOnly extends Rule {
  public S3BucketTlsOnly() {
    super("BP-S3-004", Severity.ERROR, List.of("aws_s3_bucket"),
        "Bucket policies deny requests without TLS (aws:SecureTransport = false).",
        "Add a bucket policy statement: Deny s3:* on the bucket and its objects to * when aws:SecureTransport is false.",
        List.of("AwsSolutions-S10"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    for (ResourceView policy : S3Companions.of(stack, "aws_s3_bucket_policy", r)) {
      if (policy.isExpression("policy") && policy.json("policy").isEmpty()) return ok();
      for (JsonNode document : policy.json("policy").stream().toList()) {
        for (JsonNode statement : IamDocuments.statements(document)) {
          if (!"Deny".equals(statement.path("Effect").asText())) continue;
          JsonNode secure = statement.path("Condition").path("Bool").path("aws:SecureTransport");
          if (ResourceView.strings(secure).contains("false")) return ok();
        }
      }
    }
    return fail("no bucket policy denies requests without TLS");
  }
}
