package dev.blueprints.data;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * A Secrets Manager secret.
 *
 * <p>Without a generated value the secret is created <b>empty</b> (no version): values that come from outside
 * (third-party API keys) are put with {@code aws secretsmanager put-secret-value} or the console, so they never
 * pass through code, plans or Terraform state. Consumers fail until the value is set: an ECS task whose container
 * reads an empty secret never starts, while {@code terraform apply} still succeeds. With
 * {@link Builder#placeholder(String)} the secret gets a first version holding a stated placeholder instead (tasks
 * start; the application sees the placeholder until the real value is put), is tagged
 * {@value #FILL_TAG}{@code = "true"} so synth can list it with the command that fills it, and Terraform ignores
 * later changes to the value, so the real value never returns to a plan.
 *
 * @param name                    secret name, e.g. {@code naming().path("openai-api-key")}
 * @param description             what the secret holds. Default: {@value #DEFAULT_DESCRIPTION}
 * @param kmsKeyArn               customer-managed key; unset (null) uses {@code aws/secretsmanager}
 * @param recoveryWindowDays      days a deleted secret can be restored, 7..30; 0 only through
 *                                {@link Builder#forceDeleteWithoutRecovery(String)}. Default: {@value #DEFAULT_RECOVERY_WINDOW_DAYS}
 * @param forceDeleteReason       why the secret may be deleted without recovery (null otherwise)
 * @param passwordLength          length of a generated password; 0 generates none. Default: {@value #DEFAULT_PASSWORD_LENGTH}
 * @param excludePunctuation      leave punctuation out of the generated password. Default: {@value #DEFAULT_EXCLUDE_PUNCTUATION}
 * @param username                with a generated password: store {@code {"username":..,"password":..}} instead of
 *                                the bare password; unset (null) stores the bare password
 * @param preventDestroy          {@code lifecycle.prevent_destroy} on the secret. Default: {@value #DEFAULT_PREVENT_DESTROY}
 * @param placeholder             the first value of a secret filled out of band; unset (null) leaves it empty. Not
 *                                with a generated password
 */
public record SecretProps(
    String name,
    String description,
    String kmsKeyArn,
    int recoveryWindowDays,
    String forceDeleteReason,
    int passwordLength,
    boolean excludePunctuation,
    String username,
    boolean preventDestroy,
    String placeholder) {

  /** The tag that marks a secret whose value the user must put before the application can use it. */
  public static final String FILL_TAG = "FillBeforeUse";
  /** Says where the secret comes from when nobody wrote what it holds. */
  public static final String DEFAULT_DESCRIPTION = "Managed by Blueprints";
  /** The longest window Secrets Manager allows: a deleted secret stays restorable for a month. */
  public static final int DEFAULT_RECOVERY_WINDOW_DAYS = 30;
  /** 0: no generated value; the secret holds what is put into it out of band. */
  public static final int DEFAULT_PASSWORD_LENGTH = 0;
  /** Punctuation kept: a generated password uses the widest alphabet unless a consumer cannot take it. */
  public static final boolean DEFAULT_EXCLUDE_PUNCTUATION = false;
  /** A secret holds data that cannot be recreated: Terraform refuses to destroy it unless asked by name. */
  public static final boolean DEFAULT_PREVENT_DESTROY = true;

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9/_+=.@-]{1,512}$");
  private static final Pattern KMS_ARN = Pattern.compile("^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+$|^\\$\\{.+}$");

  public SecretProps {
    Validate.matches("name", name, NAME, "1-512 letters, digits and /_+=.@- characters");
    Validate.notBlank("description", description);
    if (kmsKeyArn != null) Validate.matches("kmsKeyArn", kmsKeyArn, KMS_ARN, "a KMS key ARN or a reference to one");
    if (recoveryWindowDays == 0) {
      if (forceDeleteReason == null || forceDeleteReason.isBlank()) {
        throw Validate.invalid("recoveryWindowDays", 0, "allowed range is 7..30; deleting without recovery needs forceDeleteWithoutRecovery(reason)");
      }
    } else {
      Validate.range("recoveryWindowDays", recoveryWindowDays, 7, 30);
      forceDeleteReason = null;
    }
    if (passwordLength != 0) Validate.range("passwordLength", passwordLength, 16, 4096);
    if (username != null) {
      Validate.notBlank("username", username);
      if (passwordLength == 0) throw Validate.invalid("username", username, "only used with a generated password");
    }
    if (placeholder != null) {
      Validate.notBlank("placeholder", placeholder);
      if (passwordLength != 0) throw Validate.invalid("placeholder", placeholder, "a secret with a generated password has its value already");
    }
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Whether a password is generated into the secret. */
  public boolean generatesPassword() {
    return passwordLength > 0;
  }

  public static final class Builder {
    private final String name;
    private String description = DEFAULT_DESCRIPTION;
    private String kmsKeyArn;
    private int recoveryWindowDays = DEFAULT_RECOVERY_WINDOW_DAYS;
    private String forceDeleteReason;
    private int passwordLength = DEFAULT_PASSWORD_LENGTH;
    private boolean excludePunctuation = DEFAULT_EXCLUDE_PUNCTUATION;
    private String username;
    private boolean preventDestroy = DEFAULT_PREVENT_DESTROY;
    private String placeholder;

    private Builder(String name) {
      this.name = name;
    }

    public Builder description(String value) { this.description = value; return this; }
    public Builder kmsKeyArn(String value) { this.kmsKeyArn = value; return this; }
    /** 7..30 days. */
    public Builder recoveryWindowDays(int value) { this.recoveryWindowDays = value; return this; }

    /** Deletes the secret at once on destroy (recovery window 0); {@code reason} documents why. */
    public Builder forceDeleteWithoutRecovery(String reason) {
      Validate.notBlank("reason", reason);
      this.recoveryWindowDays = 0;
      this.forceDeleteReason = reason;
      return this;
    }

    /** Fills the secret with a password generated by Secrets Manager (16..4096 characters). */
    public Builder generatedPassword(int length, boolean excludePunctuation) {
      this.passwordLength = length;
      this.excludePunctuation = excludePunctuation;
      return this;
    }

    /** Like {@link #generatedPassword} but stores {@code {"username":..,"password":..}}. */
    public Builder generatedCredentials(String username, int length, boolean excludePunctuation) {
      this.username = username;
      return generatedPassword(length, excludePunctuation);
    }

    /**
     * A secret the user fills out of band, created with {@code value} as its first version so consumers start
     * (e.g. {@code "{}"} for a JSON document); see the class comment.
     */
    public Builder placeholder(String value) { this.placeholder = value; return this; }

    /** Allows {@code terraform destroy} to delete the secret (it still waits out the recovery window). */
    public Builder allowDestroy() { this.preventDestroy = false; return this; }

    public SecretProps build() {
      return new SecretProps(name, description, kmsKeyArn, recoveryWindowDays, forceDeleteReason, passwordLength,
          excludePunctuation, username, preventDestroy, placeholder);
    }
  }
}
