package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A hardened EC2 fleet: the instances of an Auto Scaling group, their role and their security group.
 *
 * @param vpcId             the VPC of the instances' security group
 * @param subnets           where instances launch: the private or isolated tier (instances never get a public IP)
 * @param instanceType      e.g. {@code t3.medium}; Graviton types ({@code t4g}, {@code m7g} ...) boot arm64 images
 * @param name              the Auto Scaling group's and launch template's name, 1-128 letters, digits, . _ -; null
 *                          takes {@code <project>-<env>-<construct id>}. Default: null
 * @param description       what the instances are, on the security group (changing it replaces the group), the
 *                          role and the launch template; null is {@code "Instances of Auto Scaling group <name>"}.
 *                          Default: null
 * @param securityGroupName the security group's name; null is the fleet's name. Default: null
 * @param image             the AMI. Default: {@link #DEFAULT_IMAGE} (the latest Amazon Linux 2023)
 * @param userData          plain-text user data (a shell script or cloud-init), at most 16 KB, references allowed;
 *                          null for none. Default: null
 * @param rootVolumeGb      root volume size, 8..16384 GiB, gp3, always encrypted. Default: {@value #DEFAULT_ROOT_VOLUME_GB}
 * @param rootDeviceName    the AMI's root device. Default: {@value #DEFAULT_ROOT_DEVICE_NAME} (Amazon Linux)
 * @param imdsHopLimit      IMDSv2 PUT response hop limit, 1 or 2: 1 keeps the instance role's credentials away from
 *                          containers in bridge mode, 2 lets them reach it. Default: {@value #DEFAULT_IMDS_HOP_LIMIT}
 * @param managedPolicyArns managed policies of the instance role. Default: {@link #DEFAULT_MANAGED_POLICY_ARNS}
 *                          (Session Manager, the way in: instances have no SSH key); the builder adds to it
 * @param minSize           fewest instances, 0..1000. Default: {@value #DEFAULT_MIN_SIZE}
 * @param maxSize           most instances, at least {@code minSize} and 1. Default: {@value #DEFAULT_MAX_SIZE}
 * @param desiredCapacity   instances at creation, within min..max; null is {@code minSize}. Default: null
 * @param externalScaling   something else (scaling policies, ECS managed scaling) moves the desired capacity, so
 *                          Terraform sets it at creation only. Default: {@value #DEFAULT_EXTERNAL_SCALING}
 * @param tags              tags the group gives its instances, besides the stack's tags and {@code Name}.
 *                          Default: {@link #DEFAULT_TAGS}
 */
public record Ec2FleetProps(
    String vpcId,
    SubnetGroup subnets,
    String instanceType,
    String name,
    String description,
    String securityGroupName,
    MachineImage image,
    String userData,
    int rootVolumeGb,
    String rootDeviceName,
    int imdsHopLimit,
    List<String> managedPolicyArns,
    int minSize,
    int maxSize,
    Integer desiredCapacity,
    boolean externalScaling,
    Map<String, String> tags) {

  /** The policy that lets Session Manager reach the instances. */
  public static final String SSM_MANAGED_INSTANCE_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
  public static final MachineImage DEFAULT_IMAGE = MachineImage.latestAmazonLinux2023();
  public static final int DEFAULT_ROOT_VOLUME_GB = 20;
  public static final String DEFAULT_ROOT_DEVICE_NAME = "/dev/xvda";
  public static final int DEFAULT_IMDS_HOP_LIMIT = 1;
  public static final List<String> DEFAULT_MANAGED_POLICY_ARNS = List.of(SSM_MANAGED_INSTANCE_CORE);
  public static final int DEFAULT_MIN_SIZE = 2;
  public static final int DEFAULT_MAX_SIZE = 4;
  public static final boolean DEFAULT_EXTERNAL_SCALING = false;
  public static final Map<String, String> DEFAULT_TAGS = Map.of();

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
  private static final Pattern DEVICE = Pattern.compile("^/dev/[a-z0-9]+$");
  private static final Pattern POLICY_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/[\\w+=,.@/-]+$");

  public Ec2FleetProps {
    Validate.notBlank("vpcId", vpcId);
    Validate.notNull("subnets", subnets);
    if (subnets.subnetIds().isEmpty()) throw Validate.invalid("subnets", subnets.subnetIds(), "at least one subnet");
    if (subnets.tier() == SubnetTier.PUBLIC) {
      throw Validate.invalid("subnets", subnets.tier().label(), "instances run in the private or isolated tier (they get no public IP)");
    }
    InstanceTypes.require("instanceType", instanceType);
    if (name != null) Validate.matches("name", name, NAME, "1-128 letters, digits, . _ - (it also names the launch template)");
    if (description != null && (description.isBlank() || description.length() > 255)) {
      throw Validate.invalid("description", description, "1-255 characters");
    }
    if (securityGroupName != null && (securityGroupName.isBlank() || securityGroupName.length() > 255 || securityGroupName.startsWith("sg-"))) {
      throw Validate.invalid("securityGroupName", securityGroupName, "1-255 characters, not starting with sg-");
    }
    Validate.notNull("image", image);
    if (userData != null && userData.getBytes(StandardCharsets.UTF_8).length > 16 * 1024) {
      throw Validate.invalid("userData", userData.length() + " characters", "at most 16 KB before base64 encoding");
    }
    Validate.range("rootVolumeGb", rootVolumeGb, 8, 16_384);
    Validate.matches("rootDeviceName", rootDeviceName, DEVICE, "a device such as /dev/xvda");
    Validate.range("imdsHopLimit", imdsHopLimit, 1, 2);
    managedPolicyArns = List.copyOf(Validate.notNull("managedPolicyArns", managedPolicyArns));
    for (String arn : managedPolicyArns) Validate.matches("managedPolicyArns", arn, POLICY_ARN, "an IAM policy ARN such as " + SSM_MANAGED_INSTANCE_CORE);
    Validate.range("minSize", minSize, 0, 1000);
    Validate.range("maxSize", maxSize, 1, 1000);
    Validate.ordered("minSize", minSize, "maxSize", maxSize);
    if (desiredCapacity != null && (desiredCapacity < minSize || desiredCapacity > maxSize)) {
      throw Validate.invalid("desiredCapacity", desiredCapacity, "between minSize = " + minSize + " and maxSize = " + maxSize);
    }
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(Validate.notNull("tags", tags)));
    for (var tag : tags.entrySet()) {
      String key = tag.getKey();
      Validate.notNull("tags." + key, tag.getValue());
      if (key == null || key.isBlank() || key.length() > 128 || key.startsWith("aws:") || key.equals("Name")) {
        throw Validate.invalid("tags", key, "tag keys of 1-128 characters, not starting with aws: (reserved), not Name (the fleet's name)");
      }
    }
  }

  public static Builder builder(String vpcId, SubnetGroup subnets, String instanceType) {
    return new Builder(vpcId, subnets, instanceType);
  }

  /** A builder holding these values, to derive a fleet that differs in a few of them. */
  public Builder toBuilder() {
    Builder builder = new Builder(vpcId, subnets, instanceType);
    builder.name = name;
    builder.description = description;
    builder.securityGroupName = securityGroupName;
    builder.image = image;
    builder.userData = userData;
    builder.rootVolumeGb = rootVolumeGb;
    builder.rootDeviceName = rootDeviceName;
    builder.imdsHopLimit = imdsHopLimit;
    builder.managedPolicyArns.clear();
    builder.managedPolicyArns.addAll(managedPolicyArns);
    builder.minSize = minSize;
    builder.maxSize = maxSize;
    builder.desiredCapacity = desiredCapacity;
    builder.externalScaling = externalScaling;
    builder.tags.putAll(tags);
    return builder;
  }

  /** The capacity the group starts with. */
  public int effectiveDesiredCapacity() {
    return desiredCapacity == null ? minSize : desiredCapacity;
  }

  /** Graviton families ({@code t4g}, {@code m7g}, {@code c7gn}, ...) run arm64 images. */
  public boolean isArm64() {
    return InstanceTypes.isArm64(instanceType);
  }

  public static final class Builder {
    private final String vpcId;
    private final SubnetGroup subnets;
    private final String instanceType;
    private String name;
    private String description;
    private String securityGroupName;
    private MachineImage image = DEFAULT_IMAGE;
    private String userData;
    private int rootVolumeGb = DEFAULT_ROOT_VOLUME_GB;
    private String rootDeviceName = DEFAULT_ROOT_DEVICE_NAME;
    private int imdsHopLimit = DEFAULT_IMDS_HOP_LIMIT;
    private final List<String> managedPolicyArns = new ArrayList<>(DEFAULT_MANAGED_POLICY_ARNS);
    private int minSize = DEFAULT_MIN_SIZE;
    private int maxSize = DEFAULT_MAX_SIZE;
    private Integer desiredCapacity;
    private boolean externalScaling = DEFAULT_EXTERNAL_SCALING;
    private final Map<String, String> tags = new LinkedHashMap<>(DEFAULT_TAGS);

    private Builder(String vpcId, SubnetGroup subnets, String instanceType) {
      this.vpcId = vpcId;
      this.subnets = subnets;
      this.instanceType = instanceType;
    }

    public Builder name(String value) { this.name = value; return this; }
    public Builder description(String value) { this.description = value; return this; }
    public Builder securityGroupName(String value) { this.securityGroupName = value; return this; }
    public Builder image(MachineImage value) { this.image = value; return this; }
    public Builder userData(String value) { this.userData = value; return this; }
    public Builder rootVolumeGb(int value) { this.rootVolumeGb = value; return this; }
    public Builder rootDeviceName(String value) { this.rootDeviceName = value; return this; }
    public Builder imdsHopLimit(int value) { this.imdsHopLimit = value; return this; }
    /** Attaches one more managed policy to the instance role. */
    public Builder managedPolicy(String arn) { managedPolicyArns.add(arn); return this; }
    public Builder minSize(int value) { this.minSize = value; return this; }
    public Builder maxSize(int value) { this.maxSize = value; return this; }
    public Builder desiredCapacity(int value) { this.desiredCapacity = value; return this; }
    public Builder externalScaling(boolean value) { this.externalScaling = value; return this; }
    /** One more tag for the instances (and the group). */
    public Builder tag(String key, String value) { tags.put(key, value); return this; }

    public Ec2FleetProps build() {
      return new Ec2FleetProps(vpcId, subnets, instanceType, name, description, securityGroupName, image, userData,
          rootVolumeGb, rootDeviceName, imdsHopLimit, managedPolicyArns, minSize, maxSize, desiredCapacity,
          externalScaling, tags);
    }
  }
}
