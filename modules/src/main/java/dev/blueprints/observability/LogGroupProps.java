package dev.blueprints.observability;

import dev.blueprints.core.LogRetention;
import dev.blueprints.core.Validate;

/**
 * A CloudWatch log group: {@code LogGroupProps.builder(name, retentionDays).kmsKeyArn(key).build()}, or
 * {@link #of(String, int)} without a key.
 *
 * @param name          log group name, e.g. {@code /ecs/<project>-<env>-backend}
 * @param retentionDays retention, one of the values CloudWatch accepts (required: logs kept forever cost forever)
 * @param kmsKeyArn     customer-managed KMS key (its policy must allow {@code logs.<region>.amazonaws.com});
 *                      unset (null): CloudWatch Logs' own server-side encryption
 */
public record LogGroupProps(String name, int retentionDays, String kmsKeyArn) {
  public LogGroupProps {
    Validate.notBlank("name", name);
    if (name.length() > 512 || !name.matches("[A-Za-z0-9_./#-]+")) {
      throw Validate.invalid("name", name, "1-512 characters of A-Z a-z 0-9 _ . / # -");
    }
    LogRetention.require("retentionDays", retentionDays);
    if (kmsKeyArn != null) Validate.notBlank("kmsKeyArn", kmsKeyArn);
  }

  public static Builder builder(String name, int retentionDays) {
    return new Builder(name, retentionDays);
  }

  /** A log group with every default: {@code builder(name, retentionDays).build()}. */
  public static LogGroupProps of(String name, int retentionDays) {
    return builder(name, retentionDays).build();
  }

  /** A copy encrypted with the given customer-managed key. */
  public LogGroupProps withKmsKeyArn(String value) {
    return new LogGroupProps(name, retentionDays, value);
  }

  public static final class Builder {
    private final String name;
    private final int retentionDays;
    private String kmsKeyArn;

    private Builder(String name, int retentionDays) {
      this.name = name;
      this.retentionDays = retentionDays;
    }

    public Builder kmsKeyArn(String value) { this.kmsKeyArn = value; return this; }

    public LogGroupProps build() {
      return new LogGroupProps(name, retentionDays, kmsKeyArn);
    }
  }
}
