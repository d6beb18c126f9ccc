package dev.blueprints.auth;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * An IAM role assumed by AWS services.
 *
 * @param name              role name (from the naming helper)
 * @param description       what the role is for. Default: {@code Assumed by <service principal>}
 * @param servicePrincipals services allowed to assume it, e.g. {@code ecs-tasks.amazonaws.com}
 * @param managedPolicyArns AWS managed policies to attach (keep to the narrow service ones). Default: none
 * @param statements        inline statements, least privilege. Default: none
 * @param sourceAccountCondition limit the trust to calls on behalf of this account ({@code aws:SourceAccount}).
 *                          Default: {@value #DEFAULT_SOURCE_ACCOUNT_CONDITION}. EC2 does not send the key, so
 *                          instance roles turn it off
 */
public record RoleProps(
    String name,
    String description,
    List<String> servicePrincipals,
    List<String> managedPolicyArns,
    List<PolicyStatement> statements,
    boolean sourceAccountCondition) {

  /** Guards against the confused deputy: a service acting for another account cannot assume the role. */
  public static final boolean DEFAULT_SOURCE_ACCOUNT_CONDITION = true;

  public RoleProps {
    Validate.notBlank("name", name);
    Validate.notBlank("description", description);
    Validate.notNull("servicePrincipals", servicePrincipals).forEach(principal -> Validate.notBlank("servicePrincipals", principal));
    servicePrincipals = List.copyOf(servicePrincipals);
    if (servicePrincipals.isEmpty()) throw Validate.invalid("servicePrincipals", servicePrincipals, "at least one service principal");
    managedPolicyArns = List.copyOf(managedPolicyArns == null ? List.of() : managedPolicyArns);
    statements = List.copyOf(statements == null ? List.of() : statements);
  }

  public static Builder builder(String name, String servicePrincipal) {
    return new Builder(name, servicePrincipal);
  }

  public static final class Builder {
    private final String name;
    private final List<String> principals = new ArrayList<>();
    private String description;
    private final List<String> managed = new ArrayList<>();
    private final List<PolicyStatement> statements = new ArrayList<>();
    private boolean sourceAccountCondition = DEFAULT_SOURCE_ACCOUNT_CONDITION;

    private Builder(String name, String servicePrincipal) {
      this.name = name;
      this.principals.add(servicePrincipal);
      this.description = "Assumed by " + servicePrincipal;
    }

    public Builder description(String value) { this.description = value; return this; }
    public Builder managedPolicy(String arn) { managed.add(arn); return this; }
    public Builder statement(PolicyStatement statement) { statements.add(statement); return this; }
    public Builder sourceAccountCondition(boolean value) { this.sourceAccountCondition = value; return this; }

    public RoleProps build() {
      return new RoleProps(name, description, principals, managed, statements, sourceAccountCondition);
    }
  }
}
