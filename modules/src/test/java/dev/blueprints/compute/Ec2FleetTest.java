package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.StackContext;
import dev.blueprints.network.Port;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class Ec2FleetTest {
  private static Ec2FleetProps.Builder props() {
    return Ec2FleetProps.builder("vpc-0123", EcsClusterTest.PRIVATE, "t3.small");
  }

  /** A TerraformStack of its own (no BlueprintStack), carrying the test settings. */
  private static TerraformStack plainStack() {
    TerraformStack stack = new TerraformStack(Testing.app(), "plain");
    StackContext.attach(stack, Fixtures.dev());
    return stack;
  }

  private static String message(Executable build) {
    return assertThrows(IllegalArgumentException.class, build).getMessage();
  }

  @Test
  void aFleetAloneInAPlainStackIsHardened() {
    TerraformStack stack = plainStack();
    Ec2Fleet fleet = new Ec2Fleet(stack, "Workers", props().build());
    Synthesized json = Synthesized.of(stack);

    JsonNode template = json.only("aws_launch_template");
    assertEquals("acme-dev-workers", template.path("name").asText());
    assertEquals("t3.small", template.path("instance_type").asText());
    assertEquals("required", template.at("/metadata_options/http_tokens").asText());
    assertEquals("enabled", template.at("/metadata_options/http_endpoint").asText());
    assertEquals(1, template.at("/metadata_options/http_put_response_hop_limit").asInt());
    JsonNode nic = Synthesized.at(template, "network_interfaces.0");
    assertEquals("false", nic.path("associate_public_ip_address").asText());
    JsonNode sg = json.only("aws_security_group");
    assertEquals("acme-dev-workers", sg.path("name").asText());
    assertEquals(List.of(json.ref("aws_security_group", sg, "id")), List.of(nic.path("security_groups").get(0).asText()));
    JsonNode ebs = Synthesized.at(template, "block_device_mappings.0.ebs");
    assertEquals("true", ebs.path("encrypted").asText());
    assertEquals("gp3", ebs.path("volume_type").asText());
    assertEquals(Ec2FleetProps.DEFAULT_ROOT_VOLUME_GB, ebs.path("volume_size").asInt());
    assertTrue(template.path("key_name").isMissingNode(), "no SSH key: Session Manager");
    assertTrue(template.path("user_data").isMissingNode());
    assertEquals(MachineImage.AL2023_X86, json.dataSources("aws_ssm_parameter").values().iterator().next().path("name").asText());

    JsonNode role = json.only("aws_iam_role");
    assertEquals("acme-dev-workers-instance", role.path("name").asText());
    JsonNode trust = Synthesized.json(role, "assume_role_policy").path("Statement").get(0);
    assertEquals("ec2.amazonaws.com", trust.at("/Principal/Service").asText());
    assertTrue(trust.path("Condition").isMissingNode(), "EC2 sends no aws:SourceAccount");
    assertEquals(Ec2FleetProps.SSM_MANAGED_INSTANCE_CORE, json.only("aws_iam_role_policy_attachment").path("policy_arn").asText());
    JsonNode profile = json.only("aws_iam_instance_profile");
    assertEquals(json.ref("aws_iam_role", role, "name"), profile.path("role").asText());
    assertEquals(json.ref("aws_iam_instance_profile", profile, "arn"), template.at("/iam_instance_profile/arn").asText());

    JsonNode group = json.only("aws_autoscaling_group");
    assertEquals("acme-dev-workers", group.path("name").asText());
    assertEquals(json.ref("aws_launch_template", template, "id"), group.at("/launch_template/id").asText());
    assertEquals(json.ref("aws_launch_template", template, "latest_version"), group.at("/launch_template/version").asText());
    assertEquals(Ec2FleetProps.DEFAULT_MIN_SIZE, group.path("desired_capacity").asInt());
    assertEquals(List.of("subnet-a", "subnet-b"), List.of(group.path("vpc_zone_identifier").get(0).asText(), group.path("vpc_zone_identifier").get(1).asText()));
    assertTrue(group.path("lifecycle").isMissingNode(), "Terraform keeps the desired capacity");
    assertTrue(group.path("tag").findValuesAsText("key").containsAll(List.of("Environment", "CostCenter", "Name")), "stack tags reach the instances");
    assertTrue(template.at("/tag_specifications/0/tags/Environment").isTextual(), "and the volumes");
    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"), "closed until wired");
    assertEquals(0, json.count("aws_vpc_security_group_ingress_rule"));
    assertEquals("acme-dev-workers", fleet.physicalName());
  }

  @Test
  void theFleetIsGrantableAndConnectable() {
    BlueprintStack stack = Fixtures.stack();
    Ec2Fleet fleet = new Ec2Fleet(stack, "Workers", props().build());
    SecurityGroup cache = new SecurityGroup(stack, "Cache", SecurityGroupProps.builder("vpc-0123", "cache", "Cache nodes").build());
    cache.connections().allowFrom(fleet, Port.tcp(6379), "workers to cache");
    fleet.allowHttpsEgressToInternet("package repositories through NAT");
    var registry = new ContainerRegistry(stack, "Images", ContainerRegistryProps.builder("images").build());
    registry.grantPull(fleet);
    Synthesized json = Synthesized.of(stack);

    String fleetSg = json.ref("aws_security_group", json.only("aws_security_group", "name", "acme-test-dev-workers"), "id");
    json.assertResource("aws_vpc_security_group_ingress_rule", Map.of("referenced_security_group_id", fleetSg, "from_port", 6379));
    json.assertResource("aws_vpc_security_group_egress_rule", Map.of("security_group_id", fleetSg, "cidr_ipv4", "0.0.0.0/0", "from_port", 443));
    JsonNode grant = json.only("aws_iam_role_policy");
    assertEquals(json.ref("aws_iam_role", json.only("aws_iam_role"), "id"), grant.path("role").asText());
    assertSame(fleet.role(), fleet.grantRole());
    assertSame(fleet.securityGroup(), fleet.connections().securityGroup());
  }

  @Test
  void optionsReachTheTemplateAndTheGroup() {
    BlueprintStack stack = Fixtures.stack();
    new Ec2Fleet(stack, "Workers", Ec2FleetProps.builder("vpc-0123", EcsClusterTest.PRIVATE, "m7g.large")
        .name("batch").description("Batch workers").securityGroupName("batch-instances")
        .userData("#!/bin/bash\necho ready\n").rootVolumeGb(40).imdsHopLimit(2)
        .managedPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
        .minSize(1).maxSize(8).desiredCapacity(3).externalScaling(true).tag("Team", "data").build());
    Synthesized json = Synthesized.of(stack);
    JsonNode template = json.only("aws_launch_template");
    assertEquals("batch", template.path("name").asText());
    assertEquals("Batch workers", template.path("description").asText());
    assertEquals("Batch workers", json.only("aws_security_group").path("description").asText());
    assertEquals("batch-instances", json.only("aws_security_group").path("name").asText());
    assertEquals("Batch workers", json.only("aws_iam_role").path("description").asText());
    assertEquals("#!/bin/bash\necho ready\n", Synthesized.userData(template));
    assertEquals(40, Synthesized.at(template, "block_device_mappings.0.ebs.volume_size").asInt());
    assertEquals(2, template.at("/metadata_options/http_put_response_hop_limit").asInt());
    assertEquals(MachineImage.AL2023_ARM64, json.dataSources("aws_ssm_parameter").values().iterator().next().path("name").asText(),
        "Graviton boots arm64");
    Set<String> managed = json.resources("aws_iam_role_policy_attachment").values().stream()
        .map(a -> a.path("policy_arn").asText()).collect(Collectors.toSet());
    assertEquals(Set.of(Ec2FleetProps.SSM_MANAGED_INSTANCE_CORE, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"), managed);
    JsonNode group = json.only("aws_autoscaling_group");
    assertEquals("batch", group.path("name").asText());
    assertEquals(3, group.path("desired_capacity").asInt());
    assertEquals("desired_capacity", Synthesized.at(group, "lifecycle.ignore_changes.0").asText());
    assertTrue(group.path("tag").toString().contains("{\"key\":\"Team\",\"propagate_at_launch\":true,\"value\":\"data\"}"));

    BlueprintStack fixed = Fixtures.stack("other");
    new Ec2Fleet(fixed, "Workers", props().image(MachineImage.of("ami-0123456789abcdef0")).build());
    Synthesized fixedJson = Synthesized.of(fixed);
    assertEquals("ami-0123456789abcdef0", fixedJson.only("aws_launch_template").path("image_id").asText());
    assertTrue(fixedJson.dataSources("aws_ssm_parameter").isEmpty());
  }

  @Test
  void bothUsersComposeTheFleetAndKeepTheirAddresses() {
    BlueprintStack stack = Fixtures.stack();
    AutoScalingGroup app = new AutoScalingGroup(stack, "App",
        AutoScalingGroupProps.builder("vpc-0123", EcsClusterTest.PRIVATE, "t3.medium").build());
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(EcsClusterTest.capacity().build()).build());
    Synthesized json = Synthesized.of(stack);

    assertSame(app.fleet().role(), app.role());
    assertSame(app.fleet().securityGroup(), app.securityGroup());
    assertSame(app.fleet().resource(), app.resource());
    assertSame(cluster.fleet().role(), cluster.instanceRole());
    assertSame(cluster.fleet().securityGroup(), cluster.instanceSecurityGroup());
    assertEquals(cluster.fleet().name(), cluster.autoScalingGroupName());
    // The addresses each had before the fleet was a construct of its own (CDKTF leaves the id Default out).
    assertEquals(Set.of("App_F1B96344", "Cluster_AutoScalingGroup_8D4AD9ED"), json.resources("aws_autoscaling_group").keySet());
    assertEquals(Set.of("App_Role_1AF9B530", "Cluster_InstanceRole_D85D9505"), json.resources("aws_iam_role").keySet());
    assertEquals(Set.of("App_SecurityGroup_C292657D", "Cluster_InstanceSecurityGroup_863378B5"), json.resources("aws_security_group").keySet());
    assertEquals(Set.of("App_LaunchTemplate_B5B40588", "Cluster_LaunchTemplate_2ADA805C"), json.resources("aws_launch_template").keySet());
    assertEquals(Set.of("App_InstanceProfile_E36EA74F", "Cluster_InstanceProfile_4AFF3FEC"), json.resources("aws_iam_instance_profile").keySet());
    assertEquals("App", app.connections().label(), "rule ids keep naming the owner");
    assertEquals("ClusterInstanceSecurityGroup", cluster.instanceSecurityGroup().connections().label());

    // What each user adds to the shared fleet.
    JsonNode appGroup = json.resources("aws_autoscaling_group").get("App_F1B96344");
    assertEquals("Rolling", appGroup.at("/instance_refresh/strategy").asText());
    JsonNode clusterGroup = json.resources("aws_autoscaling_group").get("Cluster_AutoScalingGroup_8D4AD9ED");
    assertTrue(clusterGroup.path("instance_refresh").isMissingNode());
    assertTrue(clusterGroup.path("tag").toString().contains("{\"key\":\"AmazonECSManaged\",\"propagate_at_launch\":true,\"value\":\"true\"}"));
    JsonNode clusterTemplate = json.resources("aws_launch_template").get("Cluster_LaunchTemplate_2ADA805C");
    assertTrue(Synthesized.userData(clusterTemplate).contains("ECS_AWSVPC_BLOCK_IMDS=true"));
    assertEquals(EcsCluster.ECS_AMI_PARAMETER, json.dataSources("aws_ssm_parameter").values().stream()
        .map(p -> p.path("name").asText()).filter(name -> name.contains("/ecs/")).findFirst().orElseThrow());
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    assertEquals("subnets = \"public\" is invalid: instances run in the private or isolated tier (they get no public IP)",
        message(() -> Ec2FleetProps.builder("vpc-0123", EcsClusterTest.PUBLIC, "t3.small").build()));
    assertEquals("desiredCapacity = 5 is invalid: between minSize = 2 and maxSize = 4", message(() -> props().desiredCapacity(5).build()));
    assertEquals("minSize = 5 is greater than maxSize = 4: minSize must be <= maxSize", message(() -> props().minSize(5).build()));
    assertEquals("imdsHopLimit = 3 is invalid: allowed range is 1..2", message(() -> props().imdsHopLimit(3).build()));
    assertEquals("rootVolumeGb = 4 is invalid: allowed range is 8..16384", message(() -> props().rootVolumeGb(4).build()));
    assertTrue(message(() -> props().tag("aws:owner", "me").build()).startsWith("tags = \"aws:owner\" is invalid"));
    assertTrue(message(() -> props().tag("Name", "other").build()).startsWith("tags = \"Name\" is invalid"));
    assertTrue(message(() -> props().managedPolicy("AmazonS3ReadOnlyAccess").build()).startsWith("managedPolicyArns = \"AmazonS3ReadOnlyAccess\" is invalid"));
    assertTrue(message(() -> props().description("x".repeat(256)).build()).startsWith("description = "));
    assertTrue(message(() -> props().securityGroupName("sg-workers").build()).startsWith("securityGroupName = \"sg-workers\" is invalid"));
    assertTrue(message(() -> props().userData("x".repeat(17 * 1024)).build()).startsWith("userData = "));
    assertEquals("ami = \"ubuntu\" is invalid: an AMI id such as ami-0123456789abcdef0", message(() -> MachineImage.of("ubuntu")));
    assertTrue(message(() -> new MachineImage("ami-0123456789abcdef0", "/a", "/b")).startsWith("ami = "));
    assertTrue(message(() -> MachineImage.fromSsmParameters("al2023", "/b")).startsWith("x86Parameter = \"al2023\" is invalid"));
    assertTrue(message(() -> Ec2FleetProps.builder("vpc-0123", EcsClusterTest.PRIVATE, "large").build()).startsWith("instanceType = \"large\" is invalid"));
  }
}
