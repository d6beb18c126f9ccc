package dev.blueprints.blueprints;

import dev.blueprints.core.Settings;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.network.TierFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.constructs.Construct;

/**
 * The skeleton every blueprint shares: the network stack, a data stack on the network, a compute stack on both,
 * added to the app in that (deployment) order as {@code <blueprint>-<env>-network|data|compute}. A blueprint with
 * more layers (api-ecs's edge) adds them after, with {@link #and}.
 *
 * @param network the network layer
 * @param data    the data layer
 * @param compute the compute layer
 */
public record Layers<D extends LayerStack, C extends LayerStack>(NetworkStack network, D data, C compute, List<LayerStack> more) {
  /** Builds the data layer on the network. */
  @FunctionalInterface
  public interface DataLayer<D extends LayerStack> {
    D add(Construct app, String id, Settings settings, Network network);
  }

  /** Builds the compute layer on the network and the data layer. */
  @FunctionalInterface
  public interface ComputeLayer<D extends LayerStack, C extends LayerStack> {
    C add(Construct app, String id, Settings settings, Network network, D data);
  }

  public Layers {
    more = List.copyOf(more);
  }

  /**
   * Adds the three layers of {@code blueprint} for {@code settings}' environment.
   *
   * @param tiers the subnet tiers the blueprint needs
   * @param acls  the flows its network ACLs allow; null for no ACLs
   */
  public static <D extends LayerStack, C extends LayerStack> Layers<D, C> add(Blueprint blueprint, Construct app,
      Settings settings, Set<SubnetTier> tiers, List<TierFlow> acls, DataLayer<D> data, ComputeLayer<D, C> compute) {
    NetworkStack network = new NetworkStack(app, blueprint.stackId(settings, "network"), settings, blueprint.id(), tiers, acls);
    D dataStack = data.add(app, blueprint.stackId(settings, "data"), settings, network.network());
    C computeStack = compute.add(app, blueprint.stackId(settings, "compute"), settings, network.network(), dataStack);
    return new Layers<>(network, dataStack, computeStack, List.of());
  }

  /** These layers and {@code layer}, added after them. */
  public Layers<D, C> and(LayerStack layer) {
    List<LayerStack> all = new ArrayList<>(more);
    all.add(layer);
    return new Layers<>(network, data, compute, all);
  }

  /** Every stack, in deployment order. */
  public List<LayerStack> stacks() {
    List<LayerStack> all = new ArrayList<>(List.of(network, data, compute));
    all.addAll(more);
    return List.copyOf(all);
  }
}
