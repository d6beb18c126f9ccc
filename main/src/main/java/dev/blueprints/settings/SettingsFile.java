package dev.blueprints.settings;

import dev.blueprints.core.AccountSettings;
import dev.blueprints.core.AwsRegions;
import dev.blueprints.core.StateSettings;
import dev.blueprints.core.Settings;
import dev.blueprints.core.LockMode;
import dev.blueprints.core.Environment;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code <dir>/<environment>.json} over the environment's preset. Every field is optional except
 * {@code state.bucket}; unknown fields are errors. The {@code blueprints} object is kept as a
 * {@link SettingsNode} for the application to read per blueprint.
 *
 * @param settings   the validated deployment settings
 * @param blueprints the {@code blueprints} object of the file (empty when absent)
 */
public record SettingsFile(Settings settings, SettingsNode blueprints) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Loads the settings of {@code environment}; the preset decides what the file leaves out. */
  public static SettingsFile load(Path dir, String environment) {
    Environment preset = Environment.preset(environment);
    Path file = dir.resolve(environment + ".json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("settings file " + file + " for environment \"" + environment + "\" does not exist");
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": malformed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
    }
    return parse(file.toString(), root, preset);
  }

  static SettingsFile parse(String file, JsonNode root, Environment preset) {
    SettingsNode top = new SettingsNode(file, "", root)
        .allowOnly("project", "region", "availabilityZones", "state", "tags", "alarmEmails", "alarmTopicArn", "environment",
            "blueprints", "account");
    String region = top.string("region", "us-east-1");

    SettingsNode env = top.object("environment").allowOnly("highAvailability", "deletionProtection", "logRetentionDays");
    Environment environment = preset
        .withHighAvailability(env.bool("highAvailability", preset.highAvailability()))
        .withDeletionProtection(env.bool("deletionProtection", preset.deletionProtection()))
        .withLogRetentionDays(env.integer("logRetentionDays", preset.logRetentionDays()));

    SettingsNode state = top.object("state").allowOnly("bucket", "region", "keyPrefix", "lock", "lockTable", "account", "roleArn");
    StateSettings stateSettings = StateSettings.builder(
            state.string("bucket", null), state.string("region", region), state.string("keyPrefix", top.string("project", "blueprints")))
        .lock(state.enumValue("lock", LockMode.class, StateSettings.DEFAULT_LOCK))
        .lockTable(state.string("lockTable", null))
        .account(state.string("account", null))
        .roleArn(state.string("roleArn", null))
        .build();

    Settings settings = Settings.builder(top.string("project", "blueprints"), environment, region)
        .availabilityZones(top.strings("availabilityZones", defaultZones(region, preset)))
        .state(stateSettings)
        .tags(top.stringMap("tags"))
        .alarmEmails(top.strings("alarmEmails", List.of()))
        .account(account(top))
        .alarmTopicArn(top.string("alarmTopicArn", null))
        .build();
    return new SettingsFile(settings, top.object("blueprints"));
  }

  /** The {@code account} object: null when absent; {@code id} is required when it is present. */
  private static AccountSettings account(SettingsNode top) {
    if (!top.has("account")) return null;
    SettingsNode account = top.object("account").allowOnly("id", "roleArn", "planRoleArn", "externalId", "sessionName", "shared");
    return AccountSettings.builder(account.string("id", null))
        .roleArn(account.string("roleArn", null))
        .planRoleArn(account.string("planRoleArn", null))
        .externalId(account.string("externalId", null))
        .sessionName(account.string("sessionName", null))
        .shared(account.bool("shared", AccountSettings.DEFAULT_SHARED))
        .build();
  }

  /** Two AZs in dev, three in prod: the region's first zone letters (ca-central-1: a, b, d). */
  private static List<String> defaultZones(String region, Environment preset) {
    return AwsRegions.defaultZones(region, preset.highAvailability() ? 3 : 2);
  }
}
