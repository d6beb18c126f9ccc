package dev.blueprints.policy.rules;

import dev.blueprints.policy.ResourceView;
import dev.blueprints.policy.StackView;

/** What the alarm-subscription rules share: which topics are alarm topics, and whether anyone receives them. */
final class AlarmTopics {
  private AlarmTopics() {}

  /** A topic that some alarm of the stack notifies (alarm, OK or insufficient-data action). */
  static boolean isAlarmTopic(ResourceView topic, StackView stack) {
    for (ResourceView alarm : stack.resources("aws_cloudwatch_metric_alarm")) {
      if (alarm.refersTo("alarm_actions", topic) || alarm.refersTo("ok_actions", topic)
          || alarm.refersTo("insufficient_data_actions", topic)) {
        return true;
      }
    }
    return false;
  }

  /** Null when the topic has a subscription in the stack; otherwise the message. */
  static String unsubscribed(ResourceView topic, StackView stack) {
    if (!isAlarmTopic(topic, stack) || !stack.referencing("aws_sns_topic_subscription", "topic_arn", topic).isEmpty()) return null;
    return "the alarm topic has no subscription: its alarms notify nobody";
  }
}
