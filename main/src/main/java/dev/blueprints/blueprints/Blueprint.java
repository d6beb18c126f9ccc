package dev.blueprints.blueprints;

import dev.blueprints.core.Settings;
import dev.blueprints.settings.SettingsNode;
import java.util.List;
import software.constructs.Construct;

/** One reference architecture: adds its stacks, one per layer, for one environment. */
public abstract class Blueprint {
  private final String id;
  private final String seed;

  /**
   * @param id   the id used in stack names ({@code <id>-<env>-<layer>}) and in the settings file
   * @param seed the seed document the blueprint implements
   */
  protected Blueprint(String id, String seed) {
    this.id = id;
    this.seed = seed;
  }

  /** The id used in stack names ({@code <id>-<env>-<layer>}) and in the settings file. */
  public final String id() {
    return id;
  }

  /** The seed document the blueprint implements. */
  public final String seed() {
    return seed;
  }

  /**
   * Adds the blueprint's stacks to {@code app} in deployment order.
   *
   * @param settings the environment's deployment settings
   * @param options  this blueprint's object from the settings file ({@code blueprints.<id>}), possibly empty
   */
  public abstract List<LayerStack> addTo(Construct app, Settings settings, SettingsNode options);

  /** {@code <id>-<env>-<layer>}. */
  public String stackId(Settings settings, String layer) {
    return id() + "-" + settings.environment().name() + "-" + layer;
  }
}
