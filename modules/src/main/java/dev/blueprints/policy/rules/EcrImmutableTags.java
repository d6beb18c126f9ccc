package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** A tag, once pushed, always names the same image. */
public final class EcrImmutableTags extends Rule {
  public EcrImmutableTags() {
    super("BP-ECR-002", Severity.ERROR, List.of("aws_ecr_repository"),
        "ECR repositories have immutable image tags.",
        "Set image_tag_mutability = \"IMMUTABLE\" and tag images with a version or commit.",
        List.of("CKV_AWS_51", "AVD-AWS-0031"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String value = r.text("image_tag_mutability");
    return require(value != null && (value.equals("IMMUTABLE") || ResourceView.expression(value)),
        "image_tag_mutability is " + r.show("image_tag_mutability") + " (default MUTABLE)");
  }
}
