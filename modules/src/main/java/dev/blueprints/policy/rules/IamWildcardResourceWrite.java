package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Write actions name the resources they act on. */
public final class IamWildcardResourceWrite extends Rule {
  /** Actions with no resource-level permissions (resource "*" is the only option) that are safe on "*". */
  public static final List<String> EXEMPT = List.of(
      "ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics",
      "logs:DescribeLogGroups", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
      "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries", "sts:GetCallerIdentity",
      "ssm:UpdateInstanceInformation", "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel", "ec2messages:AcknowledgeMessage",
      "ec2messages:DeleteMessage", "ec2messages:FailMessage", "ec2messages:GetEndpoint", "ec2messages:GetMessages",
      "ec2messages:SendReply", "ecs:DiscoverPollEndpoint", "ecs:CreateCluster", "autoscaling:DescribeAutoScalingGroups",
      "kms:ListAliases");

  public IamWildcardResourceWrite() {
    super("BP-IAM-002", Severity.WARNING, IamDocuments.IDENTITY_POLICY_TYPES,
        "IAM policies do not Allow write actions on Resource \"*\" without a condition (Describe*/List* and actions"
            + " without resource-level permissions such as ecr:GetAuthorizationToken are exempt).",
        "Name the ARNs the actions touch, or add a Condition that scopes them.",
        List.of("CKV_AWS_111", "AwsSolutions-IAM5"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode document : IamDocuments.identityDocuments(r)) {
      for (JsonNode statement : IamDocuments.statements(document)) {
        if (!IamDocuments.allows(statement) || IamDocuments.hasCondition(statement)) continue;
        if (!IamDocuments.resources(statement).contains("*")) continue;
        List<String> writes = IamDocuments.actions(statement).stream().filter(a -> !readOnlyOrExempt(a)).toList();
        if (!writes.isEmpty()) out.add("Allow of " + writes + " on Resource \"*\"");
      }
    }
    return out;
  }

  static boolean readOnlyOrExempt(String action) {
    if (EXEMPT.contains(action)) return true;
    int colon = action.indexOf(':');
    String verb = colon < 0 ? action : action.substring(colon + 1);
    return verb.startsWith("Describe") || verb.startsWith("List");
  }
}
