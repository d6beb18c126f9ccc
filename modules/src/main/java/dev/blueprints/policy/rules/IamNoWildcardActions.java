package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Identity policies never allow every action of AWS or of a whole service. */
public final class IamNoWildcardActions extends Rule {
  public IamNoWildcardActions() {
    super("BP-IAM-001", Severity.ERROR, IamDocuments.IDENTITY_POLICY_TYPES,
        "IAM policies do not Allow the action \"*\", a whole service (\"s3:*\") or NotAction.",
        "List the actions the workload calls (dev.blueprints.auth.PolicyStatement).",
        List.of("CKV_AWS_62", "CKV_AWS_63", "AVD-AWS-0057", "AwsSolutions-IAM5"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode document : IamDocuments.identityDocuments(r)) {
      for (JsonNode statement : IamDocuments.statements(document)) {
        if (!IamDocuments.allows(statement)) continue;
        if (statement.has("NotAction")) out.add("an Allow statement uses NotAction");
        for (String action : IamDocuments.actions(statement)) {
          if (action.equals("*") || action.endsWith(":*")) out.add("Allow of action " + action);
        }
      }
    }
    return out;
  }
}
