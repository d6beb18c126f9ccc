package dev.blueprints.blueprints;

import dev.blueprints.compute.ContainerRegistry;
import dev.blueprints.compute.LoadBalancer;
import dev.blueprints.compute.LoadBalancerKind;
import dev.blueprints.compute.LoadBalancerProps;
import dev.blueprints.compute.ContainerRegistryProps;
import dev.blueprints.core.Account;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Naming;
import dev.blueprints.core.Settings;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.Database;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.Secret;
import dev.blueprints.data.SecretProps;
import dev.blueprints.network.Network;
import dev.blueprints.observability.LogGroup;
import dev.blueprints.observability.LogGroupProps;
import dev.blueprints.network.SubnetTier;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.constructs.Construct;

/**
 * One layer of a blueprint in one environment ({@code <blueprint>-<env>-<layer>}). The blueprint's id joins
 * the project in every physical name ({@code <project>-<blueprint>-<env>-<component>}), so several blueprints
 * share an account and region without colliding, and tags every resource ({@code Blueprint}).
 */
public abstract class LayerStack extends BlueprintStack {
  private final String blueprint;

  protected LayerStack(Construct scope, String id, Settings settings, String blueprint) {
    super(scope, id, settings, new Naming(settings.project() + "-" + blueprint, settings.environment().name()),
        Map.of("Blueprint", blueprint));
    this.blueprint = blueprint;
  }

  /** The blueprint this stack belongs to. */
  public String blueprint() {
    return blueprint;
  }

  /** An image repository named {@code <project>-<blueprint>-<env>-<name>}. */
  protected ContainerRegistry repository(String id, String name) {
    return new ContainerRegistry(this, id, ContainerRegistryProps.builder(naming().name(name, NameLimit.ECR_REPOSITORY)).build());
  }

  /** The blueprint's database ({@code Database}): {@code engine}'s settings, in the network's isolated subnets. */
  protected Database database(Network network, DatabaseProps.Builder engine) {
    return new Database(this, "Database", engine
        .vpcId(network.vpcId())
        .subnets(network.subnets(SubnetTier.ISOLATED))
        .build());
  }

  /** A secret named {@code <project>-<blueprint>-<env>-<name>}; {@code content} says what it holds and how it is set. */
  protected Secret secret(String id, String name, UnaryOperator<SecretProps.Builder> content) {
    return new Secret(this, id, content.apply(SecretProps.builder(naming().name(name, NameLimit.SECRET))).build());
  }

  /**
   * The log group {@code /ec2/<project>-<blueprint>-<env>-<name>} of an EC2 tier, kept as long as the environment's
   * application logs.
   */
  protected LogGroup instanceLogs(String id, String name) {
    return new LogGroup(this, id,
        LogGroupProps.of("/ec2/" + naming().name(name, NameLimit.LOG_GROUP), environment().logRetentionDays()));
  }

  /**
   * An internet-facing application load balancer named {@code <project>-<blueprint>-<env>-<name>} in the network's
   * public subnets, writing its access logs to {@code accessLogs} under {@code logPrefix}.
   */
  protected LoadBalancer publicLoadBalancer(String id, String name, Network network, Bucket accessLogs, String logPrefix) {
    return new LoadBalancer(this, id, LoadBalancerProps.builder(
            LoadBalancerKind.APPLICATION, network.vpcId(), network.subnets(SubnetTier.PUBLIC))
        .name(naming().name(name, NameLimit.LOAD_BALANCER))
        .internetFacing().accessLogs(accessLogs, logPrefix).build());
  }

  /** The bucket the stack's load balancers write access logs to ({@code alb-logs}, unique per account and region). */
  protected Bucket accessLogs() {
    return Bucket.forLoadBalancerLogs(this, "AccessLogs", naming().globalName("alb-logs", Account.id(this), settings().region()));
  }
}
