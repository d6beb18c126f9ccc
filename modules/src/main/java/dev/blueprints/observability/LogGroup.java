package dev.blueprints.observability;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import software.constructs.Construct;

/** A CloudWatch log group with a retention period; the other modules use it instead of raw log groups. */
public final class LogGroup extends BlueprintConstruct {
  private final CloudwatchLogGroup group;

  public LogGroup(Construct scope, String id, LogGroupProps props) {
    super(scope, id);
    var builder = CloudwatchLogGroup.Builder.create(this, "Resource")
        .name(props.name())
        .retentionInDays(props.retentionDays());
    if (props.kmsKeyArn() != null) builder.kmsKeyId(props.kmsKeyArn());
    group = builder.build();
  }

  public String name() {
    return group.getName();
  }

  public String arn() {
    return group.getArn();
  }

  public CloudwatchLogGroup resource() {
    return group;
  }
}
