package dev.blueprints.policy;

import static dev.blueprints.policy.PolicyAssert.fails;
import static dev.blueprints.policy.PolicyAssert.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.observability.AlarmTopic;
import dev.blueprints.observability.AlarmTopicProps;
import dev.blueprints.observability.Alarms;
import dev.blueprints.observability.Metrics;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmSubscriptionRulesTest {
  private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:ops-pager";

  private static Settings settings(Environment environment, List<String> emails, String topicArn) {
    Settings base = Fixtures.settings(environment);
    return Settings.builder(base.project(), environment, base.region()).availabilityZones(base.availabilityZones())
        .state(base.state()).tags(base.tags()).alarmEmails(emails).alarmTopicArn(topicArn).build();
  }

  private static BlueprintStack withAlarm(String id, Settings settings) {
    BlueprintStack stack = Fixtures.stack(Fixtures.app(), id, settings);
    AlarmTopic topic = new AlarmTopic(stack, "AlarmTopic", AlarmTopicProps.builder().build());
    new Alarms(stack, "Alarms", topic).recommended("Fleet", Metrics.asgCpu("fleet"));
    return stack;
  }

  @Test
  void anAlarmTopicWithoutSubscriberIsAnErrorInProductionAndAWarningElsewhere() {
    BlueprintStack prod = withAlarm("test-prod-alarms", settings(Environment.prod(), List.of(), null));
    Finding error = fails(prod, "BP-SNS-002", "aws_sns_topic.AlarmTopic_D01E77F9",
        "the alarm topic has no subscription: its alarms notify nobody in production");
    assertEquals(Severity.ERROR, error.severity());
    passes(prod, "BP-SNS-003");

    BlueprintStack dev = withAlarm("test-dev-alarms", settings(Environment.dev(), List.of(), null));
    assertEquals(Severity.WARNING, fails(dev, "BP-SNS-003", "aws_sns_topic.AlarmTopic_D01E77F9", "its alarms notify nobody").severity());
    passes(dev, "BP-SNS-002");
  }

  @Test
  void anEmailSubscriptionOrAnExistingTopicSatisfiesBoth() {
    BlueprintStack mailed = withAlarm("test-prod-alarms", settings(Environment.prod(), List.of("ops@example.com"), null));
    passes(mailed, "BP-SNS-002");
    passes(mailed, "BP-SNS-003");

    BlueprintStack existing = withAlarm("test-prod-alarms", settings(Environment.prod(), List.of(), TOPIC_ARN));
    Synthesized json = Synthesized.of(existing);
    assertEquals(0, json.count("aws_sns_topic"), "an existing topic is notified, none is created");
    assertEquals(0, json.count("aws_kms_key"));
    json.resources("aws_cloudwatch_metric_alarm").values().forEach(alarm ->
        assertEquals(TOPIC_ARN, alarm.path("alarm_actions").get(0).asText()));
    passes(existing, "BP-SNS-002");

    // A topic no alarm uses is not an alarm topic.
    BlueprintStack other = Fixtures.stack(Fixtures.app(), "test-prod-other", Fixtures.prod());
    SnsTopic.Builder.create(other, "Events").name("events").build();
    passes(other, "BP-SNS-002");
  }

  @Test
  void theExistingTopicMustBeAnSnsTopicOfTheSettingsRegion() {
    Settings base = Fixtures.dev();
    var wrongRegion = assertThrows(IllegalArgumentException.class, () -> settings(Environment.dev(), List.of(),
        "arn:aws:sns:us-east-1:123456789012:ops-pager"));
    assertEquals("alarmTopicArn = \"arn:aws:sns:us-east-1:123456789012:ops-pager\" is invalid: a topic in region " + base.region()
        + " (CloudWatch alarms notify SNS topics of their own region only), got one in us-east-1", wrongRegion.getMessage());
    var notAnArn = assertThrows(IllegalArgumentException.class, () -> settings(Environment.dev(), List.of(), "ops-pager"));
    assertTrue(notAnArn.getMessage().startsWith("alarmTopicArn = \"ops-pager\" is invalid: an SNS topic ARN"), notAnArn.getMessage());
    var mixed = assertThrows(IllegalArgumentException.class, () -> AlarmTopicProps.builder().existingTopicArn(TOPIC_ARN)
        .emails(List.of("ops@example.com")).build());
    assertTrue(mixed.getMessage().contains("an existing topic keeps its own name, key and subscribers"), mixed.getMessage());
  }
}
