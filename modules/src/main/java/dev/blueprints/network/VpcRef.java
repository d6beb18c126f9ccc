package dev.blueprints.network;

import dev.blueprints.core.Cidr;
import dev.blueprints.core.Validate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A VPC the constructs can be placed in: a {@link Network} built here, or one that already exists,
 * described by its attributes ({@link #fromAttributes}). Constructs take {@link #vpcId()} and
 * {@link #subnets(SubnetTier)}, so the rest of an app is the same either way.
 *
 * <pre>{@code
 * VpcRef vpc = VpcRef.fromAttributes("vpc-0a1b2c3d4e5f60718", "10.20.0.0/16",
 *     SubnetGroup.of(SubnetTier.PRIVATE, List.of("subnet-0aa...", "subnet-0bb..."), List.of("eu-west-1a", "eu-west-1b"),
 *         List.of("10.20.1.0/24", "10.20.2.0/24")));
 * new Database(stack, "Db", DatabaseProps.postgres("16").vpcId(vpc.vpcId()).subnets(vpc.subnets(SubnetTier.PRIVATE))...);
 * }</pre>
 *
 * <p>Nothing is looked up: the attributes are written into the configuration as given (AZs and CIDRs are
 * needed at synth, to check that load balancers and databases span two AZs and that rules name real
 * ranges). An imported VPC is not changed: its flow logs, endpoints and default security group stay as they are.
 */
public interface VpcRef {
  String vpcId();

  /** The VPC's primary IPv4 CIDR. */
  String cidr();

  /** The subnets of {@code tier}; fails naming the tiers that exist. */
  SubnetGroup subnets(SubnetTier tier);

  boolean hasTier(SubnetTier tier);

  /**
   * An existing VPC: its id ({@code vpc-} and 8 or 17 hex digits, or a reference), its CIDR and one
   * {@link SubnetGroup} per tier, each inside the VPC's CIDR.
   */
  static VpcRef fromAttributes(String vpcId, String cidr, SubnetGroup... subnets) {
    return new Imported(vpcId, cidr, List.of(subnets));
  }

  /** The {@link #fromAttributes} implementation. */
  final class Imported implements VpcRef {
    private static final Pattern VPC_ID = Pattern.compile("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$");
    private static final Pattern SUBNET_ID = Pattern.compile("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$");
    private final String vpcId;
    private final String cidr;
    private final Map<SubnetTier, SubnetGroup> tiers = new EnumMap<>(SubnetTier.class);

    private Imported(String vpcId, String cidr, List<SubnetGroup> groups) {
      this.vpcId = reference("vpcId", vpcId, VPC_ID, "a VPC id such as vpc-0a1b2c3d4e5f60718, or a reference");
      Cidr block = Cidr.parse("cidr", cidr);
      this.cidr = cidr;
      if (groups.isEmpty()) throw Validate.invalid("subnets", groups, "at least one SubnetGroup (one per tier)");
      for (SubnetGroup g : groups) {
        Validate.notNull("subnets", g);
        String field = "subnets[" + g.tier() + "]";
        if (tiers.containsKey(g.tier())) throw Validate.invalid(field, g.subnetIds(), "one SubnetGroup per tier; " + g.tier() + " is given twice");
        int n = g.subnetIds().size();
        if (n == 0) throw Validate.invalid(field + ".subnetIds", g.subnetIds(), "at least one subnet id");
        if (g.availabilityZones().size() != n || g.cidrs().size() != n) {
          throw Validate.invalid(field, g.subnetIds(), "one availability zone and one CIDR per subnet id, in the same order; got "
              + n + " ids, " + g.availabilityZones().size() + " AZs, " + g.cidrs().size() + " CIDRs");
        }
        for (int i = 0; i < n; i++) {
          reference(field + ".subnetIds[" + i + "]", g.subnetIds().get(i), SUBNET_ID, "a subnet id such as subnet-0a1b2c3d4e5f60718, or a reference");
          Validate.notBlank(field + ".availabilityZones[" + i + "]", g.availabilityZones().get(i));
          Cidr subnet = Cidr.parse(field + ".cidrs[" + i + "]", g.cidrs().get(i));
          if (!block.contains(subnet)) {
            throw Validate.invalid(field + ".cidrs[" + i + "]", g.cidrs().get(i), "a block inside the VPC's " + cidr);
          }
        }
        tiers.put(g.tier(), g);
      }
    }

    private static String reference(String field, String value, Pattern pattern, String allowed) {
      Validate.notBlank(field, value);
      if (value.contains("${") || value.contains("TOKEN")) return value;
      return Validate.matches(field, value, pattern, allowed);
    }

    @Override
    public String vpcId() {
      return vpcId;
    }

    @Override
    public String cidr() {
      return cidr;
    }

    @Override
    public SubnetGroup subnets(SubnetTier tier) {
      SubnetGroup group = tiers.get(tier);
      if (group == null) throw Validate.invalid("tier", tier, "the imported VPC " + vpcId + " has the tiers " + tiers.keySet());
      return group;
    }

    @Override
    public boolean hasTier(SubnetTier tier) {
      return tiers.containsKey(tier);
    }
  }
}
