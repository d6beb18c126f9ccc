package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Instances answer metadata requests only with a session token (IMDSv2). */
public final class InstanceMetadataV2 extends AttributeRule {
  public InstanceMetadataV2() {
    super("BP-EC2-001", Severity.ERROR, List.of("aws_launch_template", "aws_instance"),
        oneOf("metadata_options.http_tokens", List.of("required"), "; IMDSv1 stays reachable"),
        "Launch templates and instances require IMDSv2 (metadata_options.http_tokens = required).",
        "Set metadata_options { http_endpoint = \"enabled\", http_tokens = \"required\", http_put_response_hop_limit = 1 }"
            + " (2 for containers on the host network bridge).",
        List.of("CKV_AWS_79", "AVD-AWS-0130", "AVD-AWS-0028"));
  }
}
