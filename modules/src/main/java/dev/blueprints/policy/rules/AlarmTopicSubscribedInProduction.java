package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.Rule;
import dev.blueprints.policy.Severity;
import dev.blueprints.policy.StackView;
import java.util.List;

/** In production, every alarm topic has a subscriber. */
public final class AlarmTopicSubscribedInProduction extends Rule {
  public AlarmTopicSubscribedInProduction() {
    super("BP-SNS-002", Severity.ERROR, List.of("aws_sns_topic"),
        "In production, every alarm topic has a subscriber.",
        "Set alarmEmails in the settings (each address confirms the e-mail AWS sends), or alarmTopicArn to an existing topic "
            + "with subscribers.",
        List.of());
  }

  @Override
  public List<String> check(ResourceView r, StackView stack) {
    if (!stack.production()) return ok();
    String problem = AlarmTopics.unsubscribed(r, stack);
    return problem == null ? ok() : fail(problem + " in production");
  }
}
