package dev.blueprints.compute;

import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.NameLimit;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/**
 * Application Auto Scaling of an {@link EcsService}'s task count: the scalable target and one target-tracking
 * policy per target of {@link ServiceScalingProps}. Built with {@link EcsService#autoScale}; from then on
 * Application Auto Scaling owns the service's desired count (Terraform ignores its changes).
 */
public final class ServiceScaling extends BlueprintConstruct {
  private final AppautoscalingTarget target;
  private final List<AppautoscalingPolicy> policies = new ArrayList<>();

  /**
   * {@code owner} is where the resources go: the service itself when it was built with
   * {@code EcsServiceProps.autoScaling}, where they were before scaling was a construct of its own; else here.
   */
  ServiceScaling(Construct scope, String id, Construct owner, EcsService service, String component, ServiceScalingProps props) {
    super(scope, id);
    Construct in = owner != null ? owner : this;
    target = AppautoscalingTarget.Builder.create(in, "ScalingTarget")
        .serviceNamespace("ecs")
        .scalableDimension("ecs:service:DesiredCount")
        .resourceId("service/" + service.cluster().name() + "/" + service.name())
        .minCapacity(props.min())
        .maxCapacity(props.max())
        .build();
    if (props.cpuTargetPercent() != null) {
      policy(in, component, "CpuScaling", "-cpu", props.cpuTargetPercent(), metric("ECSServiceAverageCPUUtilization"));
    }
    if (props.memoryTargetPercent() != null) {
      policy(in, component, "MemoryScaling", "-memory", props.memoryTargetPercent(), metric("ECSServiceAverageMemoryUtilization"));
    }
    if (props.requestsPerTarget() != null) {
      TargetGroup group = props.requestsPerTarget().targetGroup();
      policy(in, component, "RequestScaling", "-requests", props.requestsPerTarget().requests(), metric("ALBRequestCountPerTarget")
          // app/<load balancer>/<id>/targetgroup/<group>/<id>: the two ARN suffixes.
          .resourceLabel(group.loadBalancer().arnSuffix() + "/" + group.arnSuffix()));
    }
  }

  private static AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification.Builder metric(String type) {
    return AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification.builder().predefinedMetricType(type);
  }

  private void policy(Construct in, String component, String id, String suffix, double value,
      AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification.Builder metric) {
    policies.add(AppautoscalingPolicy.Builder.create(in, id)
        .name(naming().name(component + suffix, NameLimit.GENERIC))
        .policyType("TargetTrackingScaling")
        .serviceNamespace(target.getServiceNamespace())
        .scalableDimension(target.getScalableDimension())
        .resourceId(target.getResourceId())
        .targetTrackingScalingPolicyConfiguration(AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
            .targetValue(value)
            .predefinedMetricSpecification(metric.build())
            // Scale out fast, scale in slowly to avoid flapping.
            .scaleOutCooldown(60)
            .scaleInCooldown(300)
            .build())
        .build());
  }

  /** The Application Auto Scaling target. */
  public AppautoscalingTarget target() {
    return target;
  }

  /** The target-tracking policies: CPU, memory, requests, those configured, in that order. */
  public List<AppautoscalingPolicy> policies() {
    return List.copyOf(policies);
  }
}
