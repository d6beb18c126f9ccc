package dev.blueprints.network;

import java.util.List;

/**
 * The subnets of one tier, in AZ order.
 *
 * @param tier              which tier
 * @param subnetIds         subnet ids (references)
 * @param availabilityZones AZ of each subnet
 * @param cidrs             CIDR of each subnet, known at synth
 * @param routeTableIds     the route tables the tier's subnets use
 */
public record SubnetGroup(
    SubnetTier tier,
    List<String> subnetIds,
    List<String> availabilityZones,
    List<String> cidrs,
    List<String> routeTableIds) {

  public SubnetGroup {
    subnetIds = List.copyOf(subnetIds);
    availabilityZones = List.copyOf(availabilityZones);
    cidrs = List.copyOf(cidrs);
    routeTableIds = List.copyOf(routeTableIds);
  }

  /** Existing subnets of one tier, without route tables (only a {@link Network}'s own gateway endpoints use them). */
  public static SubnetGroup of(SubnetTier tier, List<String> subnetIds, List<String> availabilityZones, List<String> cidrs) {
    return new SubnetGroup(tier, subnetIds, availabilityZones, cidrs, List.of());
  }

  /** Number of distinct AZs the group spans. */
  public int azCount() {
    return (int) availabilityZones.stream().distinct().count();
  }

  /** Fails unless the group spans at least {@code min} AZs; {@code field} names the caller's setting. */
  public SubnetGroup requireAzs(String field, int min) {
    if (azCount() < min) {
      throw new IllegalArgumentException(field + " spans " + azCount() + " availability zone(s) " + availabilityZones
          + " (" + tier.label() + " tier): at least " + min + " are required");
    }
    return this;
  }
}
