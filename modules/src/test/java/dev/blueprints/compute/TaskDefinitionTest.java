package dev.blueprints.compute;

import static dev.blueprints.compute.EcsClusterTest.PRIVATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketProps;
import dev.blueprints.network.SecurityGroup;
import dev.blueprints.network.SecurityGroupProps;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task definition alone (a scheduled or one-off task) and a service that runs one it was given. */
class TaskDefinitionTest {
  private final BlueprintStack stack = Fixtures.stack("compute");
  private final EcsCluster fargate = new EcsCluster(stack, "Cluster", EcsClusterProps.fargate().build());

  private static TaskDefinitionProps.Builder migrate() {
    return TaskDefinitionProps.builder().taskSize(512, 1024)
        .container(ContainerSpec.builder("migrate", EcsServiceTest.IMAGE).secret("DB_PASSWORD", EcsServiceTest.DB_SECRET, "password").build());
  }

  @Test
  void aTaskDefinitionAloneHasItsLogGroupsAndRolesAndNoService() {
    TaskDefinition task = new TaskDefinition(stack, "Migrate", migrate().build());
    assertEquals("acme-test-dev-migrate", task.family());
    assertSame(task.logGroup("migrate"), task.logGroup("migrate"));
    assertTrue(EcsServiceTest.fails(() -> task.logGroup("web")).getMessage().contains("has no container web"));
    Synthesized json = Synthesized.of(stack);
    JsonNode td = json.only("aws_ecs_task_definition");
    assertEquals("acme-test-dev-migrate", td.path("family").asText());
    assertEquals(List.of("FARGATE"), Fixtures.texts(td.path("requires_compatibilities")));
    assertEquals("awsvpc", td.path("network_mode").asText());
    assertEquals("512", td.path("cpu").asText());
    JsonNode logs = json.only("aws_cloudwatch_log_group", "name", "/ecs/acme-test-dev-migrate/migrate");
    assertEquals(json.ref("aws_iam_role", json.only("aws_iam_role", "name", "acme-test-dev-migrate-execution"), "arn"),
        td.path("execution_role_arn").asText());
    assertEquals(json.ref("aws_iam_role", json.only("aws_iam_role", "name", "acme-test-dev-migrate-task"), "arn"),
        td.path("task_role_arn").asText());
    JsonNode secrets = Synthesized.json(json.only("aws_iam_role_policy", "name", "ReadSecrets"), "policy");
    assertEquals(List.of(EcsServiceTest.DB_SECRET), Fixtures.texts(Synthesized.at(secrets, "Statement.0.Resource")));
    JsonNode writeLogs = Synthesized.json(json.only("aws_iam_role_policy", "name", "WriteLogs"), "policy");
    assertEquals(List.of(json.ref("aws_cloudwatch_log_group", logs, "arn") + ":*"), Fixtures.texts(Synthesized.at(writeLogs, "Statement.0.Resource")));
    assertEquals(0, json.count("aws_ecs_service"));
    assertEquals(0, json.count("aws_security_group"));
    assertTrue(json.nameOf("aws_ecs_task_definition", td).startsWith("Migrate_TaskDefinition_"));
  }

  @Test
  void grantsGoToTheTaskRole() {
    TaskDefinition task = new TaskDefinition(stack, "Migrate", migrate().build());
    Bucket bucket = new Bucket(stack, "Exports", BucketProps.builder().name("acme-exports").build());
    assertSame(task.taskRole(), bucket.grantRead(task).role());
    Synthesized json = Synthesized.of(stack);
    JsonNode grant = json.only("aws_iam_role_policy", "role", json.ref("aws_iam_role", json.only("aws_iam_role", "name", "acme-test-dev-migrate-task"), "id"));
    assertTrue(Synthesized.json(grant, "policy").toString().contains("s3:GetObject"));
  }

  @Test
  void ec2CompatibilityAllowsBridgeNetworking() {
    new TaskDefinition(stack, "Worker", TaskDefinitionProps.builder().compatibility(TaskCompatibility.EC2).networkMode(NetworkMode.BRIDGE)
        .container(ContainerSpec.builder("worker", EcsServiceTest.IMAGE).memory(256).build()).build());
    JsonNode td = Synthesized.of(stack).only("aws_ecs_task_definition");
    assertEquals(List.of("EC2"), Fixtures.texts(td.path("requires_compatibilities")));
    assertEquals("bridge", td.path("network_mode").asText());
  }

  @Test
  void aServiceRunsTheTaskDefinitionItIsGiven() {
    TaskDefinition task = new TaskDefinition(stack, "Api", migrate().enableExecuteCommand().build());
    EcsService service = new EcsService(stack, "Backend", EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE).taskDefinition(task).build());
    Synthesized json = Synthesized.of(stack);
    assertEquals(1, json.count("aws_ecs_task_definition"));
    JsonNode resource = json.only("aws_ecs_service");
    assertEquals(json.ref("aws_ecs_task_definition", json.only("aws_ecs_task_definition"), "arn"), resource.path("task_definition").asText());
    assertEquals("acme-test-dev-backend", resource.path("name").asText());
    assertTrue(resource.path("enable_execute_command").asBoolean(), "ECS Exec follows the task definition");
    assertEquals(1, json.count("aws_security_group"));
    assertSame(task, service.task());
    assertSame(task.taskRole(), service.taskRole());
    assertSame(task.taskRole(), service.grantRole());
    assertSame(task.logGroup("migrate"), service.logGroup("migrate"));
  }

  @Test
  void badInputFailsNamingTheField() {
    assertEquals("networkMode = \"BRIDGE\" is invalid: Fargate supports only AWSVPC; BRIDGE and HOST need an EC2 cluster",
        EcsServiceTest.fails(() -> migrate().networkMode(NetworkMode.BRIDGE).build()).getMessage());
    assertTrue(EcsServiceTest.fails(() -> TaskDefinitionProps.builder().build()).getMessage().startsWith("containers = [] is invalid"));
    assertTrue(EcsServiceTest.fails(() -> migrate().family("no spaces").build()).getMessage().startsWith("family = \"no spaces\" is invalid"));

    TaskDefinition ec2Task = new TaskDefinition(stack, "Worker", TaskDefinitionProps.builder().compatibility(TaskCompatibility.EC2)
        .container(ContainerSpec.builder("worker", EcsServiceTest.IMAGE).build()).build());
    assertEquals("taskDefinition.compatibility = \"EC2\" is invalid: FARGATE to run on a Fargate cluster",
        EcsServiceTest.fails(() -> EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE).taskDefinition(ec2Task).build()).getMessage());
    TaskDefinition task = new TaskDefinition(stack, "Api", migrate().build());
    assertTrue(EcsServiceTest.fails(() -> EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE).taskDefinition(task).taskSize(1024, 2048).build())
        .getMessage().startsWith("taskSize = \"set with taskDefinition\" is invalid: the task's settings on the TaskDefinitionProps of"));
    assertEquals("loadBalancer.containerName = \"app\" is invalid: one of the containers [migrate]",
        EcsServiceTest.fails(() -> EcsServiceProps.builder(fargate, "vpc-0123", PRIVATE).taskDefinition(task)
            .loadBalancer("arn:tg", new SecurityGroup(stack, "Lb", SecurityGroupProps.builder("vpc-0123", "acme-lb", "load balancer").build()), "app", 8000).build()).getMessage());
  }
}
