package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** Outside production, an alarm topic without a subscriber is reported as a warning. */
public final class AlarmTopicSubscribed extends Rule {
  public AlarmTopicSubscribed() {
    super("BP-SNS-003", Severity.WARNING, List.of("aws_sns_topic"),
        "Outside production, every alarm topic has a subscriber.",
        "Set alarmEmails in the settings, or alarmTopicArn to an existing topic with subscribers.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (stack.production()) return ok();
    String problem = AlarmTopics.unsubscribed(r, stack);
    return problem == null ? ok() : fail(problem);
  }
}
