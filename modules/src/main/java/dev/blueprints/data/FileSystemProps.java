package dev.blueprints.data;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An encrypted EFS file system for container volumes that must outlive a task or instance.
 *
 * @param vpcId                  the VPC
 * @param subnets                one subnet per AZ (at least 2) for the mount targets, usually the private tier
 * @param kmsKeyArn              customer-managed key; unset (null) uses {@code aws/elasticfilesystem}
 * @param transitionToIaDays     days without access before a file moves to Infrequent Access
 *                               (1, 7, 14, 30, 60 or 90). Default: {@value #DEFAULT_TRANSITION_TO_IA_DAYS}
 * @param accessPointPath        directory the access point exposes, created on first use. Default: {@value #DEFAULT_ACCESS_POINT_PATH}
 * @param accessPointUid         POSIX user every client acts as, and owner of the directory. Default: {@value #DEFAULT_ACCESS_POINT_UID}
 * @param accessPointGid         POSIX group, likewise. Default: {@value #DEFAULT_ACCESS_POINT_GID}
 * @param accessPointPermissions mode of the created directory. Default: {@value #DEFAULT_ACCESS_POINT_PERMISSIONS}
 * @param preventDestroy         {@code lifecycle.prevent_destroy} on the file system. Default: {@value #DEFAULT_PREVENT_DESTROY}
 */
public record FileSystemProps(
    String vpcId,
    SubnetGroup subnets,
    String kmsKeyArn,
    int transitionToIaDays,
    String accessPointPath,
    int accessPointUid,
    int accessPointGid,
    String accessPointPermissions,
    boolean preventDestroy) {

  public static final int PORT = 2049;
  public static final List<Integer> TRANSITION_DAYS = List.of(1, 7, 14, 30, 60, 90);
  /** A month untouched: cold files get cheaper without moving ones the application still reads. */
  public static final int DEFAULT_TRANSITION_TO_IA_DAYS = 30;
  /** A directory below the root, so clients never see or change the root itself. */
  public static final String DEFAULT_ACCESS_POINT_PATH = "/data";
  /** The first non-system user id of common base images: clients never act as root. */
  public static final int DEFAULT_ACCESS_POINT_UID = 1000;
  /** The group of {@link #DEFAULT_ACCESS_POINT_UID}. */
  public static final int DEFAULT_ACCESS_POINT_GID = 1000;
  /** Owner read-write, group read, others nothing. */
  public static final String DEFAULT_ACCESS_POINT_PERMISSIONS = "0750";
  /** A file system holds data: Terraform refuses to destroy it unless asked by name. */
  public static final boolean DEFAULT_PREVENT_DESTROY = true;
  private static final Pattern KMS_ARN = Pattern.compile("^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/.+$|^\\$\\{.+}$");
  private static final Pattern PATH = Pattern.compile("^(/[A-Za-z0-9._-]+)+$");
  private static final Pattern PERMISSIONS = Pattern.compile("^0?[0-7]{3}$");

  public FileSystemProps {
    Validate.notBlank("vpcId", vpcId);
    DatabaseProps.requireDataTier("subnets", subnets);
    if (subnets.azCount() != subnets.subnetIds().size()) {
      throw Validate.invalid("subnets", subnets.availabilityZones(), "one subnet per availability zone (EFS allows one mount target per AZ)");
    }
    if (kmsKeyArn != null) Validate.matches("kmsKeyArn", kmsKeyArn, KMS_ARN, "a KMS key ARN or a reference to one");
    Validate.oneOf("transitionToIaDays", transitionToIaDays, TRANSITION_DAYS);
    Validate.matches("accessPointPath", accessPointPath, PATH, "an absolute directory below the root such as /data");
    Validate.range("accessPointUid", accessPointUid, 1, Integer.MAX_VALUE);
    Validate.range("accessPointGid", accessPointGid, 1, Integer.MAX_VALUE);
    Validate.matches("accessPointPermissions", accessPointPermissions, PERMISSIONS, "an octal mode such as 0750");
  }

  public static Builder builder(String vpcId, SubnetGroup subnets) {
    return new Builder(vpcId, subnets);
  }

  /** The {@code transition_to_ia} value, e.g. {@code AFTER_30_DAYS}. */
  public String transitionToIa() {
    return transitionToIaDays == 1 ? "AFTER_1_DAY" : "AFTER_" + transitionToIaDays + "_DAYS";
  }

  public static final class Builder {
    private final String vpcId;
    private final SubnetGroup subnets;
    private String kmsKeyArn;
    private int transitionToIaDays = DEFAULT_TRANSITION_TO_IA_DAYS;
    private String accessPointPath = DEFAULT_ACCESS_POINT_PATH;
    private int accessPointUid = DEFAULT_ACCESS_POINT_UID;
    private int accessPointGid = DEFAULT_ACCESS_POINT_GID;
    private String accessPointPermissions = DEFAULT_ACCESS_POINT_PERMISSIONS;
    private boolean preventDestroy = DEFAULT_PREVENT_DESTROY;

    private Builder(String vpcId, SubnetGroup subnets) {
      this.vpcId = vpcId;
      this.subnets = subnets;
    }

    public Builder kmsKeyArn(String value) { this.kmsKeyArn = value; return this; }
    public Builder transitionToIaDays(int value) { this.transitionToIaDays = value; return this; }

    /** The directory clients see as their root, owned by and accessed as {@code uid:gid} (non-root). */
    public Builder accessPoint(String path, int uid, int gid) {
      this.accessPointPath = path;
      this.accessPointUid = uid;
      this.accessPointGid = gid;
      return this;
    }

    public Builder accessPointPermissions(String value) { this.accessPointPermissions = value; return this; }
    /** Allows {@code terraform destroy} to delete the file system and every file on it. */
    public Builder allowDestroy() { this.preventDestroy = false; return this; }

    public FileSystemProps build() {
      return new FileSystemProps(vpcId, subnets, kmsKeyArn, transitionToIaDays, accessPointPath, accessPointUid,
          accessPointGid, accessPointPermissions, preventDestroy);
    }
  }
}
