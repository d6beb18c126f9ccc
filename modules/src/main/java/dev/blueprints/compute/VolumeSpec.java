package dev.blueprints.compute;

import dev.blueprints.core.Validate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A task volume that containers mount through {@link ContainerSpec.Builder#mountPoint}.
 *
 * <ul>
 *   <li>{@link #hostPath}: a directory of the EC2 instance (EC2 clusters only; data stays on that instance).</li>
 *   <li>{@link #docker}: a Docker volume, scoped to the task or shared across tasks on the instance (EC2 only).</li>
 *   <li>{@link #efs}: an EFS file system, always with TLS in transit and IAM authorization (the task role is
 *       granted {@code ClientMount}, plus {@code ClientWrite} when a mount is writable).</li>
 *   <li>{@link #ephemeral}: task-scoped scratch space (works on Fargate), e.g. a writable {@code /tmp} next to a
 *       read-only root file system.</li>
 * </ul>
 */
public sealed interface VolumeSpec permits VolumeSpec.HostPath, VolumeSpec.Docker, VolumeSpec.Efs, VolumeSpec.Ephemeral {
  Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

  /** The name mount points refer to. */
  String name();

  /** Whether the volume works on Fargate. */
  boolean fargateCompatible();

  static HostPath hostPath(String name, String sourcePath) {
    return new HostPath(name, sourcePath);
  }

  /** @param scope {@code task} (removed with the task) or {@code shared} (outlives it) */
  static Docker docker(String name, String scope, boolean autoprovision) {
    return new Docker(name, scope, autoprovision);
  }

  /** @param accessPointId an access point of the file system, or null to mount its root */
  static Efs efs(String name, String fileSystemId, String accessPointId) {
    return new Efs(name, fileSystemId, accessPointId);
  }

  static Ephemeral ephemeral(String name) {
    return new Ephemeral(name);
  }

  private static void requireName(String name) {
    Validate.matches("volume.name", name, NAME, "1-255 letters, digits, hyphens and underscores");
  }

  record HostPath(String name, String sourcePath) implements VolumeSpec {
    public HostPath {
      requireName(name);
      Validate.notBlank("volume.sourcePath", sourcePath);
      if (!sourcePath.startsWith("/")) throw Validate.invalid("volume.sourcePath", sourcePath, "an absolute path on the instance");
    }

    @Override
    public boolean fargateCompatible() {
      return false;
    }
  }

  record Docker(String name, String scope, boolean autoprovision) implements VolumeSpec {
    public Docker {
      requireName(name);
      Validate.oneOf("volume.scope", scope, List.of("task", "shared"));
      if (autoprovision && !scope.equals("shared")) {
        throw Validate.invalid("volume.autoprovision", true, "Docker creates volumes on demand only with scope \"shared\"");
      }
    }

    @Override
    public boolean fargateCompatible() {
      return false;
    }
  }

  record Efs(String name, String fileSystemId, String accessPointId) implements VolumeSpec {
    public Efs {
      requireName(name);
      Validate.notBlank("volume.fileSystemId", fileSystemId);
      if (accessPointId != null) Validate.notBlank("volume.accessPointId", accessPointId);
    }

    @Override
    public boolean fargateCompatible() {
      return true;
    }
  }

  record Ephemeral(String name) implements VolumeSpec {
    public Ephemeral {
      requireName(name);
    }

    @Override
    public boolean fargateCompatible() {
      return true;
    }
  }
}
