package dev.blueprints.auth;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import dev.blueprints.core.Account;
import dev.blueprints.core.Memo;
import dev.blueprints.core.Validate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An IAM role for an AWS service, with inline least-privilege statements. Other modules add to it
 * through {@link #grant(String, List)} (as {@code secret.grantRead(role)} does): each grant is an
 * inline policy of its own, named by the grant, so grants from different stacks never collide. Every
 * grant returns the {@link Grant} it made.
 */
public final class Role extends BlueprintConstruct implements Grantable {
  private static final java.util.regex.Pattern POLICY_NAME = java.util.regex.Pattern.compile("^[\\w+=,.@-]{1,128}$");
  private final IamRole role;
  /** Grants made so far by inline policy id, kept on the Java side rather than asked of the construct tree. */
  private final Map<String, Grant> grants = new HashMap<>();
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

  /**
   * Adds the statements as an inline policy named {@code id} and returns it. Granting the same id again with
   * the same statements returns the first grant (so two constructs may ask for the same access); the same id
   * with other statements fails, as it would otherwise lose one of them.
   */
  public Grant grant(String id, List<PolicyStatement> statements) {
    Validate.matches("id", id, POLICY_NAME, "1-128 letters, digits and +=,.@_- (an inline policy name)");
    List<PolicyStatement> copy = List.copyOf(Validate.notNull("statements", statements));
    if (copy.isEmpty()) throw Validate.invalid("statements", copy, "at least one statement");
    Grant existing = grants.get(id);
    if (existing != null) {
      if (existing.statements().equals(copy)) return existing;
      throw Validate.invalid("id", id, "role " + getNode().getPath() + " already has a grant " + id
          + " with other statements " + existing.actions() + "; give this grant an id of its own");
    }
    IamRolePolicy policy = IamRolePolicy.Builder.create(this, "Policy" + id)
        .name(id)
        .role(roleId.get())
        .policy(PolicyDocument.json(copy))
        .build();
    Grant grant = new Grant(id, this, copy, policy);
    grants.put(id, grant);
    return grant;
  }

  public Grant grant(String id, PolicyStatement statement) {
    return grant(id, List.of(statement));
  }

  /** A role grants to itself. */
  @Override
  public Role grantRole() {
    return this;
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
