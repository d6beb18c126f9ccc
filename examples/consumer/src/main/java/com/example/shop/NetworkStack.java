package com.example.shop;

import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.NatStrategy;
import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import software.constructs.Construct;

/** The VPC: public subnets for the load balancer, private for the tasks, isolated for the data; NAT per AZ in prod. */
final class NetworkStack extends BlueprintStack {
  private final Network network;

  NetworkStack(Construct app, ShopEnvironment env) {
    super(app, env.stackId("network"), env.settings());
    network = new Network(this, "Network", NetworkProps.builder(env.settings().availabilityZones())
        .nat(environment().highAvailability() ? NatStrategy.ONE_PER_AZ : NatStrategy.SINGLE)
        .build());
  }

  Network network() {
    return network;
  }
}
