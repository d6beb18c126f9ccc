package dev.blueprints.compute;

import static dev.blueprints.testing.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.data.DatabaseProps;
import dev.blueprints.data.RedisCacheProps;
import dev.blueprints.network.Network;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import org.junit.jupiter.api.Test;

/** Input AWS refuses at plan or apply, given through the modules' API: each fails at synth with one message. */
class BadPropsTest {
  @Test
  void windowsThatOverlapWhereAwsRequiresThemApart() {
    BlueprintStack stack = Fixtures.stack("data");
    Network network = Fixtures.network(stack);
    var isolated = network.subnets(SubnetTier.ISOLATED);
    assertEquals("backupWindow = \"04:00-05:00\" overlaps maintenanceWindow = \"sun:04:30-sun:05:30\": AWS requires the two "
        + "windows apart; move one of them",
        error(() -> DatabaseProps.postgres("15").vpcId("vpc-1").subnets(isolated).backupWindow("04:00-05:00").build()));
    assertTrue(error(() -> DatabaseProps.postgres("15").vpcId("vpc-1").subnets(isolated).backupWindow("23:30-00:30")
        .maintenanceWindow("mon:00:00-mon:01:00").build()).startsWith("backupWindow = \"23:30-00:30\" overlaps"), "across midnight");
    assertTrue(error(() -> DatabaseProps.postgres("15").vpcId("vpc-1").subnets(isolated).backupWindow("03:00-03:15").build())
        .equals("backupWindow = \"03:00-03:15\" is invalid: at least 30 minutes long"));
    assertTrue(error(() -> RedisCacheProps.builder("vpc-1", isolated).snapshotWindow("05:30-06:30").build())
        .startsWith("snapshotWindow = \"05:30-06:30\" overlaps maintenanceWindow = \"sun:05:00-sun:06:00\""));
    DatabaseProps.postgres("15").vpcId("vpc-1").subnets(isolated).backupWindow("05:30-06:30").build();
  }

  @Test
  void aTargetTypeTheNetworkModeCannotRegister() {
    BlueprintStack stack = Fixtures.stack("compute");
    Network network = Fixtures.network(stack);
    var privateSubnets = network.subnets(SubnetTier.PRIVATE);
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, network.vpcId(),
        network.subnets(SubnetTier.PUBLIC)).build());
    TargetGroup instances = alb.addTargetGroup("Instances", TargetGroupProps.builder(8000).targetType(TargetType.INSTANCE).build());
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    String message = error(() -> EcsServiceProps.builder(cluster, network.vpcId(), privateSubnets)
        .container(ContainerSpec.builder("app", "public.ecr.aws/acme/app:1.0.0").port(8000).build())
        .loadBalancer(instances, alb, "app", 8000).build());
    assertEquals("loadBalancer.targetType = \"INSTANCE\" is invalid: tasks in AWSVPC network mode register as IP targets; "
        + "build the target group with targetType(TargetType.IP)", message);
  }

  @Test
  void aCertificateFromAnotherRegionThanItsLoadBalancer() {
    BlueprintStack stack = Fixtures.stack("compute");
    Network network = Fixtures.network(stack);
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, network.vpcId(),
        network.subnets(SubnetTier.PUBLIC)).internetFacing().build());
    TargetGroup target = alb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    String message = error(() -> alb.addHttpsListener("arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50", target));
    assertEquals("certificate = \"arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50\" is invalid: a certificate in "
        + "eu-west-1, the load balancer's region (this one is in us-east-1)", message);
  }

  @Test
  void anImageReferenceWithWhitespaceAndAnInstanceTypeThatDoesNotExist() {
    assertTrue(error(() -> ContainerSpec.builder("app", "public.ecr.aws/acme/app:1.0.0\n").build())
        .startsWith("container.image = \"public.ecr.aws/acme/app:1.0.0\n\" is invalid: an image reference without spaces"));
    assertEquals("instanceType = \"t3.8xlarge\" is invalid: burstable t3 comes in sizes [nano, micro, small, medium, large, xlarge, 2xlarge]",
        error(() -> InstanceTypes.require("instanceType", "t3.8xlarge")));
    assertEquals("instanceType = \"m6i.5xlarge\" is invalid: a size EC2 offers: 5xlarge does not exist",
        error(() -> InstanceTypes.require("instanceType", "m6i.5xlarge")));
    InstanceTypes.require("instanceType", "m7g.16xlarge");
  }

  @Test
  void gravitonCapacityBootsTheArm64EcsAmi() {
    BlueprintStack stack = Fixtures.stack("compute");
    Network network = Fixtures.network(stack);
    new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(
        Ec2Capacity.builder(network.vpcId(), network.subnets(SubnetTier.PRIVATE), "t4g.medium").build()).build());
    JsonNode ami = Synthesized.of(stack).root().path("data").path("aws_ssm_parameter").elements().next();
    assertEquals(EcsCluster.ECS_AMI_PARAMETER_ARM64, ami.path("name").asText());
  }

  @Test
  void aDuplicateConstructIdIsOneMessage() {
    BlueprintStack stack = Fixtures.stack("compute");
    new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    assertEquals("construct id \"Cluster\" is used twice in test-dev-compute: the children of one scope need ids of their own",
        error(() -> new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build())));
  }
}
