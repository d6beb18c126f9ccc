package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Alarms notify someone or act: they have alarm actions and actions are enabled. */
public final class AlarmHasActions extends Rule {
  public AlarmHasActions() {
    super("BP-CW-002", Severity.ERROR, List.of("aws_cloudwatch_metric_alarm"),
        "Alarms notify someone or act: they have alarm actions and actions are enabled.",
        "Set alarm_actions (an SNS topic or scaling policy) and leave actions_enabled true.",
        List.of("CKV_AWS_319"));
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (r.isFalse("actions_enabled")) return fail("actions_enabled is false");
    return require(!ResourceView.strings(r.at("alarm_actions")).isEmpty() || r.isExpression("alarm_actions"), "the alarm has no alarm_actions");
  }
}
