package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** EFS file systems are backed up. */
public final class EfsBackedUp extends Rule {
  public EfsBackedUp() {
    super("BP-EFS-002", Severity.ERROR, List.of("aws_efs_file_system"),
        "EFS file systems are backed up: an aws_efs_backup_policy with status ENABLED, or an aws_backup_selection that"
            + " names the file system.",
        "Add aws_efs_backup_policy { file_system_id = <fs>.id, backup_policy { status = \"ENABLED\" } }"
            + " (dev.blueprints.data.FileSystem does), or select it in an AWS Backup plan.",
        List.of("CKV2_AWS_18"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    List<ResourceView> policies = stack.referencing("aws_efs_backup_policy", "file_system_id", r);
    for (ResourceView policy : policies) {
      if (policy.isExpression("backup_policy.status") || "ENABLED".equals(policy.text("backup_policy.status"))) return ok();
    }
    if (!stack.referencing("aws_backup_selection", "resources", r).isEmpty()) return ok();
    return fail(policies.isEmpty()
        ? "no aws_efs_backup_policy or aws_backup_selection covers the file system: deleted or corrupted files cannot be restored"
        : "aws_efs_backup_policy status is " + policies.get(0).show("backup_policy.status") + ": the file system is not backed up");
  }
}
