package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Trust and resource policies never grant anyone: no Allow to the principal "*" unless a condition narrows it. */
public final class IamNoPublicPrincipal extends Rule {
  public IamNoPublicPrincipal() {
    super("BP-IAM-004", Severity.ERROR, IamDocuments.PRINCIPAL_POLICY_TYPES,
        "Trust policies and resource policies (keys, topics, buckets, secrets, repositories, file systems, queues) do not"
            + " Allow the principal \"*\" or use NotPrincipal, unless a condition narrows it to an account, organization,"
            + " source or network (aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce, kms:CallerAccount, ...).",
        "Name the principal (an account, role or service), or add a Condition on aws:PrincipalOrgID, aws:SourceAccount or"
            + " aws:SourceArn.",
        List.of("CKV_AWS_33", "CKV_AWS_60", "CKV_AWS_70", "CKV_AWS_169", "CKV_AWS_32", "CKV_AWS_168"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (IamDocuments.Document document : IamDocuments.documents(r)) {
      if (document.kind() == IamDocuments.Kind.IDENTITY) continue;
      for (JsonNode statement : document.statements()) {
        if (!IamDocuments.allows(statement)) continue;
        String sid = statement.path("Sid").isTextual() ? " " + statement.path("Sid").asText() : "";
        if (statement.has("NotPrincipal")) {
          out.add(document.attribute() + ": Allow statement" + sid + " uses NotPrincipal (everyone but the principals named)");
        } else if (IamDocuments.anyPrincipal(statement) && !IamDocuments.narrowedByCondition(statement)) {
          out.add(document.attribute() + ": Allow statement" + sid + " grants " + IamDocuments.actions(statement)
              + " to the principal \"*\" (anyone) with no condition naming an account, organization or source");
        }
      }
    }
    return out;
  }
}
