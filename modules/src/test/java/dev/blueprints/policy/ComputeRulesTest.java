package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.dev;
import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;

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

  @Test
  void launchTemplatesAndInstancesRequireImdsV2() {
    BlueprintStack stack = dev();
    LaunchTemplate lt = launchTemplate(stack);
    passes(stack, "BP-EC2-001");
    lt.putMetadataOptions(LaunchTemplateMetadataOptions.builder().httpTokens("optional").build());
    fails(stack, "BP-EC2-001", "aws_launch_template.Lt", "http_tokens is \"optional\"");
    lt.resetMetadataOptions();
    fails(stack, "BP-EC2-001", "aws_launch_template.Lt", "http_tokens is absent");
    lt.putMetadataOptions(LaunchTemplateMetadataOptions.builder().httpTokens("required").build());
    Instance instance = Instance.Builder.create(stack, "Vm").ami("ami-1").instanceType("t3.micro")
        .metadataOptions(InstanceMetadataOptions.builder().httpTokens("required").build()).build();
    passes(stack, "BP-EC2-001");
    instance.resetMetadataOptions();
    fails(stack, "BP-EC2-001", "aws_instance.Vm", "http_tokens is absent");
  }

  @Test
  void ebsVolumesAreEncrypted() {
    BlueprintStack stack = dev();
    LaunchTemplate lt = launchTemplate(stack);
    passes(stack, "BP-EC2-002");
    lt.putBlockDeviceMappings(List.of(LaunchTemplateBlockDeviceMappings.builder().deviceName("/dev/xvda")
        .ebs(LaunchTemplateBlockDeviceMappingsEbs.builder().volumeType("gp3").build()).build()));
    fails(stack, "BP-EC2-002", "aws_launch_template.Lt", "block device /dev/xvda has ebs.encrypted absent");
    lt.resetBlockDeviceMappings();
    fails(stack, "BP-EC2-002", "aws_launch_template.Lt", "no block_device_mappings");

    BlueprintStack other = dev();
    EbsVolume volume = EbsVolume.Builder.create(other, "Volume").availabilityZone("eu-west-1a").size(10).encrypted(true).build();
    Instance vm = Instance.Builder.create(other, "Vm").ami("ami-1").instanceType("t3.micro")
        .rootBlockDevice(InstanceRootBlockDevice.builder().encrypted(true).build()).build();
    passes(other, "BP-EC2-002");
    volume.resetEncrypted();
    fails(other, "BP-EC2-002", "aws_ebs_volume.Volume", "encrypted is absent");
    vm.resetRootBlockDevice();
    fails(other, "BP-EC2-002", "aws_instance.Vm", "root_block_device.encrypted is absent");
  }

  @Test
  void instancesGetNoPublicIp() {
    BlueprintStack stack = dev();
    LaunchTemplate lt = launchTemplate(stack);
    Instance vm = Instance.Builder.create(stack, "Vm").ami("ami-1").instanceType("t3.micro").build();
    passes(stack, "BP-EC2-003");
    lt.putNetworkInterfaces(List.of(LaunchTemplateNetworkInterfaces.builder().associatePublicIpAddress("true").build()));
    vm.setAssociatePublicIpAddress(true);
    fails(stack, "BP-EC2-003", "aws_launch_template.Lt", "network_interfaces.associate_public_ip_address is true");
    fails(stack, "BP-EC2-003", "aws_instance.Vm", "associate_public_ip_address is true");
    vm.setAssociatePublicIpAddress(false);
    lt.putNetworkInterfaces(List.of(LaunchTemplateNetworkInterfaces.builder().associatePublicIpAddress("false").build()));
    passes(stack, "BP-EC2-003");
  }

  @Test
  void clustersHaveContainerInsights() {
    BlueprintStack stack = dev();
    EcsCluster cluster = EcsCluster.Builder.create(stack, "Cluster").name("c")
        .setting(List.of(EcsClusterSetting.builder().name("containerInsights").value("enabled").build())).build();
    passes(stack, "BP-ECS-001");
    cluster.putSetting(List.of(EcsClusterSetting.builder().name("containerInsights").value("disabled").build()));
    fails(stack, "BP-ECS-001", "aws_ecs_cluster.Cluster", "containerInsights is disabled");
    cluster.resetSetting();
    fails(stack, "BP-ECS-001", "aws_ecs_cluster.Cluster", "no containerInsights setting");
  }

  @Test
  void containersAreNotPrivileged() {
    BlueprintStack secure = dev();
    task(secure, c -> { });
    passes(secure, "BP-ECS-002");
    BlueprintStack privileged = dev();
    task(privileged, c -> c.put("privileged", true));
    fails(privileged, "BP-ECS-002", "aws_ecs_task_definition.Task", "container web is privileged");
    BlueprintStack explicit = dev();
    task(explicit, c -> c.put("privileged", false));
    passes(explicit, "BP-ECS-002");
  }

  @Test
  void containersHaveAReadOnlyRootFilesystem() {
    BlueprintStack secure = dev();
    task(secure, c -> { });
    passes(secure, "BP-ECS-003");
    BlueprintStack absent = dev();
    task(absent, c -> c.remove("readonlyRootFilesystem"));
    fails(absent, "BP-ECS-003", "aws_ecs_task_definition.Task", "container web has a writable root filesystem");
  }

  @Test
  void containersLogToCloudWatch() {
    BlueprintStack secure = dev();
    task(secure, c -> { });
    passes(secure, "BP-ECS-004");
    BlueprintStack none = dev();
    task(none, c -> c.remove("logConfiguration"));
    fails(none, "BP-ECS-004", "aws_ecs_task_definition.Task", "container web has no log configuration");
    BlueprintStack noGroup = dev();
    task(noGroup, c -> c.put("logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of())));
    fails(noGroup, "BP-ECS-004", "aws_ecs_task_definition.Task", "uses awslogs without awslogs-group");
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
    service.putDeploymentCircuitBreaker(EcsServiceDeploymentCircuitBreaker.builder().enable(true).rollback(false).build());
    fails(stack, "BP-ECS-005", "aws_ecs_service.Service", "deployment_circuit_breaker is");
    service.resetDeploymentCircuitBreaker();
    fails(stack, "BP-ECS-005", "aws_ecs_service.Service", "deployment_circuit_breaker is absent");
    service.putDeploymentController(EcsServiceDeploymentController.builder().type("CODE_DEPLOY").build());
    passes(stack, "BP-ECS-005");   // CodeDeploy rolls back itself
    service.putNetworkConfiguration(EcsServiceNetworkConfiguration.builder().subnets(List.of("subnet-1")).assignPublicIp(true).build());
    fails(stack, "BP-ECS-006", "aws_ecs_service.Service", "assign_public_ip is true");
    service.putNetworkConfiguration(EcsServiceNetworkConfiguration.builder().subnets(List.of("subnet-1")).build());
    passes(stack, "BP-ECS-006");
  }

  @Test
  void taskAndExecutionRolesDiffer() {
    BlueprintStack stack = dev();
    EcsTaskDefinition task = task(stack, c -> { });
    passes(stack, "BP-ECS-007");
    task.setTaskRoleArn("arn:aws:iam::1:role/exec");
    fails(stack, "BP-ECS-007", "aws_ecs_task_definition.Task", "are the same role");
    task.resetTaskRoleArn();
    passes(stack, "BP-ECS-007");
  }

  @Test
  void repositoriesScanOnPushHaveImmutableTagsAndALifecyclePolicy() {
    BlueprintStack stack = dev();
    EcrRepository repo = EcrRepository.Builder.create(stack, "Repo").name("web").imageTagMutability("IMMUTABLE")
        .imageScanningConfiguration(EcrRepositoryImageScanningConfiguration.builder().scanOnPush(true).build()).build();
    fails(stack, "BP-ECR-003", "aws_ecr_repository.Repo", "the repository has no lifecycle policy");
    EcrLifecyclePolicy.Builder.create(stack, "Lifecycle").repository(repo.getName()).policy("{\"rules\":[]}").build();
    for (String id : List.of("BP-ECR-001", "BP-ECR-002", "BP-ECR-003")) passes(stack, id);
    repo.putImageScanningConfiguration(EcrRepositoryImageScanningConfiguration.builder().scanOnPush(false).build());
    fails(stack, "BP-ECR-001", "aws_ecr_repository.Repo", "scan_on_push is false");
    repo.resetImageScanningConfiguration();
    fails(stack, "BP-ECR-001", "aws_ecr_repository.Repo", "scan_on_push is absent");
    repo.setImageTagMutability("MUTABLE");
    fails(stack, "BP-ECR-002", "aws_ecr_repository.Repo", "image_tag_mutability is \"MUTABLE\"");
    repo.resetImageTagMutability();
    fails(stack, "BP-ECR-002", "aws_ecr_repository.Repo", "image_tag_mutability is absent (default MUTABLE)");
  }
}
