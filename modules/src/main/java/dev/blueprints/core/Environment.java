package dev.blueprints.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What differs between environments of one deployment. The presets {@link #dev()} and {@link #prod()}
 * hold the defaults; a settings file overrides single fields.
 *
 * @param name               environment name used in names, tags and state keys ({@code dev}, {@code prod})
 * @param highAvailability   NAT gateway per AZ, Multi-AZ databases, replicas and two or more tasks.
 *                           Default: false in dev, true in prod
 * @param deletionProtection deletion protection on databases, load balancers and user pools.
 *                           Default: true in both presets; turning it off is a named choice in a settings file
 * @param logRetentionDays   retention of application log groups. Default: 30 in dev, 90 in prod
 */
public record Environment(String name, boolean highAvailability, boolean deletionProtection, int logRetentionDays) {
  /** The environment names that have a preset. */
  public static final List<String> NAMES = List.of("dev", "prod");
  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9]{1,7}$");

  public Environment {
    Validate.matches("environment", name, NAME, "2-8 lowercase letters or digits, starting with a letter");
    LogRetention.require("logRetentionDays", logRetentionDays);
  }

  public static Environment dev() {
    return new Environment("dev", false, true, 30);
  }

  public static Environment prod() {
    return new Environment("prod", true, true, 90);
  }

  /** The preset for {@code name}; an unknown name fails with the list of known ones. */
  public static Environment preset(String name) {
    return switch (name == null ? "" : name) {
      case "dev" -> dev();
      case "prod" -> prod();
      default -> throw Validate.invalid("environment", name, "known environments are " + NAMES);
    };
  }

  public boolean isProduction() {
    return name.equals("prod");
  }

  public Environment withHighAvailability(boolean value) {
    return new Environment(name, value, deletionProtection, logRetentionDays);
  }

  public Environment withDeletionProtection(boolean value) {
    return new Environment(name, highAvailability, value, logRetentionDays);
  }

  public Environment withLogRetentionDays(int value) {
    return new Environment(name, highAvailability, deletionProtection, value);
  }
}
