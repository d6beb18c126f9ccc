package dev.blueprints.network;

import dev.blueprints.core.Cidr;
import dev.blueprints.core.Validate;

/**
 * Append-only subnet allocation. The subnet of tier {@code t} in the AZ at position {@code a} is block
 * number {@code t.slot() * STRIDE + a + 1} of size {@code /subnetPrefix} in the VPC CIDR. Nothing about a
 * subnet's CIDR depends on how many AZs or tiers exist, so adding either never re-carves (and so never
 * replaces) a subnet that is already deployed.
 *
 * <p>With the default {@code 10.0.0.0/16} and {@code /24} subnets this gives the layout the reference
 * architectures use: public {@code 10.0.1.0/24, 10.0.2.0/24}, private {@code 10.0.11.0/24, 10.0.12.0/24},
 * isolated {@code 10.0.21.0/24, 10.0.22.0/24}.
 */
public record SubnetLayout(Cidr vpc, int subnetPrefix) {
  /** Blocks reserved per tier; AZ positions 0..STRIDE-2 fit. */
  public static final int STRIDE = 10;
  /** The largest index the layout can hand out: the last AZ of the last tier. */
  private static final int HIGHEST_INDEX = (SubnetTier.values().length - 1) * STRIDE + Network.MAX_AZS;

  public SubnetLayout {
    Validate.notNull("cidr", vpc);
    if (subnetPrefix <= vpc.prefix() || subnetPrefix > 28) {
      throw Validate.invalid("subnetPrefix", subnetPrefix, "must be longer than the VPC prefix /" + vpc.prefix() + " and at most /28");
    }
    long blocks = 1L << (subnetPrefix - vpc.prefix());
    if (blocks <= HIGHEST_INDEX) {
      throw Validate.invalid("cidr", vpc.toString(), "too small for " + SubnetTier.values().length + " tiers of up to "
          + Network.MAX_AZS + " /" + subnetPrefix + " subnets in the append-only layout (needs " + (HIGHEST_INDEX + 1)
          + " blocks of /" + subnetPrefix + ", the VPC holds " + blocks + "); use a larger VPC (/16 to /" + (subnetPrefix - 5)
          + ") or a longer subnetPrefix");
    }
  }

  public Cidr subnet(SubnetTier tier, int azIndex) {
    if (azIndex < 0 || azIndex >= STRIDE - 1) throw new IllegalArgumentException("AZ position " + azIndex + " is outside 0.." + (STRIDE - 2));
    return vpc.subnet(subnetPrefix, tier.slot() * STRIDE + azIndex + 1);
  }
}
