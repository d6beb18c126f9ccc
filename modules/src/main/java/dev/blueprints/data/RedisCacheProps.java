package dev.blueprints.data;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import java.util.regex.Pattern;

/**
 * A MemoryDB for Redis cluster.
 *
 * @param vpcId                 the VPC
 * @param subnets               subnets of the isolated (or private) tier spanning at least 2 AZs
 * @param nodeType              node type. Default: {@code db.t4g.small}
 * @param engineVersion         Redis engine version, 7.x. Default: {@code 7.1}
 * @param shards                number of shards, 1..500. Default: 1
 * @param replicasPerShard      replicas per shard, 0..5; null is 1 with {@code environment().highAvailability()}
 *                              and 0 without. Default: null
 * @param snapshotRetentionDays days automatic snapshots are kept, 1..35 (0 would turn snapshots off). Default: 7
 * @param kmsKeyArn             customer-managed key for data at rest and the password secret; null uses the
 *                              AWS-managed keys (data at rest is always encrypted). Default: null
 * @param accessString          the application user's Redis ACL rule. Default: {@code on ~* &* +@all}
 *                              (every key and command the application may need; MemoryDB blocks admin commands)
 * @param maintenanceWindow     weekly maintenance window (UTC). Default: {@code sun:05:00-sun:06:00}
 * @param snapshotWindow        daily snapshot window (UTC), not overlapping maintenance. Default: {@code 03:00-04:00}
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
    private String nodeType = "db.t4g.small";
    private String engineVersion = "7.1";
    private int shards = 1;
    private Integer replicasPerShard;
    private int snapshotRetentionDays = 7;
    private String kmsKeyArn;
    private String accessString = "on ~* &* +@all";
    private String maintenanceWindow = "sun:05:00-sun:06:00";
    private String snapshotWindow = "03:00-04:00";

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
