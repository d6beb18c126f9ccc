package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.regex.Pattern;

/**
 * The AMI an {@link Ec2Fleet} boots: a fixed AMI id, or a public SSM parameter AWS keeps pointing at the latest
 * image, read at plan time (one parameter per architecture, so Graviton instance types boot an arm64 image).
 *
 * @param amiId          a fixed AMI id; null when the image comes from the parameters
 * @param x86Parameter   the SSM parameter holding the x86_64 AMI id; null with a fixed id
 * @param arm64Parameter the SSM parameter holding the arm64 AMI id; null with a fixed id
 */
public record MachineImage(String amiId, String x86Parameter, String arm64Parameter) {
  static final String AL2023_X86 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
  static final String AL2023_ARM64 = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";
  private static final Pattern AMI = Pattern.compile("^ami-[0-9a-f]{8,17}$");
  private static final Pattern PARAMETER = Pattern.compile("^/[A-Za-z0-9_./-]{1,2047}$");

  public MachineImage {
    if (amiId != null) {
      Validate.matches("ami", amiId, AMI, "an AMI id such as ami-0123456789abcdef0");
      if (x86Parameter != null || arm64Parameter != null) {
        throw Validate.invalid("ami", amiId, "either a fixed AMI id or SSM parameters, not both");
      }
    } else {
      Validate.matches("x86Parameter", x86Parameter, PARAMETER, "an SSM parameter name such as " + AL2023_X86);
      Validate.matches("arm64Parameter", arm64Parameter, PARAMETER, "an SSM parameter name such as " + AL2023_ARM64);
    }
  }

  /** The latest Amazon Linux 2023 (standard kernel) of the instance type's architecture. */
  public static MachineImage latestAmazonLinux2023() {
    return fromSsmParameters(AL2023_X86, AL2023_ARM64);
  }

  /** The latest ECS-optimized Amazon Linux 2023 of the instance type's architecture (what ECS container instances run). */
  public static MachineImage latestEcsOptimizedAmazonLinux2023() {
    return fromSsmParameters(EcsCluster.ECS_AMI_PARAMETER, EcsCluster.ECS_AMI_PARAMETER_ARM64);
  }

  /** The AMI ids the two public SSM parameters hold at plan time. */
  public static MachineImage fromSsmParameters(String x86Parameter, String arm64Parameter) {
    return new MachineImage(null, x86Parameter, arm64Parameter);
  }

  /** One fixed AMI (its architecture must match the instance type's). */
  public static MachineImage of(String amiId) {
    return new MachineImage(Validate.notNull("ami", amiId), null, null);
  }

  /** The SSM parameter to read for an instance type, or null for a fixed AMI id. */
  public String parameterFor(String instanceType) {
    if (amiId != null) return null;
    return InstanceTypes.isArm64(instanceType) ? arm64Parameter : x86Parameter;
  }
}
