package dev.blueprints.blueprints;

import dev.blueprints.compute.InstanceTypes;
import dev.blueprints.core.Validate;
import dev.blueprints.settings.SettingsNode;
import java.util.regex.Pattern;

/**
 * Reads the fields several blueprints share and checks them against what AWS accepts before any construct sees
 * them, so an error names the settings path the user wrote ({@code blueprints.asg-web.minInstances}), not the
 * construct field it becomes ({@code minSize}).
 */
public final class BlueprintOptions {
  private static final Pattern AMI = Pattern.compile("^ami-[0-9a-f]{8,17}$");

  private final SettingsNode options;
  private final String blueprint;

  public BlueprintOptions(SettingsNode options, String blueprint) {
    this.options = options;
    this.blueprint = blueprint;
  }

  /** {@code blueprints.<id>.<field>}. */
  public String path(String field) {
    return "blueprints." + blueprint + "." + field;
  }

  /** An EC2 instance type that exists. */
  public String instanceType(String field, String fallback) {
    return InstanceTypes.require(path(field), options.string(field, fallback));
  }

  /** An AMI id, or null when absent. */
  public String ami(String field) {
    String ami = options.string(field, null);
    if (ami != null) Validate.matches(path(field), ami, AMI, "an AMI id such as ami-0123456789abcdef0");
    return ami;
  }

  /**
   * The size of an Auto Scaling group: {@code minField} in {@code minAllowed}..1000, {@code maxField} in 1..1000
   * and not below the minimum.
   */
  public int[] groupSize(String minField, int minFallback, int minAllowed, String maxField, int maxFallback) {
    int min = options.integer(minField, minFallback);
    int max = options.integer(maxField, maxFallback);
    Validate.range(path(minField), min, minAllowed, 1000);
    Validate.range(path(maxField), max, 1, 1000);
    Validate.ordered(path(minField), min, path(maxField), max);
    return new int[] {min, max};
  }
}
