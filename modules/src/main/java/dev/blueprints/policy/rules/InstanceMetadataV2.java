package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Instances answer metadata requests only with a session token (IMDSv2). */
public final class InstanceMetadataV2 extends Rule {
  public InstanceMetadataV2() {
    super("BP-EC2-001", Severity.ERROR, List.of("aws_launch_template", "aws_instance"),
        "Launch templates and instances require IMDSv2 (metadata_options.http_tokens = required).",
        "Set metadata_options { http_endpoint = \"enabled\", http_tokens = \"required\", http_put_response_hop_limit = 1 }"
            + " (2 for containers on the host network bridge).",
        List.of("CKV_AWS_79", "AVD-AWS-0130", "AVD-AWS-0028"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    String tokens = r.text("metadata_options.http_tokens");
    if (tokens != null && (tokens.equals("required") || ResourceView.expression(tokens))) return ok();
    return fail("metadata_options.http_tokens is " + r.show("metadata_options.http_tokens") + "; IMDSv1 stays reachable");
  }
}
