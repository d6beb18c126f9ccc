package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Images are scanned for vulnerabilities when pushed. */
public final class EcrScanOnPush extends AttributeRule {
  public EcrScanOnPush() {
    super("BP-ECR-001", Severity.ERROR, List.of("aws_ecr_repository"),
        enabled("image_scanning_configuration.scan_on_push", ""),
        "ECR repositories scan images on push.",
        "Set image_scanning_configuration { scan_on_push = true }.",
        List.of("CKV_AWS_163", "AVD-AWS-0030"));
  }
}
