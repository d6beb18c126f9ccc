package dev.blueprints.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_rule.CloudwatchEventRule;
import com.hashicorp.cdktf.providers.aws.cloudwatch_event_target.CloudwatchEventTarget;
import com.hashicorp.cdktf.providers.aws.sfn_state_machine.SfnStateMachine;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.auth.Role;
import dev.blueprints.auth.RoleProps;
import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.NameLimit;
import dev.blueprints.core.Validate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.constructs.Construct;

/**
 * Starts a new deployment of an ECS service whenever one of the secrets its tasks read gets a new current value.
 *
 * <p>ECS injects a secret into a container once, at task start. After RDS rotates its managed master password
 * (every 7 days by default), or after someone puts a new value into a secret, running tasks keep the old value and
 * new database connections fail until the tasks are replaced. Secrets Manager publishes a {@code Secret Label Updated}
 * event to EventBridge whenever {@code AWSCURRENT} moves to a new version (a rotation's last step, or a
 * {@code put-secret-value}), without CloudTrail; a rule matching those events for exactly these secrets starts a
 * Step Functions state machine whose one task calls {@code ecs:UpdateService} with {@code forceNewDeployment}: the
 * service replaces its tasks the way a deploy does (rolling, health-checked, circuit breaker on), and the new tasks
 * read the new value. No code to run or patch: the state machine calls the ECS API itself.
 *
 * <p>Permissions are exact: EventBridge may start only this state machine, the state machine may update only this
 * service, both roles conditioned on the account.
 */
public final class RedeployOnSecretChange extends BlueprintConstruct {
  /** The native Secrets Manager event: a staging label (here {@code AWSCURRENT}) moved to another version. */
  public static final String DETAIL_TYPE = "Secret Label Updated";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CloudwatchEventRule rule;
  private final SfnStateMachine stateMachine;

  /**
   * @param service    the service to redeploy
   * @param secretArns the secrets its tasks read (literal ARNs or references), at least one
   */
  public RedeployOnSecretChange(Construct scope, String id, EcsService service, List<String> secretArns) {
    super(scope, id);
    Validate.notNull("service", service);
    if (secretArns == null || secretArns.isEmpty()) throw Validate.invalid("secretArns", secretArns, "at least one secret ARN");
    String component = id.toLowerCase(Locale.ROOT) + "-redeploy";
    String serviceArn = service.resource().getId();

    Role machineRole = new Role(this, "StateMachineRole", RoleProps.builder(naming().name(component + "-sfn", NameLimit.IAM_ROLE),
            "states.amazonaws.com")
        .description("Forces a new deployment of ECS service " + service.serviceName() + " when a secret it reads changes")
        .statement(PolicyStatement.allow("ForceNewDeployment", List.of("ecs:UpdateService"), List.of(serviceArn)))
        .build());

    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("Cluster", service.resource().getCluster());
    parameters.put("Service", serviceArn);
    parameters.put("ForceNewDeployment", true);
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("Type", "Task");
    task.put("Resource", "arn:aws:states:::aws-sdk:ecs:updateService");
    task.put("Parameters", parameters);
    // Insertion order, not Map.of's per-JVM order: the definition must be the same bytes on every synth.
    Map<String, Object> retry = new LinkedHashMap<>();
    retry.put("ErrorEquals", List.of("States.ALL"));
    retry.put("IntervalSeconds", 10);
    retry.put("MaxAttempts", 3);
    retry.put("BackoffRate", 2);
    task.put("Retry", List.of(retry));
    task.put("End", true);
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("Comment", "New tasks of " + service.serviceName() + " read the secrets' current values");
    definition.put("StartAt", "ForceNewDeployment");
    definition.put("States", Map.of("ForceNewDeployment", task));

    stateMachine = SfnStateMachine.Builder.create(this, "StateMachine")
        .name(naming().name(component, NameLimit.IAM_ROLE))
        .roleArn(machineRole.arn())
        .definition(json(definition))
        .build();

    Role eventsRole = new Role(this, "EventsRole", RoleProps.builder(naming().name(component + "-events", NameLimit.IAM_ROLE),
            "events.amazonaws.com")
        .description("EventBridge starts the redeployment of " + service.serviceName())
        .statement(PolicyStatement.allow("StartRedeployment", List.of("states:StartExecution"), List.of(stateMachine.getArn())))
        .build());

    Map<String, Object> pattern = new LinkedHashMap<>();
    pattern.put("source", List.of("aws.secretsmanager"));
    pattern.put("detail-type", List.of(DETAIL_TYPE));
    pattern.put("resources", List.copyOf(secretArns));
    pattern.put("detail", Map.of("labelUpdated", List.of("AWSCURRENT")));
    rule = CloudwatchEventRule.Builder.create(this, "Rule")
        .name(naming().name(component, NameLimit.IAM_ROLE))
        .description("A secret read by " + service.serviceName() + " has a new current value: redeploy the service")
        .eventPattern(json(pattern))
        .build();
    CloudwatchEventTarget.Builder.create(this, "Target")
        .rule(rule.getName())
        .arn(stateMachine.getArn())
        .roleArn(eventsRole.arn())
        .build();
  }

  public CloudwatchEventRule rule() {
    return rule;
  }

  public SfnStateMachine stateMachine() {
    return stateMachine;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
