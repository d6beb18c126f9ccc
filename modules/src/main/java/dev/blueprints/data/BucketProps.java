package dev.blueprints.data;

import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.core.Tokens;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * A private S3 bucket.
 *
 * @param name                     bucket name (globally unique); unset (null) takes the stack's global naming rule for the
 *                                 construct id: {@code <project>-<env>-<id>-<account>-<region>} ({@code Naming.globalName})
 * @param encryption               default encryption. Default: {@link #DEFAULT_ENCRYPTION}
 * @param kmsKeyArn                customer-managed key for {@link BucketEncryption#KMS}; unset (null) uses {@code aws/s3}
 * @param versioned                keep object versions. Default: {@value #DEFAULT_VERSIONED}
 * @param noncurrentVersionDays    days after which replaced versions are deleted. Default: {@value #DEFAULT_NONCURRENT_VERSION_DAYS}
 * @param expirationDays           days after which current objects expire; 0 keeps them. Default: {@value #DEFAULT_EXPIRATION_DAYS}
 * @param preventDestroy           {@code lifecycle.prevent_destroy} on the bucket. Default: {@value #DEFAULT_PREVENT_DESTROY}
 * @param extraStatements          statements added to the bucket policy beside the TLS-only deny. Default: none
 * @param loadBalancerLogDelivery  let Elastic Load Balancing (ALB and NLB) write access logs for this account
 *                                 and region; needs {@link BucketEncryption#S3_MANAGED}.
 *                                 Default: {@value #DEFAULT_LOAD_BALANCER_LOG_DELIVERY}
 */
public record BucketProps(
    String name,
    BucketEncryption encryption,
    String kmsKeyArn,
    boolean versioned,
    int noncurrentVersionDays,
    int expirationDays,
    boolean preventDestroy,
    List<PolicyStatement> extraStatements,
    boolean loadBalancerLogDelivery) {

  /** SSE-KMS: reads need kms:Decrypt as well as s3:GetObject, so a bucket policy slip alone exposes nothing. */
  public static final BucketEncryption DEFAULT_ENCRYPTION = BucketEncryption.KMS;
  /** Versions let an overwritten or deleted object be restored. */
  public static final boolean DEFAULT_VERSIONED = true;
  /** How long a replaced version stays restorable. */
  public static final int DEFAULT_NONCURRENT_VERSION_DAYS = 90;
  /** 0: current objects never expire; data is kept until someone decides otherwise. */
  public static final int DEFAULT_EXPIRATION_DAYS = 0;
  /** A bucket holds data: Terraform refuses to destroy it unless asked by name. */
  public static final boolean DEFAULT_PREVENT_DESTROY = true;
  /** Nothing outside the account may write, ELB included, until asked. */
  public static final boolean DEFAULT_LOAD_BALANCER_LOG_DELIVERY = false;
  /** Expiry of ELB access logs when {@link Builder#loadBalancerLogDelivery} is on and no expiry was set. */
  public static final int LOAD_BALANCER_LOG_EXPIRATION_DAYS = 90;

  public BucketProps {
    if (name != null) requireName(name);
    Validate.notNull("encryption", encryption);
    if (kmsKeyArn != null && encryption != BucketEncryption.KMS) {
      throw Validate.invalid("kmsKeyArn", kmsKeyArn, "only used with KMS encryption");
    }
    Validate.range("noncurrentVersionDays", noncurrentVersionDays, 1, 36500);
    Validate.range("expirationDays", expirationDays, 0, 36500);
    extraStatements = List.copyOf(extraStatements == null ? List.of() : extraStatements);
    if (loadBalancerLogDelivery && encryption != BucketEncryption.S3_MANAGED) {
      throw Validate.invalid("encryption", encryption, "S3_MANAGED for load balancer access logs (Elastic Load Balancing only writes to SSE-S3 buckets)");
    }
  }

  /** Fails unless {@code name} is a valid bucket name (a name holding a reference is checked as it resolves). */
  static String requireName(String name) {
    Validate.notBlank("name", name);
    // A reference in the name (the account id of Naming.globalName) is checked as the 12 digits it resolves to.
    String resolved = Tokens.STRING_TOKEN.matcher(name).replaceAll("000000000000");
    if (!resolved.matches("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$") || resolved.contains("..")) {
      throw Validate.invalid("name", name, "3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit");
    }
    return name;
  }

  /**
   * A bucket for ALB and NLB access logs: SSE-S3 (the only encryption ELB log delivery supports), the bucket policy
   * for ELB log delivery in the stack's region, versioning, log objects expired after
   * {@value #LOAD_BALANCER_LOG_EXPIRATION_DAYS} days, prevent_destroy.
   */
  public static BucketProps loadBalancerLogs(String name) {
    return builder().name(name).loadBalancerLogDelivery(true).build();
  }

  /** A bucket named by the stack's global naming rule unless {@link Builder#name(String)} names it. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A bucket called {@code name}.
   *
   * @deprecated use {@code builder().name(name)}: the name is optional
   */
  @Deprecated
  public static Builder builder(String name) {
    return builder().name(Validate.notNull("name", name));
  }

  public static final class Builder {
    private String name;
    private BucketEncryption encryption = DEFAULT_ENCRYPTION;
    private String kmsKeyArn;
    private boolean versioned = DEFAULT_VERSIONED;
    private int noncurrentVersionDays = DEFAULT_NONCURRENT_VERSION_DAYS;
    private int expirationDays = DEFAULT_EXPIRATION_DAYS;
    private boolean preventDestroy = DEFAULT_PREVENT_DESTROY;
    private final List<PolicyStatement> extraStatements = new ArrayList<>();
    private boolean loadBalancerLogDelivery = DEFAULT_LOAD_BALANCER_LOG_DELIVERY;

    private Builder() {}

    /** The bucket's name, globally unique; see the {@code name} component. */
    public Builder name(String value) { this.name = value; return this; }

    public Builder encryption(BucketEncryption value) { this.encryption = value; return this; }
    public Builder kmsKeyArn(String value) { this.kmsKeyArn = value; return this; }
    public Builder versioned(boolean value) { this.versioned = value; return this; }
    public Builder noncurrentVersionDays(int value) { this.noncurrentVersionDays = value; return this; }
    public Builder expirationDays(int value) { this.expirationDays = value; return this; }
    /** Allows {@code terraform destroy} to delete the bucket (its objects still block deletion). */
    public Builder allowDestroy() { this.preventDestroy = false; return this; }
    public Builder statement(PolicyStatement value) { extraStatements.add(value); return this; }

    /**
     * Accepts ELB access logs: switches to SSE-S3 and, unless set already, expires objects after
     * {@value BucketProps#LOAD_BALANCER_LOG_EXPIRATION_DAYS} days.
     * Set {@link #expirationDays} after this call to keep logs longer.
     */
    public Builder loadBalancerLogDelivery(boolean value) {
      this.loadBalancerLogDelivery = value;
      if (value) {
        this.encryption = BucketEncryption.S3_MANAGED;
        if (expirationDays == 0) this.expirationDays = LOAD_BALANCER_LOG_EXPIRATION_DAYS;
      }
      return this;
    }

    public BucketProps build() {
      return new BucketProps(name, encryption, kmsKeyArn, versioned, noncurrentVersionDays, expirationDays,
          preventDestroy, extraStatements, loadBalancerLogDelivery);
    }
  }
}
