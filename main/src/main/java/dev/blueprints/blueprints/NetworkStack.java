package dev.blueprints.blueprints;

import com.hashicorp.cdktf.TerraformOutput;
import dev.blueprints.core.Settings;
import dev.blueprints.network.NatStrategy;
import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.network.TierFlow;
import java.util.EnumSet;
import java.util.Set;
import software.constructs.Construct;

/**
 * The network layer of a blueprint: one VPC with the tiers the blueprint needs. NAT follows the
 * environment: a gateway per AZ when highly available (prod), one shared gateway otherwise (dev).
 */
public final class NetworkStack extends LayerStack {
  private final Network network;

  public NetworkStack(Construct scope, String id, Settings settings, String blueprint, Set<SubnetTier> tiers) {
    this(scope, id, settings, blueprint, tiers, null);
  }

  /**
   * @param networkAcls the blueprint's traffic between tiers, from which each tier gets a network ACL; null for none
   */
  public NetworkStack(Construct scope, String id, Settings settings, String blueprint, Set<SubnetTier> tiers,
      java.util.List<TierFlow> networkAcls) {
    super(scope, id, settings, blueprint);
    NatStrategy nat = settings.environment().highAvailability() ? NatStrategy.ONE_PER_AZ : NatStrategy.SINGLE;
    network = new Network(this, "Network", NetworkProps.builder(settings.availabilityZones())
        .tiers(tiers.isEmpty() ? EnumSet.allOf(SubnetTier.class) : tiers)
        .nat(nat)
        .networkAcls(networkAcls)
        .build());
    TerraformOutput.Builder.create(this, "VpcId").value(network.vpcId()).description("VPC of " + blueprint).build();
  }

  public Network network() {
    return network;
  }
}
