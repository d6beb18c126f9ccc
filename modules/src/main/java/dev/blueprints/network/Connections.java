package dev.blueprints.network;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import dev.blueprints.core.Cidr;
import dev.blueprints.core.Memo;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Validate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.constructs.Construct;

/**
 * Security-group wiring by intent. {@code db.connections().allowFrom(service, Port.tcp(5432), "app to db")}
 * writes the ingress rule on the database's group and the matching egress rule on the service's group,
 * since egress is denied by default. Calling it twice adds nothing. Every rule carries a description.
 *
 * <p>When the two groups live in different stacks, both rules are written in the stack created later
 * (the consumer: compute after data after network), so the earlier stack never depends on the later
 * one and the stack graph stays acyclic.
 *
 * <p>Nothing opens to {@code 0.0.0.0/0} except through {@link #allowFromAnyIpv4} and
 * {@link #allowToAnyIpv4}, whose names say what they do.
 */
public final class Connections {
  private static final String ANY_IPV4 = "0.0.0.0/0";
  private final SecurityGroup group;
  /** Ids of the rules created on this group, kept on the Java side rather than asked of the construct tree. */
  private final Set<String> ruleIds = new HashSet<>();
  private final Memo<String> label = Memo.of(this::computeLabel);

  Connections(SecurityGroup group) {
    this.group = group;
  }

  public SecurityGroup securityGroup() {
    return group;
  }

  public String securityGroupId() {
    return group.id();
  }

  /** A stable name for ids: the group's construct path inside its stack, e.g. {@code BackendService}. */
  public String label() {
    return label.get();
  }

  private String computeLabel() {
    List<String> ids = Stacks.path(group);
    StringBuilder label = new StringBuilder();
    for (int i = 1; i < ids.size(); i++) { // ids.get(0) is the stack
      String id = ids.get(i);
      if (id.equals("Default")) continue;  // left out of Terraform addresses by CDKTF, and so out of rule ids
      if (i == ids.size() - 1 && id.equals("SecurityGroup") && label.length() > 0) continue;
      label.append(id.replaceAll("[^A-Za-z0-9]", ""));
    }
    return label.toString();
  }

  /** Lets {@code peer} reach this group on {@code port}: ingress here, egress on the peer. */
  public Connections allowFrom(Connectable peer, Port port, String description) {
    Connections source = Validate.notNull("peer", peer).connections();
    requireDescription(description);
    SecurityGroup host = laterStackSide(group, source.group);
    String id = "Allow" + source.label() + "To" + label() + port.slug();
    if (!host.connections().ruleIds.add(id + "Ingress")) return this;
    ingress(host, id + "Ingress", port, description).referencedSecurityGroupId(source.group.id()).build();
    egress(host, id + "Egress", source.group, port, description).referencedSecurityGroupId(group.id()).build();
    return this;
  }

  /** Lets this group reach {@code peer} on {@code port}: the mirror of {@link #allowFrom}. */
  public Connections allowTo(Connectable peer, Port port, String description) {
    Validate.notNull("peer", peer).connections().allowFrom(group, port, description);
    return this;
  }

  /** Ingress from a private CIDR block (e.g. the VPC's); {@code 0.0.0.0/0} must use {@link #allowFromAnyIpv4}. */
  public Connections allowFromCidr(String cidr, Port port, String description) {
    Cidr block = requirePrivateCidr("cidr", cidr, "allowFromAnyIpv4");
    requireDescription(description);
    String id = "AllowFromCidr" + block.toString().replaceAll("[^0-9]", "x") + port.slug();
    if (ruleIds.add(id)) ingress(group, id, port, description).cidrIpv4(cidr).build();
    return this;
  }

  /** Ingress from the whole internet. For internet-facing load balancers only; the name is the warning. */
  public Connections allowFromAnyIpv4(Port port, String description) {
    requireDescription(description);
    String id = "AllowFromAnyIpv4" + port.slug();
    if (ruleIds.add(id)) ingress(group, id, port, description).cidrIpv4(ANY_IPV4).build();
    return this;
  }

  /** Egress to a private CIDR block; {@code 0.0.0.0/0} must use {@link #allowToAnyIpv4}. */
  public Connections allowToCidr(String cidr, Port port, String description) {
    Cidr block = requirePrivateCidr("cidr", cidr, "allowToAnyIpv4");
    requireDescription(description);
    String id = "AllowToCidr" + block.toString().replaceAll("[^0-9]", "x") + port.slug();
    if (ruleIds.add(id)) egress(group, id, group, port, description).cidrIpv4(cidr).build();
    return this;
  }

  /** Egress to the whole internet (through NAT), e.g. HTTPS to an external API or to ECR. */
  public Connections allowToAnyIpv4(Port port, String description) {
    requireDescription(description);
    String id = "AllowToAnyIpv4" + port.slug();
    if (ruleIds.add(id)) egress(group, id, group, port, description).cidrIpv4(ANY_IPV4).build();
    return this;
  }

  /** Egress to a managed prefix list, e.g. the S3 gateway endpoint's; {@code name} keeps the rule's id stable. */
  public Connections allowToPrefixList(String name, String prefixListId, Port port, String description) {
    Validate.matches("name", name, java.util.regex.Pattern.compile("[A-Za-z0-9]+"), "letters and digits");
    requireDescription(description);
    String id = "AllowTo" + name + port.slug();
    if (ruleIds.add(id)) egress(group, id, group, port, description).prefixListId(prefixListId).build();
    return this;
  }

  private VpcSecurityGroupIngressRule.Builder ingress(Construct host, String id, Port port, String description) {
    var rule = VpcSecurityGroupIngressRule.Builder.create(host, id)
        .securityGroupId(group.id())
        .ipProtocol(port.protocol())
        .description(description);
    if (!port.isAllTraffic()) rule.fromPort(port.from()).toPort(port.to());
    return rule;
  }

  private static VpcSecurityGroupEgressRule.Builder egress(Construct host, String id, SecurityGroup on, Port port, String description) {
    var rule = VpcSecurityGroupEgressRule.Builder.create(host, id)
        .securityGroupId(on.id())
        .ipProtocol(port.protocol())
        .description(description);
    if (!port.isAllTraffic()) rule.fromPort(port.from()).toPort(port.to());
    return rule;
  }

  /** Of two groups, the one whose stack was added to the app last (the same group when they share a stack). */
  private static SecurityGroup laterStackSide(SecurityGroup target, SecurityGroup source) {
    TerraformStack targetStack = Stacks.of(target);
    TerraformStack sourceStack = Stacks.of(source);
    if (targetStack == sourceStack) return target;
    return Stacks.addedAfter(sourceStack, targetStack) ? source : target;
  }

  private static void requireDescription(String description) {
    Validate.notBlank("description", description);
    if (description.length() > 255) throw Validate.invalid("description", description, "at most 255 characters");
  }

  private static Cidr requirePrivateCidr(String field, String cidr, String namedMethod) {
    Cidr block = Cidr.parse(field, cidr);
    if (block.prefix() == 0) {
      throw Validate.invalid(field, cidr, "opening to the whole internet needs the explicitly named " + namedMethod + "(...)");
    }
    return block;
  }
}
