package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Certificate;
import dev.blueprints.network.HostedZone;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.network.VpcRef;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Existing VPC, subnets, cluster, certificate and hosted zone used by the constructs. */
class ImportsTest {
  private static final String VPC = "vpc-0a1b2c3d4e5f60718";
  private static final SubnetGroup PRIVATE = SubnetGroup.of(SubnetTier.PRIVATE,
      List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"), Fixtures.AZS, List.of("10.20.1.0/24", "10.20.2.0/24"));
  private static final SubnetGroup PUBLIC = SubnetGroup.of(SubnetTier.PUBLIC,
      List.of("subnet-0cccccccccccccccc", "subnet-0dddddddddddddddd"), Fixtures.AZS, List.of("10.20.101.0/24", "10.20.102.0/24"));
  private static final String CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void anExistingVpcClusterCertificateAndZoneCarryAServiceBehindHttps() {
    BlueprintStack stack = Fixtures.stack("imports");
    VpcRef vpc = VpcRef.fromAttributes(VPC, "10.20.0.0/16", PRIVATE, PUBLIC);
    EcsCluster cluster = EcsCluster.fromName(stack, "Cluster", "platform-shared");
    assertTrue(cluster.isImported());
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, vpc.vpcId(),
        vpc.subnets(SubnetTier.PUBLIC)).internetFacing().build());
    TargetGroup target = alb.addTargetGroup("App", TargetGroupProps.builder(8000).targetType(TargetType.IP)
        .healthCheck(HealthCheck.http("/health")).build());
    alb.addHttpsListener(Certificate.fromArn(CERT), target);
    new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, vpc.vpcId(), vpc.subnets(SubnetTier.PRIVATE))
        .container(ContainerSpec.builder("app", EcsServiceTest.IMAGE).port(8000).build())
        .loadBalancer(target.arn(), alb, "app", 8000).build());
    HostedZone zone = HostedZone.fromAttributes("Z0123456789ABCDEFGHIJ", "Example.com.");
    zone.addAlias(stack, "AppRecord", "app.example.com", alb.dnsName(), alb.zoneId());
    Synthesized json = Synthesized.of(stack);

    assertEquals(0, json.count("aws_ecs_cluster"), "an imported cluster is not managed");
    assertEquals(0, json.count("aws_vpc"));
    assertEquals(1, json.dataSources("aws_ecs_cluster").size());
    String clusterArn = "${data.aws_ecs_cluster." + json.dataSources("aws_ecs_cluster").keySet().iterator().next() + ".arn}";
    assertEquals("platform-shared", json.dataSources("aws_ecs_cluster").values().iterator().next().path("cluster_name").asText());
    JsonNode service = json.only("aws_ecs_service");
    assertEquals(clusterArn, service.path("cluster").asText());
    assertEquals("FARGATE", service.path("capacity_provider_strategy").get(0).path("capacity_provider").asText());
    assertEquals(List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"),
        Synthesized.JSON.convertValue(service.path("network_configuration").path("subnets"), List.class));
    assertEquals(VPC, json.only("aws_lb_target_group").path("vpc_id").asText());
    assertEquals(CERT, json.only("aws_lb_listener", "port", 443).path("certificate_arn").asText());
    JsonNode record = json.only("aws_route53_record");
    assertEquals("Z0123456789ABCDEFGHIJ", record.path("zone_id").asText());
    assertEquals("app.example.com", record.path("name").asText());
    JsonNode alias = record.path("alias").isArray() ? record.path("alias").get(0) : record.path("alias");
    assertEquals(json.ref("aws_lb", json.only("aws_lb"), "dns_name"), alias.path("name").asText());
    assertTrue(alias.path("evaluate_target_health").asBoolean());
  }

  @Test
  void anExistingLoadBalancerTakesTargetGroupsListenersAndConnections() {
    BlueprintStack stack = Fixtures.stack("imports");
    String arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shared/0123456789abcdef";
    LoadBalancer shared = LoadBalancer.fromAttributes(stack, "Shared", LoadBalancerKind.APPLICATION, arn, "sg-0a1b2c3d4e5f60718", true);
    TargetGroup target = shared.addTargetGroup("App", TargetGroupProps.builder(8000).targetType(TargetType.IP)
        .healthCheck(HealthCheck.http("/health")).build());
    shared.addHttpsListener(CERT, target);
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, VPC, PRIVATE)
        .container(ContainerSpec.builder("app", EcsServiceTest.IMAGE).port(8000).build())
        .loadBalancer(target.arn(), shared, "app", 8000).build());
    Synthesized json = Synthesized.of(stack);

    assertEquals(0, json.count("aws_lb"), "an imported load balancer is not managed");
    String lbKey = json.dataSources("aws_lb").keySet().iterator().next();
    assertEquals(arn, json.dataSources("aws_lb").get(lbKey).path("arn").asText());
    assertEquals("${data.aws_lb." + lbKey + ".vpc_id}", json.only("aws_lb_target_group").path("vpc_id").asText());
    assertEquals(arn, json.only("aws_lb_listener", "port", 443).path("load_balancer_arn").asText());
    // the imported group gets the listener ingress and the rule towards the service
    long onShared = json.resources("aws_vpc_security_group_ingress_rule").values().stream()
        .filter(r -> r.path("security_group_id").asText().equals("sg-0a1b2c3d4e5f60718")).count()
        + json.resources("aws_vpc_security_group_egress_rule").values().stream()
        .filter(r -> r.path("security_group_id").asText().equals("sg-0a1b2c3d4e5f60718")).count();
    assertTrue(onShared >= 3, "443 and 80 from the internet and egress to the service, got " + onShared);
    assertEquals(1, json.dataSources("aws_security_group").size());
    assertTrue(message(() -> LoadBalancer.fromAttributes(stack, "Nlb", LoadBalancerKind.NETWORK, arn, "sg-0a1b2c3d4e5f60718", false))
        .startsWith("kind = NETWORK is invalid: the kind of the load balancer the ARN names (APPLICATION)"));
    assertTrue(message(() -> LoadBalancer.fromAttributes(stack, "Bad", LoadBalancerKind.APPLICATION, arn, "sg-1", false))
        .startsWith("securityGroupId = \"sg-1\" is invalid"));
  }

  @Test
  void badImportsFailNamingTheFieldAndTheValue() {
    assertTrue(message(() -> VpcRef.fromAttributes("vpc-123", "10.20.0.0/16", PRIVATE)).startsWith("vpcId = \"vpc-123\" is invalid"));
    assertEquals("subnets[PRIVATE].cidrs[0] = \"10.99.1.0/24\" is invalid: a block inside the VPC's 10.20.0.0/16",
        message(() -> VpcRef.fromAttributes(VPC, "10.20.0.0/16", SubnetGroup.of(SubnetTier.PRIVATE,
            List.of("subnet-0aaaaaaaaaaaaaaaa"), List.of("eu-west-1a"), List.of("10.99.1.0/24")))));
    assertTrue(message(() -> VpcRef.fromAttributes(VPC, "10.20.0.0/16", SubnetGroup.of(SubnetTier.PRIVATE,
        List.of("subnet-0aaaaaaaaaaaaaaaa"), List.of(), List.of()))).contains("one availability zone and one CIDR per subnet id"));
    assertTrue(message(() -> VpcRef.fromAttributes(VPC, "10.20.0.0/16", PRIVATE).subnets(SubnetTier.ISOLATED))
        .startsWith("tier = ISOLATED is invalid: the imported VPC vpc-0a1b2c3d4e5f60718 has the tiers [PRIVATE]"));
    assertTrue(message(() -> Certificate.fromArn("arn:aws:iam::123456789012:server-certificate/x")).startsWith("certificateArn = "));
    assertTrue(message(() -> Certificate.fromArn(CERT.replace("eu-west-1", "us-east-1")).requireRegion("certificate", "eu-west-1"))
        .contains("a certificate in eu-west-1, the load balancer's region (this one is in us-east-1)"));
    assertTrue(message(() -> HostedZone.fromAttributes("z-1", "example.com")).startsWith("zoneId = \"z-1\" is invalid"));
    BlueprintStack stack = Fixtures.stack("imports");
    assertTrue(message(() -> HostedZone.fromAttributes("Z0123456789ABCDEFGHIJ", "example.com")
        .addAlias(stack, "R", "app.example.org", "x", "y")).startsWith("recordName = \"app.example.org\" is invalid"));
    assertTrue(message(() -> EcsCluster.fromName(stack, "C", "no spaces")).startsWith("clusterName = \"no spaces\" is invalid"));
  }
}
