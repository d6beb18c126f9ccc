package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Roles assumed by AWS services say on whose behalf (confused-deputy protection). */
public final class IamTrustPolicyConditions extends Rule {
  /** Services that assume roles for the account itself and take no source conditions. */
  public static final List<String> EXEMPT_SERVICES = List.of("ec2.amazonaws.com");

  public IamTrustPolicyConditions() {
    super("BP-IAM-003", Severity.WARNING, List.of("aws_iam_role"),
        "Trust policies that let an AWS service assume the role have a condition (aws:SourceAccount or aws:SourceArn).",
        "Add Condition StringEquals aws:SourceAccount = <account id> (dev.blueprints.auth.Role does), or aws:SourceArn.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode statement : IamDocuments.unconditionalAllows(r, IamDocuments.Kind.TRUST)) {
      List<String> services = IamDocuments.services(statement).stream()
          .filter(s -> !EXEMPT_SERVICES.contains(s)).toList();
      if (!services.isEmpty()) out.add(services + " may assume the role with no source condition");
    }
    return out;
  }
}
