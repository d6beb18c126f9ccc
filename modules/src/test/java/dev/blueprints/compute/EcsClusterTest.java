package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EcsClusterTest {
  static final SubnetGroup PRIVATE = new SubnetGroup(SubnetTier.PRIVATE, List.of("subnet-a", "subnet-b"), Fixtures.AZS,
      List.of("10.0.1.0/24", "10.0.2.0/24"), List.of("rtb-a", "rtb-b"));
  static final SubnetGroup PUBLIC = new SubnetGroup(SubnetTier.PUBLIC, List.of("subnet-p"), List.of("eu-west-1a"),
      List.of("10.0.0.0/24"), List.of("rtb-p"));

  static Ec2Capacity.Builder capacity() {
    return Ec2Capacity.builder("vpc-0123", PRIVATE, "t3.medium");
  }

  private static IllegalArgumentException fails(org.junit.jupiter.api.function.Executable build) {
    return assertThrows(IllegalArgumentException.class, build);
  }

  @Test
  void fargateClusterHasContainerInsightsAndBothFargateProviders() {
    BlueprintStack stack = Fixtures.stack("compute");
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());
    Synthesized json = Synthesized.of(stack);

    JsonNode resource = json.only("aws_ecs_cluster");
    assertEquals("acme-test-dev-cluster", resource.path("name").asText());
    assertEquals(Synthesized.JSON.valueToTree(List.of(Map.of("name", "containerInsights", "value", "enabled"))), resource.path("setting"));
    JsonNode providers = json.only("aws_ecs_cluster_capacity_providers");
    assertEquals(json.ref("aws_ecs_cluster", resource, "name"), providers.path("cluster_name").asText());
    assertEquals(List.of("FARGATE", "FARGATE_SPOT"), List.of(providers.path("capacity_providers").get(0).asText(), providers.path("capacity_providers").get(1).asText()));
    JsonNode strategy = Synthesized.at(providers, "default_capacity_provider_strategy.0");
    assertEquals("FARGATE", strategy.path("capacity_provider").asText());
    assertEquals(1, strategy.path("base").asInt());
    assertEquals(1, strategy.path("weight").asInt());

    assertEquals(0, json.count("aws_launch_template"));
    assertEquals(0, json.count("aws_autoscaling_group"));
    assertEquals(0, json.count("aws_security_group"));
    assertFalse(cluster.isEc2());
    assertEquals("FARGATE", cluster.capacityProviderName());
    assertNull(cluster.instanceSecurityGroup());
    assertNull(cluster.instanceRole());
    assertNull(cluster.autoScalingGroupName());
  }

  @Test
  void nameAndContainerInsightsAreOptions() {
    BlueprintStack stack = Fixtures.stack("compute");
    new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().name("shared-cluster").withoutContainerInsights().build());
    JsonNode resource = Synthesized.of(stack).only("aws_ecs_cluster");
    assertEquals("shared-cluster", resource.path("name").asText());
    assertEquals("disabled", Synthesized.at(resource, "setting.0.value").asText());
    assertTrue(fails(() -> EcsClusterProps.fargate().name("bad name").build()).getMessage().startsWith("name = \"bad name\" is invalid"));
  }

  @Test
  void ec2LaunchTemplateUsesTheEcsAmiFromSsmWithImdsV2AndAnEncryptedRootVolume() {
    BlueprintStack stack = Fixtures.stack("compute");
    new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(capacity().build()).build());
    Synthesized json = Synthesized.of(stack);

    Map<String, JsonNode> ssm = json.dataSources("aws_ssm_parameter");
    assertEquals(1, ssm.size());
    var ami = ssm.entrySet().iterator().next();
    assertEquals("/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id", ami.getValue().path("name").asText());

    JsonNode template = json.only("aws_launch_template");
    assertEquals("${data.aws_ssm_parameter." + ami.getKey() + ".insecure_value}", template.path("image_id").asText());
    assertEquals("t3.medium", template.path("instance_type").asText());
    // The rest of the hardening (IMDSv2, encrypted gp3, no public IP) is the fleet's: Ec2FleetTest.
    assertEquals("required", Synthesized.at(template, "metadata_options.http_tokens").asText());
    assertEquals(1, Synthesized.at(template, "metadata_options.http_put_response_hop_limit").asInt());
    assertEquals(30, Synthesized.at(template, "block_device_mappings.0.ebs.volume_size").asInt());
    assertEquals("ECS container instances", json.only("aws_security_group").path("description").asText());
    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"), "the instance group starts with no rules");
    assertEquals(0, json.count("aws_vpc_security_group_ingress_rule"));
  }

  @Test
  void ec2UserDataJoinsTheClusterByReference() {
    BlueprintStack stack = Fixtures.stack("compute");
    new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(capacity().build()).build());
    Synthesized json = Synthesized.of(stack);
    String clusterName = json.ref("aws_ecs_cluster", json.only("aws_ecs_cluster"), "name");
    String userData = json.only("aws_launch_template").path("user_data").asText();
    assertTrue(userData.startsWith("${base64encode(\"#!/bin/bash"), userData);
    assertTrue(userData.contains("/etc/ecs/ecs.config"), userData);
    assertTrue(userData.contains("ECS_CLUSTER=" + clusterName), userData);
    assertTrue(userData.contains("ECS_ENABLE_TASK_IAM_ROLE=true"), userData);
    assertTrue(userData.contains("ECS_AWSVPC_BLOCK_IMDS=true"), userData);
  }

  @Test
  void ec2InstanceProfileUsesAnInstanceRoleWithEcsAndSsmPolicies() {
    BlueprintStack stack = Fixtures.stack("compute");
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(capacity().build()).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode role = json.only("aws_iam_role");
    JsonNode profile = json.only("aws_iam_instance_profile");
    assertEquals(json.ref("aws_iam_role", role, "name"), profile.path("role").asText());
    assertEquals(json.ref("aws_iam_instance_profile", profile, "arn"),
        Synthesized.at(json.only("aws_launch_template"), "iam_instance_profile.arn").asText());
    JsonNode trust = Synthesized.json(role, "assume_role_policy");
    assertEquals("ec2.amazonaws.com", Synthesized.at(trust, "Statement.0.Principal.Service").asText());
    assertTrue(Synthesized.at(trust, "Statement.0.Condition").isMissingNode(), "EC2 sends no aws:SourceAccount");
    json.assertResource("aws_iam_role_policy_attachment",
        Map.of("policy_arn", "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"));
    json.assertResource("aws_iam_role_policy_attachment", Map.of("policy_arn", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
    assertEquals(2, json.count("aws_iam_role_policy_attachment"));
    assertTrue(cluster.isEc2());
    assertTrue(cluster.instanceRole() != null && cluster.instanceSecurityGroup() != null && cluster.autoScalingGroupName() != null);
  }

  @Test
  void ec2CapacityProviderManagesTheAutoScalingGroupWithoutTerminationProtection() {
    BlueprintStack stack = Fixtures.stack("compute");
    new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(capacity().build()).build());
    Synthesized json = Synthesized.of(stack);

    JsonNode group = json.only("aws_autoscaling_group");
    JsonNode template = json.only("aws_launch_template");
    assertEquals(json.ref("aws_launch_template", template, "id"), Synthesized.at(group, "launch_template.id").asText());
    assertEquals(json.ref("aws_launch_template", template, "latest_version"), Synthesized.at(group, "launch_template.version").asText());
    assertEquals(List.of("subnet-a", "subnet-b"), List.of(group.path("vpc_zone_identifier").get(0).asText(), group.path("vpc_zone_identifier").get(1).asText()));
    assertEquals(1, group.path("min_size").asInt());
    assertEquals(2, group.path("max_size").asInt());
    assertEquals(1, group.path("desired_capacity").asInt(), "the minimum at creation; managed scaling owns it afterwards");
    assertFalse(group.path("protect_from_scale_in").asBoolean());
    assertEquals("desired_capacity", Synthesized.at(group, "lifecycle.ignore_changes.0").asText());
    assertTrue(group.path("tag").toString().contains("{\"key\":\"AmazonECSManaged\",\"propagate_at_launch\":true,\"value\":\"true\"}"), group.path("tag").toString());
    assertTrue(group.path("tag").findValuesAsText("key").containsAll(List.of("Environment", "CostCenter", "Name")), "stack tags reach the instances");
    assertTrue(json.only("aws_launch_template").at("/tag_specifications/0/tags/Environment").isTextual(), "and their volumes");

    JsonNode provider = json.only("aws_ecs_capacity_provider");
    assertEquals(json.ref("aws_autoscaling_group", group, "arn"), Synthesized.at(provider, "auto_scaling_group_provider.auto_scaling_group_arn").asText());
    assertEquals("DISABLED", Synthesized.at(provider, "auto_scaling_group_provider.managed_termination_protection").asText());
    assertEquals("ENABLED", Synthesized.at(provider, "auto_scaling_group_provider.managed_scaling.status").asText());
    assertEquals(100, Synthesized.at(provider, "auto_scaling_group_provider.managed_scaling.target_capacity").asInt());

    JsonNode association = json.only("aws_ecs_cluster_capacity_providers");
    String providerName = json.ref("aws_ecs_capacity_provider", provider, "name");
    assertEquals(providerName, association.path("capacity_providers").get(0).asText());
    assertEquals(1, association.path("capacity_providers").size());
    assertEquals(providerName, Synthesized.at(association, "default_capacity_provider_strategy.0.capacity_provider").asText());
  }

  @Test
  void ec2OptionsReachTheGroupProviderAndTemplate() {
    BlueprintStack stack = Fixtures.stack("compute");
    new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(capacity().minSize(2).maxSize(10).desiredCapacity(3).rootVolumeGb(50)
        .managedTerminationProtection(true).targetCapacityPercent(80).imdsHopLimit(2).build()).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode group = json.only("aws_autoscaling_group");
    assertEquals(2, group.path("min_size").asInt());
    assertEquals(10, group.path("max_size").asInt());
    assertEquals(3, group.path("desired_capacity").asInt());
    assertTrue(group.path("protect_from_scale_in").asBoolean(), "ECS requires scale-in protection with managed termination protection");
    JsonNode provider = json.only("aws_ecs_capacity_provider");
    assertEquals("ENABLED", Synthesized.at(provider, "auto_scaling_group_provider.managed_termination_protection").asText());
    assertEquals(80, Synthesized.at(provider, "auto_scaling_group_provider.managed_scaling.target_capacity").asInt());
    JsonNode template = json.only("aws_launch_template");
    assertEquals(2, Synthesized.at(template, "metadata_options.http_put_response_hop_limit").asInt());
    assertEquals(50, Synthesized.at(template, "block_device_mappings.0.ebs.volume_size").asInt());
  }

  @Test
  void httpsEgressForTheAgentIsANamedChoiceOnEc2Only() {
    BlueprintStack stack = Fixtures.stack("compute");
    EcsCluster cluster = new EcsCluster(stack, "Cluster", EcsClusterProps.ec2(capacity().build()).build());
    cluster.allowHttpsEgressToInternet("ECS agent to the ECS, ECR and SSM APIs");
    Synthesized json = Synthesized.of(stack);
    JsonNode rule = json.only("aws_vpc_security_group_egress_rule");
    assertEquals(json.ref("aws_security_group", json.only("aws_security_group"), "id"), rule.path("security_group_id").asText());
    assertEquals("0.0.0.0/0", rule.path("cidr_ipv4").asText());
    assertEquals(443, rule.path("from_port").asInt());
    assertEquals("ECS agent to the ECS, ECR and SSM APIs", rule.path("description").asText());

    EcsCluster fargate = new EcsCluster(Fixtures.stack("other"), "Cluster", EcsClusterProps.fargate().build());
    assertThrows(IllegalStateException.class, () -> fargate.allowHttpsEgressToInternet("why"));
  }

  @Test
  void badCapacityFailsWithOneClearMessage() {
    assertEquals("minSize = 3 is greater than maxSize = 2: minSize must be <= maxSize",
        fails(() -> capacity().minSize(3).build()).getMessage());
    assertEquals("subnets = \"public\" is invalid: instances run in the private or isolated tier (they get no public IP)",
        fails(() -> Ec2Capacity.builder("vpc-0123", PUBLIC, "t3.medium").build()).getMessage());
    assertEquals("imdsHopLimit = 3 is invalid: allowed range is 1..2", fails(() -> capacity().imdsHopLimit(3).build()).getMessage());
    assertEquals("rootVolumeGb = 20 is invalid: allowed range is 30..16384", fails(() -> capacity().rootVolumeGb(20).build()).getMessage());
    assertTrue(fails(() -> Ec2Capacity.builder("vpc-0123", PRIVATE, "large").build()).getMessage().startsWith("instanceType = \"large\" is invalid"));
    assertTrue(fails(() -> capacity().desiredCapacity(5).build()).getMessage().startsWith("desiredCapacity = 5 is invalid: between minSize = 1 and maxSize = 2"));
    assertTrue(fails(() -> capacity().targetCapacityPercent(0).build()).getMessage().startsWith("targetCapacityPercent = 0 is invalid"));
  }
}
