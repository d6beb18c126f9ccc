package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Bucket settings live in companion resources whose {@code bucket} refers to the bucket (by reference or by name). */
final class S3Companions {
  private S3Companions() {}

  static List<ResourceView> of(StackView stack, String type, ResourceView bucket) {
    String name = bucket.text("bucket");
    return stack.resources(type).stream()
        .filter(c -> c.refersTo("bucket", bucket) || (name != null && !ResourceView.expression(name) && name.equals(c.text("bucket"))))
        .toList();
  }
}
