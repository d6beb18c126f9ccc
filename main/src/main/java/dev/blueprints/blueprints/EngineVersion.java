package dev.blueprints.blueprints;

import dev.blueprints.core.Validate;
import dev.blueprints.data.DatabaseEngine;
import dev.blueprints.settings.SettingsNode;

/**
 * The {@code engineVersion} setting of a blueprint with a database. The default is the major version
 * ({@code "15"}, {@code "8.0"}): RDS creates the newest minor it still offers and applies later minors itself,
 * and Terraform compares only the major, so plans stay clean. An exact minor ({@code "15.4"}) pins the instance
 * (automatic minor upgrades off); RDS stops creating old minors, so a pin must be one RDS still offers.
 */
public final class EngineVersion {
  private EngineVersion() {}

  /** {@code blueprints.<id>.engineVersion}, checked against the engine with the settings path in the message. */
  public static String read(SettingsNode options, String blueprint, DatabaseEngine engine, String major) {
    String version = options.string("engineVersion", major);
    if (!engine.accepts(version)) {
      throw Validate.invalid("blueprints." + blueprint + ".engineVersion", version, engine.engineName() + " accepts " + engine.acceptedVersions());
    }
    return version;
  }
}
