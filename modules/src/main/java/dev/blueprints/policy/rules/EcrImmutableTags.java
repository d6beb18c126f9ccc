package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** A tag, once pushed, always names the same image. */
public final class EcrImmutableTags extends AttributeRule {
  public EcrImmutableTags() {
    super("BP-ECR-002", Severity.ERROR, List.of("aws_ecr_repository"),
        oneOf("image_tag_mutability", List.of("IMMUTABLE"), " (default MUTABLE)"),
        "ECR repositories have immutable image tags.",
        "Set image_tag_mutability = \"IMMUTABLE\" and tag images with a version or commit.",
        List.of("CKV_AWS_51", "AVD-AWS-0031"));
  }
}
