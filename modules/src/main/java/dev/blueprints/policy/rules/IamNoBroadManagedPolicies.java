package dev.blueprints.policy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.ArrayList;
import java.util.List;

/** Roles, users and groups do not carry AWS-managed policies that grant a whole account or a whole service. */
public final class IamNoBroadManagedPolicies extends Rule {
  /** AWS-managed policies that grant administration or every read of the account, besides the *FullAccess ones. */
  public static final List<String> BROAD = List.of("AdministratorAccess", "PowerUserAccess", "IAMFullAccess",
      "ReadOnlyAccess", "SecretsManagerReadWrite", "AWSKeyManagementServicePowerUser");

  public IamNoBroadManagedPolicies() {
    super("BP-IAM-005", Severity.ERROR, List.of("aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment",
            "aws_iam_group_policy_attachment", "aws_iam_policy_attachment", "aws_iam_role"),
        "No role, user or group is attached an AWS-managed policy that grants administration, every read or a whole"
            + " service (AdministratorAccess*, PowerUserAccess, ReadOnlyAccess, IAMFullAccess, SecretsManagerReadWrite,"
            + " *FullAccess, job-function/*), through a policy attachment or managed_policy_arns.",
        "Attach a policy of your own that lists the actions and resources the workload uses (dev.blueprints.auth.Role"
            + " grants), or a narrow AWS-managed policy such as AmazonSSMManagedInstanceCore.",
        List.of("CKV_AWS_274", "AwsSolutions-IAM4"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<String> arns = r.type().equals("aws_iam_role")
        ? ResourceView.strings(r.at("managed_policy_arns"))
        : r.text("policy_arn") == null ? List.of() : List.of(r.text("policy_arn"));
    String attribute = r.type().equals("aws_iam_role") ? "managed_policy_arns" : "policy_arn";
    List<String> out = new ArrayList<>();
    for (String arn : arns) {
      if (broad(arn)) out.add(attribute + " attaches " + arn + ", which grants far more than a workload needs");
    }
    return out;
  }

  /** True for an AWS-managed policy ARN ({@code arn:<partition>:iam::aws:policy/...}) of the broad kind. */
  static boolean broad(String arn) {
    int marker = arn.indexOf(":iam::aws:policy/");
    if (!arn.startsWith("arn:") || marker < 0) return false;
    String path = arn.substring(marker + ":iam::aws:policy/".length());
    String name = path.substring(path.lastIndexOf('/') + 1);
    return path.startsWith("job-function/") || name.startsWith("AdministratorAccess") || BROAD.contains(name)
        || name.endsWith("FullAccess");
  }
}
