package dev.blueprints.auth;

import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer-managed KMS key ({@link EncryptionKey}).
 *
 * @param description        what the key encrypts. Default: {@value #DEFAULT_DESCRIPTION}
 * @param alias              the alias name without {@code alias/}; unset (null) takes the naming helper's
 *                           {@code <project>-<env>-<id>}
 * @param rotation           yearly automatic rotation of the key material. Default: {@value #DEFAULT_ROTATION}
 * @param deletionWindowDays days a scheduled deletion can still be cancelled, 7..30. Default: {@value #DEFAULT_DELETION_WINDOW_DAYS}
 * @param preventDestroy     {@code lifecycle.prevent_destroy} on the key. Default: {@value #DEFAULT_PREVENT_DESTROY}
 * @param services           service principals the key policy lets use the key. Default: none (the account's IAM
 *                           policies grant its use, e.g. through a service with {@code kms:ViaService})
 * @param region             the region of the key when not the stack's (the stack's provider alias for it); unset
 *                           (null) is the stack's region
 */
public record EncryptionKeyProps(
    String description,
    String alias,
    boolean rotation,
    int deletionWindowDays,
    boolean preventDestroy,
    List<ServiceUse> services,
    String region) {

  /** Says where the key comes from when nobody wrote what it encrypts. */
  public static final String DEFAULT_DESCRIPTION = "Managed by Blueprints";
  /** Rotated key material limits what one leaked version can decrypt; AWS keeps the old versions for decryption. */
  public static final boolean DEFAULT_ROTATION = true;
  /** The longest window KMS allows: a deletion scheduled by mistake can be cancelled for a month. */
  public static final int DEFAULT_DELETION_WINDOW_DAYS = 30;
  /** Deleting a key makes everything encrypted with it unreadable: Terraform refuses unless asked by name. */
  public static final boolean DEFAULT_PREVENT_DESTROY = true;

  private static final Pattern ALIAS = Pattern.compile("^[A-Za-z0-9/_-]{1,250}$");

  public EncryptionKeyProps {
    Validate.notBlank("description", description);
    if (alias != null) {
      Validate.matches("alias", alias, ALIAS, "1-250 letters, digits and /_- characters, without the alias/ prefix");
      if (alias.startsWith("aws/")) throw Validate.invalid("alias", alias, "a name not starting with aws/ (reserved for AWS-managed keys)");
    }
    Validate.range("deletionWindowDays", deletionWindowDays, 7, 30);
    services = List.copyOf(services == null ? List.of() : services);
    Set<String> sids = new HashSet<>();
    for (ServiceUse use : services) {
      if (!sids.add(use.sid())) throw Validate.invalid("services.sid", use.sid(), "each statement id once");
    }
    if (region != null) Validate.notBlank("region", region);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A key policy statement letting an AWS service, calling KMS as its own service principal, use the key.
   *
   * @param sid           the statement id (letters and digits)
   * @param principal     the service principal, e.g. {@code logs.eu-west-1.amazonaws.com}
   * @param actions       the KMS actions it may call
   * @param sourceAccount limit it to calls made for this account ({@code aws:SourceAccount}, the confused-deputy
   *                      guard); off only for a service that sends no source context
   */
  public record ServiceUse(String sid, String principal, List<String> actions, boolean sourceAccount) {
    private static final Pattern SERVICE = Pattern.compile("^[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?$");

    public ServiceUse {
      Validate.matches("services.sid", sid, Pattern.compile("^[A-Za-z0-9]+$"), "letters and digits only");
      Validate.matches("services.principal", principal, SERVICE, "a service principal such as logs.eu-west-1.amazonaws.com");
      actions = List.copyOf(Validate.notNull("services.actions", actions));
      if (actions.isEmpty()) throw Validate.invalid("services.actions", actions, "at least one kms: action");
      for (String action : actions) {
        if (!action.startsWith("kms:") || action.equals("kms:*")) throw Validate.invalid("services.actions", action, "a kms: action other than kms:*");
      }
    }

    /** {@code principal} may call {@code actions} for this account only ({@code aws:SourceAccount}). */
    public static ServiceUse of(String sid, String principal, String... actions) {
      return new ServiceUse(sid, principal, List.of(actions), true);
    }

    /**
     * {@code principal} may call {@code actions} with no source condition: for a service whose calls carry no
     * {@code aws:SourceAccount} (CloudWatch alarms publishing to an encrypted SNS topic).
     */
    public static ServiceUse withoutSourceCondition(String sid, String principal, String... actions) {
      return new ServiceUse(sid, principal, List.of(actions), false);
    }
  }

  public static final class Builder {
    private String description = DEFAULT_DESCRIPTION;
    private String alias;
    private boolean rotation = DEFAULT_ROTATION;
    private int deletionWindowDays = DEFAULT_DELETION_WINDOW_DAYS;

    private Builder() {}

    public Builder description(String value) { this.description = value; return this; }
    /** The alias name, without {@code alias/}. */
    public Builder alias(String value) { this.alias = value; return this; }
    /** Turns yearly rotation off (on by default). */
    public Builder withoutRotation() { this.rotation = false; return this; }
    /** 7..30 days. */
    public Builder deletionWindowDays(int value) { this.deletionWindowDays = value; return this; }
    private boolean preventDestroy = DEFAULT_PREVENT_DESTROY;
    private final List<ServiceUse> services = new ArrayList<>();
    private String region;

    /**
     * Allows {@code terraform destroy} to schedule the key's deletion: only for a key whose ciphertexts are
     * short-lived (messages in flight), never for one that encrypts stored data.
     */
    public Builder allowDestroy() { this.preventDestroy = false; return this; }
    /** Lets a service principal use the key (repeatable). */
    public Builder allowService(ServiceUse value) { services.add(Validate.notNull("service", value)); return this; }
    /** Creates the key in another region, through the stack's provider alias for it. */
    public Builder region(String value) { this.region = value; return this; }

    public EncryptionKeyProps build() {
      return new EncryptionKeyProps(description, alias, rotation, deletionWindowDays, preventDestroy, services, region);
    }
  }
}
