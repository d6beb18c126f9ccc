package dev.blueprints.data;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import java.util.regex.Pattern;

/**
 * A MemoryDB for Redis cluster.
 *
 * @param vpcId                 the VPC
 * @param subnets               subnets of the isolated (or private) tier spanning at least 2 AZs
 * @param nodeType              node type. Default: {@value #DEFAULT_NODE_TYPE}
 * @param engineVersion         Redis engine version, 7.x. Default: {@value #DEFAULT_ENGINE_VERSION}
 * @param shards                number of shards, 1..500. Default: {@value #DEFAULT_SHARDS}
 * @param replicasPerShard      replicas per shard, 0..5; unset (null) is 1 with {@code environment().highAvailability()}
 *                              and 0 without
 * @param snapshotRetentionDays days automatic snapshots are kept, 1..35 (0 would turn snapshots off).
 *                              Default: {@value #DEFAULT_SNAPSHOT_RETENTION_DAYS}
 * @param kmsKeyArn             customer-managed key for data at rest and the password secret; unset (null) uses the
 *                              AWS-managed keys (data at rest is always encrypted)
 * @param accessString          the application user's Redis ACL rule. Default: {@value #DEFAULT_ACCESS_STRING}
 * @param maintenanceWindow     weekly maintenance window (UTC). Default: {@value #DEFAULT_MAINTENANCE_WINDOW}
 * @param snapshotWindow        daily snapshot window (UTC), not overlapping maintenance. Default: {@value #DEFAULT_SNAPSHOT_WINDOW}
 */
public record RedisCacheProps(
    String vpcId,
    SubnetGroup subnets,
    String nodeType,
    String engineVersion,
    int shards,
    Integer replicasPerShard,
    int snapshotRetentionDays,
    String kmsKeyArn,
    String accessString,
    String maintenanceWindow,
    String snapshotWindow) {

  public static final int PORT = 6379;
  /** The smallest Graviton node with room for a working set beyond a few hundred MB. */
  public static final String DEFAULT_NODE_TYPE = "db.t4g.small";
  /** The newest Redis engine MemoryDB offers here. */
  public static final String DEFAULT_ENGINE_VERSION = "7.1";
  /** One shard: sharding is for data sets larger than one node. */
  public static final int DEFAULT_SHARDS = 1;
  /** A week of snapshots, as for databases. */
  public static final int DEFAULT_SNAPSHOT_RETENTION_DAYS = 7;
  /** Every key and command the application may need; MemoryDB blocks the admin commands itself. */
  public static final String DEFAULT_ACCESS_STRING = "on ~* &* +@all";
  /** Sunday early morning UTC, after the snapshot window. */
  public static final String DEFAULT_MAINTENANCE_WINDOW = "sun:05:00-sun:06:00";
  /** Early morning UTC, apart from the maintenance window. */
  public static final String DEFAULT_SNAPSHOT_WINDOW = "03:00-04:00";
  private static final Pattern NODE_TYPE = Pattern.compile("^db\\.[a-z0-9]+\\.[a-z0-9]+$");
  private static final Pattern VERSION = Pattern.compile("^7(\\.\\d+)?$");
  private static final Pattern KMS_ARN = Pattern.compile("^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/.+$|^\\$\\{.+}$");
  private static final Pattern WINDOW = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d$");
  private static final Pattern WEEKLY_WINDOW =
      Pattern.compile("^(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d$");

  public RedisCacheProps {
    Validate.notBlank("vpcId", vpcId);
    DatabaseProps.requireDataTier("subnets", subnets);
    Validate.matches("nodeType", nodeType, NODE_TYPE, "a MemoryDB node type such as db.t4g.small or db.r7g.large");
    Validate.matches("engineVersion", engineVersion, VERSION, "Redis 7: \"7\" or \"7.x\" such as \"7.1\"");
    Validate.range("shards", shards, 1, 500);
    if (replicasPerShard != null) Validate.range("replicasPerShard", replicasPerShard, 0, 5);
    Validate.range("snapshotRetentionDays", snapshotRetentionDays, 1, 35);
    if (kmsKeyArn != null) Validate.matches("kmsKeyArn", kmsKeyArn, KMS_ARN, "a KMS key ARN or a reference to one");
    Validate.notBlank("accessString", accessString);
    if (!accessString.startsWith("on ")) throw Validate.invalid("accessString", accessString, "a Redis ACL rule starting with \"on \", e.g. \"on ~app:* +@read +@write\"");
    Validate.matches("maintenanceWindow", maintenanceWindow, WEEKLY_WINDOW, "ddd:hh24:mi-ddd:hh24:mi in UTC, e.g. sun:05:00-sun:06:00");
    Validate.matches("snapshotWindow", snapshotWindow, WINDOW, "hh24:mi-hh24:mi in UTC, e.g. 03:00-04:00");
    dev.blueprints.core.Windows.requireApart("snapshotWindow", snapshotWindow, "maintenanceWindow", maintenanceWindow);
  }

  public static Builder builder(String vpcId, SubnetGroup subnets) {
    return new Builder(vpcId, subnets);
  }

  public static final class Builder {
    private final String vpcId;
    private final SubnetGroup subnets;
    private String nodeType = DEFAULT_NODE_TYPE;
    private String engineVersion = DEFAULT_ENGINE_VERSION;
    private int shards = DEFAULT_SHARDS;
    private Integer replicasPerShard;
    private int snapshotRetentionDays = DEFAULT_SNAPSHOT_RETENTION_DAYS;
    private String kmsKeyArn;
    private String accessString = DEFAULT_ACCESS_STRING;
    private String maintenanceWindow = DEFAULT_MAINTENANCE_WINDOW;
    private String snapshotWindow = DEFAULT_SNAPSHOT_WINDOW;

    private Builder(String vpcId, SubnetGroup subnets) {
      this.vpcId = vpcId;
      this.subnets = subnets;
    }

    public Builder nodeType(String value) { this.nodeType = value; return this; }
    public Builder engineVersion(String value) { this.engineVersion = value; return this; }
    public Builder shards(int value) { this.shards = value; return this; }
    /** Null follows the environment's high-availability setting. */
    public Builder replicasPerShard(Integer value) { this.replicasPerShard = value; return this; }
    public Builder snapshotRetentionDays(int value) { this.snapshotRetentionDays = value; return this; }
    public Builder kmsKeyArn(String value) { this.kmsKeyArn = value; return this; }
    public Builder accessString(String value) { this.accessString = value; return this; }
    public Builder maintenanceWindow(String value) { this.maintenanceWindow = value; return this; }
    public Builder snapshotWindow(String value) { this.snapshotWindow = value; return this; }

    public RedisCacheProps build() {
      return new RedisCacheProps(vpcId, subnets, nodeType, engineVersion, shards, replicasPerShard, snapshotRetentionDays,
          kmsKeyArn, accessString, maintenanceWindow, snapshotWindow);
    }
  }
}
