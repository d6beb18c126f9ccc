package dev.blueprints.core;

import com.hashicorp.cdktf.TerraformResource;
import java.util.Comparator;
import java.util.List;

/**
 * Arguments the library writes as raw overrides because the Java bindings (hashicorp/aws 5.23.1) predate them,
 * each with the provider version that added it. The {@code required_providers} constraint is derived from this
 * table ({@link #constraint()}), so a lock file pinning an older 5.x fails at {@code terraform init} with a version
 * conflict instead of "Unsupported argument" at plan. Every raw override of a resource argument goes through
 * {@link #set}, which refuses one that is not in the table.
 */
public final class ProviderFeatures {
  /**
   * One argument newer than the bindings.
   *
   * @param resourceType the Terraform resource type
   * @param attribute    the argument
   * @param minVersion   the first hashicorp/aws version that has it ({@code major.minor.patch})
   * @param usedFor      why the library sets it
   */
  public record Feature(String resourceType, String attribute, String minVersion, String usedFor) {
    public Feature {
      Validate.matches("minVersion", minVersion, java.util.regex.Pattern.compile("^5\\.\\d+\\.\\d+$"), "a 5.x.y provider version");
    }

    int[] parts() {
      String[] p = minVersion.split("\\.");
      return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }
  }

  /** The version the bindings were generated from: arguments up to it need no override. */
  public static final String BINDINGS_VERSION = "5.23.1";

  /** Every raw override of a resource argument the library writes. */
  public static final List<Feature> TABLE = List.of(
      new Feature("aws_lb", "enforce_security_group_inbound_rules_on_private_link_traffic", "5.30.0",
          "an internal NLB behind an API Gateway VPC link lets PrivateLink traffic past its security group"),
      new Feature("aws_cognito_user_pool", "user_pool_tier", "5.83.0",
          "threat protection (advanced security) needs the PLUS tier"));

  private ProviderFeatures() {}

  /** The newest version any feature of the table needs. */
  public static Feature newest() {
    return TABLE.stream().max(Comparator.comparing(Feature::parts, java.util.Arrays::compare)).orElseThrow();
  }

  /** {@code ~> 5.<minor of the newest feature>}: that version or any later 5.x. */
  public static String constraint() {
    int[] v = newest().parts();
    return "~> " + v[0] + "." + v[1];
  }

  /** Writes {@code attribute = value} on {@code resource} as an override; fails unless the table lists it. */
  public static void set(TerraformResource resource, String attribute, Object value) {
    String type = resource.getTerraformResourceType();
    boolean listed = TABLE.stream().anyMatch(f -> f.resourceType().equals(type) && f.attribute().equals(attribute));
    if (!listed) {
      throw new IllegalStateException(type + "." + attribute + " is written as a raw override but is not in ProviderFeatures.TABLE: "
          + "add it with the hashicorp/aws version that introduced it, so the provider constraint covers it");
    }
    resource.addOverride(attribute, value);
  }
}
