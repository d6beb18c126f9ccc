package dev.blueprints.observability;

import dev.blueprints.core.BlueprintConstruct;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_metric_filter.CloudwatchLogMetricFilter;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_metric_filter.CloudwatchLogMetricFilterMetricTransformation;
import dev.blueprints.core.Validate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/** A CloudWatch log group with a retention period; the other modules use it instead of raw log groups. */
public final class LogGroup extends BlueprintConstruct {
  private static final Pattern FILTER_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9]{0,63}$");
  private final CloudwatchLogGroup group;
  /** Filter ids used so far, checked on the Java side. */
  private final Set<String> filterIds = new HashSet<>();

  public LogGroup(Construct scope, String id, LogGroupProps props) {
    super(scope, id);
    var builder = CloudwatchLogGroup.Builder.create(this, "Resource")
        .name(props.name())
        .retentionInDays(props.retentionDays());
    if (props.kmsKeyArn() != null) builder.kmsKeyId(props.kmsKeyArn());
    group = builder.build();
  }

  /**
   * A metric filter named {@code id} on this log group; returns the metric it publishes, read as a
   * {@code Sum}, ready for {@link Alarms#add(String, Metric, AlarmSpec)} or a dashboard.
   */
  public Metric metricFilter(String id, LogMetricFilterProps props) {
    Validate.matches("id", id, FILTER_ID, "1-64 letters and digits starting with a letter, such as Errors");
    Validate.notNull("props", props);
    if (!filterIds.add(id)) throw Validate.invalid("id", id, "a metric filter " + id + " already exists on " + getNode().getPath());
    var transformation = CloudwatchLogMetricFilterMetricTransformation.builder()
        .namespace(props.namespace())
        .name(props.metricName())
        .value(props.value());
    if (props.defaultValue() != null) transformation.defaultValue(Alarms.number(props.defaultValue()));
    CloudwatchLogMetricFilter.Builder.create(this, "Filter" + id)
        .name(id)
        .logGroupName(group.getName())
        .pattern(props.pattern())
        .metricTransformation(transformation.build())
        .build();
    return Metric.custom(props.namespace(), props.metricName(), null).withStat("Sum");
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
