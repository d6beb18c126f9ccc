package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * An ECR repository.
 *
 * @param name               repository name, 2-256 lowercase characters, optionally with {@code /} namespaces
 *                           (from the naming helper)
 * @param immutableTags      a pushed tag can never point at another image. Default: true ({@code IMMUTABLE})
 * @param kmsKeyArn          customer-managed KMS key; null encrypts with AES256 (ECR-managed). Default: null.
 *                           Changing the encryption replaces the repository
 * @param untaggedExpiryDays days after which untagged images expire, 1..3650. Default: 7
 * @param keepLast           images kept (newest first, tagged or not), 1..10000. Default: 30
 */
public record ContainerRegistryProps(
    String name,
    boolean immutableTags,
    String kmsKeyArn,
    int untaggedExpiryDays,
    int keepLast) {

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
    private boolean immutableTags = true;
    private String kmsKeyArn;
    private int untaggedExpiryDays = 7;
    private int keepLast = 30;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Lets a tag be pushed again to point at another image ({@code MUTABLE}), e.g. for a moving {@code latest}.
     * Deployments that name a mutable tag can then run different code on different tasks.
     */
    public Builder mutableTags() { this.immutableTags = false; return this; }
    /** Encrypts with a customer-managed KMS key instead of AES256. */
    public Builder kms(String keyArn) { this.kmsKeyArn = keyArn; return this; }
    public Builder untaggedExpiryDays(int value) { this.untaggedExpiryDays = value; return this; }
    public Builder keepLast(int value) { this.keepLast = value; return this; }

    public ContainerRegistryProps build() {
      return new ContainerRegistryProps(name, immutableTags, kmsKeyArn, untaggedExpiryDays, keepLast);
    }
  }
}
