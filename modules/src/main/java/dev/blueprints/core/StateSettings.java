package dev.blueprints.core;

import java.util.regex.Pattern;

/**
 * Where the remote state of every stack lives.
 *
 * @param bucket    S3 bucket holding the state objects (created by the {@code state-bootstrap} stack)
 * @param region    region of the bucket
 * @param keyPrefix prefix of each state key; a stack's key is {@code <keyPrefix>/<stack>.tfstate}
 * @param lock      locking mode. Default: {@link #DEFAULT_LOCK}
 * @param lockTable DynamoDB table name, required with {@link LockMode#DYNAMODB}, unset (null) otherwise
 * @param account   the 12-digit account that holds the bucket (a tooling account, say); null when not declared.
 *                  The {@code state-bootstrap} stack's provider is limited to it
 * @param roleArn   role of {@code account} that the S3 backend and every {@code terraform_remote_state} read
 *                  assume to reach the state; null: the credentials reach it as they are
 */
public record StateSettings(String bucket, String region, String keyPrefix, LockMode lock, String lockTable,
    String account, String roleArn) {
  /** S3's own lock file: no DynamoDB table to create and pay for. */
  public static final LockMode DEFAULT_LOCK = LockMode.LOCKFILE;
  private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
  private static final Pattern KEY_PREFIX = Pattern.compile("^[A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*$");
  private static final Pattern TABLE = Pattern.compile("^[A-Za-z0-9_.-]{3,255}$");

  public StateSettings {
    Validate.notBlank("state.bucket", bucket);
    Validate.matches("state.bucket", bucket, BUCKET, "3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit");
    if (bucket.contains("..") || bucket.startsWith("xn--") || bucket.endsWith("-s3alias")) {
      throw Validate.invalid("state.bucket", bucket, "S3 bucket naming rules forbid '..', the 'xn--' prefix and the '-s3alias' suffix");
    }
    AwsRegions.require("state.region", region);
    Validate.matches("state.keyPrefix", keyPrefix, KEY_PREFIX, "path segments of letters, digits and !_.*'()- separated by '/', no leading or trailing '/'");
    Validate.notNull("state.lock", lock);
    if (lock == LockMode.DYNAMODB) {
      Validate.matches("state.lockTable", lockTable, TABLE, "a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -) when state.lock is DYNAMODB");
    } else if (lockTable != null && !lockTable.isEmpty()) {
      throw Validate.invalid("state.lockTable", lockTable, "only used when state.lock is DYNAMODB; remove it or set state.lock to DYNAMODB");
    }
    account = account == null || account.isEmpty() ? null : account;
    roleArn = roleArn == null || roleArn.isEmpty() ? null : roleArn;
    if (account != null) AccountSettings.requireAccount("state.account", account);
    AccountSettings.requireRoleOf("state.roleArn", roleArn, "state.account", account);
    if (roleArn != null && account == null) account = AccountSettings.accountOf(roleArn);
  }

  /** State in the account of the credentials, no role assumed. */
  public StateSettings(String bucket, String region, String keyPrefix, LockMode lock, String lockTable) {
    this(bucket, region, keyPrefix, lock, lockTable, null, null);
  }

  /** A copy whose bucket is in {@code account}, reached by assuming {@code roleArn} (may be null). */
  public StateSettings inAccount(String account, String roleArn) {
    return new StateSettings(bucket, region, keyPrefix, lock, lockTable, account, roleArn);
  }

  public static Builder builder(String bucket, String region, String keyPrefix) {
    return new Builder(bucket, region, keyPrefix);
  }

  /** Locks by S3 lock file, the default: {@code builder(bucket, region, keyPrefix).build()}. */
  public static StateSettings lockfile(String bucket, String region, String keyPrefix) {
    return builder(bucket, region, keyPrefix).build();
  }

  /** The state key of one stack. */
  public String keyFor(String stackId) {
    return keyPrefix + "/" + stackId + ".tfstate";
  }

  public static final class Builder {
    private final String bucket;
    private final String region;
    private final String keyPrefix;
    private LockMode lock = DEFAULT_LOCK;
    private String lockTable;
    private String account;
    private String roleArn;

    private Builder(String bucket, String region, String keyPrefix) {
      this.bucket = bucket;
      this.region = region;
      this.keyPrefix = keyPrefix;
    }

    public Builder lock(LockMode value) { this.lock = value; return this; }
    /** Locks with the DynamoDB table {@code table} instead of the S3 lock file. */
    public Builder dynamoDbLock(String table) { this.lock = LockMode.DYNAMODB; this.lockTable = table; return this; }
    public Builder lockTable(String value) { this.lockTable = value; return this; }
    /** The account that holds the bucket (a tooling account, say). */
    public Builder account(String value) { this.account = value; return this; }
    /** The role of {@code account} that reaches the state. */
    public Builder roleArn(String value) { this.roleArn = value; return this; }

    public StateSettings build() {
      return new StateSettings(bucket, region, keyPrefix, lock, lockTable, account, roleArn);
    }
  }
}
