package dev.blueprints.data;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import java.util.regex.Pattern;

/**
 * An RDS for PostgreSQL or MySQL instance. Start from {@link #postgres(String)} or {@link #mysql(String)}
 * (shorthands of {@link #builder(DatabaseEngine, String)}), then give {@code vpcId} and {@code subnets}.
 *
 * @param engine                 the engine
 * @param engineVersion          engine version; the major form ({@code "15"}, {@code "8.0"}) lets automatic minor
 *                               upgrades apply without Terraform planning a downgrade. An exact minor version
 *                               ({@code "15.4"}) pins the instance: automatic minor upgrades are then off (RDS stops
 *                               creating old minors, so raise the pin before creating new instances from it)
 * @param vpcId                  the VPC
 * @param subnets                subnets of the isolated (or private) tier spanning at least 2 AZs
 * @param instanceClass          instance class. Default: {@value #DEFAULT_INSTANCE_CLASS}
 * @param storageType            storage type. Default: {@link #DEFAULT_STORAGE_TYPE}
 * @param allocatedStorageGb     allocated storage in GiB, at least the engine minimum. Default: {@value #DEFAULT_ALLOCATED_STORAGE_GB}
 * @param maxAllocatedStorageGb  storage autoscaling limit in GiB, greater than the allocated size; unset (null)
 *                               turns autoscaling off
 * @param multiAz                standby in a second AZ; unset (null) follows {@code environment().highAvailability()}
 * @param backupRetentionDays    automated backup retention, 7..35 days; 1..6 only through
 *                               {@link Builder#shortBackupRetention(int, String)}. Default: {@value #DEFAULT_BACKUP_RETENTION_DAYS}
 * @param shortBackupReason      why the retention is under {@value #MIN_BACKUP_RETENTION_DAYS} days (null when it is not)
 * @param deletionProtection     RDS deletion protection; unset (null) follows {@code environment().deletionProtection()}
 * @param databaseName           initial database. Default: {@value #DEFAULT_DATABASE_NAME}
 * @param masterUsername         master user; its password is generated and kept by RDS in Secrets Manager.
 *                               Default: {@value #DEFAULT_MASTER_USERNAME}
 * @param kmsKeyArn              customer-managed key for storage, the master secret and Performance Insights;
 *                               unset (null) uses the AWS-managed keys
 * @param performanceInsights    Performance Insights; unset (null) turns it on where the engine supports the class,
 *                               true fails where it does not
 * @param identifier             RDS instance identifier; unset (null) derives {@code <project>-<blueprint>-<env>-<id>}
 * @param backupWindow           daily backup window (UTC). Default: {@value #DEFAULT_BACKUP_WINDOW}
 * @param maintenanceWindow      weekly maintenance window (UTC), not overlapping the backup window.
 *                               Default: {@value #DEFAULT_MAINTENANCE_WINDOW}
 */
public record DatabaseProps(
    DatabaseEngine engine,
    String engineVersion,
    String vpcId,
    SubnetGroup subnets,
    String instanceClass,
    StorageType storageType,
    int allocatedStorageGb,
    Integer maxAllocatedStorageGb,
    Boolean multiAz,
    int backupRetentionDays,
    String shortBackupReason,
    Boolean deletionProtection,
    String databaseName,
    String masterUsername,
    String kmsKeyArn,
    Boolean performanceInsights,
    String identifier,
    String backupWindow,
    String maintenanceWindow) {

  /** Upper limit of RDS storage for gp2/gp3 (64 TiB). */
  public static final int MAX_STORAGE_GB = 65536;
  public static final int MIN_BACKUP_RETENTION_DAYS = 7;
  /** The smallest burstable class: enough for development; production picks its class from measured load. */
  public static final String DEFAULT_INSTANCE_CLASS = "db.t3.micro";
  /** gp3: baseline IOPS independent of size, cheaper than gp2. */
  public static final StorageType DEFAULT_STORAGE_TYPE = StorageType.GP3;
  /** The engines' minimum for gp3; {@code maxAllocatedStorageGb} lets it grow. */
  public static final int DEFAULT_ALLOCATED_STORAGE_GB = 20;
  /** The shortest retention allowed without a stated reason. */
  public static final int DEFAULT_BACKUP_RETENTION_DAYS = MIN_BACKUP_RETENTION_DAYS;
  /** One initial database named after its role rather than the project. */
  public static final String DEFAULT_DATABASE_NAME = "app";
  /** Not {@code admin} or {@code postgres}, which the engines reserve on RDS. */
  public static final String DEFAULT_MASTER_USERNAME = "app_admin";
  /** Early morning UTC, apart from the maintenance window. */
  public static final String DEFAULT_BACKUP_WINDOW = "03:00-04:00";
  /** Sunday after the backup window, when traffic is usually lowest. */
  public static final String DEFAULT_MAINTENANCE_WINDOW = "sun:04:30-sun:05:30";
  private static final Pattern INSTANCE_CLASS = Pattern.compile("^db\\.[a-z0-9]+\\.[a-z0-9]+$");
  private static final Pattern DATABASE_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,62}$");
  private static final Pattern USERNAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)$");
  private static final Pattern KMS_ARN = Pattern.compile("^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/.+$|^\\$\\{.+}$");
  private static final Pattern BACKUP_WINDOW = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d$");
  private static final Pattern MAINTENANCE_WINDOW =
      Pattern.compile("^(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d$");

  public DatabaseProps {
    Validate.notNull("engine", engine);
    if (!engine.accepts(engineVersion)) {
      throw Validate.invalid("engineVersion", engineVersion, engine.engineName() + " accepts " + engine.acceptedVersions());
    }
    Validate.notBlank("vpcId", vpcId);
    requireDataTier("subnets", subnets);
    Validate.matches("instanceClass", instanceClass, INSTANCE_CLASS, "an RDS instance class such as db.t3.micro or db.m6g.large");
    Validate.notNull("storageType", storageType);
    if (allocatedStorageGb < engine.minStorageGb()) {
      throw Validate.invalid("allocatedStorageGb", allocatedStorageGb, "the " + engine.engineName() + " minimum for "
          + storageType.value() + " is " + engine.minStorageGb() + " GiB (allowed range " + engine.minStorageGb() + ".." + MAX_STORAGE_GB + ")");
    }
    Validate.range("allocatedStorageGb", allocatedStorageGb, engine.minStorageGb(), MAX_STORAGE_GB);
    if (maxAllocatedStorageGb != null && (maxAllocatedStorageGb <= allocatedStorageGb || maxAllocatedStorageGb > MAX_STORAGE_GB)) {
      throw Validate.invalid("maxAllocatedStorageGb", maxAllocatedStorageGb,
          "greater than allocatedStorageGb (" + allocatedStorageGb + ") and at most " + MAX_STORAGE_GB);
    }
    Validate.range("backupRetentionDays", backupRetentionDays, 1, 35);
    if (backupRetentionDays < MIN_BACKUP_RETENTION_DAYS && (shortBackupReason == null || shortBackupReason.isBlank())) {
      throw Validate.invalid("backupRetentionDays", backupRetentionDays, "at least " + MIN_BACKUP_RETENTION_DAYS
          + " days; a shorter retention needs shortBackupRetention(days, reason)");
    }
    if (backupRetentionDays >= MIN_BACKUP_RETENTION_DAYS) shortBackupReason = null;
    Validate.matches("databaseName", databaseName, DATABASE_NAME, "1-63 letters, digits or underscores, starting with a letter");
    Validate.matches("masterUsername", masterUsername, USERNAME, "letters, digits or underscores, starting with a letter");
    if (masterUsername.length() > engine.maxUsernameLength()) {
      throw Validate.invalid("masterUsername", masterUsername, "at most " + engine.maxUsernameLength() + " characters for " + engine.engineName());
    }
    if (engine.reservedUsernames().contains(masterUsername.toLowerCase(java.util.Locale.ROOT))) {
      throw Validate.invalid("masterUsername", masterUsername, "reserved by " + engine.engineName() + " on RDS; choose another name such as app_admin");
    }
    if (kmsKeyArn != null) Validate.matches("kmsKeyArn", kmsKeyArn, KMS_ARN, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or a reference to one");
    if (Boolean.TRUE.equals(performanceInsights) && !engine.supportsPerformanceInsights(instanceClass)) {
      throw Validate.invalid("performanceInsights", true, engine.engineName() + " does not support Performance Insights on "
          + instanceClass + "; choose a larger class or leave performanceInsights unset");
    }
    if (identifier != null) {
      Validate.matches("identifier", identifier, IDENTIFIER,
          "1-63 lowercase letters, digits and hyphens, starting with a letter, no two consecutive hyphens, not ending with a hyphen");
    }
    Validate.matches("backupWindow", backupWindow, BACKUP_WINDOW, "hh24:mi-hh24:mi in UTC, e.g. 03:00-04:00");
    Validate.matches("maintenanceWindow", maintenanceWindow, MAINTENANCE_WINDOW, "ddd:hh24:mi-ddd:hh24:mi in UTC, e.g. sun:04:30-sun:05:30");
    dev.blueprints.core.Windows.requireApart("backupWindow", backupWindow, "maintenanceWindow", maintenanceWindow);
  }

  /** An instance of {@code engine} at {@code engineVersion}; {@code vpcId} and {@code subnets} are required too. */
  public static Builder builder(DatabaseEngine engine, String engineVersion) {
    return new Builder(engine, engineVersion);
  }

  /** A PostgreSQL instance, e.g. {@code postgres("15")}. */
  public static Builder postgres(String version) {
    return builder(DatabaseEngine.POSTGRES, version);
  }

  /** A MySQL instance, e.g. {@code mysql("8.0")}. */
  public static Builder mysql(String version) {
    return builder(DatabaseEngine.MYSQL, version);
  }

  /** Databases, caches and file systems live in the isolated or private tier, never the public one. */
  static void requireDataTier(String field, SubnetGroup subnets) {
    Validate.notNull(field, subnets);
    if (subnets.tier() == SubnetTier.PUBLIC) {
      throw Validate.invalid(field, subnets.tier().label() + " tier", "the isolated (or private) tier; data never sits in public subnets");
    }
    subnets.requireAzs(field, 2);
  }

  public static final class Builder {
    private final DatabaseEngine engine;
    private final String engineVersion;
    private String vpcId;
    private SubnetGroup subnets;
    private String instanceClass = DEFAULT_INSTANCE_CLASS;
    private StorageType storageType = DEFAULT_STORAGE_TYPE;
    private int allocatedStorageGb = DEFAULT_ALLOCATED_STORAGE_GB;
    private Integer maxAllocatedStorageGb;
    private Boolean multiAz;
    private int backupRetentionDays = DEFAULT_BACKUP_RETENTION_DAYS;
    private String shortBackupReason;
    private Boolean deletionProtection;
    private String databaseName = DEFAULT_DATABASE_NAME;
    private String masterUsername = DEFAULT_MASTER_USERNAME;
    private String kmsKeyArn;
    private Boolean performanceInsights;
    private String identifier;
    private String backupWindow = DEFAULT_BACKUP_WINDOW;
    private String maintenanceWindow = DEFAULT_MAINTENANCE_WINDOW;

    private Builder(DatabaseEngine engine, String engineVersion) {
      this.engine = engine;
      this.engineVersion = engineVersion;
    }

    public Builder vpcId(String value) { this.vpcId = value; return this; }
    public Builder subnets(SubnetGroup value) { this.subnets = value; return this; }
    public Builder instanceClass(String value) { this.instanceClass = value; return this; }
    public Builder storageType(StorageType value) { this.storageType = value; return this; }
    public Builder allocatedStorageGb(int value) { this.allocatedStorageGb = value; return this; }
    public Builder maxAllocatedStorageGb(Integer value) { this.maxAllocatedStorageGb = value; return this; }
    /** Null follows the environment's high-availability setting. */
    public Builder multiAz(Boolean value) { this.multiAz = value; return this; }
    /** 7..35 days; for fewer use {@link #shortBackupRetention(int, String)}. */
    public Builder backupRetentionDays(int value) { this.backupRetentionDays = value; return this; }

    /** Keeps backups for 1..6 days; {@code reason} documents the choice (e.g. a throwaway preview database). */
    public Builder shortBackupRetention(int days, String reason) {
      Validate.notBlank("reason", reason);
      this.backupRetentionDays = days;
      this.shortBackupReason = reason;
      return this;
    }

    /** Null follows the environment's deletion-protection setting. */
    public Builder deletionProtection(Boolean value) { this.deletionProtection = value; return this; }
    public Builder databaseName(String value) { this.databaseName = value; return this; }
    public Builder masterUsername(String value) { this.masterUsername = value; return this; }
    public Builder kmsKeyArn(String value) { this.kmsKeyArn = value; return this; }
    public Builder performanceInsights(boolean value) { this.performanceInsights = value; return this; }
    public Builder identifier(String value) { this.identifier = value; return this; }
    public Builder backupWindow(String value) { this.backupWindow = value; return this; }
    public Builder maintenanceWindow(String value) { this.maintenanceWindow = value; return this; }

    public DatabaseProps build() {
      return new DatabaseProps(engine, engineVersion, vpcId, subnets, instanceClass, storageType, allocatedStorageGb,
          maxAllocatedStorageGb, multiAz, backupRetentionDays, shortBackupReason, deletionProtection, databaseName,
          masterUsername, kmsKeyArn, performanceInsights, identifier, backupWindow, maintenanceWindow);
    }
  }
}
