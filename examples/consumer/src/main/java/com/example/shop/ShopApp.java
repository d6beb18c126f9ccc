package com.example.shop;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.network.Network;
import dev.blueprints.network.NetworkProps;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.core.StateSettings;
import java.util.List;
import java.util.Map;

public final class ShopApp {
  public static void main(String[] args) {
    App app = new App();
    Settings settings = Settings.builder("shop", Environment.dev(), "eu-west-1")
        .availabilityZones(List.of("eu-west-1a", "eu-west-1b"))
        .state(StateSettings.lockfile("shop-tfstate", "eu-west-1", "shop")).tags(Map.of("Team", "payments")).build();
    BlueprintStack stack = new BlueprintStack(app, "shop-dev-network", settings);
    Network network = new Network(stack, "Network", NetworkProps.builder(settings.availabilityZones()).build());
    SecurityGroup web = new SecurityGroup(stack, "WebSecurityGroup",
        new SecurityGroupProps(network.vpcId(), "shop-dev-web", "web servers"));
    web.connections().allowFromCidr(network.cidr(), Port.tcp(443), "HTTPS from inside the VPC");
    TerraformOutput.Builder.create(stack, "VpcId").value(network.vpcId()).build();
    app.synth();
  }
}
