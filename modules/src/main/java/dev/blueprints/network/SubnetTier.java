package dev.blueprints.network;

/**
 * The subnet tiers of a {@link Network}. Each tier owns a fixed slot of the VPC's address space, so
 * adding a tier never moves another tier's subnets.
 */
public enum SubnetTier {
  /** Routes to the internet gateway; load balancers and NAT gateways. */
  PUBLIC(0),
  /** Egress to the internet through NAT only; services and instances. */
  PRIVATE(1),
  /** No route beyond the VPC; databases and caches. */
  ISOLATED(2);

  private final int slot;

  SubnetTier(int slot) {
    this.slot = slot;
  }

  /** Position of the tier's block in the append-only layout. */
  public int slot() {
    return slot;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
