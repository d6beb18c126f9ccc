package com.example.shop;

import com.hashicorp.cdktf.App;
import dev.blueprints.policy.Policy;
import dev.blueprints.policy.rules.RulePacks;
import dev.blueprints.state.StateBootstrapStack;

/**
 * The shop's infrastructure: the state bucket (every environment shares it), then per environment a network, a data and an app stack, each
 * with its own S3 state, values crossing stacks as references. The library's policy checks every stack.
 */
public final class ShopApp {
  private ShopApp() {}

  public static void main(String[] args) {
    App app = new App();
    build(app);
    // Writes cdktf.out and its policy-report.json; an unsuppressed ERROR finding throws, listing the findings.
    System.out.print(Policy.synth(app).summary());
  }

  /** Attaches the policy and adds every stack to {@code app}, in deployment order. */
  public static void build(App app) {
    Policy.attach(app, RulePacks.blueprints());
    new StateBootstrapStack(app, ShopEnvironment.ALL.get(0).settings());
    for (ShopEnvironment env : ShopEnvironment.ALL) {
      NetworkStack network = new NetworkStack(app, env);
      DataStack data = new DataStack(app, env, network.network());
      new AppStack(app, env, network.network(), data);
    }
  }
}
