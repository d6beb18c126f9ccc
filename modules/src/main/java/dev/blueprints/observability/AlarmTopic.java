package dev.blueprints.observability;

import dev.blueprints.core.BlueprintConstruct;
import dev.blueprints.core.StackContext;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.sns_topic_policy.SnsTopicPolicy;
import com.hashicorp.cdktf.providers.aws.sns_topic_subscription.SnsTopicSubscription;
import dev.blueprints.auth.EncryptionKey;
import dev.blueprints.auth.EncryptionKeyProps;
import dev.blueprints.auth.PolicyDocument;
import dev.blueprints.auth.PolicyStatement;
import dev.blueprints.core.Account;
import dev.blueprints.core.Memo;
import dev.blueprints.core.NameLimit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The SNS topic that alarm and OK notifications go to: encrypted with a customer-managed KMS key that
 * CloudWatch may use (see {@link AlarmTopicProps} for why not {@code alias/aws/sns}), a topic policy that
 * lets only CloudWatch alarms of this account publish, and e-mail/HTTPS subscriptions.
 *
 * <p>With an existing topic ({@code alarmTopicArn} in the settings, or {@link AlarmTopicProps#existingTopicArn()})
 * nothing is created: the alarms notify that topic, whose subscribers, policy (CloudWatch may publish) and key
 * (CloudWatch may use it) are its owner's.
 *
 * <p>Subscription construct ids are derived from the endpoint (a short hash), so adding or removing one
 * address never re-creates the others' subscriptions (each re-creation would need a new confirmation).
 */
public final class AlarmTopic extends BlueprintConstruct {
  private static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
  private final SnsTopic topic;
  private final Memo<String> topicArn;
  private final EncryptionKey key;
  private final String kmsKeyArn;

  /** The stack's alarm topic with the default props: subscribers from the settings, a key of its own. */
  public AlarmTopic(Construct scope, String id) {
    this(scope, id, AlarmTopicProps.builder().build());
  }

  public AlarmTopic(Construct scope, String id, AlarmTopicProps props) {
    super(scope, id);
    StackContext stack = context();
    String existing = props.existingTopicArn() != null ? props.existingTopicArn() : stack.settings().alarmTopicArn();
    if (existing != null) {
      // The settings name a topic that already reaches people: alarms notify it, nothing is created here.
      key = null;
      kmsKeyArn = null;
      topic = null;
      topicArn = Memo.of(() -> existing);
      return;
    }
    String name = props.name() != null ? props.name() : stack.naming().name("alarms", NameLimit.SNS_TOPIC);
    String account = Account.id(this);

    if (props.kmsKeyArn() == null) {
      key = new EncryptionKey(this, "Key", EncryptionKeyProps.builder()
          .description("Encrypts the alarm topic " + name + "; usable by CloudWatch alarms")
          .alias(name)
          .allowService(EncryptionKeyProps.ServiceUse.withoutSourceCondition("CloudWatchAlarmsPublish", CLOUDWATCH,
              "kms:Decrypt", "kms:GenerateDataKey*"))
          // The topic keeps no data at rest (messages in flight only): a replaced key loses nothing.
          .allowDestroy()
          .build());
      kmsKeyArn = key.arn();
    } else {
      key = null;
      kmsKeyArn = props.kmsKeyArn();
    }

    topic = SnsTopic.Builder.create(this, "Resource")
        .name(name)
        .kmsMasterKeyId(kmsKeyArn)
        .build();
    topicArn = Memo.of(topic::getArn);

    // Replaces the default topic policy: same-account IAM principals keep their IAM permissions; the only
    // service allowed in is CloudWatch, and only for alarms of this account (confused-deputy guard).
    SnsTopicPolicy.Builder.create(this, "Policy")
        .arn(topicArn.get())
        .policy(PolicyDocument.json(
            new PolicyStatement("CloudWatchAlarmsPublish", PolicyStatement.Effect.Allow, List.of("sns:Publish"),
                List.of(topicArn.get()), Map.of("Service", List.of(CLOUDWATCH)), null)
                .withCondition("StringEquals", "aws:SourceAccount", List.of(account))))
        .build();

    List<String> emails = props.emails() != null ? props.emails() : stack.settings().alarmEmails();
    for (String email : emails) subscribe("Email", "email", email);
    for (String url : props.httpsEndpoints()) subscribe("Https", "https", url);
  }

  private void subscribe(String prefix, String protocol, String endpoint) {
    SnsTopicSubscription.Builder.create(this, prefix + shortHash(endpoint))
        .topicArn(topicArn.get())
        .protocol(protocol)
        .endpoint(endpoint)
        .build();
  }

  private static String shortHash(String endpoint) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(endpoint.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String arn() {
    return topicArn.get();
  }

  public String name() {
    return topic != null ? topic.getName() : topicArn.get().substring(topicArn.get().lastIndexOf(':') + 1);
  }

  /** Whether the alarms notify an existing topic (settings {@code alarmTopicArn}) rather than one created here. */
  public boolean existing() {
    return topic == null;
  }

  /** The key the topic is encrypted with (created here or given in the props). */
  public String kmsKeyArn() {
    return kmsKeyArn;
  }

  /** The key created for the topic; empty when the props brought their own. */
  public Optional<KmsKey> key() {
    return Optional.ofNullable(key).map(EncryptionKey::resource);
  }

  /** The topic created here; null when the alarms notify an existing topic. */
  public SnsTopic resource() {
    return topic;
  }
}
