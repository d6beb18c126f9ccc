package dev.blueprints.compute;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.observability.Metric;
import com.hashicorp.cdktf.providers.aws.ecs_capacity_provider.EcsCapacityProvider;
import com.hashicorp.cdktf.providers.aws.ecs_capacity_provider.EcsCapacityProviderAutoScalingGroupProvider;
import com.hashicorp.cdktf.providers.aws.ecs_capacity_provider.EcsCapacityProviderAutoScalingGroupProviderManagedScaling;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.data_aws_ecs_cluster.DataAwsEcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProviders;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProvidersDefaultCapacityProviderStrategy;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import dev.blueprints.auth.Role;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Validate;
import dev.blueprints.network.SecurityGroup;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * An ECS cluster with Container Insights, on Fargate or on EC2 capacity.
 *
 * <p><b>Fargate</b>: the FARGATE and FARGATE_SPOT capacity providers, default strategy FARGATE (base 1, weight 1).
 *
 * <p><b>EC2</b> ({@link EcsClusterProps#ec2(Ec2Capacity)}): an {@link Ec2Fleet} (IMDSv2 required, an encrypted
 * gp3 root volume, no public IP, an instance role with Session Manager) of the ECS-optimized Amazon Linux 2023 AMI
 * (read from AWS's public SSM parameter at plan time), whose role also has the ECS instance policy and whose user
 * data joins this cluster and keeps awsvpc tasks off the instance metadata; an Auto Scaling group whose size ECS
 * managed scaling owns (Terraform ignores {@code desired_capacity} after creation); and a capacity provider that is
 * the cluster's default strategy.
 *
 * <p>The instances' security group starts with no rules. The ECS agent must reach the ECS, ECR, CloudWatch Logs
 * and SSM APIs over HTTPS to register and pull images: call {@link #allowHttpsEgressToInternet(String)} (via NAT)
 * or wire the group to interface VPC endpoints' security group; without one of them instances never join.
 */
public final class EcsCluster extends BlueprintConstruct {
  /** The public SSM parameter holding the current ECS-optimized Amazon Linux 2023 AMI id. */
  public static final String ECS_AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
  /** The same for Graviton (arm64) instance types: an x86 AMI cannot boot on them. */
  public static final String ECS_AMI_PARAMETER_ARM64 = "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";
  static final String ECS_INSTANCE_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role";
  /** The ids the container instances' resources had before they were an {@link Ec2Fleet}: their addresses stay. */
  private static final Ec2Fleet.ChildIds INSTANCE_IDS = new Ec2Fleet.ChildIds("InstanceRole", "InstanceSecurityGroup", "AutoScalingGroup");
  static final String FARGATE = "FARGATE";
  static final String FARGATE_SPOT = "FARGATE_SPOT";

  private final com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster cluster;
  private final Memo<String> clusterName;
  private final EcsClusterCapacityProviders capacityProviders;
  private final EcsClusterProps props;
  private Ec2Fleet fleet;
  private EcsCapacityProvider capacityProvider;
  /** The looked-up cluster of {@link #fromName}; null for a cluster built here. */
  private final DataAwsEcsCluster existing;

  /**
   * An existing cluster, by name, for Fargate services: read with the {@code aws_ecs_cluster} data source (so
   * a wrong name fails at plan) and never changed. The cluster must have the {@code FARGATE} capacity provider
   * associated, as services here ask for it; its Container Insights setting is the owner's to keep on.
   */
  public static EcsCluster fromName(Construct scope, String id, String clusterName) {
    Validate.matches("clusterName", clusterName, java.util.regex.Pattern.compile("^[A-Za-z0-9_-]{1,255}$"),
        "an existing cluster's name: 1-255 letters, digits, hyphens and underscores");
    return new EcsCluster(scope, id, clusterName);
  }

  private EcsCluster(Construct scope, String id, String existingName) {
    super(scope, id);
    this.props = EcsClusterProps.fargate().build();
    this.cluster = null;
    this.capacityProviders = null;
    this.existing = DataAwsEcsCluster.Builder.create(this, "Existing").clusterName(existingName).build();
    this.clusterName = Memo.of(() -> existingName);
  }

  public EcsCluster(Construct scope, String id, EcsClusterProps props) {
    super(scope, id);
    this.props = Validate.notNull("props", props);
    this.existing = null;
    Naming naming = naming();
    String component = id.toLowerCase(Locale.ROOT);
    String name = props.name() != null ? props.name() : naming.name(component, NameLimit.ECS_CLUSTER);
    cluster = com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster.Builder.create(this, "Resource")
        .name(name)
        .setting(List.of(EcsClusterSetting.builder()
            .name("containerInsights")
            .value(props.containerInsights() ? "enabled" : "disabled")
            .build()))
        .build();
    clusterName = Memo.of(cluster::getName);

    if (props.isEc2()) {
      addEc2Capacity(naming, component, props.ec2Capacity());
      capacityProviders = EcsClusterCapacityProviders.Builder.create(this, "CapacityProviders")
          .clusterName(clusterName.get())
          .capacityProviders(List.of(capacityProvider.getName()))
          .defaultCapacityProviderStrategy(List.of(EcsClusterCapacityProvidersDefaultCapacityProviderStrategy.builder()
              .capacityProvider(capacityProvider.getName()).base(0).weight(1).build()))
          .build();
    } else {
      capacityProviders = EcsClusterCapacityProviders.Builder.create(this, "CapacityProviders")
          .clusterName(clusterName.get())
          .capacityProviders(List.of(FARGATE, FARGATE_SPOT))
          .defaultCapacityProviderStrategy(List.of(EcsClusterCapacityProvidersDefaultCapacityProviderStrategy.builder()
              .capacityProvider(FARGATE).base(1).weight(1).build()))
          .build();
    }
  }

  private void addEc2Capacity(Naming naming, String component, Ec2Capacity capacity) {
    String providerName = naming.name(component + "-ec2", NameLimit.ECS_CLUSTER);
    String lower = providerName.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
      throw Validate.invalid("capacity provider name", providerName, "a name not starting with aws, ecs or fargate (choose another project name)");
    }
    fleet = Ec2Fleet.ownedBy(this, capacity.fleet().toBuilder()
        .image(MachineImage.latestEcsOptimizedAmazonLinux2023())
        .description("ECS container instances")
        .securityGroupName(naming.name(component + "-instances", NameLimit.SECURITY_GROUP))
        .managedPolicy(ECS_INSTANCE_POLICY)
        .userData(userData(clusterName.get()))
        .externalScaling(true)   // managed scaling sets the desired capacity
        .tag("AmazonECSManaged", "true")
        .build(), INSTANCE_IDS);
    // ECS requires scale-in protection on new instances when it manages termination protection.
    fleet.resource().setProtectFromScaleIn(capacity.managedTerminationProtection());
    capacityProvider = EcsCapacityProvider.Builder.create(this, "CapacityProvider")
        .name(providerName)
        .autoScalingGroupProvider(EcsCapacityProviderAutoScalingGroupProvider.builder()
            .autoScalingGroupArn(fleet.arn())
            .managedTerminationProtection(capacity.managedTerminationProtection() ? "ENABLED" : "DISABLED")
            .managedScaling(EcsCapacityProviderAutoScalingGroupProviderManagedScaling.builder()
                .status("ENABLED")
                .targetCapacity(capacity.targetCapacityPercent())
                .minimumScalingStepSize(1)
                .maximumScalingStepSize(10)
                .build())
            .build())
        .build();
  }

  /** The agent's configuration: join this cluster, give tasks their own roles, keep awsvpc tasks off IMDS. */
  static String userData(String clusterName) {
    return String.join("\n",
        "#!/bin/bash",
        "cat <<'EOF' >> /etc/ecs/ecs.config",
        "ECS_CLUSTER=" + clusterName,
        "ECS_ENABLE_TASK_IAM_ROLE=true",
        "ECS_AWSVPC_BLOCK_IMDS=true",
        "EOF",
        "");
  }

  /**
   * Lets the container instances reach any HTTPS endpoint (through NAT): the ECS agent needs the ECS, ECR,
   * CloudWatch Logs and SSM APIs. Not needed when interface endpoints for all of them are wired instead.
   */
  public EcsCluster allowHttpsEgressToInternet(String reason) {
    if (fleet == null) {
      throw new IllegalStateException("cluster " + getNode().getId() + " runs on Fargate and has no instances; "
          + "allow egress on the service instead (EcsService.allowHttpsEgressToInternet)");
    }
    fleet.allowHttpsEgressToInternet(reason);
    return this;
  }

  /** The cluster name as a reference. */
  public String name() {
    return clusterName.get();
  }

  public String arn() {
    return existing != null ? existing.getArn() : cluster.getArn();
  }

  /** The cluster id (its ARN), as {@code aws_ecs_service.cluster} expects. */
  public String id() {
    return existing != null ? existing.getArn() : cluster.getId();
  }

  /** True for a cluster of {@link #fromName}: not managed here. */
  public boolean isImported() {
    return existing != null;
  }

  /** The cluster resource; null for an imported cluster. */
  public com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster resource() {
    return cluster;
  }

  public boolean isEc2() {
    return props.isEc2();
  }

  /** The EC2 capacity provider's name, or {@code FARGATE}. */
  public String capacityProviderName() {
    return capacityProvider != null ? capacityProvider.getName() : FARGATE;
  }

  /** The capacity provider association; services using the cluster's providers depend on it. Null when imported. */
  public EcsClusterCapacityProviders capacityProviders() {
    return capacityProviders;
  }

  /** The EC2 settings, or null for Fargate. */
  public Ec2Capacity ec2Capacity() {
    return props.ec2Capacity();
  }

  /** The container instances (their role, security group, launch template and Auto Scaling group); null for Fargate. */
  public Ec2Fleet fleet() {
    return fleet;
  }

  /** The container instances' security group; null for Fargate. */
  public SecurityGroup instanceSecurityGroup() {
    return fleet == null ? null : fleet.securityGroup();
  }

  /** The container instances' role; null for Fargate. */
  public Role instanceRole() {
    return fleet == null ? null : fleet.role();
  }

  /** Average CPU of the EC2 capacity's instances (%); EC2 clusters only. */
  public Metric metricCapacityCpu() {
    if (fleet == null) {
      throw Validate.invalid("capacity", "FARGATE", "a Fargate cluster has no instances; metricCapacityCpu needs EC2 capacity");
    }
    return fleet.metricCpu();
  }

  /** The Auto Scaling group's name; null for Fargate. */
  public String autoScalingGroupName() {
    return fleet == null ? null : fleet.name();
  }

  /** The launch template; null for Fargate. */
  public LaunchTemplate launchTemplate() {
    return fleet == null ? null : fleet.launchTemplate();
  }
}
