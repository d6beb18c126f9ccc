package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.rule;

import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.security_group_rule.SecurityGroupRule;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {
  private static SecurityGroup group(BlueprintStack stack, String id) {
    return SecurityGroup.Builder.create(stack, id).name(id.toLowerCase()).description("test group").vpcId("vpc-1").build();
  }

  @Test
  void publicIngressIsAllowedOnlyForWebPortsOnALoadBalancerGroup() {
    BlueprintStack stack = dev();
    SecurityGroup lbGroup = group(stack, "LbSg");
    VpcSecurityGroupIngressRule https = VpcSecurityGroupIngressRule.Builder.create(stack, "Https")
        .securityGroupId(lbGroup.getId()).cidrIpv4("0.0.0.0/0").ipProtocol("tcp").fromPort(443).toPort(443)
        .description("HTTPS from the internet").build();
    Lb.Builder.create(stack, "Lb").securityGroups(List.of(lbGroup.getId())).build();
    passes(stack, "BP-NET-001");

    https.setFromPort(22);
    https.setToPort(22);
    fails(stack, "BP-NET-001", "aws_vpc_security_group_ingress_rule.Https", "ingress from 0.0.0.0/0 to port 22");
  }

  @Test
  void webPortsFromAnywhereOnAGroupNoLoadBalancerUsesFail() {
    BlueprintStack stack = dev();
    SecurityGroup app = group(stack, "AppSg");
    SecurityGroupRule.Builder.create(stack, "Http").type("ingress").securityGroupId(app.getId())
        .cidrBlocks(List.of("0.0.0.0/0")).protocol("tcp").fromPort(80).toPort(80).description("http").build();
    fails(stack, "BP-NET-001", "aws_security_group_rule.Http", "on a group no load balancer in this stack uses");
  }

  @Test
  void inlineIngressFromIpv6AnywhereFailsAndAPeerCidrPasses() {
    BlueprintStack stack = dev();
    SecurityGroup sg = group(stack, "Sg");
    sg.putIngress(List.of(SecurityGroupIngress.builder().fromPort(5432).toPort(5432).protocol("tcp")
        .ipv6CidrBlocks(List.of("::/0")).description("db").build()));
    fails(stack, "BP-NET-001", "aws_security_group.Sg", "ingress from ::/0 to port 5432");
    sg.putIngress(List.of(SecurityGroupIngress.builder().fromPort(5432).toPort(5432).protocol("tcp")
        .cidrBlocks(List.of("10.0.0.0/16")).description("db").build()));
    passes(stack, "BP-NET-001");
  }

  @Test
  void securityGroupsAndRulesNeedDescriptions() {
    BlueprintStack stack = dev();
    SecurityGroup sg = group(stack, "Sg");
    VpcSecurityGroupIngressRule rule = VpcSecurityGroupIngressRule.Builder.create(stack, "Rule")
        .securityGroupId(sg.getId()).referencedSecurityGroupId("sg-2").ipProtocol("tcp").fromPort(443).toPort(443)
        .description("from the load balancer").build();
    rule(stack, "BP-NET-002", "aws_vpc_security_group_ingress_rule.Rule").passes()
        .after(rule::resetDescription).fails("the rule has no description");
    rule(stack, "BP-NET-002", "aws_security_group.Sg")
        .after(sg::resetDescription).fails("the security group has no description")   // absent: AWS fills in "Managed by Terraform"
        .after(() -> sg.putIngress(List.of(SecurityGroupIngress.builder().fromPort(1).toPort(1).protocol("tcp").cidrBlocks(List.of("10.0.0.0/8")).build())))
        .fails("ingress rule 0 has no description");
  }

  @Test
  void theDefaultSecurityGroupIsAdoptedWithoutRules() {
    BlueprintStack stack = dev();
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").cidrBlock("10.0.0.0/16").build();
    fails(stack, "BP-NET-003", "aws_vpc.Vpc", "default security group is not adopted");
    DefaultSecurityGroup dsg = DefaultSecurityGroup.Builder.create(stack, "DefaultSg").vpcId(vpc.getId()).build();
    rule(stack, "BP-NET-003", "aws_default_security_group.DefaultSg").passes()
        .after(() -> dsg.putIngress(List.of(DefaultSecurityGroupIngress.builder().fromPort(0).toPort(0).protocol("-1").cidrBlocks(List.of("10.0.0.0/16")).build())))
        .fails("the default security group has rules");
  }

  @Test
  void subnetsDoNotMapPublicIps() {
    BlueprintStack stack = dev();
    Subnet subnet = Subnet.Builder.create(stack, "Subnet").vpcId("vpc-1").cidrBlock("10.0.0.0/24").mapPublicIpOnLaunch(true).build();
    rule(stack, "BP-NET-004", "aws_subnet.Subnet")
        .fails("map_public_ip_on_launch is true")
        .after(subnet::resetMapPublicIpOnLaunch).passes()   // absent: false
        .after(() -> subnet.setMapPublicIpOnLaunch(false)).passes();
  }

  @Test
  void vpcsHaveFlowLogs() {
    BlueprintStack stack = dev();
    Vpc vpc = Vpc.Builder.create(stack, "Vpc").cidrBlock("10.0.0.0/16").build();
    fails(stack, "BP-NET-005", "aws_vpc.Vpc", "the VPC has no flow log");
    FlowLog.Builder.create(stack, "FlowLog").vpcId(vpc.getId()).trafficType("ALL").logDestination("arn:aws:logs:x").build();
    passes(stack, "BP-NET-005");
  }

  @Test
  void theNetworkModulePassesEveryNetworkRule() {
    BlueprintStack stack = dev();
    Fixtures.network(stack);
    for (String id : List.of("BP-NET-001", "BP-NET-002", "BP-NET-003", "BP-NET-004", "BP-NET-005", "BP-CW-001", "BP-IAM-001",
        "BP-IAM-002", "BP-IAM-003")) {
      passes(stack, id);
    }
  }
}
