package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static dev.blueprints.policy.PolicyAssert.rule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.providers.aws.ebs_volume.EbsVolume;
import com.hashicorp.cdktf.providers.aws.ecr_lifecycle_policy.EcrLifecyclePolicy;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepository;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryImageScanningConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentCircuitBreaker;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentController;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.instance.Instance;
import com.hashicorp.cdktf.providers.aws.instance.InstanceMetadataOptions;
import com.hashicorp.cdktf.providers.aws.instance.InstanceRootBlockDevice;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplate;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappings;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateBlockDeviceMappingsEbs;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateMetadataOptions;
import com.hashicorp.cdktf.providers.aws.launch_template.LaunchTemplateNetworkInterfaces;
import dev.blueprints.core.BlueprintStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ComputeRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASK = "aws_ecs_task_definition.Task";

  private static LaunchTemplate launchTemplate(BlueprintStack stack) {
    return LaunchTemplate.Builder.create(stack, "Lt").imageId("ami-1").instanceType("t3.medium")
        .metadataOptions(LaunchTemplateMetadataOptions.builder().httpEndpoint("enabled").httpTokens("required").build())
        .blockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder().deviceName("/dev/xvda")
            .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder().encrypted("true").volumeType("gp3").build()).build()))
        .build();
  }

  /** A secure container definition as ECS expects it, changed by {@code edit}. */
  private static String containers(Consumer<Map<String, Object>> edit) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "web");
    c.put("image", "repo/web:1.0.0");
    c.put("readonlyRootFilesystem", true);
    c.put("logConfiguration", Map.of("logDriver", "awslogs", "options",
        Map.of("awslogs-group", "/app/web", "awslogs-region", "eu-west-1", "awslogs-stream-prefix", "web")));
    edit.accept(c);
    try {
      return JSON.writeValueAsString(List.of(c));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static EcsTaskDefinition task(BlueprintStack stack, Consumer<Map<String, Object>> edit) {
    return EcsTaskDefinition.Builder.create(stack, "Task").family("web").containerDefinitions(containers(edit))
        .executionRoleArn("arn:aws:iam::1:role/exec").taskRoleArn("arn:aws:iam::1:role/task").build();
  }

  /** A fresh stack holding one task definition, its container changed by {@code edit}. */
  private static BlueprintStack taskStack(Consumer<Map<String, Object>> edit) {
    BlueprintStack stack = dev();
    task(stack, edit);
    return stack;
  }

  @Test
  void launchTemplatesAndInstancesRequireImdsV2() {
    BlueprintStack stack = dev();
    LaunchTemplate lt = launchTemplate(stack);
    rule(stack, "BP-EC2-001", "aws_launch_template.Lt").passes()
        .after(() -> lt.putMetadataOptions(LaunchTemplateMetadataOptions.builder().httpTokens("optional").build()))
        .fails("http_tokens is \"optional\"")
        .after(lt::resetMetadataOptions).fails("http_tokens is absent");
    lt.putMetadataOptions(LaunchTemplateMetadataOptions.builder().httpTokens("required").build());
    Instance instance = Instance.Builder.create(stack, "Vm").ami("ami-1").instanceType("t3.micro")
        .metadataOptions(InstanceMetadataOptions.builder().httpTokens("required").build()).build();
    rule(stack, "BP-EC2-001", "aws_instance.Vm").passes()
        .after(instance::resetMetadataOptions).fails("http_tokens is absent");
  }

  @Test
  void ebsVolumesAreEncrypted() {
    BlueprintStack stack = dev();
    LaunchTemplate lt = launchTemplate(stack);
    passes(stack, "BP-EC2-002");
    lt.putBlockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder().deviceName("/dev/xvda")
        .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder().volumeType("gp3").build()).build()));
    rule(stack, "BP-EC2-002", "aws_launch_template.Lt")
        .fails("block device /dev/xvda has ebs.encrypted absent")
        .after(lt::resetBlockDeviceMappings).fails("no block_device_mappings");

    BlueprintStack other = dev();
    EbsVolume volume = EbsVolume.Builder.create(other, "Volume").availabilityZone("eu-west-1a").size(10).encrypted(true).build();
    Instance vm = Instance.Builder.create(other, "Vm").ami("ami-1").instanceType("t3.micro")
        .rootBlockDevice(InstanceRootBlockDevice.builder().encrypted(true).build()).build();
    rule(other, "BP-EC2-002", "aws_ebs_volume.Volume").passes()
        .after(volume::resetEncrypted).fails("encrypted is absent");
    vm.resetRootBlockDevice();
    fails(other, "BP-EC2-002", "aws_instance.Vm", "root_block_device.encrypted is absent");
  }

  @Test
  void instancesGetNoPublicIp() {
    BlueprintStack stack = dev();
    LaunchTemplate lt = launchTemplate(stack);
    Instance vm = Instance.Builder.create(stack, "Vm").ami("ami-1").instanceType("t3.micro").build();
    rule(stack, "BP-EC2-003", "aws_launch_template.Lt").passes()
        .after(() -> lt.putNetworkInterfaces(List.of(LaunchTemplateNetworkInterfaces.builder().associatePublicIpAddress("true").build())))
        .after(() -> vm.setAssociatePublicIpAddress(true))
        .fails("network_interfaces.associate_public_ip_address is true");
    rule(stack, "BP-EC2-003", "aws_instance.Vm")
        .fails("associate_public_ip_address is true")
        .after(() -> vm.setAssociatePublicIpAddress(false))
        .after(() -> lt.putNetworkInterfaces(List.of(LaunchTemplateNetworkInterfaces.builder().associatePublicIpAddress("false").build())))
        .passes();
  }

  @Test
  void clustersHaveContainerInsights() {
    BlueprintStack stack = dev();
    EcsCluster cluster = EcsCluster.Builder.create(stack, "Cluster").name("c")
        .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build())).build();
    rule(stack, "BP-ECS-001", "aws_ecs_cluster.Cluster").passes()
        .after(() -> cluster.putSetting(List.of(EcsClusterSetting.builder().name("containerInsights").value("disabled").build())))
        .fails("containerInsights is disabled")
        .after(cluster::resetSetting).fails("no containerInsights setting");
  }

  @Test
  void containersAreNotPrivileged() {
    passes(taskStack(c -> { }), "BP-ECS-002");
    fails(taskStack(c -> c.put("privileged", true)), "BP-ECS-002", TASK, "container web is privileged");
    passes(taskStack(c -> c.put("privileged", false)), "BP-ECS-002");
  }

  @Test
  void containersHaveAReadOnlyRootFilesystem() {
    passes(taskStack(c -> { }), "BP-ECS-003");
    fails(taskStack(c -> c.remove("readonlyRootFilesystem")), "BP-ECS-003", TASK, "container web has a writable root filesystem");
  }

  @Test
  void containersLogToCloudWatch() {
    passes(taskStack(c -> { }), "BP-ECS-004");
    fails(taskStack(c -> c.remove("logConfiguration")), "BP-ECS-004", TASK, "container web has no log configuration");
    fails(taskStack(c -> c.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of()))), "BP-ECS-004", TASK,
        "uses awslogs without awslogs-group");
  }

  @Test
  void servicesRollBackFailedDeploymentsAndGetNoPublicIp() {
    BlueprintStack stack = dev();
    EcsService service = EcsService.Builder.create(stack, "Service").name("web")
        .deploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
        .networkConfiguration(EcsServiceNetworkConfiguration.builder().subnets(List.of("subnet-1")).assignPublicIp(false).build())
        .build();
    passes(stack, "BP-ECS-005");
    passes(stack, "BP-ECS-006");
    rule(stack, "BP-ECS-005", "aws_ecs_service.Service")
        .after(() -> service.putDeploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(false).build()))
        .fails("deployment_circuit_breaker is")
        .after(service::resetDeploymentCircuitBreaker).fails("deployment_circuit_breaker is absent")
        .after(() -> service.putDeploymentController(EcsServiceDeploymentController.builder().type("CODE_DEPLOY").build()))
        .passes();   // CodeDeploy rolls back itself
    rule(stack, "BP-ECS-006", "aws_ecs_service.Service")
        .after(() -> service.putNetworkConfiguration(EcsServiceNetworkConfiguration.builder().subnets(List.of("subnet-1")).assignPublicIp(true).build()))
        .fails("assign_public_ip is true")
        .after(() -> service.putNetworkConfiguration(EcsServiceNetworkConfiguration.builder().subnets(List.of("subnet-1")).build()))
        .passes();
  }

  @Test
  void taskAndExecutionRolesDiffer() {
    BlueprintStack stack = dev();
    EcsTaskDefinition task = task(stack, c -> { });
    rule(stack, "BP-ECS-007", TASK).passes()
        .after(() -> task.setTaskRoleArn("arn:aws:iam::1:role/exec")).fails("are the same role")
        .after(task::resetTaskRoleArn).passes();
  }

  @Test
  void repositoriesScanOnPushHaveImmutableTagsAndALifecyclePolicy() {
    BlueprintStack stack = dev();
    EcrRepository repo = EcrRepository.Builder.create(stack, "Repo").name("web").imageTagMutability("IMMUTABLE")
        .imageScanningConfiguration(EcrRepositoryImageScanningConfiguration.builder().scanOnPush(true).build()).build();
    fails(stack, "BP-ECR-003", "aws_ecr_repository.Repo", "the repository has no lifecycle policy");
    EcrLifecyclePolicy.Builder.create(stack, "Lifecycle").repository(repo.getName()).policy("{\"rules\":[]}").build();
    for (String id : List.of("BP-ECR-001", "BP-ECR-002", "BP-ECR-003")) passes(stack, id);
    rule(stack, "BP-ECR-001", "aws_ecr_repository.Repo")
        .after(() -> repo.putImageScanningConfiguration(EcrRepositoryImageScanningConfiguration.builder().scanOnPush(false).build()))
        .fails("scan_on_push is false")
        .after(repo::resetImageScanningConfiguration).fails("scan_on_push is absent");
    rule(stack, "BP-ECR-002", "aws_ecr_repository.Repo")
        .after(() -> repo.setImageTagMutability("MUTABLE")).fails("image_tag_mutability is \"MUTABLE\"")
        .after(repo::resetImageTagMutability).fails("image_tag_mutability is absent (default MUTABLE)");
  }
}
