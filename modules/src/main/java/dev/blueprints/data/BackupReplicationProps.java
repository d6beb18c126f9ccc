package dev.blueprints.data;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * Where and how long a database's automated backups are copied to a second region.
 *
 * @param region        destination region, not the database's own (RDS documents which region pairs it supports)
 * @param retentionDays days the copies are kept in the destination region (1-35). Default: {@value #DEFAULT_RETENTION_DAYS}
 * @param kmsKeyArn     a customer-managed key <b>in the destination region</b> that encrypts the copies; unset (null)
 *                      creates one there (rotation on, 30-day deletion window)
 */
public record BackupReplicationProps(String region, int retentionDays, String kmsKeyArn) {
  /** A week of copies, as the primary's own minimum backup retention. */
  public static final int DEFAULT_RETENTION_DAYS = 7;
  private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$");
  private static final Pattern KMS_ARN = Pattern.compile("^arn:aws[a-z-]*:kms:([a-z0-9-]+):\\d{12}:key/.+$");

  public BackupReplicationProps {
    Validate.matches("backupReplication.region", region, REGION, "an AWS region such as us-west-2");
    Validate.range("backupReplication.retentionDays", retentionDays, 1, 35);
    if (kmsKeyArn != null && !kmsKeyArn.startsWith("${")) {
      var m = KMS_ARN.matcher(kmsKeyArn);
      if (!m.matches()) throw Validate.invalid("backupReplication.kmsKeyArn", kmsKeyArn, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)");
      if (!m.group(1).equals(region)) {
        throw Validate.invalid("backupReplication.kmsKeyArn", kmsKeyArn, "a key in the destination region " + region
            + " (RDS encrypts the copies there; a key of another region cannot be used)");
      }
    }
  }

  public static Builder builder(String region) {
    return new Builder(region);
  }

  /** Copies kept {@value #DEFAULT_RETENTION_DAYS} days under a key created in {@code region}. */
  public static BackupReplicationProps to(String region) {
    return builder(region).build();
  }

  public BackupReplicationProps withRetentionDays(int days) {
    return new BackupReplicationProps(region, days, kmsKeyArn);
  }

  public BackupReplicationProps withKmsKeyArn(String arn) {
    return new BackupReplicationProps(region, retentionDays, arn);
  }

  /** Every value is checked as it is set: the region first, then each option against it. */
  public static final class Builder {
    private BackupReplicationProps props;

    private Builder(String region) {
      props = new BackupReplicationProps(region, DEFAULT_RETENTION_DAYS, null);
    }

    public Builder retentionDays(int value) { props = props.withRetentionDays(value); return this; }
    public Builder kmsKeyArn(String value) { props = props.withKmsKeyArn(value); return this; }

    public BackupReplicationProps build() {
      return props;
    }
  }
}
