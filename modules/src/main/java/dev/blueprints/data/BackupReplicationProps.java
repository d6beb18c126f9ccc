package dev.blueprints.data;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * Where and how long a database's automated backups are copied to a second region.
 *
 * @param region        destination region, not the database's own (RDS documents which region pairs it supports)
 * @param retentionDays days the copies are kept in the destination region (1-35). Default: 7
 * @param kmsKeyArn     a customer-managed key <b>in the destination region</b> that encrypts the copies; null creates
 *                      one there (rotation on, 30-day deletion window). Default: null
 */
public record BackupReplicationProps(String region, int retentionDays, String kmsKeyArn) {
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

  /** Copies kept 7 days under a key created in {@code region}. */
  public static BackupReplicationProps to(String region) {
    return new BackupReplicationProps(region, 7, null);
  }

  public BackupReplicationProps withRetentionDays(int days) {
    return new BackupReplicationProps(region, days, kmsKeyArn);
  }

  public BackupReplicationProps withKmsKeyArn(String arn) {
    return new BackupReplicationProps(region, retentionDays, arn);
  }
}
