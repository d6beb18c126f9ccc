package dev.blueprints.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.Port;
import dev.blueprints.network.SubnetGroup;
import dev.blueprints.network.SubnetTier;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AutoScalingGroupTest {
  private static final SubnetGroup PRIVATE = LoadBalancerTest.PRIVATE;

  private static AutoScalingGroupProps.Builder props() {
    return AutoScalingGroupProps.builder("vpc-0123", PRIVATE, "t3.medium");
  }

  private static Synthesized synth(AutoScalingGroupProps.Builder props) {
    BlueprintStack stack = Fixtures.stack();
    new AutoScalingGroup(stack, "App", props.build());
    return Synthesized.of(stack);
  }

  @Test
  void launchTemplateDefaultsAreHardened() {
    Synthesized json = synth(props());
    JsonNode lt = json.only("aws_launch_template");
    assertEquals("t3.medium", lt.path("instance_type").asText());
    assertEquals("required", lt.at("/metadata_options/http_tokens").asText());
    assertEquals("enabled", lt.at("/metadata_options/http_endpoint").asText());
    assertEquals(1, lt.at("/metadata_options/http_put_response_hop_limit").asInt());
    assertEquals("false", Synthesized.at(lt, "network_interfaces.0.associate_public_ip_address").asText());
    String sg = json.ref("aws_security_group", json.only("aws_security_group"), "id");
    assertEquals(sg, Synthesized.at(lt, "network_interfaces.0.security_groups.0").asText());
    JsonNode ebs = Synthesized.at(lt, "block_device_mappings.0.ebs");
    assertEquals("/dev/xvda", Synthesized.at(lt, "block_device_mappings.0.device_name").asText());
    assertEquals("true", ebs.path("encrypted").asText());
    assertEquals("gp3", ebs.path("volume_type").asText());
    assertEquals(20, ebs.path("volume_size").asInt());
    assertTrue(lt.at("/monitoring/enabled").asBoolean());
    assertTrue(lt.path("user_data").isMissingNode());
    assertTrue(lt.path("key_name").isMissingNode(), "no SSH key: Session Manager");

    JsonNode ami = json.dataSources("aws_ssm_parameter").values().iterator().next();
    assertEquals("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", ami.path("name").asText());
    assertTrue(lt.path("image_id").asText().matches("\\$\\{data\\.aws_ssm_parameter\\..+\\.insecure_value}"), lt.path("image_id").asText());

    assertEquals(0, json.count("aws_vpc_security_group_ingress_rule"), "closed until wired");
    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"), "no automatic egress");
  }

  @Test
  void instanceProfileCarriesTheRoleWithSsmAndCloudWatchPolicies() {
    Synthesized json = synth(props());
    JsonNode role = json.only("aws_iam_role");
    assertEquals("acme-test-dev-app-instance", role.path("name").asText());
    JsonNode trust = Synthesized.json(role, "assume_role_policy").path("Statement").get(0);
    assertEquals("ec2.amazonaws.com", trust.at("/Principal/Service").asText());
    assertTrue(trust.path("Condition").isMissingNode(), "EC2 sends no aws:SourceAccount");
    Set<String> managed = json.resources("aws_iam_role_policy_attachment").values().stream()
        .map(a -> a.path("policy_arn").asText()).collect(Collectors.toSet());
    assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"), managed);
    JsonNode profile = json.only("aws_iam_instance_profile");
    assertEquals(json.ref("aws_iam_role", role, "name"), profile.path("role").asText());
    assertEquals(json.ref("aws_iam_instance_profile", profile, "arn"),
        json.only("aws_launch_template").at("/iam_instance_profile/arn").asText());
  }

  @Test
  void groupDefaults() {
    Synthesized json = synth(props());
    JsonNode asg = json.only("aws_autoscaling_group");
    JsonNode lt = json.only("aws_launch_template");
    assertEquals("acme-test-dev-app", asg.path("name").asText());
    assertEquals(2, asg.path("min_size").asInt());
    assertEquals(4, asg.path("max_size").asInt());
    assertEquals(2, asg.path("desired_capacity").asInt());
    assertEquals(List.of("subnet-private-eu-west-1a", "subnet-private-eu-west-1b"),
        List.of(asg.path("vpc_zone_identifier").get(0).asText(), asg.path("vpc_zone_identifier").get(1).asText()));
    assertEquals(json.ref("aws_launch_template", lt, "id"), asg.at("/launch_template/id").asText());
    assertEquals(json.ref("aws_launch_template", lt, "latest_version"), asg.at("/launch_template/version").asText());
    assertEquals("EC2", asg.path("health_check_type").asText());
    assertTrue(asg.path("target_group_arns").isMissingNode());
    assertEquals("Rolling", asg.at("/instance_refresh/strategy").asText());
    assertEquals(90, asg.at("/instance_refresh/preferences/min_healthy_percentage").asInt());
    JsonNode nameTag = null;
    for (JsonNode tag : asg.path("tag")) if (tag.path("key").asText().equals("Name")) nameTag = tag;
    assertEquals("acme-test-dev-app", nameTag.path("value").asText());
    assertTrue(nameTag.path("propagate_at_launch").asBoolean());
    assertTrue(asg.path("tag").findValuesAsText("key").contains("Environment"), "stack tags reach the instances");
    assertEquals(0, json.count("aws_autoscaling_policy"));
    assertEquals(0, json.count("aws_cloudwatch_metric_alarm"));
    assertTrue(asg.path("lifecycle").isMissingNode());
  }

  @Test
  void targetGroupsSwitchToLoadBalancerHealthChecks() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, "vpc-0123", PRIVATE).build());
    TargetGroup tg = alb.addTargetGroup("App", TargetGroupProps.builder(8000).targetType(TargetType.INSTANCE)
        .healthCheck(HealthCheck.http("/health")).build());
    AutoScalingGroup group = new AutoScalingGroup(stack, "App", props().targetGroups(List.of(tg)).build());
    group.connections().allowFrom(alb, Port.tcp(tg.port()), "ALB to app instances");
    Synthesized json = Synthesized.of(stack);
    JsonNode asg = json.only("aws_autoscaling_group");
    assertEquals(List.of(json.ref("aws_lb_target_group", json.only("aws_lb_target_group"), "arn")),
        List.of(asg.path("target_group_arns").get(0).asText()));
    assertEquals("ELB", asg.path("health_check_type").asText());
    assertEquals(300, asg.path("health_check_grace_period").asInt());
    String instancesSg = json.ref("aws_security_group", json.only("aws_security_group", "name", "acme-test-dev-app"), "id");
    json.assertResource("aws_vpc_security_group_ingress_rule", Map.of("security_group_id", instancesSg, "from_port", 8000));
  }

  @Test
  void ipTargetGroupsAreRefused() {
    BlueprintStack stack = Fixtures.stack();
    LoadBalancer alb = new LoadBalancer(stack, "Web", LoadBalancerProps.builder(LoadBalancerKind.APPLICATION, "vpc-0123", PRIVATE).build());
    TargetGroup ip = alb.addTargetGroup("App", TargetGroupProps.builder(8000).build());
    var e = assertThrows(IllegalArgumentException.class, () -> props().targetGroups(List.of(ip)).build());
    assertTrue(e.getMessage().startsWith("targetGroups = \"test-dev-unit/Web/App\" is invalid"), e.getMessage());
  }

  @Test
  void simpleCpuScalingAsInTheSeed() {
    String topic = "arn:aws:sns:eu-west-1:123456789012:alarms";
    Synthesized json = synth(props().scaling(ScalingPolicy.simpleCpu(80, 20, 300, 2)).alarmActions(List.of(topic)));
    JsonNode asg = json.only("aws_autoscaling_group");
    String asgName = json.ref("aws_autoscaling_group", asg, "name");
    assertEquals(List.of("desired_capacity"), List.of(asg.at("/lifecycle/ignore_changes").get(0).asText()));

    JsonNode up = json.only("aws_autoscaling_policy", "scaling_adjustment", 1);
    JsonNode down = json.only("aws_autoscaling_policy", "scaling_adjustment", -1);
    for (JsonNode policy : List.of(up, down)) {
      assertEquals("SimpleScaling", policy.path("policy_type").asText());
      assertEquals("ChangeInCapacity", policy.path("adjustment_type").asText());
      assertEquals(300, policy.path("cooldown").asInt());
      assertEquals(asgName, policy.path("autoscaling_group_name").asText());
    }
    JsonNode high = json.only("aws_cloudwatch_metric_alarm", "comparison_operator", "GreaterThanThreshold");
    JsonNode low = json.only("aws_cloudwatch_metric_alarm", "comparison_operator", "LessThanThreshold");
    assertEquals(80, high.path("threshold").asDouble());
    assertEquals(20, low.path("threshold").asDouble());
    for (JsonNode alarm : List.of(high, low)) {
      assertEquals("AWS/EC2", alarm.path("namespace").asText());
      assertEquals("CPUUtilization", alarm.path("metric_name").asText());
      assertEquals("Average", alarm.path("statistic").asText());
      assertEquals(2, alarm.path("evaluation_periods").asInt());
      assertEquals(60, alarm.path("period").asInt());
      assertEquals(asgName, alarm.at("/dimensions/AutoScalingGroupName").asText());
      assertEquals(topic, alarm.path("alarm_actions").get(1).asText());
    }
    assertEquals(json.ref("aws_autoscaling_policy", up, "arn"), high.path("alarm_actions").get(0).asText());
    assertEquals(json.ref("aws_autoscaling_policy", down, "arn"), low.path("alarm_actions").get(0).asText());
  }

  @Test
  void targetTrackingCpu() {
    Synthesized json = synth(props().scaling(ScalingPolicy.targetTrackingCpu(60)));
    JsonNode policy = json.only("aws_autoscaling_policy");
    assertEquals("TargetTrackingScaling", policy.path("policy_type").asText());
    assertEquals("ASGAverageCPUUtilization",
        policy.at("/target_tracking_configuration/predefined_metric_specification/predefined_metric_type").asText());
    assertEquals(60, policy.at("/target_tracking_configuration/target_value").asDouble());
    assertEquals(0, json.count("aws_cloudwatch_metric_alarm"), "AWS owns target-tracking alarms");
  }

  @Test
  void optionsAreApplied() {
    String script = "#!/bin/bash\ndnf install -y python3\n";
    Synthesized json = synth(AutoScalingGroupProps.builder("vpc-0123", PRIVATE, "m7g.large")
        .name("web-fleet").minSize(1).maxSize(10).desiredCapacity(3).userData(script).rootVolumeGb(50)
        .managedPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess").imdsHopLimitForContainers());
    JsonNode asg = json.only("aws_autoscaling_group");
    assertEquals("web-fleet", asg.path("name").asText());
    assertEquals(1, asg.path("min_size").asInt());
    assertEquals(10, asg.path("max_size").asInt());
    assertEquals(3, asg.path("desired_capacity").asInt());
    JsonNode lt = json.only("aws_launch_template");
    assertEquals(script, new String(Base64.getDecoder().decode(lt.path("user_data").asText()), StandardCharsets.UTF_8));
    assertEquals(50, Synthesized.at(lt, "block_device_mappings.0.ebs.volume_size").asInt());
    assertEquals(2, lt.at("/metadata_options/http_put_response_hop_limit").asInt());
    assertEquals("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
        json.dataSources("aws_ssm_parameter").values().iterator().next().path("name").asText(), "Graviton gets arm64");
    assertEquals(3, json.count("aws_iam_role_policy_attachment"));

    Synthesized fixedAmi = synth(props().ami("ami-0123456789abcdef0"));
    assertEquals("ami-0123456789abcdef0", fixedAmi.only("aws_launch_template").path("image_id").asText());
    assertTrue(fixedAmi.dataSources("aws_ssm_parameter").isEmpty());
  }

  @Test
  void httpsEgressIsANamedChoice() {
    BlueprintStack stack = Fixtures.stack();
    new AutoScalingGroup(stack, "App", props().build()).allowHttpsEgressToInternet("SSM, CloudWatch and package repositories");
    JsonNode rule = Synthesized.of(stack).only("aws_vpc_security_group_egress_rule");
    assertEquals("0.0.0.0/0", rule.path("cidr_ipv4").asText());
    assertEquals(443, rule.path("from_port").asInt());
    assertEquals(443, rule.path("to_port").asInt());
    assertEquals("SSM, CloudWatch and package repositories", rule.path("description").asText());
  }

  @Test
  void badInputIsRefused() {
    assertEquals("minSize = 5 is greater than maxSize = 4: minSize must be <= maxSize",
        assertThrows(IllegalArgumentException.class, () -> props().minSize(5).build()).getMessage());
    assertEquals("desiredCapacity = 9 is invalid: between minSize = 2 and maxSize = 4",
        assertThrows(IllegalArgumentException.class, () -> props().desiredCapacity(9).build()).getMessage());
    assertEquals("instanceType = \"t3-medium\" is invalid: an EC2 instance type <family>.<size> such as t3.medium or m6i.large",
        assertThrows(IllegalArgumentException.class,
            () -> AutoScalingGroupProps.builder("vpc-0123", PRIVATE, "t3-medium").build()).getMessage());
    assertEquals("subnets = \"public\" is invalid: instances run in the private or isolated tier (they get no public IP)",
        assertThrows(IllegalArgumentException.class,
            () -> AutoScalingGroupProps.builder("vpc-0123", EcsClusterTest.PUBLIC, "t3.medium").build()).getMessage());
    assertThrows(IllegalArgumentException.class, () -> props().rootVolumeGb(4).build());
    assertThrows(IllegalArgumentException.class, () -> props().ami("ubuntu").build());
    assertThrows(IllegalArgumentException.class, () -> props().userData("x".repeat(17 * 1024)).build());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> props().alarmActions(List.of("arn:aws:sns:eu-west-1:123456789012:a")).build()).getMessage()
        .startsWith("alarmActions = "));
    assertEquals("scaling.downBelowPercent = 90.0 is invalid: more than 0 and less than scaling.upAbovePercent = 80.0",
        assertThrows(IllegalArgumentException.class, () -> ScalingPolicy.simpleCpu(80, 90, 300, 2)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ScalingPolicy.targetTrackingCpu(0));
    assertThrows(IllegalArgumentException.class, () -> ScalingPolicy.simpleCpu(80, 20, 300, 0));
    assertFalse(props().build().isArm64());
  }
}
