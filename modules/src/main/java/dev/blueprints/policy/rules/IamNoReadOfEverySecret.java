package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Identity policies do not read every secret or parameter of the account. */
public final class IamNoReadOfEverySecret extends Rule {
  /** Actions that return a secret's value. */
  public static final List<String> SECRET_READS = List.of("secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue",
      "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath");

  public IamNoReadOfEverySecret() {
    super("BP-IAM-006", Severity.ERROR, IamDocuments.IDENTITY_POLICY_TYPES,
        "IAM policies do not Allow reading secret values (secretsmanager:GetSecretValue, ssm:GetParameter*) on every"
            + " secret or parameter (Resource \"*\", secret:*, parameter/*) without a condition.",
        "Name the ARNs of the secrets the workload reads (dev.blueprints.auth.PolicyStatement), or scope the statement with"
            + " a Condition (for example on secretsmanager:ResourceTag).",
        List.of("AwsSolutions-IAM5"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> out = new ArrayList<>();
    for (JsonNode statement : IamDocuments.unconditionalAllows(r, IamDocuments.Kind.IDENTITY)) {
      List<String> every = IamDocuments.resources(statement).stream().filter(IamNoReadOfEverySecret::everySecret).toList();
      if (every.isEmpty()) continue;
      List<String> reads = IamDocuments.actions(statement).stream()
          .filter(a -> SECRET_READS.stream().anyMatch(read -> IamDocuments.covers(a, read))).toList();
      if (!reads.isEmpty()) out.add("Allow of " + reads + " on " + every + ": reads every secret of the account");
    }
    return out;
  }

  /** {@code *}, or an ARN whose secret or parameter name is only a wildcard. */
  static boolean everySecret(String resource) {
    if (resource.equals("*")) return true;
    return resource.matches("arn:[^:]*:secretsmanager:[^:]*:[^:]*:secret:\\*")
        || resource.matches("arn:[^:]*:ssm:[^:]*:[^:]*:parameter/?\\*")
        || resource.matches("arn:[^:]*:(secretsmanager|ssm):\\*");
  }
}
