package dev.blueprints.data;

import dev.blueprints.auth.Grant;
import dev.blueprints.auth.Grantable;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.observability.Metric;
import dev.blueprints.observability.Metrics;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.memorydb_acl.MemorydbAcl;
import com.hashicorp.cdktf.providers.aws.memorydb_cluster.MemorydbCluster;
import com.hashicorp.cdktf.providers.aws.memorydb_subnet_group.MemorydbSubnetGroup;
import com.hashicorp.cdktf.providers.aws.memorydb_user.MemorydbUser;
import com.hashicorp.cdktf.providers.aws.memorydb_user.MemorydbUserAuthenticationMode;
import dev.blueprints.auth.Role;
import dev.blueprints.core.Environment;
import dev.blueprints.core.NameLimit;
import dev.blueprints.network.Connectable;
import dev.blueprints.network.Connections;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import java.util.List;
import software.constructs.Construct;

/**
 * A MemoryDB for Redis cluster: TLS always on, data encrypted at rest, daily snapshots kept for a week,
 * a final snapshot on delete and {@code lifecycle.prevent_destroy}; its own security group reached only by
 * intent ({@code cache.allowDefaultPortFrom(service, "service to cache")}).
 *
 * <p>Clients authenticate as an ACL user whose password lives in a {@link Secret} as
 * {@code {"username": .., "password": ..}}. The project uses only the AWS provider, so the password comes from
 * the {@code aws_secretsmanager_random_password} data source. That data source returns a new value on every plan,
 * so both the secret version ({@code secret_string}) and the MemoryDB user ({@code authentication_mode}) ignore
 * later changes: the first value is kept in both places and plans stay clean. To rotate, put a new password into
 * the secret and the user outside Terraform (e.g. {@code aws memorydb update-user}).
 */
public final class RedisCache extends BlueprintConstruct implements Connectable {
  private final MemorydbCluster cluster;
  private final MemorydbUser user;
  private final MemorydbAcl acl;
  private final Secret secret;
  private final SecurityGroup securityGroup;
  private final String clusterName;

  public RedisCache(Construct scope, String id, RedisCacheProps props) {
    super(scope, id);
    Environment environment = environment();
    clusterName = DataNames.name(this, null, NameLimit.MEMORYDB_CLUSTER);
    String userName = DataNames.name(this, "app", NameLimit.MEMORYDB_USER);

    MemorydbSubnetGroup subnetGroup = MemorydbSubnetGroup.Builder.create(this, "SubnetGroup")
        .name(DataNames.name(this, null, NameLimit.MEMORYDB_SUBNET_GROUP))
        .description("Subnets of " + clusterName)
        .subnetIds(props.subnets().subnetIds())
        .build();

    securityGroup = new SecurityGroup(this, "SecurityGroup", SecurityGroupProps.builder(props.vpcId(),
        DataNames.name(this, null, NameLimit.SECURITY_GROUP), "MemoryDB " + clusterName + ": clients admitted by rule only").build());

    var secretProps = SecretProps.builder(naming().path(DataNames.component(this)))
        .description("MemoryDB user of " + clusterName + ": {\"username\", \"password\"}")
        // Punctuation is left out: MemoryDB refuses some characters and URLs would need escaping.
        .generatedCredentials(userName, 32, true);
    if (props.kmsKeyArn() != null) secretProps.kmsKeyArn(props.kmsKeyArn());
    secret = new Secret(this, "Secret", secretProps.build());

    user = MemorydbUser.Builder.create(this, "User")
        .userName(userName)
        .accessString(props.accessString())
        .authenticationMode(MemorydbUserAuthenticationMode.builder()
            .type("password").passwords(List.of(secret.generatedPassword())).build())
        .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.of("authentication_mode")).build())
        .build();

    acl = MemorydbAcl.Builder.create(this, "Acl")
        .name(DataNames.name(this, null, NameLimit.MEMORYDB_ACL))
        .userNames(List.of(user.getUserName()))
        .build();

    int replicas = props.replicasPerShard() != null ? props.replicasPerShard() : environment.highAvailability() ? 1 : 0;
    var builder = MemorydbCluster.Builder.create(this, "Resource")
        .name(clusterName)
        .description("Redis for " + naming().project())
        .engineVersion(props.engineVersion())
        .nodeType(props.nodeType())
        .numShards(props.shards())
        .numReplicasPerShard(replicas)
        .port(RedisCacheProps.PORT)
        .aclName(acl.getName())
        .subnetGroupName(subnetGroup.getName())
        .securityGroupIds(List.of(securityGroup.id()))
        .tlsEnabled(true)
        .autoMinorVersionUpgrade(true)
        .snapshotRetentionLimit(props.snapshotRetentionDays())
        .snapshotWindow(props.snapshotWindow())
        .maintenanceWindow(props.maintenanceWindow())
        .finalSnapshotName(clusterName + "-final")
        .lifecycle(TerraformResourceLifecycle.builder().preventDestroy(true).build());
    if (props.kmsKeyArn() != null) builder.kmsKeyArn(props.kmsKeyArn());
    cluster = builder.build();
  }

  /** Admits {@code peer} on 6379: ingress here, egress on the peer. */
  public RedisCache allowDefaultPortFrom(Connectable peer, String description) {
    connections().allowFrom(peer, Port.tcp(port()), description);
    return this;
  }

  /** Lets {@code role} read the user's credentials secret (exact ARN; kms:Decrypt with a customer key). */
  public Grant grantReadSecret(Grantable grantee) {
    return secret.grantRead(grantee);
  }

  /** The cluster endpoint's address (a reference); connect with TLS ({@code rediss://}). */
  public String endpoint() {
    return cluster.getClusterEndpoint().get(0).getAddress();
  }

  public int port() {
    return RedisCacheProps.PORT;
  }

  /** ARN of the secret holding {@code {"username", "password"}}. */
  public String secretArn() {
    return secret.arn();
  }

  public Secret secret() {
    return secret;
  }

  /** The busiest node's engine CPU (%), keyed by the cluster's name reference. */
  public Metric metricEngineCpu() {
    return Metrics.memoryDbCpu(cluster.getName());
  }

  /** The fullest node's memory use (%), keyed by the cluster's name reference. */
  public Metric metricMemory() {
    return Metrics.memoryDbMemory(cluster.getName());
  }

  /** The cluster name as a reference. */
  public String name() {
    return cluster.getName();
  }

  /** The cluster's physical name, known at synth. */
  public String physicalName() {
    return clusterName;
  }

  /** @deprecated the literal is {@link #physicalName()}; dimensions and references take {@link #name()}. */
  @Deprecated
  public String clusterName() {
    return clusterName;
  }

  public MemorydbCluster resource() {
    return cluster;
  }

  public MemorydbUser user() {
    return user;
  }

  public MemorydbAcl acl() {
    return acl;
  }

  public SecurityGroup securityGroup() {
    return securityGroup;
  }

  @Override
  public Connections connections() {
    return securityGroup.connections();
  }
}
