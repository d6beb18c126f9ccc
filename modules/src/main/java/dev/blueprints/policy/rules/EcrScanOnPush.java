package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Images are scanned for vulnerabilities when pushed. */
public final class EcrScanOnPush extends Rule {
  public EcrScanOnPush() {
    super("BP-ECR-001", Severity.ERROR, List.of("aws_ecr_repository"),
        "ECR repositories scan images on push.",
        "Set image_scanning_configuration { scan_on_push = true }.",
        List.of("CKV_AWS_163", "AVD-AWS-0030"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    return require(r.on("image_scanning_configuration.scan_on_push", false),
        "image_scanning_configuration.scan_on_push is " + r.show("image_scanning_configuration.scan_on_push"));
  }
}
