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
    Map<SubnetTier, NetworkAcl> acls = new EnumMap<>(SubnetTier.class);
    for (SubnetTier tier : tiers.keySet()) {
      Set<Rule> tierRules = rules.getOrDefault(tier, Set.of());
      List<NetworkAclIngress> ingress = new ArrayList<>();
      List<NetworkAclEgress> egress = new ArrayList<>();
      for (boolean in : List.of(true, false)) {
        int vpcNo = VPC_RULES;
        int internetNo = INTERNET_RULES;
        boolean internet = false;
        List<Object[]> numbered = new ArrayList<>();
        for (Rule rule : tierRules) {
          if (rule.ingress() != in) continue;
          boolean wide = rule.cidr().equals(ANYWHERE);
          internet |= wide;
          numbered.add(new Object[] {wide ? internetNo : vpcNo, "allow", rule.cidr(), rule.port()});
          if (wide) internetNo += 10; else vpcNo += 10;
        }
        numbered.add(new Object[] {DENY_VPC_RULE, "deny", vpcCidr, Port.allTraffic()});
        if (in && internet) {
          // ICMP type 3 code 4: routers on the way report a smaller MTU; without it large responses can stall.
          ingress.add(NetworkAclIngress.builder().ruleNo(internetNo).action("allow").cidrBlock(ANYWHERE)
              .protocol("icmp").fromPort(0).toPort(0).icmpType(3).icmpCode(4).build());
        }
        int count = numbered.size() + (in && internet ? 1 : 0);
        if (count > MAX_RULES) {
          throw Validate.invalid("networkAcls", count + " " + (in ? "inbound" : "outbound") + " rules on the " + tier.label() + " tier",
              "at most " + MAX_RULES + " per direction (the default quota); merge flows into port ranges or use fewer AZs");
        }
        for (Object[] r : numbered) {
          Port port = (Port) r[3];
          String protocol = port.isAllTraffic() ? "-1" : port.protocol();
          int from = port.isAllTraffic() ? 0 : port.from();
          int to = port.isAllTraffic() ? 0 : port.to();
          if (in) {
            ingress.add(NetworkAclIngress.builder().ruleNo((Integer) r[0]).action((String) r[1]).cidrBlock((String) r[2])
                .protocol(protocol).fromPort(from).toPort(to).build());
          } else {
            egress.add(NetworkAclEgress.builder().ruleNo((Integer) r[0]).action((String) r[1]).cidrBlock((String) r[2])
                .protocol(protocol).fromPort(from).toPort(to).build());
          }
        }
      }
      String label = tier.name().charAt(0) + tier.label().substring(1);
      ingress.sort(java.util.Comparator.comparing(r -> r.getRuleNo().intValue()));
      egress.sort(java.util.Comparator.comparing(r -> r.getRuleNo().intValue()));
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
