package dev.blueprints.auth;

import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import java.util.List;
import java.util.TreeSet;

/**
 * What one grant created: an inline policy named {@link #id()} on {@link #role()} with these statements.
 * Returned by {@link Role#grant(String, List)} and every {@code grant...} method of the modules, so a caller
 * can check, depend on or reference the policy.
 */
public final class Grant {
  private final String id;
  private final Role role;
  private final List<PolicyStatement> statements;
  private final IamRolePolicy policy;

  Grant(String id, Role role, List<PolicyStatement> statements, IamRolePolicy policy) {
    this.id = id;
    this.role = role;
    this.statements = List.copyOf(statements);
    this.policy = policy;
  }

  /** The inline policy's name. */
  public String id() {
    return id;
  }

  public Role role() {
    return role;
  }

  public List<PolicyStatement> statements() {
    return statements;
  }

  /** Every action allowed, sorted, each once. */
  public List<String> actions() {
    TreeSet<String> out = new TreeSet<>();
    for (PolicyStatement s : statements) if (s.effect() == PolicyStatement.Effect.Allow) out.addAll(s.actions());
    return List.copyOf(out);
  }

  /** Every resource named, in statement order, each once. */
  public List<String> resources() {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (PolicyStatement s : statements) out.addAll(s.resources());
    return List.copyOf(out);
  }

  /** The {@code aws_iam_role_policy} resource. */
  public IamRolePolicy policy() {
    return policy;
  }

  @Override
  public String toString() {
    return "Grant " + id + " " + actions();
  }
}
