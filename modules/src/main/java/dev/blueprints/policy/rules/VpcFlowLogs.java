package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Every VPC records its traffic. */
public final class VpcFlowLogs extends AttributeRule {
  public VpcFlowLogs() {
    super("BP-NET-005", Severity.ERROR, List.of("aws_vpc"),
        referencedBy("aws_flow_log", "vpc_id", "the VPC has no flow log"),
        "Every VPC has flow logs (an aws_flow_log whose vpc_id refers to it).",
        "Add an aws_flow_log for the VPC (NetworkProps flowLogs, on by default).",
        List.of("CKV2_AWS_11", "AVD-AWS-0178", "AwsSolutions-VPC7"));
  }
}
