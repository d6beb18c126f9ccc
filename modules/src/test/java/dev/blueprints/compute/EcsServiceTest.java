package dev.blueprints.compute;

import static dev.blueprints.testing.Fixtures.texts;
import static dev.blueprints.compute.EcsClusterTest.PRIVATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcsServiceTest {
  static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/backend:1.0.0";
  static final String DB_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf";
  static final String API_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-key-GhIjKl";
  static final String UNUSED_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-MnOpQr";

  private final BlueprintStack stack = Fixtures.stack("compute");
  private final EcsCluster fargate = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());

  private static ContainerSpec.Builder app() {
    return ContainerSpec.builder("app", IMAGE).port(8000);
  }

  private EcsServiceProps.Builder props() {
    return EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE).container(app().build());
  }

  private EcsCluster ec2Cluster() {
    return new EcsCluster(stack, "Ec2Cluster", EcsClusterProps.ec2(EcsClusterTest.capacity().build()).build());
  }

  private SecurityGroup loadBalancer() {
    return new SecurityGroup(stack, "LoadBalancer", SecurityGroupProps.builder("vpc-0123", "acme-lb", "load balancer").build());
  }

  private static JsonNode containers(Synthesized json) {
    return Synthesized.json(json.only("aws_ecs_task_definition"), "container_definitions");
  }

  private static JsonNode policy(Synthesized json, String name) {
    return Synthesized.json(json.only("aws_iam_role_policy", "name", name), "policy");
  }

  static IllegalArgumentException fails(org.junit.jupiter.api.function.Executable build) {
    return assertThrows(IllegalArgumentException.class, build);
  }

  @Test
  void fargateServiceDeploysSafelyInPrivateSubnetsWithoutAPublicIp() {
    EcsService service = new EcsService(stack, "Backend", props().build());
    Synthesized json = Synthesized.of(stack);
    JsonNode resource = json.only("aws_ecs_service");
    assertEquals("acme-test-dev-backend", resource.path("name").asText());
    assertEquals(json.ref("aws_ecs_cluster", json.only("aws_ecs_cluster"), "id"), resource.path("cluster").asText());
    assertTrue(Synthesized.at(resource, "deployment_circuit_breaker.enable").asBoolean());
    assertTrue(Synthesized.at(resource, "deployment_circuit_breaker.rollback").asBoolean());
    assertEquals(100, resource.path("deployment_minimum_healthy_percent").asInt());
    assertEquals(200, resource.path("deployment_maximum_percent").asInt());
    assertEquals(1, resource.path("desired_count").asInt(), "one task in dev");
    assertFalse(Synthesized.at(resource, "network_configuration.assign_public_ip").asBoolean());
    assertTrue(Synthesized.at(resource, "network_configuration.assign_public_ip").isBoolean());
    assertEquals(List.of("subnet-a", "subnet-b"), texts(Synthesized.at(resource, "network_configuration.subnets")));
    JsonNode sg = json.only("aws_security_group");
    assertEquals(List.of(json.ref("aws_security_group", sg, "id")), texts(Synthesized.at(resource, "network_configuration.security_groups")));
    assertEquals("FARGATE", Synthesized.at(resource, "capacity_provider_strategy.0.capacity_provider").asText());
    assertTrue(resource.path("launch_type").isMissingNode());
    assertEquals("SERVICE", resource.path("propagate_tags").asText());
    assertFalse(resource.path("wait_for_steady_state").asBoolean());
    assertFalse(resource.path("enable_execute_command").asBoolean());
    assertTrue(resource.path("health_check_grace_period_seconds").isMissingNode(), "only with a load balancer");
    assertTrue(resource.path("load_balancer").isMissingNode());
    assertTrue(resource.path("lifecycle").isMissingNode());
    assertEquals(List.of("aws_ecs_cluster_capacity_providers." + json.nameOf("aws_ecs_cluster_capacity_providers",
        json.only("aws_ecs_cluster_capacity_providers"))), texts(resource.path("depends_on")));

    JsonNode td = json.only("aws_ecs_task_definition");
    assertEquals(json.ref("aws_ecs_task_definition", td, "arn"), resource.path("task_definition").asText());
    assertEquals(List.of("FARGATE"), texts(td.path("requires_compatibilities")));
    assertEquals("awsvpc", td.path("network_mode").asText());
    assertEquals("256", td.path("cpu").asText());
    assertEquals("512", td.path("memory").asText());
    assertEquals("acme-test-dev-backend", td.path("family").asText());

    assertEquals(0, json.count("aws_vpc_security_group_egress_rule"), "egress is denied until asked for");
    assertEquals(0, json.count("aws_appautoscaling_target"));
    assertEquals("acme-test-dev-backend", service.physicalName());
    assertTrue(service.name().contains("TOKEN"), "name() is a reference");
    assertSame(service.securityGroup(), service.connections().securityGroup());
  }

  @Test
  void highlyAvailableEnvironmentsRunTwoTasksUnlessTold() {
    BlueprintStack prod = Fixtures.stack(Fixtures.app(), "test-prod-compute", Fixtures.prod());
    EcsCluster cluster = new EcsCluster(prod, "Cluster", EcsClusterProps.fargate().build());
    new EcsService(prod, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE).container(app().build()).build());
    new EcsService(prod, "Worker", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE).container(app().build()).desiredCount(3).build());
    Synthesized json = Synthesized.of(prod);
    assertEquals(2, json.only("aws_ecs_service", "name", "acme-test-prod-backend").path("desired_count").asInt());
    assertEquals(3, json.only("aws_ecs_service", "name", "acme-test-prod-worker").path("desired_count").asInt());
  }

  @Test
  void executionAndTaskRolesAreSeparateAndBothOnTheTaskDefinition() {
    EcsService service = new EcsService(stack, "Backend", props().build());
    Synthesized json = Synthesized.of(stack);
    assertNotEquals(service.executionRole(), service.taskRole());
    JsonNode execution = json.only("aws_iam_role", "name", "acme-test-dev-backend-execution");
    JsonNode task = json.only("aws_iam_role", "name", "acme-test-dev-backend-task");
    JsonNode td = json.only("aws_ecs_task_definition");
    assertEquals(json.ref("aws_iam_role", execution, "arn"), td.path("execution_role_arn").asText());
    assertEquals(json.ref("aws_iam_role", task, "arn"), td.path("task_role_arn").asText());
    for (JsonNode role : List.of(execution, task)) {
      JsonNode trust = Synthesized.json(role, "assume_role_policy");
      assertEquals("ecs-tasks.amazonaws.com", Synthesized.at(trust, "Statement.0.Principal.Service").asText());
      assertFalse(Synthesized.at(trust, "Statement.0.Condition.StringEquals").isMissingNode(), "trust limited to this account");
    }
    String taskRole = json.ref("aws_iam_role", task, "id");
    assertTrue(json.where("aws_iam_role_policy", Map.of("role", taskRole)).isEmpty(), "the task role starts empty");
    assertEquals(0, json.count("aws_iam_role_policy_attachment"));
  }

  @Test
  void executionRoleWritesOnlyItsLogGroupsAndReadsOnlyTheNamedSecrets() {
    new EcsService(stack, "Backend", props()
        .container(ContainerSpec.builder("sidecar", IMAGE).essential(false)
            .secret("DB_PASSWORD", DB_SECRET + ":password::")
            .secret("DB_USER", DB_SECRET, "username")
            .secret("API_KEY", API_SECRET)
            .build())
        .build());
    Synthesized json = Synthesized.of(stack);
    String role = json.ref("aws_iam_role", json.only("aws_iam_role", "name", "acme-test-dev-backend-execution"), "id");

    JsonNode secrets = policy(json, "ReadSecrets");
    assertEquals(role, json.only("aws_iam_role_policy", "name", "ReadSecrets").path("role").asText());
    assertEquals("secretsmanager:GetSecretValue", Synthesized.at(secrets, "Statement.0.Action").asText());
    assertEquals(List.of(API_SECRET, DB_SECRET), texts(Synthesized.at(secrets, "Statement.0.Resource")));
    assertFalse(secrets.toString().contains(UNUSED_SECRET));

    JsonNode logs = policy(json, "WriteLogs");
    assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), texts(Synthesized.at(logs, "Statement.0.Action")));
    List<String> groups = json.resources("aws_cloudwatch_log_group").values().stream()
        .map(g -> json.ref("aws_cloudwatch_log_group", g, "arn") + ":*").toList();
    assertEquals(2, groups.size());
    assertEquals(groups, texts(Synthesized.at(logs, "Statement.0.Resource")));

    JsonNode pull = policy(json, "PullImages");
    assertEquals("ecr:GetAuthorizationToken", Synthesized.at(pull, "Statement.0.Action").asText());
    assertEquals("*", Synthesized.at(pull, "Statement.0.Resource").asText());
    assertEquals("arn:aws:ecr:eu-west-1:${data.aws_caller_identity.CallerIdentity.account_id}:repository/*",
        Synthesized.at(pull, "Statement.1.Resource").asText());
    assertEquals(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
        texts(Synthesized.at(pull, "Statement.1.Action")));

    JsonNode defs = containers(json);
    JsonNode sidecarSecrets = defs.get(1).path("secrets");
    assertEquals(DB_SECRET + ":password::", sidecarSecrets.get(1).path("valueFrom").asText());
    assertEquals("API_KEY", sidecarSecrets.get(0).path("name").asText());
    assertEquals(DB_SECRET + ":username::", sidecarSecrets.get(2).path("valueFrom").asText());
  }

  @Test
  void imagePullsCanBeLimitedToRepositoriesOrLeftOutForOtherRegistries() {
    String repo = "arn:aws:ecr:eu-west-1:123456789012:repository/backend";
    new EcsService(stack, "Backend", props().pullFrom(repo).build());
    new EcsService(stack, "Proxy", EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE)
        .container(ContainerSpec.builder("nginx", "public.ecr.aws/nginx/nginx:1.27").build()).build());
    Synthesized json = Synthesized.of(stack);
    List<JsonNode> pulls = json.where("aws_iam_role_policy", Map.of("name", "PullImages"));
    assertEquals(1, pulls.size(), "the public image needs no ECR permissions");
    assertEquals(repo, Synthesized.at(Synthesized.json(pulls.get(0), "policy"), "Statement.1.Resource").asText());
  }

  @Test
  void containerDefinitionsAreHardenedAndLogToTheirOwnGroup() {
    EcsService service = new EcsService(stack, "Backend", EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE)
        .container(app().env("B_VAR", "2").env("A_VAR", "1").user("1000:1000")
            .healthCheck(List.of("CMD-SHELL", "curl -f http://localhost:8000/health || exit 1")).build())
        .build());
    Synthesized json = Synthesized.of(stack);
    JsonNode defs = containers(json);
    assertEquals(1, defs.size());
    JsonNode app = defs.get(0);
    assertEquals("app", app.path("name").asText());
    assertEquals(IMAGE, app.path("image").asText());
    assertTrue(app.path("essential").asBoolean());
    assertTrue(app.path("readonlyRootFilesystem").asBoolean());
    assertTrue(app.path("privileged").isBoolean());
    assertFalse(app.path("privileged").asBoolean());
    assertEquals("1000:1000", app.path("user").asText());
    assertEquals(8000, Synthesized.at(app, "portMappings.0.containerPort").asInt());
    assertEquals(8000, Synthesized.at(app, "portMappings.0.hostPort").asInt());
    assertEquals("tcp", Synthesized.at(app, "portMappings.0.protocol").asText());
    assertEquals("[{\"name\":\"A_VAR\",\"value\":\"1\"},{\"name\":\"B_VAR\",\"value\":\"2\"}]", app.path("environment").toString());
    JsonNode check = app.path("healthCheck");
    assertEquals(List.of("CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"), texts(check.path("command")));
    assertEquals(30, check.path("interval").asInt());
    assertEquals(5, check.path("timeout").asInt());
    assertEquals(3, check.path("retries").asInt());
    assertEquals(60, check.path("startPeriod").asInt());

    JsonNode group = json.only("aws_cloudwatch_log_group");
    assertEquals("/ecs/acme-test-dev-backend/app", group.path("name").asText());
    assertEquals(30, group.path("retention_in_days").asInt(), "the dev environment's retention");
    assertEquals("awslogs", Synthesized.at(app, "logConfiguration.logDriver").asText());
    JsonNode options = Synthesized.at(app, "logConfiguration.options");
    assertEquals(json.ref("aws_cloudwatch_log_group", group, "name"), options.path("awslogs-group").asText());
    assertEquals("eu-west-1", options.path("awslogs-region").asText());
    assertEquals("ecs", options.path("awslogs-stream-prefix").asText());
    assertTrue(service.logGroup("app") != null);
    assertTrue(fails(() -> service.logGroup("web")).getMessage().contains("has no container web"));
  }

  @Test
  void writableRootFilesystemAndRetentionArePerContainerChoices() {
    new EcsService(stack, "Backend", EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE)
        .container(app().writableRootFilesystem("legacy app writes its pid file to /var/run").logRetentionDays(7)
            .cpu(128).memory(256).memoryReservation(128).command(List.of("gunicorn", "app:wsgi")).build())
        .build());
    Synthesized json = Synthesized.of(stack);
    JsonNode app = containers(json).get(0);
    assertFalse(app.path("readonlyRootFilesystem").asBoolean());
    assertFalse(app.path("privileged").asBoolean());
    assertEquals(128, app.path("cpu").asInt());
    assertEquals(256, app.path("memory").asInt());
    assertEquals(128, app.path("memoryReservation").asInt());
    assertEquals(List.of("gunicorn", "app:wsgi"), texts(app.path("command")));
    assertEquals(7, json.only("aws_cloudwatch_log_group").path("retention_in_days").asInt());
  }

  @Test
  void loadBalancerReachesTheServiceOnlyOnTheContainerPort() {
    SecurityGroup lb = loadBalancer();
    new EcsService(stack, "Backend", props().loadBalancer("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/backend/abc", lb, "app", 8000).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode resource = json.only("aws_ecs_service");
    JsonNode target = Synthesized.at(resource, "load_balancer.0");
    assertEquals("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/backend/abc", target.path("target_group_arn").asText());
    assertEquals("app", target.path("container_name").asText());
    assertEquals(8000, target.path("container_port").asInt());
    assertEquals(60, resource.path("health_check_grace_period_seconds").asInt());

    JsonNode in = Fixtures.assertPeerRule(json, "acme-lb", "acme-test-dev-backend-service", 8000);
    assertEquals("load balancer to acme-test-dev-backend", in.path("description").asText());
  }

  @Test
  void serviceCanWaitForTheListenerOfItsTargetGroup() {
    SecurityGroup lb = loadBalancer();
    new EcsService(stack, "Backend", props().loadBalancer("arn:tg", lb, "app", 8000).build()).dependsOn(lb.resource()).dependsOn(lb.resource());
    Synthesized json = Synthesized.of(stack);
    List<String> dependsOn = texts(json.only("aws_ecs_service").path("depends_on"));
    assertEquals(2, dependsOn.size(), dependsOn.toString());
    assertTrue(dependsOn.contains("aws_security_group." + json.nameOf("aws_security_group", json.only("aws_security_group", "name", "acme-lb"))), dependsOn.toString());
  }

  @Test
  void httpsEgressIsANamedChoice() {
    new EcsService(stack, "Backend", props().build()).allowHttpsEgressToInternet("image pulls, secrets and logs through NAT");
    JsonNode rule = Synthesized.of(stack).only("aws_vpc_security_group_egress_rule");
    assertEquals("0.0.0.0/0", rule.path("cidr_ipv4").asText());
    assertEquals(443, rule.path("from_port").asInt());
    assertEquals("image pulls, secrets and logs through NAT", rule.path("description").asText());
  }

  @Test
  void ec2ServiceUsesTheCapacityProviderAndSpreadsAcrossZones() {
    EcsCluster cluster = ec2Cluster();
    new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE).container(app().build()).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode resource = json.only("aws_ecs_service");
    String provider = json.ref("aws_ecs_capacity_provider", json.only("aws_ecs_capacity_provider"), "name");
    assertEquals(provider, Synthesized.at(resource, "capacity_provider_strategy.0.capacity_provider").asText());
    assertEquals("spread", Synthesized.at(resource, "ordered_placement_strategy.0.type").asText());
    assertEquals("attribute:ecs.availability-zone", Synthesized.at(resource, "ordered_placement_strategy.0.field").asText());
    assertFalse(Synthesized.at(resource, "network_configuration.assign_public_ip").asBoolean());
    JsonNode td = json.only("aws_ecs_task_definition");
    assertEquals(List.of("EC2"), texts(td.path("requires_compatibilities")));
    assertEquals("awsvpc", td.path("network_mode").asText());
  }

  @Test
  void bridgeModeUsesDynamicHostPortsAndTheInstanceSecurityGroup() {
    EcsCluster cluster = ec2Cluster();
    SecurityGroup lb = loadBalancer();
    EcsService service = new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE)
        .networkMode(NetworkMode.BRIDGE).container(app().build()).loadBalancer("arn:tg", lb, "app", 8000).build());
    Synthesized json = Synthesized.of(stack);
    assertSame(cluster.instanceSecurityGroup(), service.securityGroup());
    assertTrue(json.only("aws_ecs_service").path("network_configuration").isMissingNode());
    assertEquals("bridge", json.only("aws_ecs_task_definition").path("network_mode").asText());
    assertEquals(0, Synthesized.at(containers(json).get(0), "portMappings.0.hostPort").asInt());
    JsonNode in = json.only("aws_vpc_security_group_ingress_rule");
    assertEquals(json.ref("aws_security_group", json.only("aws_security_group", "name", "acme-test-dev-ec2cluster-instances"), "id"),
        in.path("security_group_id").asText());
    assertEquals(32768, in.path("from_port").asInt());
    assertEquals(65535, in.path("to_port").asInt());
    assertEquals(1, json.count("aws_security_group") - 1, "no group of its own besides the load balancer's");
  }

  @Test
  void volumesAndMountPoints() {
    EcsCluster cluster = ec2Cluster();
    new EcsService(stack, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE)
        .volume(VolumeSpec.hostPath("sqlite", "/var/lib/app"))
        .volume(VolumeSpec.docker("cache", "shared", true))
        .volume(VolumeSpec.docker("scratch", "task", false))
        .volume(VolumeSpec.efs("media", "fs-0123", "fsap-0456"))
        .volume(VolumeSpec.efs("static", "fs-0789", null))
        .container(app()
            .mountPoint("sqlite", "/data", false)
            .mountPoint("cache", "/cache", false)
            .mountPoint("scratch", "/tmp", false)
            .mountPoint("media", "/media", false)
            .mountPoint("static", "/static", true)
            .build())
        .build());
    Synthesized json = Synthesized.of(stack);
    JsonNode volumes = json.only("aws_ecs_task_definition").path("volume");
    assertEquals(5, volumes.size());
    assertEquals("sqlite", volumes.get(0).path("name").asText());
    assertEquals("/var/lib/app", volumes.get(0).path("host_path").asText());
    assertEquals("shared", Synthesized.at(volumes.get(1), "docker_volume_configuration.scope").asText());
    assertTrue(Synthesized.at(volumes.get(1), "docker_volume_configuration.autoprovision").asBoolean());
    assertEquals("local", Synthesized.at(volumes.get(1), "docker_volume_configuration.driver").asText());
    assertEquals("task", Synthesized.at(volumes.get(2), "docker_volume_configuration.scope").asText());
    assertTrue(Synthesized.at(volumes.get(2), "docker_volume_configuration.autoprovision").isMissingNode());
    JsonNode efs = volumes.get(3).path("efs_volume_configuration");
    assertEquals("fs-0123", efs.path("file_system_id").asText());
    assertEquals("ENABLED", efs.path("transit_encryption").asText());
    assertEquals("ENABLED", Synthesized.at(efs, "authorization_config.iam").asText());
    assertEquals("fsap-0456", Synthesized.at(efs, "authorization_config.access_point_id").asText());
    assertTrue(Synthesized.at(volumes.get(4), "efs_volume_configuration.authorization_config.access_point_id").isMissingNode());

    JsonNode mounts = containers(json).get(0).path("mountPoints");
    assertEquals("{\"sourceVolume\":\"sqlite\",\"containerPath\":\"/data\",\"readOnly\":false}", mounts.get(0).toString());
    assertTrue(mounts.get(4).path("readOnly").asBoolean());

    JsonNode mount = policy(json, "MountEfs");
    String account = "${data.aws_caller_identity.CallerIdentity.account_id}";
    assertEquals(List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"), texts(Synthesized.at(mount, "Statement.0.Action")));
    assertEquals("arn:aws:elasticfilesystem:eu-west-1:" + account + ":file-system/fs-0123", Synthesized.at(mount, "Statement.0.Resource").asText());
    assertEquals(List.of("elasticfilesystem:ClientMount"), texts(Synthesized.at(mount, "Statement.1.Action")), "read-only mount");
    assertEquals(json.ref("aws_iam_role", json.only("aws_iam_role", "name", "acme-test-dev-backend-task"), "id"),
        json.only("aws_iam_role_policy", "name", "MountEfs").path("role").asText());
  }

  @Test
  void fargateTakesEfsAndEphemeralVolumes() {
    new EcsService(stack, "Backend", props()
        .volume(VolumeSpec.ephemeral("tmp"))
        .volume(VolumeSpec.efs("media", "fs-0123", "fsap-0456"))
        .container(ContainerSpec.builder("worker", IMAGE).mountPoint("tmp", "/tmp", false).mountPoint("media", "/media", true).build())
        .build());
    JsonNode volumes = Synthesized.of(stack).only("aws_ecs_task_definition").path("volume");
    assertEquals("{\"name\":\"tmp\"}", volumes.get(0).toString());
    assertEquals("fs-0123", Synthesized.at(volumes.get(1), "efs_volume_configuration.file_system_id").asText());
  }

  @Test
  void autoScalingTracksCpuAndMemoryAndOwnsTheDesiredCount() {
    new EcsService(stack, "Backend", props().autoScaling(2, 10, 60.0, 75.0).build());
    Synthesized json = Synthesized.of(stack);
    JsonNode service = json.only("aws_ecs_service");
    JsonNode target = json.only("aws_appautoscaling_target");
    assertEquals("service/" + json.ref("aws_ecs_cluster", json.only("aws_ecs_cluster"), "name") + "/" + json.ref("aws_ecs_service", service, "name"),
        target.path("resource_id").asText());
    assertEquals("ecs:service:DesiredCount", target.path("scalable_dimension").asText());
    assertEquals("ecs", target.path("service_namespace").asText());
    assertEquals(2, target.path("min_capacity").asInt());
    assertEquals(10, target.path("max_capacity").asInt());
    assertEquals(2, service.path("desired_count").asInt(), "raised to the scaling minimum");
    assertEquals(List.of("desired_count"), texts(Synthesized.at(service, "lifecycle.ignore_changes")));

    assertEquals(2, json.count("aws_appautoscaling_policy"));
    JsonNode cpu = json.only("aws_appautoscaling_policy", "target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type",
        "ECSServiceAverageCPUUtilization");
    JsonNode memory = json.only("aws_appautoscaling_policy", "target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type",
        "ECSServiceAverageMemoryUtilization");
    assertEquals(60.0, Synthesized.at(cpu, "target_tracking_scaling_policy_configuration.target_value").asDouble());
    assertEquals(75.0, Synthesized.at(memory, "target_tracking_scaling_policy_configuration.target_value").asDouble());
    for (JsonNode policy : List.of(cpu, memory)) {
      assertEquals("TargetTrackingScaling", policy.path("policy_type").asText());
      assertEquals(json.ref("aws_appautoscaling_target", target, "resource_id"), policy.path("resource_id").asText());
      assertEquals(json.ref("aws_appautoscaling_target", target, "scalable_dimension"), policy.path("scalable_dimension").asText());
    }
  }

  @Test
  void cpuOnlyScalingAddsOnePolicy() {
    new EcsService(stack, "Backend", props().autoScaling(1, 3, 50.0, null).build());
    Synthesized json = Synthesized.of(stack);
    assertEquals(1, json.count("aws_appautoscaling_policy"));
    assertEquals("acme-test-dev-backend-cpu", json.only("aws_appautoscaling_policy").path("name").asText());
  }

  @Test
  void executeCommandIsANamedOptionThatGrantsTheSsmChannels() {
    new EcsService(stack, "Backend", props().enableExecuteCommand().minHealthyPercent(50).maxPercent(150)
        .healthCheckGracePeriodSeconds(120).name("api").build());
    Synthesized json = Synthesized.of(stack);
    JsonNode service = json.only("aws_ecs_service");
    assertTrue(service.path("enable_execute_command").asBoolean());
    assertEquals("api", service.path("name").asText());
    assertEquals(50, service.path("deployment_minimum_healthy_percent").asInt());
    assertEquals(150, service.path("deployment_maximum_percent").asInt());
    JsonNode exec = policy(json, "EcsExec");
    assertTrue(texts(Synthesized.at(exec, "Statement.0.Action")).contains("ssmmessages:CreateControlChannel"));
    assertEquals(json.ref("aws_iam_role", json.only("aws_iam_role", "name", "acme-test-dev-backend-task"), "id"),
        json.only("aws_iam_role_policy", "name", "EcsExec").path("role").asText());
  }

  @Test
  void taskRoleAcceptsGrantsFromOtherModules() {
    EcsService service = new EcsService(stack, "Backend", props().build());
    service.taskRole().grant("ReadUploads", dev.blueprints.auth.PolicyStatement.allow(List.of("s3:GetObject"), List.of("arn:aws:s3:::uploads/*")));
    assertEquals(1, Synthesized.of(stack).where("aws_iam_role_policy", Map.of("name", "ReadUploads")).size());
  }

  @Test
  void badInputFailsWithOneClearMessage() {
    SecurityGroup lb = loadBalancer();
    assertEquals("memory = 4096 is invalid: Fargate with cpu 256 allows memory 512, 1024, 2048 (MiB)",
        fails(() -> props().taskSize(256, 4096).build()).getMessage());
    assertEquals("networkMode = \"BRIDGE\" is invalid: Fargate supports only AWSVPC; BRIDGE and HOST need an EC2 cluster",
        fails(() -> props().networkMode(NetworkMode.BRIDGE).build()).getMessage());
    assertEquals("mountPoint.volumeName = \"data\" is invalid: container worker mounts a volume that is not declared; declared volumes are [tmp]",
        fails(() -> props().volume(VolumeSpec.ephemeral("tmp"))
            .container(ContainerSpec.builder("worker", IMAGE).mountPoint("data", "/data", false).build()).build()).getMessage());
    assertEquals("loadBalancer.containerPort = 9000 is invalid: a port declared on container app: [8000]",
        fails(() -> props().loadBalancer("arn:tg", lb, "app", 9000).build()).getMessage());
    assertEquals("loadBalancer.containerName = \"web\" is invalid: one of the containers [app]",
        fails(() -> props().loadBalancer("arn:tg", lb, "web", 8000).build()).getMessage());
    assertEquals("autoScaling.min = 5 is greater than autoScaling.max = 2: autoScaling.min must be <= autoScaling.max",
        fails(() -> props().autoScaling(5, 2, 60.0, null)).getMessage());
    assertEquals("autoScaling.cpuTargetPercent = 120.0 is invalid: a percentage in (0, 100]",
        fails(() -> props().autoScaling(1, 2, 120.0, null)).getMessage());
    assertEquals("autoScaling.memoryTargetPercent = 0.0 is invalid: a percentage in (0, 100]",
        fails(() -> props().autoScaling(1, 2, null, 0.0)).getMessage());
    assertTrue(fails(() -> props().autoScaling(1, 2, null, null)).getMessage().startsWith("autoScaling = \"no target\" is invalid"));
    assertTrue(fails(() -> props().autoScaling(1, 2, 50.0, null).desiredCount(5).build()).getMessage()
        .startsWith("desiredCount = 5 is invalid: within the auto scaling range 1..2"));
    assertEquals("volume cache = \"Docker\" is invalid: Fargate supports efs and ephemeral volumes; host paths and Docker volumes need an EC2 cluster",
        fails(() -> props().volume(VolumeSpec.docker("cache", "task", false)).build()).getMessage());
    assertTrue(fails(() -> EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE).container(app().essential(false).build()).build())
        .getMessage().startsWith("containers = [app] is invalid: at least one container marked essential"));
    assertEquals("container.name = \"app\" is invalid: each container name once per task",
        fails(() -> props().container(app().build()).build()).getMessage());
    assertTrue(fails(() -> EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE).build()).getMessage().startsWith("containers = [] is invalid"));
    assertEquals("subnets = \"public\" is invalid: tasks run in the private or isolated tier (they never get a public IP)",
        fails(() -> EcsServiceProps.builder(fargate, "vpc-0123", EcsClusterTest.PUBLIC).container(app().build()).build()).getMessage());
    assertTrue(fails(() -> props().maxPercent(100).build()).getMessage().startsWith("maxPercent = 100 is invalid: greater than minHealthyPercent"));
    assertTrue(fails(() -> props().taskSize(256, 512).container(ContainerSpec.builder("big", IMAGE).memory(1024).build()).build())
        .getMessage().startsWith("container memory = 1024 is invalid"));
    assertEquals("volume.name = \"tmp\" is invalid: each volume name once per task",
        fails(() -> props().volume(VolumeSpec.ephemeral("tmp")).volume(VolumeSpec.ephemeral("tmp")).build()).getMessage());
  }

  @Test
  void ec2ClustersAcceptAnyTaskSizeAndBridgeMode() {
    EcsCluster cluster = ec2Cluster();
    EcsServiceProps props = EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE).taskSize(256, 4096)
        .networkMode(NetworkMode.HOST).volume(VolumeSpec.docker("cache", "task", false)).container(app().build()).build();
    assertEquals(4096, props.taskSize().memory());
    new EcsService(stack, "Backend", props);
    Synthesized json = Synthesized.of(stack);
    assertEquals("host", json.only("aws_ecs_task_definition").path("network_mode").asText());
    assertEquals(8000, Synthesized.at(containers(json).get(0), "portMappings.0.hostPort").asInt());
  }

  @Test
  void serviceInALaterStackReadsTheClusterFromRemoteState(@TempDir Path outdir) {
    App app = new App(AppConfig.builder().outdir(outdir.toString()).stackTraces(false).build());
    BlueprintStack clusterStack = Fixtures.stack(app, "test-dev-cluster", Fixtures.dev());
    BlueprintStack serviceStack = Fixtures.stack(app, "test-dev-service", Fixtures.dev());
    EcsCluster cluster = new EcsCluster(clusterStack, "Cluster", EcsClusterProps.fargate().build());
    new EcsService(serviceStack, "Backend", EcsServiceProps.builder(cluster, "vpc-0123", PRIVATE).container(app().build())
        .autoScaling(1, 2, 50.0, null).build());
    app.synth();
    Synthesized json = Synthesized.read(outdir.resolve("stacks/test-dev-service/cdk.tf.json"));
    JsonNode service = json.only("aws_ecs_service");
    assertTrue(service.path("depends_on").isMissingNode(), "no depends_on across stacks");
    assertTrue(service.path("cluster").asText().startsWith("${data.terraform_remote_state."), service.path("cluster").asText());
    assertTrue(json.only("aws_appautoscaling_target").path("resource_id").asText().startsWith("service/${data.terraform_remote_state."));
  }
}
