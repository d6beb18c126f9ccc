package dev.blueprints.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS account one environment deploys into, and the roles Terraform assumes there. Every stack's
 * provider gets {@code allowed_account_ids = [id]}, so a plan or apply with credentials of any other account
 * stops before it reads or changes anything. With a role, the provider assumes it (see {@link Providers}).
 *
 * @param id          the 12-digit account id
 * @param roleArn     role the provider assumes to deploy (an IAM role of account {@code id}); null: use the
 *                    credentials as they are
 * @param planRoleArn read-only role for planning (an IAM role of account {@code id}); needs {@code roleArn}.
 *                    Null when there is none
 * @param externalId  the external id the roles' trust policy requires; null when it requires none
 * @param sessionName the assumed-role session name, shown in CloudTrail; null lets the provider choose
 * @param shared      true allows another environment of the same deployment to use this account too; two
 *                    environments share an account only when both say so. Default: {@value #DEFAULT_SHARED}
 */
public record AccountSettings(String id, String roleArn, String planRoleArn, String externalId, String sessionName,
    boolean shared) {
  /** One account per environment: a dev mistake cannot reach prod's resources. */
  public static final boolean DEFAULT_SHARED = false;
  private static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");
  /** An IAM role ARN (any partition), with an optional path; group 1 is the account id. */
  private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws(?:-[a-z]+)*:iam::(\\d{12}):role/(?:[\\x21-\\x7e]*/)?[\\w+=,.@-]{1,64}$");
  private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\w+=,.@:/-]{2,1224}$");
  private static final Pattern SESSION_NAME = Pattern.compile("^[\\w+=,.@-]{2,64}$");

  public AccountSettings {
    requireAccount("account.id", id);
    roleArn = blankToNull(roleArn);
    planRoleArn = blankToNull(planRoleArn);
    externalId = blankToNull(externalId);
    sessionName = blankToNull(sessionName);
    requireRoleOf("account.roleArn", roleArn, "account.id", id);
    requireRoleOf("account.planRoleArn", planRoleArn, "account.id", id);
    if (roleArn == null) {
      if (planRoleArn != null) throw Validate.invalid("account.planRoleArn", planRoleArn, "only used with account.roleArn (the role to deploy with); set account.roleArn too");
      if (externalId != null) throw Validate.invalid("account.externalId", externalId, "only used with account.roleArn; set account.roleArn or remove it");
      if (sessionName != null) throw Validate.invalid("account.sessionName", sessionName, "only used with account.roleArn; set account.roleArn or remove it");
    }
    if (planRoleArn != null && planRoleArn.equals(roleArn)) {
      throw Validate.invalid("account.planRoleArn", planRoleArn, "a read-only role other than account.roleArn; remove it to plan with account.roleArn");
    }
    if (externalId != null) Validate.matches("account.externalId", externalId, EXTERNAL_ID, "2-1224 letters, digits and _+=,.@:/-");
    if (sessionName != null) Validate.matches("account.sessionName", sessionName, SESSION_NAME, "2-64 letters, digits and _+=,.@-");
  }

  /** The account {@code id}; the roles, external id and session name are optional. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The account {@code id}, used with the credentials as they are: no role is assumed. */
  public static AccountSettings of(String id) {
    return builder(id).build();
  }

  /** The account {@code id}, deployed by assuming {@code roleArn}. */
  public static AccountSettings withRole(String id, String roleArn) {
    return builder(id).roleArn(roleArn).build();
  }

  public boolean hasRole() {
    return roleArn != null;
  }

  /** Fails unless {@code value} is a 12-digit account id. */
  static String requireAccount(String field, String value) {
    return Validate.matches(field, value, ACCOUNT, "a 12-digit AWS account id such as 123456789012");
  }

  /**
   * Fails unless {@code arn} (may be null) is an IAM role ARN of {@code account}; the message names the field,
   * both accounts and the field that declares the account.
   */
  static void requireRoleOf(String field, String arn, String accountField, String account) {
    if (arn == null) return;
    Matcher m = ROLE_ARN.matcher(arn);
    if (!m.matches()) throw Validate.invalid(field, arn, "an IAM role ARN such as arn:aws:iam::" + account + ":role/deploy");
    if (account != null && !m.group(1).equals(account)) {
      throw Validate.invalid(field, arn, "a role of account " + accountField + " = " + account + ", but the ARN names account "
          + m.group(1));
    }
  }

  /** The account id in an IAM role ARN already checked by {@link #requireRoleOf}. */
  static String accountOf(String roleArn) {
    Matcher m = ROLE_ARN.matcher(roleArn);
    return m.matches() ? m.group(1) : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  public static final class Builder {
    private final String id;
    private String roleArn;
    private String planRoleArn;
    private String externalId;
    private String sessionName;
    private boolean shared = DEFAULT_SHARED;

    private Builder(String id) {
      this.id = id;
    }

    public Builder roleArn(String value) { this.roleArn = value; return this; }
    public Builder planRoleArn(String value) { this.planRoleArn = value; return this; }
    public Builder externalId(String value) { this.externalId = value; return this; }
    public Builder sessionName(String value) { this.sessionName = value; return this; }
    public Builder shared(boolean value) { this.shared = value; return this; }

    public AccountSettings build() {
      return new AccountSettings(id, roleArn, planRoleArn, externalId, sessionName, shared);
    }
  }
}
