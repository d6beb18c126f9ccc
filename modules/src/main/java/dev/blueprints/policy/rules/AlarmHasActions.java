package dev.blueprints.policy.rules;

import dev.blueprints.policy.AttributeRule;
import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Severity;
import java.util.List;

/** Alarms notify someone or act: they have alarm actions and actions are enabled. */
public final class AlarmHasActions extends AttributeRule {
  public AlarmHasActions() {
    super("BP-CW-002", Severity.ERROR, List.of("aws_cloudwatch_metric_alarm"),
        new Expectation((r, stack) -> !r.isFalse("actions_enabled")
            && (!ResourceView.strings(r.at("alarm_actions")).isEmpty() || r.isExpression("alarm_actions")),
            r -> r.isFalse("actions_enabled") ? "actions_enabled is false" : "the alarm has no alarm_actions"),
        "Alarms notify someone or act: they have alarm actions and actions are enabled.",
        "Set alarm_actions (an SNS topic or scaling policy) and leave actions_enabled true.",
        List.of("CKV_AWS_319"));
  }
}
