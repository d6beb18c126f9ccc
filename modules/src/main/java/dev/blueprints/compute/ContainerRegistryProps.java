package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * An ECR repository.
 *
 * @param name               repository name, 2-256 lowercase characters, optionally with {@code /} namespaces
 *                           (from the naming helper)
 * @param immutableTags      a pushed tag can never point at another image ({@code IMMUTABLE}).
 *                           Default: {@value #DEFAULT_IMMUTABLE_TAGS}
 * @param kmsKeyArn          customer-managed KMS key; unset (null) encrypts with AES256 (ECR-managed).
 *                           Changing the encryption replaces the repository
 * @param untaggedExpiryDays days after which untagged images expire, 1..3650. Default: {@value #DEFAULT_UNTAGGED_EXPIRY_DAYS}
 * @param keepLast           images kept (newest first, tagged or not), 1..10000. Default: {@value #DEFAULT_KEEP_LAST}
 */
public record ContainerRegistryProps(
    String name,
    boolean immutableTags,
    String kmsKeyArn,
    int untaggedExpiryDays,
    int keepLast) {

  /** A tag names one image for good: what ran can be told from the tag. */
  public static final boolean DEFAULT_IMMUTABLE_TAGS = true;
  /** Untagged layers of superseded builds go after a week. */
  public static final int DEFAULT_UNTAGGED_EXPIRY_DAYS = 7;
  /** Enough images to roll back a month of daily releases. */
  public static final int DEFAULT_KEEP_LAST = 30;

  private static final Pattern NAME = Pattern.compile("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$");

  public ContainerRegistryProps {
    Validate.notBlank("name", name);
    if (name.length() < 2 || name.length() > 256 || !NAME.matcher(name).matches()) {
      throw Validate.invalid("name", name, "2-256 lowercase letters, digits and . _ - separated segments, optionally namespaced with /");
    }
    if (kmsKeyArn != null) Validate.notBlank("kmsKeyArn", kmsKeyArn);
    Validate.range("untaggedExpiryDays", untaggedExpiryDays, 1, 3650);
    Validate.range("keepLast", keepLast, 1, 10000);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public static final class Builder {
    private final String name;
    private boolean immutableTags = DEFAULT_IMMUTABLE_TAGS;
    private String kmsKeyArn;
    private int untaggedExpiryDays = DEFAULT_UNTAGGED_EXPIRY_DAYS;
    private int keepLast = DEFAULT_KEEP_LAST;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Lets a tag be pushed again to point at another image ({@code MUTABLE}), e.g. for a moving {@code latest}.
     * Deployments that name a mutable tag can then run different code on different tasks.
     */
    public Builder mutableTags() { this.immutableTags = false; return this; }
    /** Encrypts with a customer-managed KMS key instead of AES256. */
    public Builder kmsKeyArn(String keyArn) { this.kmsKeyArn = keyArn; return this; }
    /** Same as {@link #kmsKeyArn(String)}. */
    public Builder kms(String keyArn) { return kmsKeyArn(keyArn); }
    public Builder untaggedExpiryDays(int value) { this.untaggedExpiryDays = value; return this; }
    public Builder keepLast(int value) { this.keepLast = value; return this; }

    public ContainerRegistryProps build() {
      return new ContainerRegistryProps(name, immutableTags, kmsKeyArn, untaggedExpiryDays, keepLast);
    }
  }
}
