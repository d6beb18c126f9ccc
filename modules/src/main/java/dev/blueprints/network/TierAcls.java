package dev.blueprints.network;

import com.hashicorp.cdktf.providers.aws.network_acl.NetworkAcl;
import com.hashicorp.cdktf.providers.aws.network_acl.NetworkAclEgress;
import com.hashicorp.cdktf.providers.aws.network_acl.NetworkAclIngress;
import dev.blueprints.core.Validate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.constructs.Construct;

/**
 * The network ACL of each subnet tier, derived from {@link TierFlow}s. Per tier and direction the rules are, in
 * evaluation order:
 * <ol>
 *   <li>allows for traffic inside the VPC, each naming the exact subnet CIDRs of the other tier (from 100);</li>
 *   <li>a deny of the rest of the VPC CIDR ({@value #DENY_VPC_RULE}), so the wide internet rules below never
 *       open one tier to another;</li>
 *   <li>allows for traffic with the internet, {@code 0.0.0.0/0} (from {@value #INTERNET_RULES});</li>
 *   <li>the implicit deny of everything else.</li>
 * </ol>
 * Each flow allows the request port where it leaves and where it arrives, and the ephemeral return ports the other
 * way. A flow from the private tier to the internet also crosses the public tier, where the NAT gateways are.
 * Tiers with internet traffic accept ICMP "fragmentation needed" from anywhere, which path MTU discovery needs.
 */
final class TierAcls {
  static final int VPC_RULES = 100;
  static final int DENY_VPC_RULE = 30000;
  static final int INTERNET_RULES = 31000;
  /** The default quota of rules per direction of a network ACL. */
  static final int MAX_RULES = 20;
  private static final String ANYWHERE = "0.0.0.0/0";

  /** One stateless rule: direction, CIDR and protocol/ports, before numbering. */
  record Rule(boolean ingress, String cidr, Port port) {}

  private TierAcls() {}

  static Map<SubnetTier, NetworkAcl> create(Construct scope, String vpcId, String vpcCidr, String name,
      Map<SubnetTier, SubnetGroup> tiers, List<TierFlow> flows) {
    Map<SubnetTier, Set<Rule>> rules = rules(tiers, flows);
    // Every tier and direction is checked before any ACL is created.
    Map<SubnetTier, List<List<Entry>>> numbered = new EnumMap<>(SubnetTier.class);
    for (SubnetTier tier : tiers.keySet()) {
      Set<Rule> tierRules = rules.getOrDefault(tier, Set.of());
      List<List<Entry>> directions = List.of(entries(tierRules, true, vpcCidr), entries(tierRules, false, vpcCidr));
      for (int d = 0; d < 2; d++) {
        if (directions.get(d).size() > MAX_RULES) {
          throw Validate.invalid("networkAcls", directions.get(d).size() + " " + (d == 0 ? "inbound" : "outbound") + " rules on the "
              + tier.label() + " tier", "at most " + MAX_RULES + " per direction (the default quota); merge flows into port ranges or use fewer AZs");
        }
      }
      numbered.put(tier, directions);
    }
    Map<SubnetTier, NetworkAcl> acls = new EnumMap<>(SubnetTier.class);
    for (SubnetTier tier : tiers.keySet()) {
      List<NetworkAclIngress> ingress = new ArrayList<>();
      List<NetworkAclEgress> egress = new ArrayList<>();
      for (Entry e : numbered.get(tier).get(0)) {
        var rule = NetworkAclIngress.builder().ruleNo(e.number()).action(e.action()).cidrBlock(e.cidr())
            .protocol(e.protocol()).fromPort(e.from()).toPort(e.to());
        if (e.protocol().equals("icmp")) rule.icmpType(3).icmpCode(4);
        ingress.add(rule.build());
      }
      for (Entry e : numbered.get(tier).get(1)) {
        egress.add(NetworkAclEgress.builder().ruleNo(e.number()).action(e.action()).cidrBlock(e.cidr())
            .protocol(e.protocol()).fromPort(e.from()).toPort(e.to()).build());
      }
      String label = tier.name().charAt(0) + tier.label().substring(1);
      acls.put(tier, NetworkAcl.Builder.create(scope, label + "NetworkAcl")
          .vpcId(vpcId)
          .subnetIds(tiers.get(tier).subnetIds())
          .ingress(ingress)
          .egress(egress)
          .tags(Map.of("Name", name + "-" + tier.label(), "Tier", tier.label()))
          .build());
    }
    return acls;
  }

  /** A numbered rule as the ACL gets it; {@code icmp} stands for type 3 code 4 (fragmentation needed). */
  record Entry(int number, String action, String cidr, String protocol, int from, int to) {}

  /** One direction of a tier's ACL, in rule-number order: VPC allows, the VPC deny, internet allows, ICMP. */
  static List<Entry> entries(Set<Rule> rules, boolean ingress, String vpcCidr) {
    List<Entry> vpc = new ArrayList<>();
    List<Entry> internet = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.ingress() != ingress) continue;
      boolean wide = rule.cidr().equals(ANYWHERE);
      List<Entry> into = wide ? internet : vpc;
      int number = (wide ? INTERNET_RULES : VPC_RULES) + 10 * into.size();
      into.add(new Entry(number, "allow", rule.cidr(), rule.port().protocol(), rule.port().from(), rule.port().to()));
    }
    List<Entry> out = new ArrayList<>(vpc);
    out.add(new Entry(DENY_VPC_RULE, "deny", vpcCidr, "-1", 0, 0));
    out.addAll(internet);
    if (ingress && !internet.isEmpty()) {
      // ICMP type 3 code 4: routers on the way report a smaller MTU; without it large responses can stall.
      out.add(new Entry(INTERNET_RULES + 10 * internet.size(), "allow", ANYWHERE, "icmp", 0, 0));
    }
    return out;
  }

  /** The allow rules of every tier, in flow order, duplicates merged. */
  static Map<SubnetTier, Set<Rule>> rules(Map<SubnetTier, SubnetGroup> tiers, List<TierFlow> flows) {
    Map<SubnetTier, Set<Rule>> out = new EnumMap<>(SubnetTier.class);
    for (TierFlow flow : flows) {
      List<String> sources = cidrs(tiers, flow.from());
      List<String> targets = cidrs(tiers, flow.to());
      if (flow.from() != null) {
        for (String target : targets) {
          add(out, flow.from(), new Rule(false, target, flow.port()));
          add(out, flow.from(), new Rule(true, target, returnPorts(flow.port())));
        }
      }
      if (flow.to() != null) {
        for (String source : sources) {
          add(out, flow.to(), new Rule(true, source, flow.port()));
          add(out, flow.to(), new Rule(false, source, returnPorts(flow.port())));
        }
      }
      if (flow.from() == SubnetTier.PRIVATE && flow.to() == null) {
        // Through the NAT gateways in the public tier: in from the private subnets, out to the internet, and back.
        for (String source : sources) {
          add(out, SubnetTier.PUBLIC, new Rule(true, source, flow.port()));
          add(out, SubnetTier.PUBLIC, new Rule(false, source, returnPorts(flow.port())));
        }
        add(out, SubnetTier.PUBLIC, new Rule(false, ANYWHERE, flow.port()));
        add(out, SubnetTier.PUBLIC, new Rule(true, ANYWHERE, returnPorts(flow.port())));
      }
    }
    return out;
  }

  private static Port returnPorts(Port port) {
    return new Port(port.protocol(), TierFlow.EPHEMERAL.from(), TierFlow.EPHEMERAL.to());
  }

  private static List<String> cidrs(Map<SubnetTier, SubnetGroup> tiers, SubnetTier tier) {
    return tier == null ? List.of(ANYWHERE) : tiers.get(tier).cidrs();
  }

  private static void add(Map<SubnetTier, Set<Rule>> out, SubnetTier tier, Rule rule) {
    out.computeIfAbsent(tier, t -> new LinkedHashSet<>()).add(rule);
  }
}
