package dev.blueprints.blueprints;

import dev.blueprints.core.Settings;
import dev.blueprints.settings.SettingsNode;
import java.util.List;
import software.constructs.Construct;

/** One reference architecture: adds its stacks, one per layer, for one environment. */
public interface Blueprint {
  /** The id used in stack names ({@code <id>-<env>-<layer>}) and in the settings file. */
  String id();

  /** The seed document the blueprint implements. */
  String seed();

  /**
   * Adds the blueprint's stacks to {@code app} in deployment order.
   *
   * @param settings the environment's deployment settings
   * @param options  this blueprint's object from the settings file ({@code blueprints.<id>}), possibly empty
   */
  List<LayerStack> addTo(Construct app, Settings settings, SettingsNode options);

  /** {@code <id>-<env>-<layer>}. */
  default String stackId(Settings settings, String layer) {
    return id() + "-" + settings.environment().name() + "-" + layer;
  }
}
