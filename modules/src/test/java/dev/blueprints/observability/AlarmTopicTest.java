package dev.blueprints.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.core.Environment;
import dev.blueprints.core.Settings;
import dev.blueprints.core.StateSettings;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AlarmTopicTest {
  private static final String ACCOUNT = "${data.aws_caller_identity.CallerIdentity.account_id}";

  private static Synthesized synth(AlarmTopicProps props) {
    BlueprintStack stack = Fixtures.stack("alarms");
    new AlarmTopic(stack, "Alarms", props);
    return Synthesized.of(stack);
  }

  private static Set<String> asSet(JsonNode node) {
    Set<String> out = new TreeSet<>();
    if (node.isArray()) node.forEach(n -> out.add(n.asText()));
    else out.add(node.asText());
    return out;
  }

  @Test
  void defaultTopicIsEncryptedWithAKeyCloudWatchMayUse() {
    Synthesized json = synth(AlarmTopicProps.builder().build());
    JsonNode key = json.only("aws_kms_key");
    assertTrue(key.path("enable_key_rotation").asBoolean());
    assertEquals(30, key.path("deletion_window_in_days").asInt());

    JsonNode statements = Synthesized.json(key, "policy").path("Statement");
    assertEquals(2, statements.size());
    JsonNode admin = statements.get(0);
    assertEquals(ACCOUNT, admin.path("Principal").path("AWS").asText());
    assertEquals("kms:*", admin.path("Action").asText());
    JsonNode cloudwatch = statements.get(1);
    assertEquals("Allow", cloudwatch.path("Effect").asText());
    assertEquals("cloudwatch.amazonaws.com", cloudwatch.path("Principal").path("Service").asText());
    assertEquals(Set.of("kms:Decrypt", "kms:GenerateDataKey*"), asSet(cloudwatch.path("Action")));

    String keyArn = json.ref("aws_kms_key", key, "arn");
    JsonNode topic = json.only("aws_sns_topic");
    assertEquals("acme-test-dev-alarms", topic.path("name").asText());
    assertEquals(keyArn, topic.path("kms_master_key_id").asText());
    assertFalse(topic.path("kms_master_key_id").asText().contains("alias/aws/sns"));

    JsonNode alias = json.only("aws_kms_alias");
    assertEquals("alias/acme-test-dev-alarms", alias.path("name").asText());
    assertEquals(json.ref("aws_kms_key", key, "key_id"), alias.path("target_key_id").asText());
    assertEquals(0, json.count("aws_sns_topic_subscription"), "the fixture settings have no alarm e-mails");
  }

  @Test
  void theTwoArgumentConstructorIsTheDefaultProps() {
    BlueprintStack stack = Fixtures.stack("alarms");
    AlarmTopic topic = new AlarmTopic(stack, "Alarms");
    new Alarms(stack, "Watch", topic);
    assertEquals(synth(AlarmTopicProps.builder().build()).root().toString(), Synthesized.of(stack).root().toString());
    assertEquals(1, Synthesized.of(stack).count("aws_sns_topic"));
  }

  @Test
  void theTopicKeyIsAnEncryptionKeyThatCloudWatchMayUseWithoutPreventDestroy() {
    JsonNode key = synth(AlarmTopicProps.builder().build()).only("aws_kms_key");
    assertTrue(key.path("lifecycle").isMissingNode(), "the topic keeps no data at rest: " + key);
    assertTrue(key.path("enable_key_rotation").asBoolean());
  }

  @Test
  void topicPolicyLetsOnlyThisAccountsCloudWatchAlarmsPublish() {
    Synthesized json = synth(AlarmTopicProps.builder().build());
    JsonNode topic = json.only("aws_sns_topic");
    String topicArn = json.ref("aws_sns_topic", topic, "arn");
    JsonNode policy = json.only("aws_sns_topic_policy");
    assertEquals(topicArn, policy.path("arn").asText());
    JsonNode statements = Synthesized.json(policy, "policy").path("Statement");
    assertEquals(1, statements.size());
    JsonNode publish = statements.get(0);
    assertEquals("Allow", publish.path("Effect").asText());
    assertEquals("cloudwatch.amazonaws.com", publish.path("Principal").path("Service").asText());
    assertEquals("sns:Publish", publish.path("Action").asText());
    assertEquals(topicArn, publish.path("Resource").asText());
    assertEquals(ACCOUNT, publish.path("Condition").path("StringEquals").path("aws:SourceAccount").asText());
  }

  @Test
  void subscriptionsComeFromTheSettingsByDefault() {
    Settings settings = Settings.builder("acme", Environment.dev(), Fixtures.REGION).availabilityZones(Fixtures.AZS)
        .state(StateSettings.lockfile("acme-tfstate", Fixtures.REGION, "acme"))
        .alarmEmails(List.of("ops@example.com", "oncall@example.com")).build();
    BlueprintStack stack = Fixtures.stack(Fixtures.app(), "test-dev-alarms", settings);
    new AlarmTopic(stack, "Alarms", AlarmTopicProps.builder().build());
    Synthesized json = Synthesized.of(stack);
    String topicArn = json.ref("aws_sns_topic", json.only("aws_sns_topic"), "arn");
    assertEquals(2, json.count("aws_sns_topic_subscription"));
    for (String email : List.of("ops@example.com", "oncall@example.com")) {
      json.assertResource("aws_sns_topic_subscription", Map.of("protocol", "email", "endpoint", email, "topic_arn", topicArn));
    }
  }

  @Test
  void givenEmailsReplaceTheSettingsAndHttpsEndpointsSubscribeWithHttps() {
    Synthesized json = synth(AlarmTopicProps.builder()
        .emails(List.of("team@example.com"))
        .httpsEndpoints(List.of("https://hooks.example.com/alarms?token=x"))
        .build());
    String topicArn = json.ref("aws_sns_topic", json.only("aws_sns_topic"), "arn");
    assertEquals(2, json.count("aws_sns_topic_subscription"));
    json.assertResource("aws_sns_topic_subscription", Map.of("protocol", "email", "endpoint", "team@example.com", "topic_arn", topicArn));
    json.assertResource("aws_sns_topic_subscription",
        Map.of("protocol", "https", "endpoint", "https://hooks.example.com/alarms?token=x", "topic_arn", topicArn));
  }

  @Test
  void removingOneSubscriberKeepsTheOthersAddresses() {
    Synthesized both = synth(AlarmTopicProps.builder().emails(List.of("a@example.com", "b@example.com")).build());
    Synthesized onlyB = synth(AlarmTopicProps.builder().emails(List.of("b@example.com")).build());
    String type = "aws_sns_topic_subscription";
    assertEquals(both.nameOf(type, both.only(type, "endpoint", "b@example.com")),
        onlyB.nameOf(type, onlyB.only(type, "endpoint", "b@example.com")));
  }

  @Test
  void aGivenKeyIsUsedAndNoKeyIsCreated() {
    String arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    Synthesized json = synth(AlarmTopicProps.builder().name("ops-alarms").kmsKeyArn(arn).build());
    assertEquals(0, json.count("aws_kms_key"));
    assertEquals(0, json.count("aws_kms_alias"));
    json.assertResource("aws_sns_topic", Map.of("name", "ops-alarms", "kms_master_key_id", arn));
  }

  @Test
  void theAwsManagedSnsKeyIsRefusedBecauseCloudWatchCannotUseIt() {
    for (String managed : List.of("alias/aws/sns", "arn:aws:kms:eu-west-1:111122223333:alias/aws/sns")) {
      var e = assertThrows(IllegalArgumentException.class, () -> AlarmTopicProps.builder().kmsKeyArn(managed).build());
      assertTrue(e.getMessage().startsWith("kmsKeyArn = \"" + managed + "\" is invalid: CloudWatch alarms cannot publish to a topic"
          + " encrypted with an AWS managed key"), e.getMessage());
    }
  }

  @Test
  void badSubscribersAreRefused() {
    assertEquals("httpsEndpoints = \"http://hooks.example.com/x\" is invalid: an https:// URL (plain http would send alarm contents unencrypted)",
        assertThrows(IllegalArgumentException.class,
            () -> AlarmTopicProps.builder().httpsEndpoints(List.of("http://hooks.example.com/x")).build()).getMessage());
    assertEquals("emails = \"ops.example.com\" is invalid: an e-mail address such as ops@example.com",
        assertThrows(IllegalArgumentException.class,
            () -> AlarmTopicProps.builder().emails(List.of("ops.example.com")).build()).getMessage());
    List<String> twice = new ArrayList<>(List.of("ops@example.com", "ops@example.com"));
    assertEquals("emails = [ops@example.com, ops@example.com] is invalid: each value may appear once",
        assertThrows(IllegalArgumentException.class, () -> AlarmTopicProps.builder().emails(twice).build()).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> AlarmTopicProps.builder().name("ops alarms").build())
        .getMessage().startsWith("name = \"ops alarms\" is invalid"));
  }
}
