package dev.blueprints.auth;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import dev.blueprints.core.Account;
import dev.blueprints.core.Memo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.constructs.Construct;

/**
 * An IAM role for an AWS service, with inline least-privilege statements. Other modules add to it
 * through {@link #grant(String, List)} (as {@code secret.grantRead(role)} does): each grant is an
 * inline policy of its own, named by the grant, so grants from different stacks never collide.
 */
public final class Role extends BlueprintConstruct {
  private final IamRole role;
  /** Inline policy ids granted so far, kept on the Java side rather than asked of the construct tree. */
  private final Set<String> grants = new HashSet<>();
  private final Memo<String> arn;
  private final Memo<String> name;
  private final Memo<String> roleId;

  public Role(Construct scope, String id, RoleProps props) {
    super(scope, id);
    String account = props.sourceAccountCondition() ? Account.id(this) : null;
    role = IamRole.Builder.create(this, "Resource")
        .name(props.name())
        .description(props.description())
        .assumeRolePolicy(PolicyDocument.assumeRoleBy(props.servicePrincipals(), account))
        .build();
    arn = Memo.of(role::getArn);
    name = Memo.of(role::getName);
    roleId = Memo.of(role::getId);
    for (int i = 0; i < props.managedPolicyArns().size(); i++) {
      String policyArn = props.managedPolicyArns().get(i);
      IamRolePolicyAttachment.Builder.create(this, "Managed" + policyArn.substring(policyArn.lastIndexOf('/') + 1))
          .role(name.get()).policyArn(policyArn).build();
    }
    if (!props.statements().isEmpty()) grant("Inline", props.statements());
  }

  /** Adds the statements as an inline policy named {@code id}; a second grant with the same id adds nothing. */
  public void grant(String id, List<PolicyStatement> statements) {
    if (!grants.add(id)) return;
    IamRolePolicy.Builder.create(this, "Policy" + id)
        .name(id)
        .role(roleId.get())
        .policy(PolicyDocument.json(statements))
        .build();
  }

  public void grant(String id, PolicyStatement statement) {
    grant(id, List.of(statement));
  }

  public String arn() {
    return arn.get();
  }

  public String name() {
    return name.get();
  }

  public IamRole resource() {
    return role;
  }
}
