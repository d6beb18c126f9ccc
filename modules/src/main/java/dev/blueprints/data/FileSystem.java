package dev.blueprints.data;

import dev.blueprints.auth.Grant;
import dev.blueprints.auth.Grantable;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.efs_access_point.EfsAccessPoint;
import com.hashicorp.cdktf.providers.aws.efs_access_point.EfsAccessPointPosixUser;
import com.hashicorp.cdktf.providers.aws.efs_access_point.EfsAccessPointRootDirectory;
import com.hashicorp.cdktf.providers.aws.efs_access_point.EfsAccessPointRootDirectoryCreationInfo;
import com.hashicorp.cdktf.providers.aws.efs_backup_policy.EfsBackupPolicy;
import com.hashicorp.cdktf.providers.aws.efs_backup_policy.EfsBackupPolicyBackupPolicy;
import com.hashicorp.cdktf.providers.aws.efs_file_system.EfsFileSystem;
import com.hashicorp.cdktf.providers.aws.efs_file_system.EfsFileSystemLifecyclePolicy;
import com.hashicorp.cdktf.providers.aws.efs_file_system_policy.EfsFileSystemPolicy;
import com.hashicorp.cdktf.providers.aws.efs_mount_target.EfsMountTarget;
import dev.blueprints.auth.PolicyDocument;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * An EFS file system for container volumes that must outlive a task or instance: encrypted, General Purpose
 * performance with Elastic throughput, AWS Backup on, files moved to Infrequent Access after 30 days without access
 * (and back on first access), a mount target per subnet behind its own security group (NFS reached by intent,
 * {@code fs.allowDefaultPortFrom(service, "service to volume")}), one access point, and
 * {@code lifecycle.prevent_destroy}.
 *
 * <p>The file system policy denies every request without TLS. Because a policy exists, EFS no longer grants
 * anonymous NFS clients access: clients mount with IAM authorization (ECS volume {@code iam = "ENABLED"},
 * {@code transitEncryption = "ENABLED"}) and their role needs {@link #grantMount(Role, boolean)}.
 */
public final class FileSystem extends BlueprintConstruct implements Connectable {
  private final EfsFileSystem fileSystem;
  private final Memo<String> fileSystemId;
  private final Memo<String> fileSystemArn;
  private final Memo<String> accessPointArn;
  private final EfsAccessPoint accessPoint;
  private final SecurityGroup securityGroup;
  private final List<EfsMountTarget> mountTargets = new ArrayList<>();

  public FileSystem(Construct scope, String id, FileSystemProps props) {
    super(scope, id);
    String name = DataNames.name(this, null, NameLimit.EFS);
    var builder = EfsFileSystem.Builder.create(this, "Resource")
        .creationToken(name)
        .encrypted(true)
        .performanceMode("generalPurpose")
        .throughputMode("elastic")
        .lifecyclePolicy(List.of(
            EfsFileSystemLifecyclePolicy.builder().transitionToIa(props.transitionToIa()).build(),
            EfsFileSystemLifecyclePolicy.builder().transitionToPrimaryStorageClass("AFTER_1_ACCESS").build()))
        .tags(Map.of("Name", name))
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(props.preventDestroy()).build());
    if (props.kmsKeyArn() != null) builder.kmsKeyId(props.kmsKeyArn());
    fileSystem = builder.build();
    fileSystemArn = Memo.of(() -> fileSystem.getArn());
    fileSystemId = Memo.of(fileSystem::getId);

    EfsBackupPolicy.Builder.create(this, "BackupPolicy")
        .fileSystemId(fileSystemId.get())
        .backupPolicy(EfsBackupPolicyBackupPolicy.builder().status("ENABLED").build())
        .build();

    securityGroup = new SecurityGroup(this, "SecurityGroup", SecurityGroupProps.builder(props.vpcId(),
        DataNames.name(this, null, NameLimit.SECURITY_GROUP), "EFS " + name + ": NFS clients admitted by rule only").build());
    List<String> subnetIds = props.subnets().subnetIds();
    for (int i = 0; i < subnetIds.size(); i++) {
      mountTargets.add(EfsMountTarget.Builder.create(this, "MountTarget" + i)
          .fileSystemId(fileSystemId.get())
          .subnetId(subnetIds.get(i))
          .securityGroups(List.of(securityGroup.id()))
          .build());
    }

    accessPoint = EfsAccessPoint.Builder.create(this, "AccessPoint")
        .fileSystemId(fileSystemId.get())
        .posixUser(EfsAccessPointPosixUser.builder().uid(props.accessPointUid()).gid(props.accessPointGid()).build())
        .rootDirectory(EfsAccessPointRootDirectory.builder()
            .path(props.accessPointPath())
            .creationInfo(EfsAccessPointRootDirectoryCreationInfo.builder()
                .ownerUid(props.accessPointUid()).ownerGid(props.accessPointGid())
                .permissions(props.accessPointPermissions()).build())
            .build())
        .tags(Map.of("Name", name + props.accessPointPath().replace('/', '-')))
        .build();
    accessPointArn = Memo.of(accessPoint::getArn);

    EfsFileSystemPolicy.Builder.create(this, "Policy")
        .fileSystemId(fileSystemId.get())
        .policy(PolicyDocument.json(new PolicyStatement("DenyInsecureTransport", PolicyStatement.Effect.Deny,
            List.of("*"), List.of(fileSystem.getArn()), Map.of("AWS", List.of("*")), null)
            .withCondition("Bool", "aws:SecureTransport", List.of("false"))))
        .build();
  }

  /** Admits {@code peer} on NFS (2049): ingress here, egress on the peer. */
  public FileSystem allowDefaultPortFrom(Connectable peer, String description) {
    connections().allowFrom(peer, Port.tcp(FileSystemProps.PORT), description);
    return this;
  }

  /**
   * Lets {@code role} mount the file system through the access point only: {@code elasticfilesystem:ClientMount}
   * (and {@code ClientWrite} when {@code write}) on the file system's ARN, on condition of the access point's ARN.
   */
  public Grant grantMount(Grantable grantee, boolean write) {
    List<String> actions = write
        ? List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite")
        : List.of("elasticfilesystem:ClientMount");
    return grantee.grantRole().grant(DataNames.grantId(this, write ? "MountReadWrite" : "MountReadOnly"), List.of(
        PolicyStatement.allow("Mount", actions, List.of(fileSystemArn.get()))
            .withCondition("StringEquals", "elasticfilesystem:AccessPointArn", List.of(accessPointArn.get()))));
  }

  public String id() {
    return fileSystemId.get();
  }

  public String arn() {
    return fileSystem.getArn();
  }

  public String accessPointId() {
    return accessPoint.getId();
  }

  public String accessPointArn() {
    return accessPoint.getArn();
  }

  public int port() {
    return FileSystemProps.PORT;
  }

  public EfsFileSystem resource() {
    return fileSystem;
  }

  public EfsAccessPoint accessPoint() {
    return accessPoint;
  }

  /** Mount targets in subnet order; ECS tasks should depend on them so the first mount finds a target. */
  public List<EfsMountTarget> mountTargets() {
    return List.copyOf(mountTargets);
  }

  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }
}
