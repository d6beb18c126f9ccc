package dev.blueprints.blueprints;

import dev.blueprints.network.Port;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.network.TierFlow;
import dev.blueprints.settings.SettingsNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tier-level traffic a web blueprint declares for its network ACLs: the same intent its security groups
 * express per resource, one level coarser. Built with the blueprint's ports; tests check that every documented
 * request path passes both.
 */
public final class TierFlows {
  private final List<TierFlow> flows = new ArrayList<>();

  private TierFlows() {}

  /** Starts with what an internet-facing load balancer receives: 80 (plain HTTP, or the redirect) and 443 with HTTPS. */
  public static TierFlows webEntry(WebListeners listeners) {
    TierFlows out = new TierFlows();
    out.flows.add(TierFlow.fromInternet(SubnetTier.PUBLIC, Port.tcp(80),
        listeners.https() ? "HTTP to the load balancer, redirected to HTTPS" : "HTTP to the load balancer (plain HTTP by settings)"));
    if (listeners.https()) out.flows.add(TierFlow.fromInternet(SubnetTier.PUBLIC, Port.tcp(443), "HTTPS to the load balancer"));
    return out;
  }

  public TierFlows between(SubnetTier from, SubnetTier to, int port, String description) {
    flows.add(TierFlow.between(from, to, Port.tcp(port), description));
    return this;
  }

  /** HTTPS out of the private tier through NAT (AWS APIs, image and package repositories). */
  public TierFlows httpsOutThroughNat(String description) {
    flows.add(TierFlow.toInternet(SubnetTier.PRIVATE, Port.tcp(443), description));
    return this;
  }

  public List<TierFlow> flows() {
    return List.copyOf(flows);
  }

  /** {@code networkAcls} of a blueprint's options: the flows when on ({@code fallback} when unset), else null. */
  public static List<TierFlow> read(SettingsNode options, boolean fallback, TierFlows intent) {
    return options.bool("networkAcls", fallback) ? intent.flows() : null;
  }
}
